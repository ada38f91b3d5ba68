/**
 * The report data file: what a clerk fills in to produce a correct report (`gongkai new` writes
 * one, `gongkai render` draws it). Every cell by its spec/cells.md id, every one present: a
 * report made here has no blank cell. Validated with zod; the published JSON Schema
 * (schemas/report-data.schema.json) is made from the same template data by `jsonSchema()`.
 */
import { z } from 'zod';
import { getTemplate, TEMPLATES, type CellType, type TemplateId } from '../template/index.js';

/** The schema's identifier (a name, not an address: nothing is fetched). */
export const SCHEMA_ID = 'urn:gongkai:schema:report-data';

const date = z.iso.date({ message: '日期应为真实的日期，写作 YYYY-MM-DD' });

export const ReportDataSchema = z.object({
  $schema: z.string().optional(),
  organ: z.string().trim().min(2, '请填写机关名称'),
  year: z.number().int().min(2008).max(2100),
  template: z.enum(['2019', '2021']),
  title: z.string().trim().min(1).optional(),
  preamble: z
    .object({
      /** the whole opening paragraph, when the organ writes its own */
      text: z.string().optional(),
      /** where the report is published, e.g. 某某区人民政府门户网站 */
      publishedWhere: z.string().optional(),
      /** whom to ask: office, address, telephone */
      contact: z.string().optional(),
    })
    .default({}),
  sections: z.object({
    overview: z.string(),
    active: z.string().optional(),
    requests: z.string().optional(),
    appeals: z.string().optional(),
    problems: z.string(),
    other: z.string(),
  }),
  cells: z.record(z.string(), z.number()),
  signedBy: z.string().optional(),
  publishedOn: date.optional(),
});

export type ReportData = z.infer<typeof ReportDataSchema>;

export interface DataProblem {
  /** stable id: data-invalid, data-cell-missing, data-cell-unknown, data-cell-type, data-date-missing */
  rule: string;
  message: string;
  path: string;
}

const TYPE_TEXT: Record<CellType, string> = { count: '非负整数（件数）', signed: '整数（可为负）', amount: '非负数（万元，最多四位小数）' };

function fits(type: CellType, v: number): boolean {
  if (!Number.isFinite(v)) return false;
  if (type === 'count') return Number.isSafeInteger(v) && v >= 0;
  if (type === 'signed') return Number.isSafeInteger(v);
  // 万元 to four decimals is one 元: what the report prints is what was entered
  return v >= 0 && v < 1e12 && Math.round(v * 1e4) / 1e4 === v;
}

/** Parses and checks a data file: its shape, then every cell of its template present and of its type. */
export function validateData(input: unknown): { data: ReportData; problems: [] } | { data: null; problems: DataProblem[] } {
  const parsed = ReportDataSchema.safeParse(input);
  if (!parsed.success) {
    return { data: null, problems: parsed.error.issues.map((i) => ({ rule: 'data-invalid', message: `${i.path.join('.') || '（整个文件）'}：${i.message}`, path: i.path.join('.') })) };
  }
  const data = parsed.data;
  const problems: DataProblem[] = [];
  const t = getTemplate(data.template);
  const known = new Set(t.cells.map((c) => c.id));
  for (const c of t.cells) {
    const v = data.cells[c.id];
    if (v === undefined) problems.push({ rule: 'data-cell-missing', message: `缺少单元格 ${c.id}（${c.label}）：没有数据应填 0`, path: `cells.${c.id}` });
    else if (!fits(c.type, v)) problems.push({ rule: 'data-cell-type', message: `单元格 ${c.id}（${c.label}）应为${TYPE_TEXT[c.type]}，现为 ${v}`, path: `cells.${c.id}` });
  }
  for (const id of Object.keys(data.cells)) if (!known.has(id)) problems.push({ rule: 'data-cell-unknown', message: `${data.template} 格式没有单元格 ${id}`, path: `cells.${id}` });
  // a report is signed and dated; without the date its last lines do not read as a signature
  if (!data.publishedOn) problems.push({ rule: 'data-date-missing', message: '请填写落款日期（publishedOn，YYYY-MM-DD）', path: 'publishedOn' });
  return problems.length ? { data: null, problems } : { data, problems: [] };
}

/** The JSON Schema editors use to complete and check a data file: both templates' cells, typed. */
export function jsonSchema(): Record<string, unknown> {
  const base = z.toJSONSchema(ReportDataSchema.omit({ cells: true }), { target: 'draft-2020-12', io: 'input' }) as Record<string, unknown> & { properties: Record<string, unknown>; required?: string[] };
  const cellsFor = (id: TemplateId) => {
    const properties: Record<string, unknown> = {};
    for (const c of TEMPLATES[id].cells) {
      properties[c.id] = { description: c.label, ...(c.type === 'count' ? { type: 'integer', minimum: 0 } : c.type === 'signed' ? { type: 'integer' } : { type: 'number', minimum: 0 }) };
    }
    return { type: 'object', properties, required: Object.keys(properties), additionalProperties: false };
  };
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: SCHEMA_ID,
    title: '政府信息公开工作年度报告数据文件（gongkai）',
    description: '机关、年度、格式、正文六部分和全部单元格（单元格 id 见 spec/cells.md）。gongkai new 生成，gongkai render 画成 DOCX/HTML/Markdown/文本。',
    ...base,
    properties: { ...base.properties, cells: { type: 'object', description: '全部单元格，没有数据填 0' } },
    required: [...(base.required ?? []), 'cells'],
    allOf: (['2019', '2021'] as const).map((id) => ({ if: { properties: { template: { const: id } } }, then: { properties: { cells: cellsFor(id) } } })),
  };
}
