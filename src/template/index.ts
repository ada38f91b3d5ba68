/** The two national formats as data, and the questions everyone asks of them. */
import { T2019 } from './t2019.js';
import { T2021 } from './t2021.js';
import type { CellDef, TemplateDef, TemplateId } from './types.js';

export * from './types.js';
export { fold, foldForSearch, stripNumbering, leadingNumber, chineseNumeral, CHINESE_NUMERALS } from './fold.js';
export { SECTIONS, APPLICANT_COLUMN_IDS, REQUEST_COLUMNS, REQUEST_GROUPS, APPEAL_GROUPS } from './common.js';
export { detectTemplate, type Detection } from './detect.js';

export const TEMPLATES: Readonly<Record<TemplateId, TemplateDef>> = Object.freeze({ '2019': T2019, '2021': T2021 });

export function getTemplate(id: TemplateId): TemplateDef {
  return TEMPLATES[id];
}

/** The format that applies to a reporting year (spec/template.md §1.1); null before 2019. */
export function templateForYear(year: number): TemplateId | null {
  if (year >= 2021) return '2021';
  if (year >= 2019) return '2019';
  return null;
}

const cellIndex = new Map<TemplateId, Map<string, CellDef>>();

export function cellDef(template: TemplateId, id: string): CellDef | undefined {
  let index = cellIndex.get(template);
  if (!index) {
    index = new Map(TEMPLATES[template].cells.map((c) => [c.id, c]));
    cellIndex.set(template, index);
  }
  return index.get(id);
}

/** Every cell id of either format, for validation of user input (exports, API filters). */
export function allCellIds(): string[] {
  return [...new Set([...T2019.cells, ...T2021.cells].map((c) => c.id))];
}
