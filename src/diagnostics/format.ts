/** Message templates and location formatting. Pure. */
import type { Loc } from '../document/model.js';
import type { Diagnostic, Severity } from './types.js';

/** Fills `{name}` placeholders; unknown names are left visible so a missing datum is noticed. */
export function fill(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, key: string) => (key in data ? String(data[key]) : m));
}

/** `12:5`, `第 3 页`, `表 2 第 3 行第 4 列`, or `-` for a finding about the whole report. */
export function formatLoc(loc: Loc | null | undefined): string {
  if (!loc) return '-';
  if (loc.line !== undefined) return `${loc.line}:${loc.column ?? 1}`;
  if (loc.page !== undefined) return `第${loc.page}页`;
  if (loc.para !== undefined && loc.table === undefined) return `第${loc.para}段`;
  if (loc.table !== undefined) return `表${loc.table}:${loc.row ?? '-'}:${loc.col ?? '-'}`;
  return '-';
}

export const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

export const SEVERITY_LABEL: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

/** The milder of two severities. */
export function milder(a: Severity, b: Severity): Severity {
  return SEVERITY_RANK[a] <= SEVERITY_RANK[b] ? a : b;
}

/** Sorts by location (line/page/table order), then severity. Stable for equal keys. */
export function compareLoc(a: Loc | null, b: Loc | null): number {
  const key = (l: Loc | null): number[] =>
    !l ? [-1] : [l.page ?? 0, l.line ?? 0, l.table ?? 0, l.row ?? 0, l.column ?? l.col ?? 0];
  const ka = key(a);
  const kb = key(b);
  for (let i = 0; i < Math.max(ka.length, kb.length); i++) {
    const d = (ka[i] ?? 0) - (kb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** How many findings of each severity. */
export function countBySeverity(list: readonly Diagnostic[]): Record<Severity, number> {
  const n: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const d of list) n[d.severity]++;
  return n;
}
