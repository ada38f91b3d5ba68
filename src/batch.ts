/**
 * Checking many reports together: each organ's years are matched by normalised name so the
 * cross-year rules see last year's report, and every report sees the others for copied text.
 * The match is part of the result, so front ends can show it.
 */
import type { AreaIndex } from './area/index.js';
import type { Diagnostic } from './diagnostics/types.js';
import { organKey } from './organ/name.js';
import type { ParsedReport } from './parse/index.js';
import { check, type CheckOptions } from './rules/engine.js';

export interface BatchInput {
  path: string;
  /** null when the file could not be read; its diagnostics say why */
  report: ParsedReport | null;
  diagnostics: Diagnostic[];
}

export interface OrganGroup {
  /** the normalised name the files were matched by */
  key: string;
  /** the names as written, each once */
  names: string[];
  files: { path: string; year: number | null; organ: string }[];
}

export interface BatchResult {
  path: string;
  report: ParsedReport | null;
  diagnostics: Diagnostic[];
  /** the file whose report was taken as the year before, if any */
  previous: { path: string; year: number; organ: string } | null;
  group: string | null;
}

export interface BatchOptions extends Omit<CheckOptions, 'previous' | 'others'> {
  areas?: AreaIndex | null;
}

/** Groups files by organ; only groups of two or more, or any group, when `all`. */
export function groupOrgans(inputs: readonly BatchInput[]): OrganGroup[] {
  const groups = new Map<string, OrganGroup>();
  for (const input of inputs) {
    const organ = input.report?.organ;
    const key = organKey(organ);
    if (!key || !organ) continue;
    const g = groups.get(key) ?? { key, names: [], files: [] };
    if (!g.names.includes(organ)) g.names.push(organ);
    g.files.push({ path: input.path, year: input.report!.year, organ });
    groups.set(key, g);
  }
  for (const g of groups.values()) g.files.sort((a, b) => (a.year ?? 0) - (b.year ?? 0) || a.path.localeCompare(b.path));
  return [...groups.values()].sort((a, b) => a.key.localeCompare(b.key));
}

export function checkBatch(inputs: readonly BatchInput[], options: BatchOptions = {}): { results: BatchResult[]; groups: OrganGroup[] } {
  const groups = groupOrgans(inputs);
  const byKeyYear = new Map<string, BatchInput>();
  // the first file (by path) of an organ and year stands for it
  for (const input of [...inputs].sort((a, b) => a.path.localeCompare(b.path))) {
    const key = organKey(input.report?.organ);
    if (!key || input.report?.year == null) continue;
    const k = `${key}\u0000${input.report.year}`;
    if (!byKeyYear.has(k)) byKeyYear.set(k, input);
  }
  const others = inputs.flatMap((i) => (i.report ? [i.report] : []));
  const results = inputs.map((input): BatchResult => {
    const report = input.report;
    if (!report) return { path: input.path, report: null, diagnostics: input.diagnostics, previous: null, group: null };
    const key = organKey(report.organ);
    const prev = key && report.year !== null ? byKeyYear.get(`${key}\u0000${report.year - 1}`) : undefined;
    const diagnostics = check(report, { ...options, previous: prev?.report ?? null, others, areas: options.areas ?? null });
    return {
      path: input.path,
      report,
      diagnostics,
      previous: prev?.report ? { path: prev.path, year: prev.report.year!, organ: prev.report.organ! } : null,
      group: key,
    };
  });
  return { results, groups };
}
