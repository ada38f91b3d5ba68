/**
 * A data file as the report model the rules read, so the same rules check a draft as it is
 * typed (in the browser) as check a published report. Locations are the data file's paths.
 */
import type { ParsedReport } from '../parse/index.js';
import { PARSER_VERSION } from '../parse/index.js';
import { defaultPreamble, reportTitle, sectionHeading } from '../render/report.js';
import { getTemplate, SECTIONS } from '../template/index.js';
import type { ReportData } from './data.js';

export function reportFromData(data: ReportData): ParsedReport {
  const template = getTemplate(data.template);
  const cells: ParsedReport['cells'] = {};
  for (const c of template.cells) {
    const v = data.cells[c.id];
    cells[c.id] = v === undefined || !Number.isFinite(v) ? { value: null, status: 'blank', raw: '', loc: null } : { value: v, status: 'filled', raw: String(v), loc: null, ...(c.type === 'amount' ? { unit: null } : {}) };
  }
  const preamble = data.preamble.text ?? defaultPreamble(data);
  return {
    parser: PARSER_VERSION,
    source: { name: 'data.json', format: 'text' },
    template: data.template,
    templateBasis: 'labels',
    year: data.year,
    organ: data.organ,
    signedBy: data.signedBy ?? data.organ,
    title: data.title ?? reportTitle(data.organ, data.year),
    publishedOn: data.publishedOn ?? null,
    period: { start: `${data.year}-01-01`, end: `${data.year}-12-31`, raw: `${data.year}年1月1日起至${data.year}年12月31日止`, loc: {} },
    preamble: { text: preamble, loc: {} },
    sections: SECTIONS.map((s) => {
      const text = data.sections[s.id] ?? '';
      const heading = sectionHeading(template, s);
      return {
        number: s.number,
        id: s.id,
        heading,
        text,
        loc: {},
        paragraphs: text
          .split('\n')
          .filter((p) => p.trim())
          .map((p) => ({ kind: 'paragraph' as const, text: p, loc: {} })),
      };
    }),
    cells,
    diagnostics: [],
    locs: {},
    outline: [],
  };
}
