/**
 * Page geometry → source document: shared by the PDF text layer and OCR. Tables are rebuilt
 * from ruling lines (cells are the regions the rules enclose; a missing rule between two
 * slots merges them), text outside tables is gathered into lines and paragraphs, page
 * numbers are dropped, and a table that runs on at the top of the next page is joined.
 * All coordinates are PDF points from the page's top-left.
 */
import type { Block, Cell, Loc, Paragraph, Span, Table } from '../../document/model.js';

export interface Item {
  str: string;
  /** left, top, width, height */
  x: number;
  y: number;
  w: number;
  h: number;
  /** OCR confidence 0–100, when the text was recognised from an image */
  conf?: number;
  /** OCR: the recogniser's line this word belongs to (its own grouping beats geometry for glyph boxes) */
  line?: number;
}

export interface Segment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface PageGeometry {
  page: number;
  width: number;
  height: number;
  items: Item[];
  segments: Segment[];
}

const TOL = 2;

// ---------------------------------------------------------------------------
// Ruling lines → tables

interface Grid {
  xs: number[];
  ys: number[];
  h: Segment[];
  v: Segment[];
  box: [number, number, number, number];
}

function horizontal(s: Segment): boolean {
  return Math.abs(s.y1 - s.y2) <= 1 && Math.abs(s.x1 - s.x2) >= 3;
}
function vertical(s: Segment): boolean {
  return Math.abs(s.x1 - s.x2) <= 1 && Math.abs(s.y1 - s.y2) >= 3;
}
function norm(s: Segment): Segment {
  return { x1: Math.min(s.x1, s.x2), y1: Math.min(s.y1, s.y2), x2: Math.max(s.x1, s.x2), y2: Math.max(s.y1, s.y2) };
}

function touches(a: Segment, b: Segment): boolean {
  return a.x1 - TOL <= b.x2 && b.x1 - TOL <= a.x2 && a.y1 - TOL <= b.y2 && b.y1 - TOL <= a.y2;
}

/** Values within `tol` of each other collapse to their mean. */
function cluster(values: number[], tol = TOL): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const v of sorted) {
    const last = out[out.length - 1];
    if (last && v - last[last.length - 1]! <= tol) last.push(v);
    else out.push([v]);
  }
  return out.map((g) => g.reduce((a, b) => a + b, 0) / g.length);
}

/** Groups of touching rules with at least two rules each way: one table each. */
export function findGrids(segments: Segment[]): Grid[] {
  const lines = segments.map(norm).filter((s) => horizontal(s) || vertical(s));
  // merge collinear pieces (a border drawn cell by cell)
  const parent = lines.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  // sweep by x to keep this near-linear on pages with many rules
  const order = lines.map((_, i) => i).sort((a, b) => lines[a]!.x1 - lines[b]!.x1);
  for (let a = 0; a < order.length; a++) {
    const sa = lines[order[a]!]!;
    for (let b = a + 1; b < order.length; b++) {
      const sb = lines[order[b]!]!;
      if (sb.x1 - TOL > sa.x2) break;
      if (touches(sa, sb)) parent[root(order[a]!)] = root(order[b]!);
    }
  }
  const groups = new Map<number, Segment[]>();
  lines.forEach((s, i) => {
    const r = root(i);
    if (!groups.has(r)) groups.set(r, []);
    groups.get(r)!.push(s);
  });
  const grids: Grid[] = [];
  for (const g of groups.values()) {
    const h = g.filter(horizontal);
    const v = g.filter(vertical);
    const ys = cluster(h.map((s) => s.y1));
    const xs = cluster(v.map((s) => s.x1));
    // at a page break the last (or first) border is often not drawn: the columns' rules
    // reaching past the outermost horizontal rule close the table there
    if (v.length > 0 && ys.length > 0) {
      const bottom = Math.max(...v.map((s) => s.y2));
      const top = Math.min(...v.map((s) => s.y1));
      if (bottom - ys[ys.length - 1]! > 5) ys.push(bottom);
      if (ys[0]! - top > 5) ys.unshift(top);
    }
    if (ys.length < 2 || xs.length < 2) continue;
    const box: [number, number, number, number] = [xs[0]!, ys[0]!, xs[xs.length - 1]!, ys[ys.length - 1]!];
    if (box[2] - box[0] < 20 || box[3] - box[1] < 8) continue;
    // hatching or a dithered fill is not a table: no report table has dozens of columns
    if (xs.length > 40 || ys.length > 300) continue;
    grids.push({ xs, ys, h, v, box });
  }
  return grids.sort((a, b) => a.box[1] - b.box[1]);
}

