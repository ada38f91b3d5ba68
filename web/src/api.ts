/** The HTTP API, the app's only way to the server. Errors carry the API's code and Chinese message. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

let csrf: string | null = null;

export interface Session {
  accounts: boolean;
  user: { name: string; role: string; roleLabel: string; areaCode: string | null } | null;
  csrf: string | null;
  version: string;
}

export function csrfToken(): string {
  return csrf ?? '';
}

export async function session(): Promise<Session> {
  const s = await get<Session>('/api/session');
  csrf = s.csrf;
  return s;
}

async function answer<T>(res: Response): Promise<T> {
  const type = res.headers.get('content-type') ?? '';
  const data = type.includes('json') ? ((await res.json()) as unknown) : null;
  if (!res.ok) {
    const e = (data as { error?: { code?: string; message?: string } } | null)?.error;
    throw new ApiFailure(res.status, e?.code ?? 'http-error', e?.message ?? `请求失败（HTTP ${res.status}）`);
  }
  return data as T;
}

export async function get<T>(path: string, query: Record<string, string | number | boolean | undefined | null> = {}): Promise<T> {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return answer<T>(await fetch(qs ? `${path}?${qs}` : path, { credentials: 'same-origin' }));
}

export async function send<T>(method: 'POST' | 'DELETE', path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {};
  if (csrf) headers['X-CSRF-Token'] = csrf;
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const res = await fetch(path, { method, headers, body: payload ?? null, credentials: 'same-origin' });
  const out = await answer<T & { csrf?: string }>(res);
  if (path === '/api/session' && method === 'POST' && out.csrf) csrf = out.csrf;
  return out;
}

export function exportUrl(query: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v) params.set(k, v);
  return `/api/export?${params}`;
}
