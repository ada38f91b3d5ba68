/**
 * Exports of the stored reports: CSV, XLSX (exceljs, streamed) and JSON Lines; wide (one row per
 * report, one column per cell id) or long (one row per cell). Reports are read 500 at a time, so
 * memory does not grow with the store. A cell that is not filled is empty in the wide layout and
 * its status is said: in the `not_filled` column (wide) or the `status` column (long) — never 0.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { csvField } from '../render/csv.js';
import { getTemplate, type CellDef, type TemplateId } from '../template/index.js';
import type { ReportFilter, ReportRow, Store } from './index.js';

export type ExportFormat = 'csv' | 'xlsx' | 'jsonl';
export type ExportLayout = 'wide' | 'long';

export interface ExportOptions {
  format: ExportFormat;
  layout: ExportLayout;
  filter?: ReportFilter;
  /** only this template's cells (wide); default both, 2021 first */
  template?: TemplateId;
  /** a second header row with the Chinese labels (CSV, XLSX wide) */
  labels?: boolean;
}

const PAGE = 500;

/** The report columns before the cells, with their Chinese headings. */
const REPORT_COLUMNS: readonly [keyof ReportRow | 'notFilled', string, string][] = [
  ['id', 'report_id', '报告编号'],
  ['organ', 'organ', '机关'],
  ['kind', 'organ_kind', '机关类别'],
  ['areaCode', 'area_code', '行政区划代码'],
  ['areaName', 'area_name', '所在地区'],
  ['year', 'year', '报告年度'],
  ['template', 'template', '格式'],
  ['publishedOn', 'published_on', '落款日期'],
  ['sourceName', 'source', '来源文件'],
  ['errors', 'errors', '错误'],
  ['warnings', 'warnings', '警告'],
  ['infos', 'infos', '提示'],
  ['notFilled', 'not_filled', '未填写或无法识读的单元格'],
];

const LONG_COLUMNS: readonly [string, string][] = [
  ['report_id', '报告编号'],
  ['organ', '机关'],
  ['year', '报告年度'],
  ['template', '格式'],
  ['cell_id', '单元格'],
  ['label', '名称'],
  ['value', '数值'],
  ['status', '状态'],
  ['raw', '原文'],
];

/** Every cell the export has columns for: one template's, or the 2021 format's then the 2019-only ones. */
export function exportCells(template?: TemplateId): CellDef[] {
  if (template) return [...getTemplate(template).cells];
  const seen = new Set<string>();
  const out: CellDef[] = [];
  for (const t of ['2021', '2019'] as const) {
    for (const c of getTemplate(t).cells) {
      if (seen.has(c.id)) continue;
      seen.add(c.id);
      out.push(c);
    }
  }
  return out;
}

type Row = (string | number | null)[];

/** Where rows go: a file in one of the three formats. */
interface Sink {
  header(ids: readonly string[], labels: readonly string[] | null): Promise<void>;
  row(values: Row, record?: Record<string, unknown>): Promise<void>;
  end(): Promise<void>;
}

async function write(stream: WriteStream, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, 'drain');
}

async function close(stream: WriteStream): Promise<void> {
  stream.end();
  await once(stream, 'finish');
}

function csvSink(path: string): Sink {
  const stream = createWriteStream(path);
  return {
    async header(ids, labels) {
      await write(stream, `\uFEFF${ids.map(csvField).join(',')}\r\n`);
      if (labels) await write(stream, `${labels.map(csvField).join(',')}\r\n`);
    },
    async row(values) {
      await write(stream, `${values.map((v) => csvField(v)).join(',')}\r\n`);
    },
    end: () => close(stream),
  };
}

function jsonlSink(path: string): Sink {
  const stream = createWriteStream(path);
  return {
    async header() {},
    async row(_values, record) {
      await write(stream, `${JSON.stringify(record)}\n`);
    },
    end: () => close(stream),
  };
}

async function xlsxSink(path: string, sheetName: string, labels: boolean): Promise<Sink> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
  // the header rows and the first two columns stay in view
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: labels ? 2 : 1, xSplit: 2 }] });
  return {
    async header(ids, labels) {
      const idRow = sheet.addRow([...ids]);
      idRow.font = { bold: true };
      idRow.commit();
      if (labels) {
        const labelRow = sheet.addRow([...labels]);
        labelRow.font = { bold: true };
        labelRow.commit();
      }
    },
    async row(values) {
      sheet.addRow(values).commit();
    },
    async end() {
      sheet.commit();
      await workbook.commit();
    },
  };
}

export async function exportReports(store: Store, path: string, options: ExportOptions): Promise<{ reports: number; rows: number }> {
  const cells = exportCells(options.template);
  const labels = options.labels !== false;
  const sink = options.format === 'csv' ? csvSink(path) : options.format === 'jsonl' ? jsonlSink(path) : await xlsxSink(path, options.layout === 'wide' ? '报告' : '单元格', labels);
  let reports = 0;
  let rows = 0;
  try {
    if (options.layout === 'wide') {
      await sink.header([...REPORT_COLUMNS.map((c) => c[1]), ...cells.map((c) => c.id)], labels ? [...REPORT_COLUMNS.map((c) => c[2]), ...cells.map((c) => c.label)] : null);
    } else {
      await sink.header(
        LONG_COLUMNS.map((c) => c[0]),
        labels ? LONG_COLUMNS.map((c) => c[1]) : null,
      );
    }
    let afterId: number | undefined;
    for (;;) {
      const page = await store.listReports(options.filter ?? {}, { ...(afterId !== undefined ? { afterId } : {}), limit: PAGE });
      if (page.length === 0) break;
      afterId = page.at(-1)!.id;
      const values = await store.cellsOf(page.map((r) => r.id));
      for (const r of page) {
        reports++;
        const mine = values.get(r.id) ?? new Map();
        if (options.layout === 'wide') {
          const notFilled = new Map<string, number>();
          const cellValues = cells.map((def) => {
            const c = mine.get(def.id);
            if (!c) return null; // not a cell of this report's template
            if (c.status !== 'filled') notFilled.set(c.status, (notFilled.get(c.status) ?? 0) + 1);
            return c.status === 'filled' ? c.value : null;
          });
          const summary = [...notFilled].map(([s, n]) => `${s} ${n}`).join('; ');
          const head = REPORT_COLUMNS.map(([key]) => (key === 'notFilled' ? summary : (r[key] as string | number | null)));
          const record =
            options.format === 'jsonl'
              ? {
                  ...Object.fromEntries(REPORT_COLUMNS.filter(([k]) => k !== 'notFilled').map(([key, id]) => [id, r[key as keyof ReportRow]])),
                  cells: Object.fromEntries([...mine].map(([id, c]) => [id, c.status === 'filled' ? c.value : null])),
                  status: Object.fromEntries([...mine].filter(([, c]) => c.status !== 'filled').map(([id, c]) => [id, c.status])),
                }
              : undefined;
          await sink.row([...head, ...cellValues], record);
          rows++;
        } else {
          for (const def of cells) {
            const c = mine.get(def.id);
            if (!c) continue;
            const value = c.status === 'filled' ? c.value : null;
            await sink.row([r.id, r.organ, r.year, r.template, def.id, def.label, value, c.status, c.raw], { report_id: r.id, organ: r.organ, year: r.year, template: r.template, cell_id: def.id, value, status: c.status, raw: c.raw });
            rows++;
          }
        }
      }
    }
  } finally {
    await sink.end();
  }
  return { reports, rows };
}