/** Is the stretch [a, b] along a rule at `at` covered by the rules? */
function covered(rules: Segment[], at: number, a: number, b: number, axis: 'h' | 'v'): boolean {
  const need = b - a;
  if (need <= 0) return true;
  let got = 0;
  for (const s of rules) {
    const pos = axis === 'h' ? s.y1 : s.x1;
    if (Math.abs(pos - at) > TOL) continue;
    const lo = axis === 'h' ? s.x1 : s.y1;
    const hi = axis === 'h' ? s.x2 : s.y2;
    got += Math.max(0, Math.min(b, hi) - Math.max(a, lo));
  }
  return got >= need * 0.6;
}

/** The cells (merged regions) of a grid as boxes [x0, y0, x1, y1]. */
export function cellBoxes(grid: Grid): [number, number, number, number][] {
  const { boxes } = regions(grid);
  return [...boxes.values()];
}

function regions(grid: Grid): { root: (k: number) => number; boxes: Map<number, [number, number, number, number]>; id: (i: number, j: number) => number } {
  const { xs, ys } = grid;
  const R = ys.length - 1;
  const C = xs.length - 1;
  const id = (i: number, j: number): number => i * C + j;
  const parent = Array.from({ length: R * C }, (_, k) => k);
  const root = (k: number): number => (parent[k] === k ? k : (parent[k] = root(parent[k]!)));
  const join = (a: number, b: number): void => {
    parent[root(a)] = root(b);
  };
  for (let i = 0; i < R; i++) {
    for (let j = 0; j < C; j++) {
      if (j + 1 < C && !covered(grid.v, xs[j + 1]!, ys[i]! + 1, ys[i + 1]! - 1, 'v')) join(id(i, j), id(i, j + 1));
      if (i + 1 < R && !covered(grid.h, ys[i + 1]!, xs[j]! + 1, xs[j + 1]! - 1, 'h')) join(id(i, j), id(i + 1, j));
    }
  }
  const boxes = new Map<number, [number, number, number, number]>();
  for (let i = 0; i < R; i++) {
    for (let j = 0; j < C; j++) {
      const r = root(id(i, j));
      const b = boxes.get(r);
      const cell: [number, number, number, number] = [xs[j]!, ys[i]!, xs[j + 1]!, ys[i + 1]!];
      boxes.set(r, b ? [Math.min(b[0], cell[0]), Math.min(b[1], cell[1]), Math.max(b[2], cell[2]), Math.max(b[3], cell[3])] : cell);
    }
  }
  return { root, boxes, id };
}

/** A grid and the page's text items → a table whose merged cells are repeated as `merged` copies. */
function buildTable(grid: Grid, items: Item[], page: number, index: number): Table {
  const { xs, ys } = grid;
  const R = ys.length - 1;
  const C = xs.length - 1;
  const { root, boxes, id } = regions(grid);
  const inRegion = new Map<number, Item[]>();
  for (const it of items) {
    const cx = it.x + it.w / 2;
    const cy = it.y + it.h / 2;
    const j = xs.findIndex((x, k) => k < C && cx >= x && cx < xs[k + 1]!);
    const i = ys.findIndex((y, k) => k < R && cy >= y && cy < ys[k + 1]!);
    if (i < 0 || j < 0) continue;
    const r = root(id(i, j));
    if (!inRegion.has(r)) inRegion.set(r, []);
    inRegion.get(r)!.push(it);
  }
  const seen = new Set<number>();
  const rows: Cell[][] = [];
  for (let i = 0; i < R; i++) {
    const row: Cell[] = [];
    for (let j = 0; j < C; j++) {
      const r = root(id(i, j));
      const b = boxes.get(r)!;
      const its = inRegion.get(r) ?? [];
      const loc: Loc = { page, box: [round(b[0]), round(b[1]), round(b[2] - b[0]), round(b[3] - b[1])], table: index, row: i + 1, col: j + 1 };
      const cell: Cell = { text: joinLines(lines(its)), loc };
      const conf = minConf(its);
      if (conf !== undefined) cell.confidence = conf;
      if (seen.has(r)) cell.merged = true;
      seen.add(r);
      row.push(cell);
    }
    rows.push(row);
  }
  return { kind: 'table', index, rows, loc: { page, box: [round(grid.box[0]), round(grid.box[1]), round(grid.box[2] - grid.box[0]), round(grid.box[3] - grid.box[1])], table: index } };
}

function minConf(items: Item[]): number | undefined {
  let m: number | undefined;
  for (const it of items) if (it.conf !== undefined) m = m === undefined ? it.conf : Math.min(m, it.conf);
  return m;
}

function round(x: number): number {
  return Math.round(x * 10) / 10;
}

