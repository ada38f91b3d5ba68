/**
 * The roll-up of an area and year: every cell summed over the organs in it, which organs are
 * in (one report each: the first imported, when an organ has several copies), which organs known
 * from earlier years are missing, the indicators, and rankings. Cells not filled are counted,
 * never added as 0.
 */
import { getTemplate } from '../template/index.js';
import { INDICATORS, indicator, type IndicatorValue } from './indicators.js';
import type { ReportFilter, ReportRow, Store } from './index.js';

export interface CellTotal {
  sum: number;
  /** organs whose cell is filled */
  filled: number;
  /** organs whose cell is blank, missing or unreadable */
  notFilled: number;
}

export interface RollupOrgan {
  organId: number;
  organ: string;
  kind: string | null;
  areaName: string | null;
  reportId: number;
  template: string | null;
  errors: number;
  warnings: number;
  indicators: Record<string, IndicatorValue>;
  received: number | null;
}

export interface Rollup {
  areaCode: string | null;
  year: number;
  kind: string | null;
  organs: RollupOrgan[];
  /** organs with a report in an earlier year and none this year */
  missing: { organId: number; organ: string; lastYear: number }[];
  /** reports left out because the organ had another copy that year */
  duplicates: { reportId: number; organ: string; keptReportId: number }[];
  totals: Record<string, CellTotal>;
  indicators: Record<string, IndicatorValue>;
  rankings: Record<string, { organ: string; value: number }[]>;
}

export async function rollup(store: Store, options: { year: number; areaCode?: string; kind?: string }): Promise<Rollup> {
  const filter: ReportFilter = { year: options.year, ...(options.areaCode ? { areaCode: options.areaCode } : {}), ...(options.kind ? { kind: options.kind } : {}) };
  const rows: ReportRow[] = [];
  for (let afterId: number | undefined; ; ) {
    const page = await store.listReports(filter, { ...(afterId !== undefined ? { afterId } : {}), limit: 1000 });
    if (page.length === 0) break;
    rows.push(...page);
    afterId = page.at(-1)!.id;
  }
  // one report per organ; reports without an organ stand alone
  const kept = new Map<string, ReportRow>();
  const duplicates: Rollup['duplicates'] = [];
  for (const r of rows) {
    const key = r.organId !== null ? `o${r.organId}` : `r${r.id}`;
    const first = kept.get(key);
    if (first) duplicates.push({ reportId: r.id, organ: r.organ ?? '', keptReportId: first.id });
    else kept.set(key, r);
  }
  const reports = [...kept.values()];
  const cells = await store.cellsOf(reports.map((r) => r.id));
  const ids = new Set<string>([...getTemplate('2021').cells, ...getTemplate('2019').cells].map((c) => c.id));
  const totals: Record<string, CellTotal> = {};
  for (const r of reports) {
    const mine = cells.get(r.id);
    if (!mine) continue;
    for (const [id, c] of mine) {
      if (!ids.has(id)) continue;
      const t = (totals[id] ??= { sum: 0, filled: 0, notFilled: 0 });
      if (c.status === 'filled' && c.value !== null) {
        t.sum += c.value;
        t.filled++;
      } else t.notFilled++;
    }
  }
  // totals as one big report: an indicator over the area uses cells every organ filled
  const overall = (id: string) => {
    const t = totals[id];
    return t && t.notFilled === 0 ? { value: t.sum, status: 'filled' } : { value: null, status: 'incomplete' };
  };
  const organs: RollupOrgan[] = reports.map((r) => {
    const mine = cells.get(r.id) ?? new Map();
    const lookup = (id: string) => mine.get(id);
    const received = mine.get('requests.received.total');
    return {
      organId: r.organId ?? -1,
      organ: r.organ ?? r.sourceName,
      kind: r.kind,
      areaName: r.areaName,
      reportId: r.id,
      template: r.template,
      errors: r.errors,
      warnings: r.warnings,
      indicators: Object.fromEntries(INDICATORS.map((d) => [d.id, indicator(d, lookup)])),
      received: received?.status === 'filled' ? received.value : null,
    };
  });
  const present = new Set(reports.map((r) => r.organId));
  const missing: Rollup['missing'] = [];
  for (const o of await store.organsIn(options.areaCode, options.kind)) {
    if (present.has(o.id)) continue;
    const earlier = o.years.filter((y) => y < options.year);
    if (earlier.length > 0) missing.push({ organId: o.id, organ: o.name, lastYear: earlier.at(-1)! });
  }
  const rank = (value: (o: RollupOrgan) => number | null, desc = true) =>
    organs
      .flatMap((o) => {
        const v = value(o);
        return v === null ? [] : [{ organ: o.organ, value: v }];
      })
      .sort((a, b) => (desc ? b.value - a.value : a.value - b.value) || a.organ.localeCompare(b.organ));
  return {
    areaCode: options.areaCode ?? null,
    year: options.year,
    kind: options.kind ?? null,
    organs,
    missing,
    duplicates,
    totals,
    indicators: Object.fromEntries(INDICATORS.map((d) => [d.id, indicator(d, overall)])),
    rankings: {
      received: rank((o) => o.received),
      disclosureRate: rank((o) => o.indicators.disclosureRate?.value ?? null),
      errors: rank((o) => o.errors),
    },
  };
}
