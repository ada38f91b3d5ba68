/**
 * OCR for scanned PDFs and images, fully offline: pages are rendered with pdf.js onto
 * @napi-rs/canvas, table rules are found in the pixels and painted out, tesseract.js reads
 * the page with the Simplified Chinese model shipped in @tesseract.js-data/chi_sim, and the
 * table cells are read again in one digits-only pass. Every value keeps its confidence;
 * the parser turns low confidence into an unreadable cell, never a silent number.
 */
import { createRequire } from 'node:module';
import type { Diagnostic } from '../../diagnostics/types.js';
import { fatal, notice } from '../messages.js';
import { cellBoxes, findGrids, joinPages, layoutPage, type Item, type PageGeometry, type Segment } from '../pdf/layout.js';
import type { PdfDocument } from '../pdf/pdfjs.js';
import type { Extraction } from '../text/index.js';
import { crop, inkBox, removeRules, type Raster } from './image.js';

export interface OcrOptions {
  /** rendering resolution for PDF pages (default 300 dpi) */
  dpi?: number;
  onProgress?: (done: number, total: number) => void;
}

type Tesseract = typeof import('tesseract.js');
type Worker = Awaited<ReturnType<Tesseract['createWorker']>>;
type Canvas = typeof import('@napi-rs/canvas');

const DIGITS = '0123456789.-—/';

/** Tesseract workers for a whole run (Chinese for the page, English for digits), created on first use. */
export class OcrEngine {
  private workers = new Map<string, Promise<Worker>>();

  private get(lang: 'chi_sim' | 'eng'): Promise<Worker> {
    let w = this.workers.get(lang);
    if (!w) {
      w = (async () => {
        const { createWorker } = await import('tesseract.js');
        const require = createRequire(import.meta.url);
        const data = require(`@tesseract.js-data/${lang}`) as { langPath: string; gzip: boolean };
        // langPath is local (nothing is fetched); cacheMethod none (nothing is written next to the user's files)
        return createWorker(lang, 1, { langPath: data.langPath, gzip: data.gzip, cacheMethod: 'none' });
      })();
      this.workers.set(lang, w);
    }
    return w;
  }

  async close(): Promise<void> {
    const all = [...this.workers.values()];
    this.workers.clear();
    for (const w of all) await (await w.catch(() => null))?.terminate();
  }

