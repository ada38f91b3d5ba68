/**
 * PDF → source document. Pages with a text layer are laid out from their text items and
 * ruling lines; a PDF without a text layer (a scan) goes to OCR. Encrypted, corrupt and
 * overlong files give one clear message; pages and time are capped so nothing hangs.
 */
import type { Diagnostic } from '../../diagnostics/types.js';
import type { Block } from '../../document/model.js';
import { fatal, notice } from '../messages.js';
import type { Extraction } from '../text/index.js';
import { joinPages, layoutPage, type PageGeometry } from './layout.js';
import { openPdf, pageContent, type PdfDocument } from './pdfjs.js';

export interface PdfOptions {
  /** pages read at most (default 60) */
  maxPages?: number;
  /** time budget for the whole file in ms (default 60 000) */
  timeoutMs?: number;
  /** OCR for pages without a text layer: a function, or false to refuse scans */
  ocr?: ((doc: PdfDocument, pages: number[]) => Promise<{ pages: PageGeometry[]; messages: Diagnostic[] }>) | false;
  /** called as pages are done, for progress display */
  onProgress?: (done: number, total: number, stage: 'read' | 'ocr') => void;
}

export const MAX_PAGES = 60;

export async function readPdf(bytes: Uint8Array, options: PdfOptions = {}): Promise<Extraction> {
  const started = Date.now();
  const timeout = options.timeoutMs ?? 60_000;
  let doc: PdfDocument;
  try {
    doc = await openPdf(bytes);
  } catch (e) {
    const name = (e as { name?: string }).name ?? '';
    if (name === 'PasswordException') return { document: null, messages: [fatal('pdf-encrypted')] };
    return { document: null, messages: [fatal('pdf-corrupt', { reason: shortReason(e) })] };
  }
  const messages: Diagnostic[] = [];
  try {
    const total = doc.numPages;
    const max = options.maxPages ?? MAX_PAGES;
    const count = Math.min(total, max);
    if (total > max) messages.push(notice('pdf-pages-capped', { total, max }));
    const geometries: (PageGeometry | null)[] = [];
    const scanned: number[] = [];
    for (let n = 1; n <= count; n++) {
      if (Date.now() - started > timeout) {
        messages.push(notice('pdf-timeout', { done: n - 1, total: count, seconds: Math.round(timeout / 1000) }));
        break;
      }
      let page;
      try {
        page = await doc.getPage(n);
      } catch (e) {
        messages.push(notice('pdf-page-unreadable', { page: n, reason: shortReason(e) }));
        geometries.push(null);
        continue;
      }
      const content = await pageContent(page);
      page.cleanup();
      const chars = content.items.reduce((k, it) => k + it.str.replace(/\s/g, '').length, 0);
      if (chars < 10 && content.images > 0) {
        scanned.push(n);
        geometries.push(null);
      } else geometries.push({ page: n, width: content.width, height: content.height, items: content.items, segments: content.segments });
      options.onProgress?.(n, count, 'read');
    }
    if (scanned.length > 0) {
      if (options.ocr === false || !options.ocr) {
        if (scanned.length === geometries.length) return { document: null, messages: [fatal('pdf-scanned-no-ocr'), ...messages] };
        messages.push(notice('pdf-scanned-pages-skipped', { pages: scanned.join('、') }));
      } else {
        const ocr = await options.ocr(doc, scanned);
        messages.push(...ocr.messages);
        for (const g of ocr.pages) geometries[g.page - 1] = g;
      }
    }
    const pages: Block[][] = [];
    let tables = 0;
    for (const g of geometries) {
      if (!g) continue;
      const { blocks, tables: t } = layoutPage(g, tables);
      tables += t;
      pages.push(blocks);
    }
    const blocks = joinPages(pages);
    if (blocks.length === 0) return { document: null, messages: [fatal('file-empty'), ...messages] };
    return { document: { format: scanned.length > 0 && options.ocr ? 'ocr' : 'pdf', blocks, meta: { pages: total } }, messages };
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}

function shortReason(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  return m.length > 80 ? `${m.slice(0, 80)}…` : m;
}
