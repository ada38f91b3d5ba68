/** Walks the template's tables row by row, grouping consecutive rows that share a property. */
import type { Loc } from '../document/model.js';
import type { RowDef, TableDef } from '../template/index.js';
import type { RuleContext } from './types.js';

export interface RowRun {
  table: TableDef;
  rows: RowDef[];
  /** the cell ids of the run with the property */
  cells: string[];
  key: string;
}

/**
 * Consecutive rows of one table whose `pick` returns the same non-empty list of column ids
 * are reported together.
 */
export function rowRuns(ctx: RuleContext, pick: (row: RowDef) => string[]): RowRun[] {
  const runs: RowRun[] = [];
  for (const table of Object.values(ctx.template!.tables)) {
    let current: RowRun | null = null;
    for (const row of table.rows) {
      const cols = pick(row);
      const key = cols.join(',');
      if (cols.length === 0) {
        current = null;
        continue;
      }
      if (current && current.key === key) {
        current.rows.push(row);
        current.cells.push(...cols.map((c) => `${row.id}.${c}`));
      } else {
        current = { table, rows: [row], cells: cols.map((c) => `${row.id}.${c}`), key };
        runs.push(current);
      }
    }
  }
  return runs;
}

/** The first located cell of the table after (or else before) the given rows. */
export function nearestLoc(ctx: RuleContext, table: TableDef, rows: readonly RowDef[]): Loc | null {
  const first = table.rows.indexOf(rows[0]!);
  const last = table.rows.indexOf(rows[rows.length - 1]!);
  const order = [...table.rows.slice(last + 1), ...table.rows.slice(0, first).reverse()];
  for (const row of order) {
    for (const col of row.columns) {
      const loc = ctx.cell(`${row.id}.${col.id}`)?.loc;
      if (loc) return loc;
    }
  }
  const section = ctx.model.sections.find((s) => s.number === table.section);
  return section?.loc ?? null;
}

export function rowSpan(rows: readonly RowDef[]): string {
  return rows.length === 1 ? `“${rows[0]!.shortLabel}”` : `“${rows[0]!.shortLabel}”至“${rows[rows.length - 1]!.shortLabel}”共 ${rows.length} 行`;
}
