/**
 * A saved portal page → source document. Scripts, styles, navigation and page chrome are
 * dropped; the report is taken from the element that holds most of the page's own text;
 * block elements become paragraphs in reading order and data tables become grids with
 * rowspan/colspan expanded. Every paragraph and cell keeps its line and column in the HTML.
 */
import { load } from 'cheerio';
import type { AnyNode, Element, Text } from 'domhandler';
import type { Block, Cell, Loc, Paragraph, SourceDocument, Span, Table } from '../../document/model.js';

const SKIP = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'canvas', 'head', 'select',
  'option', 'button', 'input', 'textarea', 'nav', 'map', 'audio', 'video', 'link', 'meta', 'title',
]);
const BLOCK = new Set([
  'p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'section', 'article', 'main',
  'aside', 'header', 'footer', 'blockquote', 'pre', 'center', 'address', 'figure', 'figcaption', 'caption', 'hr',
  'form', 'fieldset', 'body', 'html', 'tr', 'td', 'th', 'tbody', 'thead', 'tfoot', 'table',
]);
const CJK = /[\u3400-\u9fff]/g;
const WS = /[ \t\r\n\f]+/g;

type El = Element;

export interface HtmlOptions {
  encoding?: string;
}

export function extractHtml(html: string, options: HtmlOptions = {}): SourceDocument {
  const $ = load(html, { sourceCodeLocationInfo: true });
  const doc: SourceDocument = { format: 'html', blocks: [], meta: {} };
  if (options.encoding) doc.meta.encoding = options.encoding;
  const title = $('title').first().text().replace(WS, ' ').trim();
  if (title) doc.meta.title = title;
  $([...SKIP].join(',')).remove();
  $('[style]').each((_, el) => {
    if (/display\s*:\s*none|visibility\s*:\s*hidden/i.test($(el).attr('style') ?? '')) $(el).remove();
  });
  $('[hidden]').remove();
  const body = ($('body').get(0) ?? $.root().get(0)) as El;
  const root = contentRoot(body);
  const builder = new Builder();
  builder.walk(root);
  builder.flush();
  doc.blocks = builder.blocks;
  return doc;
}

// ---------------------------------------------------------------------------
// Where the report is: the deepest element that still holds nearly all of the page's own
// (non-link) Chinese text. Navigation and link lists count against an element.

interface Score {
  text: number;
  links: number;
}

function contentRoot(body: El): El {
  const scores = new Map<El, Score>();
  const score = (node: AnyNode, inLink: boolean): Score => {
    if (node.type === 'text') {
      const n = ((node as Text).data.match(CJK) ?? []).length;
      return inLink ? { text: n, links: n } : { text: n, links: 0 };
    }
    if (node.type !== 'tag' && node.type !== 'root') return { text: 0, links: 0 };
    const el = node as El;
    const link = inLink || el.name === 'a';
    const s: Score = { text: 0, links: 0 };
    for (const c of el.children ?? []) {
      const cs = score(c, link);
      s.text += cs.text;
      s.links += cs.links;
    }
    scores.set(el, s);
    return s;
  };
  const total = score(body, false);
  const value = (s: Score): number => s.text - 2 * s.links;
  const target = value(total) * 0.85;
  let best = body;
  const descend = (el: El): void => {
    for (const c of el.children ?? []) {
      if (c.type !== 'tag') continue;
      const s = scores.get(c as El);
      if (s && value(s) >= target && (c as El).name !== 'table') {
        best = c as El;
        descend(c as El);
        return;
      }
    }
  };
  descend(body);
  return best;
}

// ---------------------------------------------------------------------------

class Builder {
  readonly blocks: Block[] = [];
  private text = '';
  private spans: Span[] = [];
  private firstLoc: Loc | null = null;
  private heading: number | undefined;
  private tables = 0;

  walk(node: AnyNode): void {
    if (node.type === 'text') {
      this.addText(node as Text);
      return;
    }
    if (node.type !== 'tag' && node.type !== 'root') return;
    const el = node as El;
    const name = el.name;
    if (name === 'br') {
      this.flush();
      return;
    }
    if (name === 'table' && isDataTable(el)) {
      this.flush();
      this.blocks.push(this.table(el));
      return;
    }
    const block = BLOCK.has(name);
    if (block) this.flush();
    const h = /^h([1-6])$/.exec(name);
    if (h) this.heading = Number(h[1]);
    for (const c of el.children ?? []) this.walk(c);
    if (block) this.flush();
  }

