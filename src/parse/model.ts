/** The report model: what the parser produces and everything downstream reads. docs/report-json.md */
import type { Diagnostic } from '../diagnostics/types.js';
import type { Loc, Paragraph, SourceFormat } from '../document/model.js';
import type { TemplateId } from '../template/index.js';

/** filled: a number was read; blank: present but empty or a dash; missing: not in the document; unreadable: there but uncertain */
export type CellStatus = 'filled' | 'blank' | 'missing' | 'unreadable';

export interface CellValue {
  value: number | null;
  status: CellStatus;
  /** the text exactly as it stood in the source, or null when missing */
  raw: string | null;
  loc: Loc | null;
  /** amount cells: the unit written in the cell (万元, 元) or null when none was written */
  unit?: '万元' | '元' | null;
  /** a parenthetical note written after the number, e.g. 其中修订16件 */
  note?: string;
  /** OCR confidence 0–100 */
  confidence?: number;
  /** how the value was obtained when not read from its own cell: split from a run of digits */
  via?: 'split';
}

export interface Section {
  /** 1–6: the section of the national format */
  number: number;
  id: 'overview' | 'active' | 'requests' | 'appeals' | 'problems' | 'other';
  /** the heading exactly as written, with its numbering */
  heading: string;
  /** the section's prose (tables excluded), paragraphs joined by newlines */
  text: string;
  loc: Loc;
  /** the prose paragraphs with their source locations, for marking sentences */
  paragraphs: Paragraph[];
}

export interface Report {
  /** parser version that produced this model */
  parser: string;
  source: {
    name?: string;
    format: SourceFormat;
    encoding?: string;
    bytes?: number;
  };
  template: TemplateId | null;
  /** labels: read from the table labels; year: labels did not decide, the reporting year did; none */
  templateBasis: 'labels' | 'year' | 'none';
  year: number | null;
  organ: string | null;
  /** the organ named in the signature, as written (it may differ from the title's) */
  signedBy: string | null;
  title: string | null;
  /** YYYY-MM-DD as written (even an impossible date), or null */
  publishedOn: string | null;
  /** the stated statistics period, if any */
  period: { start: string; end: string; raw: string; loc: Loc } | null;
  preamble: { text: string; loc: Loc } | null;
  sections: Section[];
  cells: Record<string, CellValue>;
  diagnostics: Diagnostic[];
  /** where the metadata fields were read */
  locs: { title?: Loc; organ?: Loc; signedBy?: Loc; publishedOn?: Loc; year?: Loc };
}
