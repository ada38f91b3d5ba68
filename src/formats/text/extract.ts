/**
 * Plain text → source document. Handles the layouts that text extracted from DOCX, PDF
 * and web pages takes in practice (see docs/formats.md):
 *  - one cell per line, each starting with a tab, rows separated by blank lines, and cell
 *    text continued on the next untabbed line (header labels broken across lines, vertical
 *    text one character per line);
 *  - tab-separated rows, one per line;
 *  - Markdown pipe tables and `#` headings;
 *  - a crawler's metadata header before a "==== 正文 ====" line;
 *  - `[bookmark: …]` residue and paragraphs broken by a page break inside a sentence.
 * Whatever cannot be a table stays a paragraph; the template parser makes sense of it.
 */
import type { Block, Cell, Loc, Paragraph, SourceDocument, Span, Table } from '../../document/model.js';

const BOOKMARK = /\[bookmark:[^\]]*\]/g;
const BLANK = /^[\s\u00a0\u3000\u200b\ufeff]*$/;
const SEPARATOR_ROW = /^\s*\|?(\s*:?-{2,}:?\s*\|)+\s*:?-*:?\s*\|?\s*$/;
const HEADER_MARK = /^=+\s*正文\s*=+\s*$/;
const HEADER_FIELD = /^\s*([^:：\s]{1,12})\s*[:：]\s*(.*)$/;
/** a page number line left by a PDF conversion: “— 4 —”, “- 4 -”, “第 4 页 共 6 页” */
const PAGE_FOOTER = /^[\s\u00a0\u3000]*(?:[-—–－]\s*\d{1,4}\s*[-—–－]|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4})[\s\u00a0\u3000]*$/;
/** numbered lines that start something new and never continue a cell */
const NUMBERED_START = /^[\s\u00a0\u3000]*(?:[一二三四五六七八九十]+、|\d{1,2}、\s*\S|[（(][一二三四五六七八九十]+[）)]|#)/;
const SENTENCE_END = /[。！？；：:;!?…）)”」』》]$/;
const PROSE_PUNCT = /[，。；、]/;

export interface TextExtractOptions {
  encoding?: string;
  format?: 'text' | 'markdown';
}

interface Line {
  no: number;
  /** text after removing residue; columns map back through spans */
  text: string;
  spans: Span[];
}

