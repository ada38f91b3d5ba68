/** Source document → report model. Pure: no I/O, no clock. */
import type { Diagnostic } from '../diagnostics/types.js';
import type { SourceDocument } from '../document/model.js';
import { detectTemplate, foldForSearch, getTemplate, type TemplateId } from '../template/index.js';
import { readMeta } from './meta.js';
import { parseMessage } from './messages.js';
import type { CellValue, Report, Section } from './model.js';
import { locateSections, outlineEntry, splitInlineHeadings, type Item, type OutlineEntry } from './sections.js';
import { TableReader } from './tables.js';

export type { Report, Section, CellValue, CellStatus } from './model.js';
export type { OutlineEntry } from './sections.js';
export { PARSE_MESSAGES } from './messages.js';
export { readValue, splitRun } from './values.js';

export const PARSER_VERSION = '0.1.0';

export interface ParseOptions {
  /** file name, for the report's `source` */
  name?: string;
  bytes?: number;
  /** force a format instead of detecting it */
  template?: TemplateId;
}

export interface ParsedReport extends Report {
  /** numbered level-1 lines as written, for the numbering and order rules */
  outline: OutlineEntry[];
}

export function parseDocument(doc: SourceDocument, options: ParseOptions = {}): ParsedReport {
  const diagnostics: Diagnostic[] = [];
  const items = splitInlineHeadings(doc.blocks);
  const ranges = locateSections(items);
  const firstSection = ranges[0]?.headingItem ?? items.length;
  const meta = readMeta(items, firstSection, doc.meta.header, doc.meta.title);

  const allText = foldForSearch(
    items.map((it) => (it.kind === 'p' ? it.p.text : it.t.rows.map((r) => r.map((c) => c.text).join(' ')).join(' '))).join(' '),
  );
  const detection = detectTemplate(allText, meta.year);
  const templateId = options.template ?? detection.template;
  if (!templateId) {
    const detail = meta.year !== null && meta.year < 2019 ? `（${meta.year} 年度报告早于 2019 年统一格式）` : '';
    diagnostics.push(parseMessage('template-unknown', { detail }, meta.titleLoc ?? null));
  } else if (!options.template && detection.basis === 'year') {
    diagnostics.push(parseMessage('template-inferred', { year: meta.year ?? '', template: templateId }, meta.titleLoc ?? null));
  }
  if (meta.year === null) diagnostics.push(parseMessage('year-unknown', {}, null));

  let cells: Record<string, CellValue> = {};
  if (templateId) {
    const template = getTemplate(templateId);
    const reader = new TableReader(template, getTemplate(templateId === '2019' ? '2021' : '2019'));
    reader.read(items, ranges);
    cells = reader.cells;
    diagnostics.push(...reader.diagnostics);
  }

  const sections: Section[] = ranges.map((r) => {
    const heading = items[r.headingItem] as Extract<Item, { kind: 'p' }>;
    const paragraphs = items.slice(r.headingItem + 1, r.end).flatMap((it) => (it.kind === 'p' ? [it.p] : []));
    return {
      number: r.number,
      id: (['overview', 'active', 'requests', 'appeals', 'problems', 'other'] as const)[r.number - 1]!,
      heading: heading.p.text,
      text: paragraphs.map((p) => p.text).join('\n'),
      loc: heading.p.loc,
      paragraphs,
    };
  });
  sections.sort((a, b) => a.number - b.number);

  const preambleParas = items.slice(0, firstSection).flatMap((it) => (it.kind === 'p' ? [it.p] : []));
  const preamble = preambleParas.length > 0 ? { text: preambleParas.map((p) => p.text).join('\n'), loc: preambleParas[0]!.loc } : null;
  const outline = items.flatMap((it) => (it.kind === 'p' ? [outlineEntry(it.p)].filter((x): x is OutlineEntry => x !== null) : []));

  const report: ParsedReport = {
    parser: PARSER_VERSION,
    source: { format: doc.format },
    template: templateId,
    templateBasis: options.template ? 'labels' : detection.basis,
    year: meta.year,
    organ: meta.organ,
    signedBy: meta.signedBy,
    title: meta.title,
    publishedOn: meta.publishedOn,
    period: meta.period,
    preamble,
    sections,
    cells,
    diagnostics,
    locs: {},
    outline,
  };
  if (options.name) report.source.name = options.name;
  if (options.bytes !== undefined) report.source.bytes = options.bytes;
  if (doc.meta.encoding) report.source.encoding = doc.meta.encoding;
  if (meta.titleLoc) report.locs.title = meta.titleLoc;
  if (meta.organLoc) report.locs.organ = meta.organLoc;
  if (meta.signedByLoc) report.locs.signedBy = meta.signedByLoc;
  if (meta.publishedLoc) report.locs.publishedOn = meta.publishedLoc;
  if (meta.yearLoc) report.locs.year = meta.yearLoc;
  return report;
}
