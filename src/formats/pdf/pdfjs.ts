/**
 * pdf.js with its own CMaps and standard fonts (env.ts says where they are: on disk in Node,
 * on the server in the web app): without them Chinese text in CID fonts comes out empty. Also turns a page's operator list
 * into ruling-line segments and its text content into positioned items.
 */
import { fold, TEMPLATES } from '../../template/index.js';
import { loadPdfJs, pdfAssets, type PdfJs } from './env.js';
import type { Item, Segment } from './layout.js';

export type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;
type PdfPage = Awaited<ReturnType<PdfDocument['getPage']>>;

let loaded: Promise<PdfJs> | null = null;

/** Loaded on first use: most runs never see a PDF. */
export function pdfjs(): Promise<PdfJs> {
  loaded ??= loadPdfJs();
  return loaded;
}

export async function openPdf(bytes: Uint8Array): Promise<PdfDocument> {
  const lib = await pdfjs();
  const assets = pdfAssets();
  // pdf.js takes ownership of the buffer it is given: pass a copy
  const task = lib.getDocument({
    data: bytes.slice(),
    cMapUrl: assets.cMapUrl,
    cMapPacked: true,
    standardFontDataUrl: assets.standardFontDataUrl,
    wasmUrl: assets.wasmUrl,
    disableFontFace: true,
    useSystemFonts: false,
    // no generated code: the web app's Content-Security-Policy forbids eval
    isEvalSupported: false,
    verbosity: 0,
  });
  return task.promise;
}

export interface PageContent {
  width: number;
  height: number;
  items: Item[];
  segments: Segment[];
  /** images painted on the page (a scanned page is one big image) */
  images: number;
}

type Matrix = [number, number, number, number, number, number];

function mul(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

export async function pageContent(page: PdfPage, withLines = true): Promise<PageContent> {
  const lib = await pdfjs();
  const viewport = page.getViewport({ scale: 1 });
  const vt = viewport.transform as Matrix;
  const text = await page.getTextContent();
  const items: Item[] = [];
  for (const raw of text.items) {
    if (!('str' in raw) || raw.str.trim() === '') continue;
    const m = mul(vt, raw.transform as Matrix);
    const size = Math.hypot(m[2], m[3]);
    const x = m[4];
    const baseline = m[5];
    items.push({ str: raw.str, x, y: baseline - size * 0.88, w: raw.width * Math.hypot(vt[0], vt[1]), h: size });
  }
  const segments: Segment[] = [];
  let images = 0;
  // ruling lines cost as much again as the text: fetch them only where a table may be
  if (withLines && (items.length < 5 || mayHoldTable(items))) {
    const ops = await page.getOperatorList();
    const OPS = lib.OPS;
    const stack: Matrix[] = [];
    let ctm: Matrix = vt;
    const STROKES = new Set<number>([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
    const FILLS = new Set<number>([OPS.fill, OPS.eoFill]);
    for (let i = 0; i < ops.fnArray.length; i++) {
      const fn = ops.fnArray[i];
      const args = ops.argsArray[i] as unknown[];
      if (fn === OPS.save) stack.push(ctm);
      else if (fn === OPS.restore) ctm = stack.pop() ?? vt;
      else if (fn === OPS.transform) ctm = mul(ctm, args as unknown as Matrix);
      else if (fn === OPS.paintFormXObjectBegin) {
        stack.push(ctm);
        const matrix = args[0] as Matrix | null;
        if (matrix) ctm = mul(ctm, matrix);
      } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? vt;
      else if (fn === OPS.paintImageXObject || fn === OPS.paintInlineImageXObject || fn === OPS.paintImageMaskXObject) images++;
      else if (fn === OPS.constructPath) {
        const paint = args[0] as number;
        const stroke = STROKES.has(paint);
        const fill = FILLS.has(paint);
        if (!stroke && !fill) continue;
        const data = (args[1] as ArrayLike<number>[] | undefined)?.[0];
        if (!data) continue;
        pathSegments(data, ctm, stroke, segments);
      }
    }
  }
  return { width: viewport.width, height: viewport.height, items, segments, images };
}

const TABLE_WORDS = new RegExp([...TEMPLATES['2019'].tables.active.anchors, ...TEMPLATES['2019'].tables.requests.anchors, ...TEMPLATES['2019'].tables.appeals.anchors].map(fold).join('|'));

/** Labels of the national tables, or rows of several numbers side by side. */
function mayHoldTable(items: Item[]): boolean {
  if (items.some((i) => TABLE_WORDS.test(fold(i.str)))) return true;
  const rows = new Map<number, number>();
  for (const i of items) {
    if (!/^\s*[\d.,\-—]+\s*$/.test(i.str)) continue;
    const key = Math.round((i.y + i.h) / 4);
    rows.set(key, (rows.get(key) ?? 0) + 1);
  }
  return [...rows.values()].filter((n) => n >= 3).length >= 2;
}

/** The straight segments a path strokes; a filled path contributes only thin rectangles (rules). */
function pathSegments(data: ArrayLike<number>, ctm: Matrix, stroke: boolean, out: Segment[]): void {
  let cx = 0;
  let cy = 0;
  let sx = 0;
  let sy = 0;
  const pts: [number, number][] = [];
  const push = (x1: number, y1: number, x2: number, y2: number): void => {
    const [a, b] = apply(ctm, x1, y1);
    const [c, d] = apply(ctm, x2, y2);
    out.push({ x1: a, y1: b, x2: c, y2: d });
  };
  const flushFill = (): void => {
    if (pts.length < 4) {
      pts.length = 0;
      return;
    }
    const t = pts.map(([x, y]) => apply(ctm, x, y));
    const xs = t.map((p) => p[0]);
    const ys = t.map((p) => p[1]);
    const x0 = Math.min(...xs);
    const x1 = Math.max(...xs);
    const y0 = Math.min(...ys);
    const y1 = Math.max(...ys);
    if (y1 - y0 <= 2.5 && x1 - x0 > 3) out.push({ x1: x0, y1: (y0 + y1) / 2, x2: x1, y2: (y0 + y1) / 2 });
    else if (x1 - x0 <= 2.5 && y1 - y0 > 3) out.push({ x1: (x0 + x1) / 2, y1: y0, x2: (x0 + x1) / 2, y2: y1 });
    pts.length = 0;
  };
  for (let k = 0; k < data.length; ) {
    const op = data[k]!;
    if (op === 0) {
      if (!stroke) flushFill();
      cx = sx = data[k + 1]!;
      cy = sy = data[k + 2]!;
      if (!stroke) pts.push([cx, cy]);
      k += 3;
    } else if (op === 1) {
      const x = data[k + 1]!;
      const y = data[k + 2]!;
      if (stroke) push(cx, cy, x, y);
      else pts.push([x, y]);
      cx = x;
      cy = y;
      k += 3;
    } else if (op === 2) {
      cx = data[k + 5]!;
      cy = data[k + 6]!;
      if (!stroke) pts.length = 0;
      k += 7;
    } else if (op === 3) {
      cx = data[k + 3]!;
      cy = data[k + 4]!;
      if (!stroke) pts.length = 0;
      k += 5;
    } else if (op === 4) {
      if (stroke && (cx !== sx || cy !== sy)) push(cx, cy, sx, sy);
      cx = sx;
      cy = sy;
      k += 1;
    } else break;
  }
  if (!stroke) flushFill();
}
