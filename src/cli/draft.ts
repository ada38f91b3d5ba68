/**
 * `gongkai new`: a report data file for an organ and year, prefilled from its previous report
 * (a file, or the store). `gongkai render`: the data file drawn as DOCX, HTML, Markdown or text.
 * Both write to standard output unless -o is given.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyse } from '../analyse.js';
import { validateData } from '../draft/data.js';
import { newReportData } from '../draft/new.js';
import type { ParsedReport } from '../parse/index.js';
import { renderReportAs, type ReportFormat } from '../render/report-file.js';
import { openStore } from '../store/index.js';
import type { TemplateId } from '../template/index.js';
import { writeWhole } from './check.js';
import { readBytes } from './files.js';
import type { Io } from './options.js';
import { dbUrl } from './store-options.js';

export interface NewCliOptions {
  organ: string;
  year: number;
  template?: TemplateId;
  from?: string;
  db?: string;
  output?: string;
}

export async function newCommand(opts: NewCliOptions, io: Io): Promise<number> {
  let previous: ParsedReport | null = null;
  let source = '';
  if (opts.from) {
    const read = await readBytes(opts.from);
    if (!read.ok) {
      io.stderr(`${read.error.message}（${read.error.rule}）\n`);
      return 2;
    }
    const a = await analyse(read.bytes, opts.from, { rules: false, extract: { ocr: {} } });
    if (!a.report) {
      io.stderr(`无法读取上一年度报告 ${opts.from}：${a.diagnostics[0]?.message ?? ''}（${a.diagnostics[0]?.rule ?? 'file-not-readable'}）\n`);
      return 2;
    }
    // last year's report is the year before, of the same organ: anything else is not carried
    if (a.report.year !== null && a.report.year !== opts.year - 1) {
      io.stderr(`${opts.from} 是 ${a.report.year} 年度的报告，不是 ${opts.year - 1} 年度的：没有沿用其中的数（from-year-mismatch）\n`);
    } else {
      previous = a.report;
      source = opts.from;
    }
  } else {
    // the store, when there is one: the organ's report for the year before
    const url = dbUrl(opts.db);
    if (opts.db || process.env.GONGKAI_DB || existsSync(url)) {
      const store = await openStore(url).catch(() => null);
      if (store) {
        try {
          previous = await store.reportOfOrgan(opts.organ, opts.year - 1);
          if (previous) source = `数据库 ${store.location} 中的报告 #${(previous as { id?: number }).id ?? ''}`;
        } finally {
          await store.close();
        }
      }
    }
  }
  // editors complete and check the file against the schema installed with gongkai (offline)
  const schema = pathToFileURL(join(import.meta.dirname, '..', '..', 'schemas', 'report-data.schema.json')).href;
  const { data, carried, notCarried } = newReportData({ organ: opts.organ, year: opts.year, ...(opts.template ? { template: opts.template } : {}), previous, schema });
  const text = `${JSON.stringify(data, null, 2)}\n`;
  if (opts.output) await writeWhole(opts.output, text);
  else io.stdout(text);
  if (previous) {
    io.stderr(`已参照上一年度报告（${source}）：${carried.length ? carried.map((c) => `${c.cell} = ${c.value}`).join('，') : '没有可沿用的数'}\n`);
    if (notCarried.length) io.stderr(`上一年度报告中这些格没有数，未能沿用，请核对：${notCarried.join('，')}\n`);
  } else io.stderr(`没有找到 ${opts.organ} ${opts.year - 1} 年度的报告：上年结转等数据请自行填写（可用 --from 指定上一年度报告文件）\n`);
  io.stderr(`请替换各部分的【填写提示】，填好各单元格后运行：gongkai render ${opts.output ?? '数据文件.json'} --to docx -o 报告.docx\n`);
  return 0;
}

export interface RenderCliOptions {
  to: ReportFormat;
  output?: string;
}

export async function renderCommand(file: string, opts: RenderCliOptions, io: Io): Promise<number> {
  const read = await readBytes(file);
  if (!read.ok) {
    io.stderr(`${read.error.message}（${read.error.rule}）\n`);
    return 2;
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(read.bytes));
  } catch (e) {
    io.stderr(`${file} 不是有效的 JSON：${(e as Error).message}（data-invalid）\n`);
    return 2;
  }
  const checked = validateData(json);
  if (!checked.data) {
    io.stderr(`${file} 有 ${checked.problems.length} 处问题，不能生成报告：\n`);
    for (const p of checked.problems.slice(0, 50)) io.stderr(`  ${p.message}（${p.rule}）\n`);
    return 2;
  }
  const out = await renderReportAs(checked.data, opts.to);
  if (opts.output) await writeWhole(opts.output, out);
  else if (typeof out === 'string') io.stdout(out);
  else if (io.writeBytes && !io.stdoutIsTTY) io.writeBytes(out);
  else {
    io.stderr('DOCX 是二进制文件，请用 -o 指定输出文件（render-needs-output）\n');
    return 2;
  }
  return 0;
}