  /** A raster page → text items and rules in page units (pixels ÷ scale), with confidences. */
  async page(raster: Raster, scale: number, page: number, canvasLib: Canvas): Promise<{ geometry: PageGeometry; confidence: number }> {
    const chi = await this.get('chi_sim');
    const { segments, cleaned } = removeRules(raster);
    // the page pass reads Chinese at about 200 dpi: enough for the text, and faster
    const factor = scale * 72 > 220 ? (scale * 72) / 200 : 1;
    await chi.setParameters({ tessedit_char_whitelist: '', tessedit_pageseg_mode: '3' as never, user_defined_dpi: String(Math.round((72 * scale) / factor)) });
    const { data } = await chi.recognize(toPng(cleaned, canvasLib, 1 / factor), {}, { blocks: true });
    const items: Item[] = [];
    let lineId = 0;
    for (const block of data.blocks ?? []) {
      for (const para of block.paragraphs) {
        for (const line of para.lines) {
          lineId++;
          for (const w of line.words) {
            const text = w.text.trim();
            if (!text) continue;
            const b = w.bbox;
            items.push({ str: text, x: b.x0 * factor, y: b.y0 * factor, w: (b.x1 - b.x0) * factor, h: (b.y1 - b.y0) * factor, conf: w.confidence, line: lineId });
          }
        }
      }
    }
    // table cells holding numbers are read again one by one, digits only: the Chinese model
    // misreads small numbers, and two readings that disagree are not trusted
    const boxes = findGrids(segments).flatMap((g) => {
      const cells = valueCells(g, items, (b) => inkBox(cleaned, b) !== null);
      // a value cell is about one row high; taller ones are merged headers
      const heights = cells.map((b) => b[3] - b[1]).sort((a, b) => a - b);
      const typical = heights[Math.floor(heights.length / 2)] ?? 0;
      return cells.filter((b) => b[3] - b[1] <= typical * 2.5);
    });
    const replaced = new Set<Item>();
    const extra: Item[] = [];
    for (const box of boxes) {
      const inside = items.filter((it) => centerIn(it, box));
      const first = inside.map((it) => it.str).join('');
      const cjk = (first.match(/[\u3400-\u9fff]/g) ?? []).length;
      // a header label in a value column is left alone; one or two characters may be a misread
      // number (“明日” for 0), kept as they are unless the digit reading is sure
      if (cjk > 2) continue;
      const ink = inkBox(cleaned, box, Math.max(4, Math.round(scale * 2)));
      if (!ink) continue;
      // a lone glyph (0, 1, 7…) is read as a single character: line mode drops many of them
      const single = ink[2] - ink[0] <= (ink[3] - ink[1]) * 1.1;
      const read = await this.digits(toPng(crop(cleaned, ink), canvasLib, 1), String(Math.round(72 * scale)), single);
      // no digit seen: a short header such as 其他 stays as it is
      if (cjk > 0 && !read.text) continue;
      for (const it of inside) replaced.add(it);
      let { text, conf } = read;
      // the page pass often takes a remnant of a border for a quote mark or a stroke
      const firstDigits = first.replace(/[\s“”"'‘’`_|丨]/g, '');
      // Chinese read where the digit reading saw a number it is unsure of: not a label, not a value
      if (cjk > 0 && conf < 85) conf = 0;
      if (/^[\d.\-—/]+$/.test(firstDigits)) {
        // the page pass read this cell too: agreement confirms, disagreement disqualifies
        if (firstDigits === text) conf = Math.max(conf, 90);
        else if (text) conf = 0;
      }
      if (!text) {
        // ink that neither reading could make out: there is something, but not a number we trust
        text = /^[\d.\-—/]+$/.test(firstDigits) ? firstDigits : '?';
        conf = 0;
      }
      extra.push({ str: text, x: ink[0], y: ink[1], w: ink[2] - ink[0], h: ink[3] - ink[1], conf, line: ++lineId });
    }
    const all = [...items.filter((it) => !replaced.has(it)), ...extra];
    const scaled = (v: number): number => v / scale;
    const geometry: PageGeometry = {
      page,
      width: raster.width / scale,
      height: raster.height / scale,
      items: all.map((it) => ({ ...it, x: scaled(it.x), y: scaled(it.y), w: scaled(it.w), h: scaled(it.h) })),
      segments: segments.map((s: Segment) => ({ x1: scaled(s.x1), y1: scaled(s.y1), x2: scaled(s.x2), y2: scaled(s.y2) })),
    };
    return { geometry, confidence: data.confidence };
  }

  /** One cell's number: the English model first; the Chinese one when it is unsure; disagreement → confidence 0. */
  private async digits(png: Buffer, dpi: string, single: boolean): Promise<{ text: string; conf: number }> {
    const read = async (lang: 'eng' | 'chi_sim'): Promise<{ text: string; conf: number }> => {
      const w = await this.get(lang);
      await w.setParameters({ tessedit_char_whitelist: DIGITS, tessedit_pageseg_mode: (single ? '10' : '7') as never, user_defined_dpi: dpi });
      const r = await w.recognize(png);
      return { text: r.data.text.replace(/\s+/g, ''), conf: r.data.confidence };
    };
    const eng = await read('eng');
    if (eng.text && eng.conf >= 85) return eng;
    const chi = await read('chi_sim');
    if (eng.text && chi.text) return eng.text === chi.text ? { text: eng.text, conf: Math.max(eng.conf, chi.conf) } : { text: eng.text, conf: 0 };
    const one = eng.text ? eng : chi;
    return one.text ? { text: one.text, conf: Math.min(one.conf, 60) } : { text: '', conf: 0 };
  }
}

const CJK = /[\u3400-\u9fff]/;

/**
 * The cells of a grid that lie in value columns: columns whose cells are mostly not Chinese
 * text. Label columns (规章, 一、本年新收…) are left to the page pass.
 */
function valueCells(
  grid: ReturnType<typeof findGrids>[number],
  items: Item[],
  inked: (b: [number, number, number, number]) => boolean,
): [number, number, number, number][] {
  const boxes = cellBoxes(grid);
  const { xs } = grid;
  const colOf = (b: [number, number, number, number]): [number, number] => [
    xs.findIndex((x) => Math.abs(x - b[0]) <= 2),
    xs.findIndex((x) => Math.abs(x - b[2]) <= 2),
  ];
  const textOf = (b: [number, number, number, number]): string => items.filter((it) => centerIn(it, b)).map((it) => it.str).join('');
  const labels = new Array(xs.length).fill(0) as number[];
  const filled = new Array(xs.length).fill(0) as number[];
  for (const b of boxes) {
    const [c0, c1] = colOf(b);
    if (c0 < 0 || c1 !== c0 + 1) continue;
    const t = textOf(b);
    // a cell the page pass could not read still counts if there is ink in it
    if (!t && !inked(b)) continue;
    filled[c0]!++;
    // a label has a few characters; a number misread as Chinese is one or two
    if ((t.match(new RegExp(CJK, 'g')) ?? []).length > 2) labels[c0]!++;
  }
  return boxes.filter((b) => {
    const [c0, c1] = colOf(b);
    if (c0 < 0 || c1 < 0) return false;
    for (let c = c0; c < c1; c++) if (filled[c]! > 0 && labels[c]! / filled[c]! > 0.5) return false;
    return true;
  });
}

function centerIn(it: Item, b: [number, number, number, number]): boolean {
  const cx = it.x + it.w / 2;
  const cy = it.y + it.h / 2;
  return cx >= b[0] && cx <= b[2] && cy >= b[1] && cy <= b[3];
}

function toPng(r: Raster, lib: Canvas, zoom: number): Buffer {
  const canvas = lib.createCanvas(r.width, r.height);
  const ctx = canvas.getContext('2d');
  const image = ctx.createImageData(r.width, r.height);
  image.data.set(r.data);
  ctx.putImageData(image, 0, 0);
  if (zoom === 1) return canvas.toBuffer('image/png');
  const out = lib.createCanvas(Math.max(1, Math.round(r.width * zoom)), Math.max(1, Math.round(r.height * zoom)));
  const octx = out.getContext('2d');
  octx.imageSmoothingQuality = 'high';
  octx.drawImage(canvas, 0, 0, out.width, out.height);
  return out.toBuffer('image/png');
}

let shared: OcrEngine | null = null;

/**
 * One engine for the whole process: loading the language models costs more than reading a
 * page, so a batch of scans shares them. Whoever runs OCR must call closeOcr() when done,
 * or the worker threads keep the process alive.
 */
export function ocrEngine(): OcrEngine {
  if (idle) clearTimeout(idle);
  idle = null;
  shared ??= new OcrEngine();
  return shared;
}

let idle: ReturnType<typeof setTimeout> | null = null;

/** A library caller that forgets closeOcr() still gets its process back, a few seconds later. */
function closeWhenIdle(): void {
  if (idle) clearTimeout(idle);
  idle = setTimeout(() => void closeOcr(), 3000);
  idle.unref();
}

export async function closeOcr(): Promise<void> {
  if (idle) clearTimeout(idle);
  idle = null;
  const e = shared;
  shared = null;
  await e?.close();
}

/** OCR for the scanned pages of a PDF, for readPdf's `ocr` option. */
export function pdfOcr(options: OcrOptions = {}): (doc: PdfDocument, pages: number[]) => Promise<{ pages: PageGeometry[]; messages: Diagnostic[] }> {
  return async (doc, pages) => {
    const canvasLib = await import('@napi-rs/canvas');
    const engine = ocrEngine();
    const out: PageGeometry[] = [];
    const messages: Diagnostic[] = [];
    const confidences: number[] = [];
    try {
      for (const [k, n] of pages.entries()) {
        const page = await doc.getPage(n);
        const scale = (options.dpi ?? 300) / 72;
        const viewport = page.getViewport({ scale });
        const canvas = canvasLib.createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
        const ctx = canvas.getContext('2d');
        ctx.fillStyle = '#ffffff';
        ctx.fillRect(0, 0, canvas.width, canvas.height);
        await page.render({ canvasContext: ctx as never, viewport, canvas: canvas as never }).promise;
        const img = ctx.getImageData(0, 0, canvas.width, canvas.height);
        page.cleanup();
        const { geometry, confidence } = await engine.page({ width: img.width, height: img.height, data: img.data }, scale, n, canvasLib);
        out.push(geometry);
        confidences.push(confidence);
        options.onProgress?.(k + 1, pages.length);
      }
    } catch (e) {
      messages.push(fatal('ocr-failed', { reason: e instanceof Error ? e.message.slice(0, 80) : String(e) }));
      await closeOcr();
    }
    closeWhenIdle();
    if (out.length > 0) {
      const avg = Math.round(confidences.reduce((a, b) => a + b, 0) / confidences.length);
      messages.push(notice('ocr-used', { pages: pages.join('、'), confidence: avg }));
    }
    return { pages: out, messages };
  };
}

/**
 * A PNG or JPEG image of a report page → source document by OCR. Images are decoded by
 * pure-JS decoders (pngjs, jpeg-js): a malformed image gives an error, never a crash of the
 * native canvas library.
 */
export async function readImage(bytes: Uint8Array, kind: 'png' | 'jpeg', options: OcrOptions = {}): Promise<Extraction> {
  let raster: Raster;
  try {
    raster = await decodeImage(bytes, kind);
  } catch (e) {
    return { document: null, messages: [fatal('image-corrupt', { reason: e instanceof Error ? e.message.slice(0, 80) : String(e) })] };
  }
  const canvasLib = await import('@napi-rs/canvas');
  const engine = ocrEngine();
  try {
    // an image has no physical size: take its width as that of an A4 page (595 pt)
    const scale = Math.max(1, raster.width / 595);
    const { geometry, confidence } = await engine.page(raster, scale, 1, canvasLib);
    closeWhenIdle();
    options.onProgress?.(1, 1);
    const { blocks } = layoutPage(geometry, 0);
    const joined = joinPages([blocks]);
    if (joined.length === 0) return { document: null, messages: [fatal('file-empty')] };
    return { document: { format: 'ocr', blocks: joined, meta: { pages: 1 } }, messages: [notice('ocr-used', { pages: '1', confidence: Math.round(confidence) })] };
  } catch (e) {
    await closeOcr();
    return { document: null, messages: [fatal('ocr-failed', { reason: e instanceof Error ? e.message.slice(0, 80) : String(e) })] };
  }
}

const MAX_PIXELS = 60_000_000;

async function decodeImage(bytes: Uint8Array, kind: 'png' | 'jpeg'): Promise<Raster> {
  if (kind === 'png') {
    const { PNG } = await import('pngjs');
    const png = PNG.sync.read(Buffer.from(bytes));
    if (png.width * png.height > MAX_PIXELS) throw new Error(`图像过大（${png.width}×${png.height}）`);
    return { width: png.width, height: png.height, data: new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length) };
  }
  const { default: jpeg } = await import('jpeg-js');
  const img = jpeg.decode(Buffer.from(bytes), { useTArray: true, formatAsRGBA: true, maxResolutionInMP: MAX_PIXELS / 1e6, maxMemoryUsageInMB: 1024 });
  return { width: img.width, height: img.height, data: new Uint8ClampedArray(img.data.buffer, img.data.byteOffset, img.data.length) };
}
