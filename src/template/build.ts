/** Derives the cell list and the arithmetic relations from a format's tables, so they are written once. */
import { APPEAL_GROUPS, APPLICANT_COLUMN_IDS, REQUEST_COLUMNS, outcomeRowIds } from './common.js';
import type { CellDef, RelationDef, TableDef, TableId, TemplateDef } from './types.js';

type Input = Omit<TemplateDef, 'cells' | 'relations'>;

export function buildTemplate(input: Input): TemplateDef {
  const cells: CellDef[] = [];
  for (const tableId of ['active', 'requests', 'appeals'] as const) {
    const table: TableDef = input.tables[tableId];
    for (const row of table.rows) {
      for (const col of row.columns) {
        const cell: CellDef = {
          id: `${row.id}.${col.id}`,
          table: tableId,
          rowId: row.id,
          columnId: col.id,
          type: col.type,
          label: `${row.shortLabel}·${col.label}`,
          rowLabel: row.shortLabel,
          columnLabel: col.label,
        };
        if (col.printedUnit) cell.printedUnit = col.printedUnit;
        cells.push(cell);
      }
    }
  }
  return Object.freeze({ ...input, cells: Object.freeze(cells), relations: Object.freeze(relations(input.tables)) });
}

function relations(tables: Readonly<Record<TableId, TableDef>>): RelationDef[] {
  const out: RelationDef[] = [];
  const requestRows = tables.requests.rows;
  const outcomes = outcomeRowIds(requestRows);
  for (const col of REQUEST_COLUMNS) {
    out.push({
      family: 'R1',
      id: `R1:${col.id}`,
      lhs: [`requests.received.${col.id}`, `requests.carriedOver.${col.id}`],
      rhs: [`requests.outcomeTotal.${col.id}`, `requests.carriedForward.${col.id}`],
      scopeLabel: col.label,
    });
  }
  for (const row of requestRows) {
    out.push({
      family: 'R2',
      id: `R2:${row.id}`,
      lhs: [`${row.id}.total`],
      rhs: APPLICANT_COLUMN_IDS.map((a) => `${row.id}.${a}`),
      total: `${row.id}.total`,
      scopeLabel: row.shortLabel,
    });
  }
  for (const col of REQUEST_COLUMNS) {
    out.push({
      family: 'R3',
      id: `R3:${col.id}`,
      lhs: [`requests.outcomeTotal.${col.id}`],
      rhs: outcomes.map((rowId) => `${rowId}.${col.id}`),
      total: `requests.outcomeTotal.${col.id}`,
      scopeLabel: col.label,
    });
  }
  for (const grp of APPEAL_GROUPS) {
    const p = `appeals.${grp.id}`;
    out.push({
      family: 'R6',
      id: `R6:${grp.id}`,
      lhs: [`${p}.total`],
      rhs: [`${p}.upheld`, `${p}.corrected`, `${p}.other`, `${p}.pending`],
      total: `${p}.total`,
      scopeLabel: grp.label,
    });
  }
  return out;
}
