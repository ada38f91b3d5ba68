/** The rows a report becomes, made where there is CPU to spare (an import's worker threads). */
import type { Loc } from '../document/model.js';
import type { ParsedReport } from '../parse/index.js';
import { searchText } from './search.js';

/** What a worker thread can compute ahead of the write: the cells document and the sections' search tokens. */
export interface Prepared {
  cells: string;
  tokens: string[];
}

/** The cells as the store keeps them: one JSON document, short keys. */
export function cellsDocument(cells: ParsedReport['cells']): string {
  const doc: Record<string, { v: number | null; s: string; r: string | null; u?: string; l: Loc | null }> = {};
  for (const [id, c] of Object.entries(cells)) {
    const e: { v: number | null; s: string; r: string | null; u?: string; l: Loc | null } = { v: c.value, s: c.status, r: c.raw, l: c.loc };
    if (c.unit) e.u = c.unit;
    doc[id] = e;
  }
  return JSON.stringify(doc);
}

export function prepare(report: ParsedReport): Prepared {
  return { cells: cellsDocument(report.cells), tokens: report.sections.map((s) => searchText(`${s.heading}\n${s.text}`)) };
}

