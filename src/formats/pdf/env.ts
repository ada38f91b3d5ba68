/**
 * Where pdf.js comes from in Node: the legacy build, with CMaps, standard fonts and wasm decoders
 * read from the package's directory. The web app's build swaps this file for web/src/pdf-env.ts.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

/**
 * The legacy build carries core-js, which on Node 20 replaces Array.prototype.push and
 * JSON.parse/stringify with JavaScript versions for the whole process (measured here: push about
 * three times slower in a loop, JSON about 40% slower — the store writes JSON for every report).
 * The built-ins it adds (Promise.try, Uint8Array.prototype.toHex, …) pdf.js needs and stay; the
 * ones it replaces are put back.
 */
export async function loadPdfJs(): Promise<PdfJs> {
  const saved: [object, PropertyKey, PropertyDescriptor][] = [
    [Array.prototype, 'push'],
    [JSON, 'parse'],
    [JSON, 'stringify'],
    [Function.prototype, 'toString'],
  ].map(([o, k]) => [o as object, k as PropertyKey, Object.getOwnPropertyDescriptor(o as object, k as PropertyKey)!]);
  const lib = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // the worker module carries its own core-js: load it now (pdf.js uses it in this thread when
  // it finds it here), so that both have run before the built-ins are put back
  const worker = 'pdfjs-dist/legacy/build/pdf.worker.mjs'; // (no type declarations of its own)
  (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= (await import(worker)) as unknown;
  for (const [o, k, d] of saved) Object.defineProperty(o, k, d);
  return lib;
}

/** Where pdf.js keeps its CMaps and fonts, as directory paths ending in a slash. */
export function pdfAssets(): { cMapUrl: string; standardFontDataUrl: string; wasmUrl: string } {
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve('pdfjs-dist/package.json'));
  return {
    cMapUrl: `${join(root, 'cmaps')}/`,
    standardFontDataUrl: `${join(root, 'standard_fonts')}/`,
    wasmUrl: `${join(root, 'wasm')}/`,
  };
}
