/**
 * A new report's data, prefilled: every cell 0, except what last year's report decides —
 * 上年结转 from last year's 结转下年度继续办理, (2021 format) 现行有效件数 carried forward, (2019
 * format) 上一年项目数量 as last year's 上一年项目数量 + 本年增/减 —
 * and each written section with the points the national format asks for, as guidance to replace.
 */
import { classifyOrgan } from '../organ/kind.js';
import type { ParsedReport } from '../parse/index.js';
import { getTemplate, templateForYear, type TemplateId } from '../template/index.js';
import { sectionGuidance } from '../template/guidance.js';
import { reportTitle } from '../render/report.js';
import type { ReportData } from './data.js';

export interface NewOptions {
  organ: string;
  year: number;
  /** default: the format for the year */
  template?: TemplateId;
  /** the organ's report for the year before, if known */
  previous?: ParsedReport | null;
  /** where the JSON Schema is, for editors (the CLI gives the installed file's URL) */
  schema?: string;
}

export interface Carried {
  cell: string;
  from: string;
  value: number;
}

export function newReportData(options: NewOptions): { data: ReportData; carried: Carried[]; notCarried: string[] } {
  const template = options.template ?? templateForYear(options.year) ?? '2021';
  const t = getTemplate(template);
  const cells: Record<string, number> = Object.fromEntries(t.cells.map((c) => [c.id, 0]));
  const carried: Carried[] = [];
  const notCarried: string[] = [];
  const prev = options.previous ?? null;
  const take = (to: string, from: string) => {
    if (!(to in cells)) return;
    const c = prev?.cells[from];
    if (c?.status === 'filled' && c.value !== null) {
      cells[to] = c.value;
      carried.push({ cell: to, from, value: c.value });
    } else notCarried.push(to);
  };
  if (prev) {
    // last year's 结转下年度继续办理 is this year's 上年结转, column by column
    for (const c of t.tables.requests.rows.find((r) => r.id === 'requests.carriedOver')?.columns ?? []) take(`requests.carriedOver.${c.id}`, `requests.carriedForward.${c.id}`);
    // 现行有效件数 stays what it was until this year's 制发/废止 change it (2021 format, both years)
    if (template === '2021') for (const id of ['active.rules.inForce', 'active.normativeDocs.inForce']) take(id, id);
    // 2019 format (R8): this year's 上一年项目数量 is last year's 上一年项目数量 + 本年增/减
    if (template === '2019') {
      for (const row of t.tables.active.rows.filter((r) => r.columns.some((c) => c.id === 'lastYear') && r.columns.some((c) => c.id === 'change'))) {
        const to = `${row.id}.lastYear`;
        const a = prev.cells[`${row.id}.lastYear`];
        const b = prev.cells[`${row.id}.change`];
        if (prev.template === '2019' && a?.status === 'filled' && b?.status === 'filled' && a.value !== null && b.value !== null) {
          cells[to] = a.value + b.value;
          carried.push({ cell: to, from: `${row.id}.lastYear + ${row.id}.change`, value: a.value + b.value });
        } else notCarried.push(to);
      }
    }
  }
  // what could not be carried is left out, not 0: the form shows it empty and render refuses it
  for (const id of notCarried) delete cells[id];
  // 各级人民政府 (第五十条) includes 乡镇人民政府
  const kind = classifyOrgan(options.organ);
  const government = kind === 'government' || kind === 'township';
  const guidance = sectionGuidance(template, { government });
  const data: ReportData = {
    ...(options.schema ? { $schema: options.schema } : {}),
    organ: options.organ,
    year: options.year,
    template,
    title: reportTitle(options.organ, options.year),
    preamble: { publishedWhere: '', contact: '' },
    sections: {
      overview: guidance[1]!.join('\n'),
      problems: guidance[5]!.join('\n'),
      other: guidance[6]!.join('\n'),
    },
    cells,
    signedBy: options.organ,
  };
  return { data, carried, notCarried };
}
