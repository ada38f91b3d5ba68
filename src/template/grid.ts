/**
 * The three tables as the national format prints them: a grid of header cells (with their
 * row and column spans) and value cells (by cell id). Every renderer that draws a table in the
 * official layout — the audit report, the web app, the generated DOCX/HTML — draws this grid.
 */
import type { ColumnDef, RowDef, TableDef, TemplateDef } from './types.js';

export type GridCell =
  | { kind: 'header'; text: string; colSpan?: number; rowSpan?: number; role?: 'block' | 'note' | 'label' | 'vertical' | 'sub' }
  | { kind: 'value'; cellId: string; colSpan?: number };

export interface Grid {
  table: TableDef;
  caption: string;
  /** header rows (drawn as <thead>); empty for table 二, whose headers repeat per block */
  head: GridCell[][];
  body: GridCell[][];
  /** the number of columns of the grid */
  width: number;
}

export function tableGrids(t: TemplateDef): Grid[] {
  return [activeGrid(t.tables.active), requestsGrid(t.tables.requests), appealsGrid(t.tables.appeals)];
}

const caption = (t: TableDef) => `${t.numeral}、${t.title}`;
const header = (text: string, more: Omit<Extract<GridCell, { kind: 'header' }>, 'kind' | 'text'> = {}): GridCell => ({ kind: 'header', text, ...more });

function activeGrid(t: TableDef): Grid {
  const width = Math.max(...(t.blocks ?? []).map((b) => b.columns.length));
  const body: GridCell[][] = [];
  for (const b of t.blocks ?? []) {
    body.push([header(b.title, { colSpan: width + 1, role: 'block' })]);
    // the last column takes what is left when a block has fewer columns than the widest
    const span = (i: number, cols: readonly ColumnDef[]) => (i === cols.length - 1 ? width - cols.length + 1 : 1);
    body.push([header(t.captions.content ?? ''), ...b.columns.map((c, i) => header(c.label, span(i, b.columns) > 1 ? { colSpan: span(i, b.columns) } : {}))]);
    for (const row of b.rows) body.push([header(row.label, { role: 'label' }), ...b.columns.map((c, i): GridCell => ({ kind: 'value', cellId: `${row.id}.${c.id}`, ...(span(i, b.columns) > 1 ? { colSpan: span(i, b.columns) } : {}) }))]);
  }
  return { table: t, caption: caption(t), head: [], body, width: width + 1 };
}

function requestsGrid(t: TableDef): Grid {
  const cols = t.rows[0]!.columns;
  const orgs = cols.slice(1, -1);
  const head: GridCell[][] = [
    [header(t.captions.balance ?? '', { colSpan: 3, rowSpan: 3, role: 'note' }), header(t.captions.applicants ?? '', { colSpan: cols.length })],
    [header(cols[0]!.label, { rowSpan: 2 }), header(t.captions.organisations ?? '', { colSpan: orgs.length }), header(cols.at(-1)!.label, { rowSpan: 2 })],
    orgs.map((c) => header(c.label)),
  ];
  const topLevel = (row: RowDef) => /^[一二三四五六七八九十]、/.test(row.label);
  const outcomeRows = t.rows.filter((r) => !topLevel(r));
  const groupSize = (g: string) => t.rows.filter((r) => r.group === g).length;
  const body: GridCell[][] = [];
  let opened = false;
  let lastGroup: string | undefined;
  for (const row of t.rows) {
    const cells: GridCell[] = [];
    if (topLevel(row)) cells.push(header(row.label, { colSpan: 3, role: 'label' }));
    else {
      if (!opened) {
        cells.push(header(t.captions.outcomes ?? '', { rowSpan: outcomeRows.length, role: 'vertical' }));
        opened = true;
      }
      if (row.group) {
        if (row.group !== lastGroup) cells.push(header(t.groups?.find((x) => x.id === row.group)?.label ?? '', { rowSpan: groupSize(row.group), role: 'label' }));
        cells.push(header(`${row.number ?? ''}.${row.label}`, { role: 'sub' }));
      } else cells.push(header(row.label, { colSpan: 2, role: 'label' }));
    }
    lastGroup = row.group;
    for (const c of row.columns) cells.push({ kind: 'value', cellId: `${row.id}.${c.id}` });
    body.push(cells);
  }
  return { table: t, caption: caption(t), head, body, width: 3 + cols.length };
}

function appealsGrid(t: TableDef): Grid {
  const [review, ...suits] = t.rows;
  const n = review?.columns.length ?? 0;
  const c = t.captions;
  const head: GridCell[][] = [
    [header(c.review ?? '', { colSpan: n, rowSpan: 2 }), header(c.suit ?? '', { colSpan: n * suits.length })],
    suits.map((_, i) => header(i === 0 ? (c.suitDirect ?? '') : (c.suitAfterReview ?? ''), { colSpan: n })),
    t.rows.flatMap((r) => r.columns.map((col) => header(col.label))),
  ];
  const body: GridCell[][] = [t.rows.flatMap((r) => r.columns.map((col): GridCell => ({ kind: 'value', cellId: `${r.id}.${col.id}` })))];
  return { table: t, caption: caption(t), head, body, width: n * t.rows.length };
}
