/**
 * A rule tester in the manner of ESLint's RuleTester: valid cases must produce nothing,
 * invalid cases exactly the listed findings (by message id, data and cells). It also rejects
 * a rule that reports an impossible location or an unknown message id.
 */
import { expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/types.js';
import type { Loc } from '../../src/document/model.js';
import type { CellValue, ParsedReport, Section } from '../../src/parse/index.js';
import { check } from '../../src/rules/engine.js';
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
    text: '',
    loc: { line: 2 + s.number, column: 1 },
    paragraphs: [],
  }));
  const year = spec.year === undefined ? 2022 : spec.year;
  return {
    parser: 'test',
    source: { format: 'text' },
    template: templateId,
    templateBasis: spec.templateBasis ?? (templateId ? 'labels' : 'none'),
    year,
    organ: spec.organ === undefined ? '某县人民政府' : spec.organ,
    title: null,
    publishedOn: spec.publishedOn === undefined ? null : spec.publishedOn,
    period: null,
    preamble: null,
    sections,
    cells,
    diagnostics: [],
    locs: { title: { line: 1, column: 1 }, publishedOn: { line: DOC_LINES - 1, column: 1 } },
    outline: [],
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
}

export function runRule(rule: Rule, report: ParsedReport): Diagnostic[] {
  return check(report, { only: [rule] }).filter((d) => d.rule === rule.id);
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
      const found = runRule(rule, c.report);
      expect(found.map((d) => `${d.messageId}: ${d.message}`)).toEqual([]);
    });
  }
  for (const c of cases.invalid) {
    it(`invalid: ${c.name}`, () => {
      const found = runRule(rule, c.report);
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
