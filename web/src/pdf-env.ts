/**
 * Where pdf.js comes from in the browser (the web app's build puts this file in place of
 * src/formats/pdf/env.ts): the modern build, its worker, CMaps and fonts served by gongkai itself.
 */
import * as lib from 'pdfjs-dist';

export type PdfJs = typeof lib;

export async function loadPdfJs(): Promise<PdfJs> {
  lib.GlobalWorkerOptions.workerSrc = '/pdfjs/pdf.worker.min.mjs';
  return lib;
}

export function pdfAssets(): { cMapUrl: string; standardFontDataUrl: string; wasmUrl: string } {
  return { cMapUrl: '/pdfjs/cmaps/', standardFontDataUrl: '/pdfjs/standard_fonts/', wasmUrl: '/pdfjs/wasm/' };
}
