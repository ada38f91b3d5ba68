/**
 * The arithmetic shared by the relation rules. How cells enter a sum (spec/template.md §4.3,
 * docs/rules/README.md): a filled cell by its value; a blank cell as 0, and the finding says so;
 * a blank *total* cell by the value derived from its parts; a missing or unreadable cell
 * makes the relation uncheckable, so nothing is reported for it (cell-missing says why).
 */
import type { CellValue } from '../parse/index.js';
import type { RelationDef, TemplateDef } from '../template/index.js';
import type { RuleContext } from './types.js';

export interface Side {
  sum: number;
  /** blank cells counted as 0 */
  blanks: string[];
  /** blank totals replaced by their derived value */
  derivedUsed: string[];
  /** the side cannot be computed */
  unknown: boolean;
}

type Lookup = (id: string) => Readonly<CellValue> | undefined;

export function sumSide(ids: readonly string[], cell: Lookup, derived: ReadonlyMap<string, number>): Side {
  const side: Side = { sum: 0, blanks: [], derivedUsed: [], unknown: false };
  for (const id of ids) {
    const c = cell(id);
    if (!c || c.status === 'missing' || c.status === 'unreadable' || (c.status === 'filled' && c.value === null)) {
      side.unknown = true;
      continue;
    }
    if (c.status === 'filled') side.sum += c.value!;
    else if (derived.has(id)) {
      side.sum += derived.get(id)!;
      side.derivedUsed.push(id);
    } else side.blanks.push(id);
  }
  side.sum = round(side.sum);
  return side;
}

/** Float noise from amounts such as 0.1 + 0.2 must not make a relation fail. */
export function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/**
 * Values for blank total cells: row totals (R2) first, then （七）总计 per column (R3, which
 * may use derived row totals), then table 四 totals (R6).
 */
export function deriveTotals(template: TemplateDef, cell: Lookup): Map<string, number> {
  const derived = new Map<string, number>();
  for (const family of ['R2', 'R3', 'R6'] as const) {
    for (const rel of template.relations) {
      if (rel.family !== family || !rel.total) continue;
      const total = cell(rel.total);
      if (total?.status !== 'blank' || derived.has(rel.total)) continue;
      const parts = sumSide(rel.rhs, cell, derived);
      if (!parts.unknown) derived.set(rel.total, parts.sum);
    }
  }
  return derived;
}

export interface Evaluation {
  rel: RelationDef;
  lhs: Side;
  rhs: Side;
  /** the printed total of the relation is blank and its value was derived */
  blankTotal: boolean;
  holds: boolean;
}

/** null when the relation cannot be checked (a missing or unreadable cell). */
export function evaluate(rel: RelationDef, ctx: RuleContext): Evaluation | null {
  const totalBlank = rel.total ? ctx.cell(rel.total)?.status === 'blank' : false;
  // the blank total itself is not replaced by its own derivation here
  const derived = totalBlank ? withoutKey(ctx.derived, rel.total!) : ctx.derived;
  const lhs = sumSide(rel.lhs, ctx.cell, derived);
  const rhs = sumSide(rel.rhs, ctx.cell, derived);
  if (lhs.unknown || rhs.unknown) return null;
  return { rel, lhs, rhs, blankTotal: totalBlank, holds: lhs.sum === rhs.sum };
}

function withoutKey(map: ReadonlyMap<string, number>, key: string): ReadonlyMap<string, number> {
  if (!map.has(key)) return map;
  const copy = new Map(map);
  copy.delete(key);
  return copy;
}

/** “（一）予以公开 6 + （二）部分公开 6”: the non-zero terms of a side, by row or column label. */
export function terms(ids: readonly string[], ctx: RuleContext, by: 'row' | 'column'): string {
  const parts: string[] = [];
  for (const id of ids) {
    const c = ctx.cell(id);
    const v = c?.status === 'filled' ? c.value : ctx.derived.get(id);
    if (!v) continue;
    const def = ctx.template?.cells.find((x) => x.id === id);
    parts.push(`${def ? (by === 'row' ? def.rowLabel : def.columnLabel) : id} ${v}`);
  }
  return parts.length > 0 ? parts.join(' + ') : '均为 0';
}

export function blankNote(side: Side, other: Side): string {
  const zero = side.blanks.length + other.blanks.length;
  const derived = side.derivedUsed.length + other.derivedUsed.length;
  const parts: string[] = [];
  if (zero > 0) parts.push(`${zero} 个空白单元格按 0 计`);
  if (derived > 0) parts.push(`${derived} 个空白的合计栏按其分项推算`);
  return parts.length > 0 ? `（其中 ${parts.join('，')}）` : '';
}
