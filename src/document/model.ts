/**
 * The source document: what every format extractor produces and the only thing the
 * template parser reads. Paragraphs and tables of cells, each with where it stood.
 *
 * Position convention (docs/architecture.md): line, column, page, table, row and col are
 * 1-based; offsets are 0-based; columns count UTF-16 code units as editors do.
 */

export type SourceFormat = 'text' | 'markdown' | 'html' | 'docx' | 'doc' | 'pdf' | 'ocr';

export interface Loc {
  /** text formats */
  line?: number;
  column?: number;
  /** PDF and OCR: page and box [x, y, width, height] in PDF points from the page's top-left */
  page?: number;
  box?: readonly [number, number, number, number];
  /** DOCX: 1-based paragraph number in the document body */
  para?: number;
  /** structured tables (HTML, DOCX, text tables): 1-based table, row and column index */
  table?: number;
  row?: number;
  col?: number;
}

/** text[start…] begins at loc; a text loc advances one column per code unit after it. */
export interface Span {
  start: number;
  loc: Loc;
}

export interface Paragraph {
  kind: 'paragraph';
  text: string;
  loc: Loc;
  /** present when the text was joined from several places (line breaks, page breaks) */
  spans?: readonly Span[];
  /** markdown heading level or a style the extractor recognised as a heading */
  headingLevel?: number;
}

export interface Cell {
  text: string;
  loc: Loc;
  spans?: readonly Span[];
  rowSpan?: number;
  colSpan?: number;
  /** OCR confidence 0–100 for the text of this cell */
  confidence?: number;
  /** the cell is a copy of a merged (row- or column-spanning) cell */
  merged?: boolean;
}

export interface Table {
  kind: 'table';
  /** 1-based index of the table in the document */
  index: number;
  rows: Cell[][];
  loc: Loc;
}

export type Block = Paragraph | Table;

export interface SourceDocument {
  format: SourceFormat;
  blocks: Block[];
  meta: {
    encoding?: string;
    /** crawler or portal header fields found before the report (标题, 发布时间 …) */
    header?: Record<string, string>;
    pages?: number;
    title?: string;
  };
}

/** Where `offset` of a paragraph's or cell's text stood in the source. */
export function locAt(item: { loc: Loc; spans?: readonly Span[] }, offset: number): Loc {
  const spans = item.spans;
  if (!spans || spans.length === 0) return advance(item.loc, offset);
  let best = spans[0]!;
  for (const s of spans) {
    if (s.start <= offset) best = s;
    else break;
  }
  return advance(best.loc, offset - best.start);
}

function advance(loc: Loc, by: number): Loc {
  if (loc.line !== undefined && loc.column !== undefined && by > 0) return { ...loc, column: loc.column + by };
  return loc;
}
