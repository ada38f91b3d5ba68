/** API errors: a stable code people and programs can rely on, and a Chinese message. */
export class ApiError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 500 | 503,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const notFound = (what: string): ApiError => new ApiError(404, 'not-found', `${what}不存在`);

export function body(e: ApiError): { error: { code: string; message: string } } {
  return { error: { code: e.code, message: e.message } };
}