  private addText(t: Text): void {
    const raw = t.data.replace(WS, ' ');
    if (raw === '' || (raw === ' ' && (this.text === '' || this.text.endsWith(' ')))) return;
    const loc = locOf(t);
    if (this.firstLoc === null && raw.trim() !== '') this.firstLoc = loc;
    if (loc) this.spans.push({ start: this.text.length, loc });
    this.text += raw;
  }

  flush(): void {
    const heading = this.heading;
    this.heading = undefined;
    const raw = this.text;
    this.text = '';
    const spans = this.spans;
    this.spans = [];
    const loc = this.firstLoc;
    this.firstLoc = null;
    let s = 0;
    let e = raw.length;
    while (s < e && /[\s\u00a0\u3000]/.test(raw[s]!)) s++;
    while (e > s && /[\s\u00a0\u3000]/.test(raw[e - 1]!)) e--;
    if (s >= e) return;
    const p: Paragraph = { kind: 'paragraph', text: raw.slice(s, e), loc: loc ?? {} };
    const inner = spans.filter((x) => x.start > s && x.start < e).map((x) => ({ start: x.start - s, loc: x.loc }));
    if (inner.length > 0) p.spans = [{ start: 0, loc: p.loc }, ...inner];
    if (heading !== undefined) p.headingLevel = heading;
    this.blocks.push(p);
  }

  /** A <table> as a grid: spanned positions hold copies marked `merged`. */
  private table(el: El): Table {
    const index = ++this.tables;
    const rows: Cell[][] = [];
    const pending: ({ cell: Cell; left: number } | undefined)[] = []; // rowspans still open, by column
    let r = 0;
    for (const tr of rowsOf(el)) {
      r++;
      const row: Cell[] = [];
      let col = 0;
      const place = (): void => {
        while (pending[col] && pending[col]!.left > 0) {
          const p = pending[col]!;
          row.push({ ...p.cell, merged: true });
          p.left--;
          col++;
        }
      };
      for (const td of (tr.children ?? []).filter((c): c is El => c.type === 'tag' && (c.name === 'td' || c.name === 'th'))) {
        place();
        const colSpan = clampSpan(td.attribs.colspan);
        const rowSpan = clampSpan(td.attribs.rowspan);
        const loc: Loc = { ...(locOf(td) ?? {}), table: index, row: r, col: col + 1 };
        const cell: Cell = { text: cellText(td), loc };
        if (colSpan > 1) cell.colSpan = colSpan;
        if (rowSpan > 1) cell.rowSpan = rowSpan;
        for (let k = 0; k < colSpan; k++) {
          row.push(k === 0 ? cell : { ...cell, merged: true });
          if (rowSpan > 1) pending[col] = { cell, left: rowSpan - 1 };
          col++;
        }
      }
      place();
      if (row.length > 0) rows.push(row);
    }
    return { kind: 'table', index, rows, loc: { ...(locOf(el) ?? {}), table: index } };
  }
}

function clampSpan(v: string | undefined): number {
  const n = Number.parseInt(v ?? '1', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, 100) : 1;
}

function rowsOf(table: El): El[] {
  const out: El[] = [];
  const visit = (el: El): void => {
    for (const c of el.children ?? []) {
      if (c.type !== 'tag') continue;
      const e = c as El;
      if (e.name === 'tr') out.push(e);
      else if (e.name === 'tbody' || e.name === 'thead' || e.name === 'tfoot') visit(e);
    }
  };
  visit(table);
  return out;
}

/** A table of data has no table inside it; one that has is page layout, read as blocks. */
function isDataTable(el: El): boolean {
  const stack: AnyNode[] = [...(el.children ?? [])];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.type === 'tag') {
      if ((n as El).name === 'table') return false;
      stack.push(...((n as El).children ?? []));
    }
  }
  return true;
}

/** Text of a cell: line breaks and paragraphs inside become spaces, so “1<br>2” never reads as 12. */
function cellText(td: El): string {
  let out = '';
  const visit = (n: AnyNode): void => {
    if (n.type === 'text') out += (n as Text).data.replace(WS, ' ');
    else if (n.type === 'tag') {
      const e = n as El;
      if (e.name === 'br') out += ' ';
      const block = BLOCK.has(e.name);
      if (block && out && !out.endsWith(' ')) out += ' ';
      for (const c of e.children ?? []) visit(c);
      if (block) out += ' ';
    }
  };
  for (const c of td.children ?? []) visit(c);
  return out.replace(/ +/g, ' ').trim();
}

function locOf(node: AnyNode): Loc | null {
  const l = (node as { sourceCodeLocation?: { startLine: number; startCol: number } | null }).sourceCodeLocation;
  return l ? { line: l.startLine, column: l.startCol } : null;
}
