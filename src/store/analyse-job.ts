/**
 * What an import worker does with one file: extract, parse, and the rules that need nothing but
 * the report itself. The cross-year rules run afterwards, where the store is.
 */
import { readReport } from '../analyse.js';
import type { Diagnostic } from '../diagnostics/types.js';
import type { ExtractOptions } from '../formats/index.js';
import type { ParsedReport } from '../parse/index.js';
import { check } from '../rules/engine.js';
import type { PresetName, Setting } from '../rules/presets.js';
import { RULES } from '../rules/registry.js';
import { prepare, type Prepared } from './rows.js';

export interface JobSettings {
  preset: PresetName;
  rules: Record<string, Setting>;
  /** plain data: it crosses to the worker threads */
  extract: { ocr: boolean; maxPages?: number };
}

function extractOptions(e: JobSettings['extract']): Omit<ExtractOptions, 'name'> {
  return { ocr: e.ocr ? {} : false, ...(e.maxPages ? { pdf: { maxPages: e.maxPages } } : {}) };
}

export interface JobResult {
  report: ParsedReport | null;
  diagnostics: Diagnostic[];
  /** the store's rows made ahead, in the worker */
  prepared?: Prepared;
}

export const CROSS_RULES: ReadonlySet<string> = new Set(RULES.filter((r) => r.meta.crossReport).map((r) => r.id));
/** Every registered rule: findings of other ids are the parser's and the extractors' own. */
export const RULE_IDS: ReadonlySet<string> = new Set(RULES.map((r) => r.id));

export async function analyseJob(bytes: Uint8Array, path: string, settings: JobSettings): Promise<JobResult> {
  const r = await readReport(bytes, path, extractOptions(settings.extract));
  if (!r.report) return r;
  const off = Object.fromEntries([...CROSS_RULES].map((id) => [id, 'off' as const]));
  const diagnostics = check(r.report, { preset: settings.preset, rules: { ...settings.rules, ...off } });
  // what crosses back to the importer: paragraph spans are for marking text in one file, not for the store
  for (const s of r.report.sections) for (const p of s.paragraphs) delete (p as { spans?: unknown }).spans;
  return { report: r.report, diagnostics, prepared: prepare(r.report) };
}
