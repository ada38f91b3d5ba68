/**
 * Where pdf.js comes from in Node: the legacy build, with CMaps, standard fonts and wasm decoders
 * read from the package's directory. The web app's build swaps this file for web/src/pdf-env.ts.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

export function loadPdfJs(): Promise<PdfJs> {
  return import('pdfjs-dist/legacy/build/pdf.mjs');
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