// ---------------------------------------------------------------------------
// Text → lines → paragraphs

export interface Line {
  items: Item[];
  text: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Items grouped by baseline into lines, left to right, with a space where there is a gap. */
export function lines(items: Item[]): Line[] {
  const kept = items.filter((i) => i.str.trim() !== '');
  let out: Item[][];
  if (kept.length > 0 && kept.every((i) => i.line !== undefined)) {
    // OCR: the recogniser's own lines, top to bottom
    const byLine = new Map<number, Item[]>();
    for (const it of kept) {
      if (!byLine.has(it.line!)) byLine.set(it.line!, []);
      byLine.get(it.line!)!.push(it);
    }
    out = [...byLine.values()].sort((a, b) => Math.min(...a.map((i) => i.y)) - Math.min(...b.map((i) => i.y)));
  } else {
    out = [];
    const sorted = kept.sort((a, b) => a.y + a.h - (b.y + b.h) || a.x - b.x);
    for (const it of sorted) {
      const last = out[out.length - 1];
      const ref = last?.[0];
      if (ref && Math.abs(it.y + it.h - (ref.y + ref.h)) <= Math.max(1.5, 0.45 * Math.min(it.h, ref.h))) last!.push(it);
      else out.push([it]);
    }
  }
  return out.map((ls) => {
    ls.sort((a, b) => a.x - b.x);
    let text = '';
    let right = -Infinity;
    for (const it of ls) {
      const gap = it.x - right;
      // CJK characters never take a space between them, however wide the glyph boxes are apart
      const cjk = CJK_END.test(text) && CJK_START.test(it.str);
      if (text && !cjk && gap > Math.max(2, 0.6 * it.h)) text += ' ';
      text += it.str;
      right = Math.max(right, it.x + it.w);
    }
    const x = Math.min(...ls.map((i) => i.x));
    const y = Math.min(...ls.map((i) => i.y));
    return {
      items: ls,
      text: text.replace(/\s+/g, ' ').trim(),
      x,
      y,
      w: Math.max(...ls.map((i) => i.x + i.w)) - x,
      h: Math.max(...ls.map((i) => i.y + i.h)) - y,
    };
  });
}

const CJK_END = /[\u3400-\u9fff\uff00-\uffef（）《》“”、，。：；]$/;
const CJK_START = /^[\u3400-\u9fff\uff00-\uffef（）《》“”、，。：；]/;

/** Lines of one cell: CJK runs join without a space (labels wrap inside cells), others with one. */
function joinLines(ls: Line[]): string {
  let out = '';
  for (const l of ls) {
    if (out && !(CJK_END.test(out) && CJK_START.test(l.text))) out += ' ';
    out += l.text;
  }
  return out;
}

const PAGE_NUMBER = /^(?:[-—–－]\s*\d{1,4}\s*[-—–－]|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}(?:\s*\/\s*\d{1,4})?)$/;
const SENTENCE_END = /[。！？；：:;!?…）)”」』》]$/;

/** One page → its blocks in reading order (top to bottom). */
export function layoutPage(g: PageGeometry, firstTableIndex: number): { blocks: Block[]; tables: number } {
  const grids = findGrids(g.segments);
  const inside = (it: Item, b: [number, number, number, number]): boolean => {
    const cx = it.x + it.w / 2;
    const cy = it.y + it.h / 2;
    return cx >= b[0] - 1 && cx <= b[2] + 1 && cy >= b[1] - 1 && cy <= b[3] + 1;
  };
  const placed: { top: number; block: Block }[] = [];
  let index = firstTableIndex;
  const free: Item[] = [];
  const byGrid = grids.map(() => [] as Item[]);
  for (const it of g.items) {
    const k = grids.findIndex((gr) => inside(it, gr.box));
    if (k >= 0) byGrid[k]!.push(it);
    else free.push(it);
  }
  grids.forEach((gr, k) => {
    index++;
    placed.push({ top: gr.box[1], block: buildTable(gr, byGrid[k]!, g.page, index) });
  });
  const margin = g.height * 0.09;
  const textLines = lines(free).filter((l) => !((l.y < margin || l.y + l.h > g.height - margin) && PAGE_NUMBER.test(l.text.replace(/\s+/g, ''))));
  for (const p of paragraphsOf(textLines, g)) placed.push({ top: p.top, block: p.paragraph });
  placed.sort((a, b) => a.top - b.top);
  return { blocks: placed.map((p) => p.block), tables: index - firstTableIndex };
}