export function extractText(input: string, options: TextExtractOptions = {}): SourceDocument {
  const rawLines = input.split(/\r\n|\r|\n/);
  const doc: SourceDocument = { format: options.format ?? 'text', blocks: [], meta: {} };
  if (options.encoding) doc.meta.encoding = options.encoding;

  let first = 0;
  const markAt = rawLines.slice(0, 40).findIndex((l) => HEADER_MARK.test(l));
  if (markAt >= 0) {
    const header: Record<string, string> = {};
    for (const l of rawLines.slice(0, markAt)) {
      const m = HEADER_FIELD.exec(l);
      if (m?.[1] && m[2] !== undefined) header[m[1]] = m[2].trim();
    }
    doc.meta.header = header;
    if (header['标题']) doc.meta.title = header['标题'];
    first = markAt + 1;
  }

  const lines: Line[] = [];
  for (let i = first; i < rawLines.length; i++) lines.push(clean(rawLines[i]!, i + 1));

  const singleTab = lines.filter((l) => /^\t[^\t]*$/.test(l.text)).length;
  const multiTab = lines.filter((l) => /\t.*\t/.test(l.text) || /^[^\t]+\t/.test(l.text)).length;
  const cellPerLine = singleTab >= 5 && singleTab > multiTab;

  const blocks: Block[] = [];
  let table: Table | null = null;
  let tableKind: 'cells' | 'tabs' | 'pipe' | null = null;
  let row: Cell[] | null = null;
  let lastCell: Cell | null = null;
  let prevKind: 'blank' | 'cell' | 'other' = 'blank';
  let tableCount = 0;

  const closeRow = (): void => {
    if (table && row && row.length > 0) table.rows.push(row);
    row = null;
    lastCell = null;
  };
  const closeTable = (): void => {
    closeRow();
    if (table && table.rows.length > 0) blocks.push(table);
    else if (table) tableCount--;
    table = null;
    tableKind = null;
  };
  const openTable = (kind: 'cells' | 'tabs' | 'pipe', line: Line): Table => {
    if (table && tableKind === kind) return table;
    closeTable();
    tableCount++;
    table = { kind: 'table', index: tableCount, rows: [], loc: { line: line.no, column: 1, table: tableCount } };
    tableKind = kind;
    return table;
  };

  for (const line of lines) {
    const text = line.text;
    if (PAGE_FOOTER.test(text)) continue;
    // a line holding only a tab is an empty cell, not a blank line
    if (cellPerLine && /^\t[^\t]*$/.test(text)) {
      const t = openTable('cells', line);
      if (prevKind === 'blank') closeRow();
      if (!row) row = [];
      const cell = makeCell(line, 1, text.length, t.index, t.rows.length + 1, row.length + 1);
      row.push(cell);
      lastCell = cell;
      prevKind = 'cell';
      continue;
    }

    if (BLANK.test(text)) {
      if (tableKind === 'cells') closeRow();
      if (tableKind === 'pipe') closeTable();
      prevKind = 'blank';
      continue;
    }

    if (cellPerLine && prevKind === 'cell' && lastCell && !NUMBERED_START.test(text)) {
      appendToCell(lastCell, line);
      continue;
    }

    if (/^\s*\|/.test(text)) {
      if (SEPARATOR_ROW.test(text)) {
        prevKind = 'other';
        continue;
      }
      const t = openTable('pipe', line);
      t.rows.push(splitPipe(line, t.index, t.rows.length + 1));
      prevKind = 'other';
      continue;
    }

    if (text.includes('\t') && !isProseWithTab(text)) {
      const t = openTable('tabs', line);
      t.rows.push(splitTabs(line, t.index, t.rows.length + 1));
      prevKind = 'other';
      continue;
    }

    closeTable();
    blocks.push(paragraphOf(line));
    prevKind = 'other';
  }
  closeTable();

  doc.blocks = joinBrokenParagraphs(blocks);
  return doc;
}

/** Removes residue, keeping a map from the cleaned text back to source columns. */
function clean(raw: string, no: number): Line {
  const spans: Span[] = [];
  let text = '';
  let last = 0;
  BOOKMARK.lastIndex = 0;
  for (let m = BOOKMARK.exec(raw); m; m = BOOKMARK.exec(raw)) {
    if (m.index > last) {
      spans.push({ start: text.length, loc: { line: no, column: last + 1 } });
      text += raw.slice(last, m.index);
    }
    last = m.index + m[0].length;
  }
  if (last < raw.length || spans.length === 0) {
    spans.push({ start: text.length, loc: { line: no, column: last + 1 } });
    text += raw.slice(last);
  }
  return { no, text: text.replace(/\f/g, ' '), spans };
}

function colAt(line: Line, offset: number): number {
  let best = line.spans[0]!;
  for (const s of line.spans) if (s.start <= offset) best = s;
  return (best.loc.column ?? 1) + (offset - best.start);
}

function makeCell(line: Line, start: number, end: number, table: number, row: number, col: number): Cell {
  return {
    text: line.text.slice(start, end),
    loc: { line: line.no, column: colAt(line, start), table, row, col },
  };
}

function appendToCell(cell: Cell, line: Line): void {
  const spans: Span[] = cell.spans ? [...cell.spans] : [{ start: 0, loc: { line: cell.loc.line!, column: cell.loc.column! } }];
  spans.push({ start: cell.text.length, loc: { line: line.no, column: colAt(line, 0) } });
  cell.text += line.text;
  cell.spans = spans;
}

function splitTabs(line: Line, table: number, row: number): Cell[] {
  const cells: Cell[] = [];
  let start = 0;
  const text = line.text;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\t') {
      cells.push(makeCell(line, start, i, table, row, cells.length + 1));
      start = i + 1;
    }
  }
  return cells;
}

function splitPipe(line: Line, table: number, row: number): Cell[] {
  const text = line.text;
  const first = text.indexOf('|');
  let end = text.length;
  while (end > first && /\s/.test(text[end - 1]!)) end--;
  if (text[end - 1] === '|' && end - 1 > first) end--;
  const cells: Cell[] = [];
  let start = first + 1;
  for (let i = start; i <= end; i++) {
    if (i === end || (text[i] === '|' && text[i - 1] !== '\\')) {
      cells.push(makeCell(line, start, i, table, row, cells.length + 1));
      start = i + 1;
    }
  }
  return cells;
}

/** A long sentence that happens to contain a tab is prose, not a one-cell row. */
function isProseWithTab(text: string): boolean {
  const parts = text.split('\t').filter((p) => !BLANK.test(p));
  return parts.length === 1 && parts[0]!.trim().length > 40 && PROSE_PUNCT.test(parts[0]!);
}

function paragraphOf(line: Line): Paragraph {
  let start = 0;
  let end = line.text.length;
  while (start < end && /[\s\u00a0\u3000]/.test(line.text[start]!)) start++;
  while (end > start && /[\s\u00a0\u3000]/.test(line.text[end - 1]!)) end--;
  let headingLevel: number | undefined;
  const md = /^(#{1,6})\s+/.exec(line.text.slice(start, end));
  if (md) {
    headingLevel = md[1]!.length;
    start += md[0].length;
  }
  const p: Paragraph = { kind: 'paragraph', text: line.text.slice(start, end), loc: { line: line.no, column: colAt(line, start) } };
  const later = line.spans.filter((s) => s.start > start && s.start < end);
  if (later.length > 0) {
    p.spans = [{ start: 0, loc: p.loc }, ...later.map((s) => ({ start: s.start - start, loc: s.loc }))];
  }
  if (headingLevel !== undefined) p.headingLevel = headingLevel;
  return p;
}

/**
 * A paragraph cut by a page break leaves its tail as a new paragraph after blank lines
 * (“…不断向基层” / “延伸。按照…”). Join when the first part is prose that stops mid-sentence
 * and the second does not start a heading or a numbered item.
 */
function joinBrokenParagraphs(blocks: Block[]): Block[] {
  const out: Block[] = [];
  for (const b of blocks) {
    const prev = out[out.length - 1];
    if (
      b.kind === 'paragraph' &&
      prev?.kind === 'paragraph' &&
      prev.headingLevel === undefined &&
      b.headingLevel === undefined &&
      prev.loc.line !== undefined &&
      b.loc.line !== undefined &&
      b.loc.line - prev.loc.line >= 2 &&
      lastLine(prev) < b.loc.line - 1 &&
      prev.text.length >= 15 &&
      PROSE_PUNCT.test(prev.text) &&
      !SENTENCE_END.test(prev.text) &&
      !NUMBERED_START.test(b.text) &&
      !/^[（(]?\s*\d{4}\s*年/.test(b.text)
    ) {
      out[out.length - 1] = joinParagraphs(prev, b);
      continue;
    }
    out.push(b);
  }
  return out;
}

function lastLine(p: Paragraph): number {
  const spans = p.spans;
  return spans && spans.length > 0 ? (spans[spans.length - 1]!.loc.line ?? p.loc.line!) : p.loc.line!;
}

function joinParagraphs(a: Paragraph, b: Paragraph): Paragraph {
  const spans: Span[] = [...(a.spans ?? [{ start: 0, loc: a.loc as Loc }])];
  for (const s of b.spans ?? [{ start: 0, loc: b.loc }]) spans.push({ start: a.text.length + s.start, loc: s.loc });
  return { kind: 'paragraph', text: a.text + b.text, loc: a.loc, spans };
}