function paragraphsOf(ls: Line[], g: PageGeometry): { top: number; paragraph: Paragraph }[] {
  if (ls.length === 0) return [];
  const left = Math.min(...ls.map((l) => l.x));
  const right = Math.max(...ls.map((l) => l.x + l.w));
  const out: { top: number; lines: Line[] }[] = [];
  for (const l of ls) {
    const cur = out[out.length - 1];
    const prev = cur?.lines[cur.lines.length - 1];
    let join = false;
    if (prev) {
      const gap = l.y - (prev.y + prev.h);
      const sameSize = Math.abs(l.h - prev.h) <= 0.2 * Math.max(l.h, prev.h);
      const indented = l.x - left >= 1.5 * l.h;
      const prevFull = prev.x + prev.w >= right - 2 * prev.h;
      // Chinese text wraps at any character: a full line followed by an unindented one continues
      join = sameSize && gap <= 1.2 * prev.h && !indented && prevFull;
    }
    if (join) cur!.lines.push(l);
    else out.push({ top: l.y, lines: [l] });
  }
  return out.map(({ top, lines: group }) => {
    let text = '';
    const spans: Span[] = [];
    for (const l of group) {
      if (text && !(CJK_END.test(text) && CJK_START.test(l.text))) text += ' ';
      spans.push({ start: text.length, loc: { page: g.page, box: [round(l.x), round(l.y), round(l.w), round(l.h)] } });
      text += l.text;
    }
    const first = group[0]!;
    const p: Paragraph = { kind: 'paragraph', text, loc: { page: g.page, box: [round(first.x), round(first.y), round(first.w), round(first.h)] } };
    if (spans.length > 1) p.spans = spans;
    return { top, paragraph: p };
  });
}

// ---------------------------------------------------------------------------
// Across pages

/**
 * A table at the very top of a page whose columns line up with the table that ended the
 * previous page is its continuation: its rows are appended (a repeated header is dropped).
 */
export function joinPages(pages: Block[][]): Block[] {
  const out: Block[] = [];
  for (const blocks of pages) {
    const first = blocks[0];
    const prev = out[out.length - 1];
    if (first?.kind === 'table' && prev?.kind === 'table' && sameColumns(prev, first)) {
      let rows = first.rows;
      const header = prev.rows[0]?.map((c) => c.text).join('|');
      if (header && rows[0]?.map((c) => c.text).join('|') === header) rows = rows.slice(1);
      const base = prev.rows.length;
      for (const row of rows) prev.rows.push(row.map((c) => ({ ...c, loc: { ...c.loc, table: prev.index, row: (c.loc.row ?? 0) + base } })));
      out.push(...blocks.slice(1));
    } else out.push(...blocks);
  }
  // renumber tables after joins
  let t = 0;
  for (const b of out) {
    if (b.kind !== 'table') continue;
    t++;
    if (b.index !== t) {
      b.index = t;
      b.loc = { ...b.loc, table: t };
      for (const row of b.rows) for (const c of row) c.loc = { ...c.loc, table: t };
    }
  }
  return joinBrokenParagraphs(out);
}

function columnsOf(t: Table): number[] {
  const row = t.rows[t.rows.length - 1] ?? [];
  return row.filter((c) => !c.merged).map((c) => c.loc.box?.[0] ?? 0);
}

function sameColumns(a: Table, b: Table): boolean {
  const ca = columnsOf(a);
  const cb = columnsOf(b);
  const wa = a.loc.box;
  const wb = b.loc.box;
  if (wa && wb && (Math.abs(wa[0] - wb[0]) > 4 || Math.abs(wa[2] - wb[2]) > 6)) return false;
  const sa = new Set(a.rows.flat().map((c) => Math.round(c.loc.box?.[0] ?? 0)));
  return cb.every((x) => [...sa].some((y) => Math.abs(x - y) <= 3)) || ca.length === cb.length;
}

/** A paragraph that runs on at the top of the next page is one paragraph. */
function joinBrokenParagraphs(blocks: Block[]): Block[] {
  const out: Block[] = [];
  for (const b of blocks) {
    const prev = out[out.length - 1];
    if (
      b.kind === 'paragraph' &&
      prev?.kind === 'paragraph' &&
      prev.loc.page !== undefined &&
      b.loc.page === prev.loc.page + 1 &&
      !SENTENCE_END.test(prev.text) &&
      /[，、]/.test(prev.text) &&
      !/^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])/.test(b.text)
    ) {
      const spans: Span[] = [...(prev.spans ?? [{ start: 0, loc: prev.loc }])];
      for (const s of b.spans ?? [{ start: 0, loc: b.loc }]) spans.push({ start: prev.text.length + s.start, loc: s.loc });
      out[out.length - 1] = { ...prev, text: prev.text + b.text, spans };
      continue;
    }
    out.push(b);
  }
  return out;
}
