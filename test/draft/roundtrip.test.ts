/**
 * Round trip: a report rendered from its data file, read back by gongkai's own extractors and
 * parser, gives exactly the same cells, organ, year, template and date — and no error finding —
 * for every output format and both templates.
 */
import { describe, expect, it } from 'vitest';
import { validateData, type ReportData } from '../../src/draft/data.js';
import { reportFromData } from '../../src/draft/model.js';
import { newReportData } from '../../src/draft/new.js';
import { completeTotals } from '../../src/draft/totals.js';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findSoffice } from '../../src/formats/doc/index.js';
import { readDocx } from '../../src/formats/docx/index.js';
import { readPdf } from '../../src/formats/pdf/index.js';
import { readHtml } from '../../src/formats/html/index.js';
import { readText } from '../../src/formats/text/index.js';
import { parseDocument } from '../../src/parse/index.js';
import { renderReportDocx } from '../../src/render/report-docx.js';
import { renderReportHtml, renderReportMarkdown, renderReportText } from '../../src/render/report.js';
import { check } from '../../src/rules/engine.js';
import { getTemplate, type TemplateId } from '../../src/template/index.js';

/** A report whose figures agree with each other: parts drawn from a seed, totals and balances worked out. */
function consistentData(template: TemplateId, seed: number): ReportData {
  const year = template === '2019' ? 2020 : 2023;
  const { data } = newReportData({ organ: '吉林省长春市德惠市布海镇人民政府', year, template });
  const t = getTemplate(template);
  let x = seed;
  const next = (n: number) => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x % n;
  };
  const cells: Record<string, number> = {};
  for (const c of t.cells) cells[c.id] = c.type === 'amount' ? next(100000) / 100 : c.type === 'signed' ? next(9) - 4 : next(6);
  // a handled application has one outcome: the received count is what was handled and carried
  const cols = t.tables.requests.rows[0]!.columns.map((c) => c.id).filter((c) => c !== 'total');
  const withTotals = completeTotals(t, cells);
  for (const col of cols) {
    withTotals[`requests.carriedOver.${col}`] = next(2);
    withTotals[`requests.received.${col}`] = withTotals[`requests.outcomeTotal.${col}`]! + withTotals[`requests.carriedForward.${col}`]! - withTotals[`requests.carriedOver.${col}`]!;
    if (withTotals[`requests.received.${col}`]! < 0) {
      withTotals[`requests.carriedForward.${col}`]! -= withTotals[`requests.received.${col}`]!;
      withTotals[`requests.received.${col}`] = 0;
    }
  }
  if (template === '2021') {
    for (const row of ['active.rules', 'active.normativeDocs']) withTotals[`${row}.inForce`] = withTotals[`${row}.issued`]! + 20;
  }
  // 2019 table 二: what was published this year is part of what is published in all
  for (const row of ['active.rules', 'active.normativeDocs']) {
    if (`${row}.published` in withTotals) withTotals[`${row}.total`] = withTotals[`${row}.published`]! + withTotals[`${row}.total`]!;
  }
  for (const row of ['licensing', 'otherServices', 'penalty', 'coercion', 'fees'].map((r) => `active.${r}`)) {
    if (`${row}.lastYear` in withTotals) withTotals[`${row}.lastYear`] = withTotals[`${row}.lastYear`]! + 5;
  }
  data.cells = completeTotals(t, withTotals);
  data.sections.overview = `${year}年，我镇认真贯彻落实《中华人民共和国政府信息公开条例》，在主动公开、依申请公开、政府信息管理、平台建设和监督保障方面推进工作。`;
  data.sections.problems = '存在的问题是公开内容不够全面。下一步将加强培训，上一年度提出的问题已经整改。';
  data.sections.other = '本年度未收取信息处理费。无其他需要报告的事项。';
  data.preamble = { publishedWhere: '德惠市人民政府门户网站', contact: '布海镇党政办公室（电话：0431-00000000）' };
  data.publishedOn = `${year + 1}-01-20`;
  return data;
}

const READERS: Record<string, (d: ReportData) => Promise<{ bytes: Uint8Array; read: (b: Uint8Array) => ReturnType<typeof readText>; name: string }>> = {
  txt: async (d) => ({ bytes: new TextEncoder().encode(renderReportText(d)), read: (b) => readText(b, 'text'), name: 'r.txt' }),
  md: async (d) => ({ bytes: new TextEncoder().encode(renderReportMarkdown(d)), read: (b) => readText(b, 'markdown'), name: 'r.md' }),
  html: async (d) => ({ bytes: new TextEncoder().encode(renderReportHtml(d)), read: readHtml, name: 'r.html' }),
  docx: async (d) => ({ bytes: await renderReportDocx(d), read: (b) => readDocx(b), name: 'r.docx' }),
};

describe.each(['2019', '2021'] as const)('round trip, %s template', (template) => {
  const data = consistentData(template, template === '2019' ? 7 : 11);

  it('the test data is a valid data file', () => {
    expect(validateData(data).problems).toEqual([]);
  });

  it.each(Object.keys(READERS))('%s: the same cells, metadata and no error', async (format) => {
    const out = await READERS[format]!(data);
    const extraction = out.read(out.bytes);
    expect(extraction.messages.filter((m) => m.fatal)).toEqual([]);
    const report = parseDocument(extraction.document!, { name: out.name });
    expect(report.template).toBe(template);
    expect(report.organ).toBe(data.organ);
    expect(report.year).toBe(data.year);
    expect(report.publishedOn).toBe(data.publishedOn);
    const got = Object.fromEntries(Object.entries(report.cells).map(([id, c]) => [id, c.status === 'filled' ? c.value : `${c.status}`]));
    expect(got).toEqual(data.cells);
    const errors = check(report).filter((d) => d.severity === 'error');
    expect(errors.map((d) => `${d.rule}: ${d.message}`)).toEqual([]);
    expect(report.sections.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6]);
  });
});

const SOFFICE = findSoffice();
if (!SOFFICE && process.env.CI) throw new Error('CI must have LibreOffice (.ci/run installs it)');

describe.skipIf(!SOFFICE)('the DOCX as LibreOffice prints it', () => {
  it.each(['2019', '2021'] as const)('%s: LibreOffice makes a PDF of it, and gongkai reads back every cell from the PDF', async (template) => {
    const data = consistentData(template, 5);
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-lo-'));
    writeFileSync(join(dir, 'r.docx'), await renderReportDocx(data));
    execFileSync(SOFFICE!, ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, join(dir, 'r.docx')], { stdio: 'ignore', timeout: 120_000 });
    const extraction = await readPdf(new Uint8Array(readFileSync(join(dir, 'r.pdf'))));
    const report = parseDocument(extraction.document!, { name: 'r.pdf' });
    expect([report.template, report.organ, report.year]).toEqual([template, data.organ, data.year]);
    const got = Object.fromEntries(Object.entries(report.cells).map(([id, c]) => [id, c.status === 'filled' ? c.value : c.status]));
    expect(got).toEqual(data.cells);
    expect(check(report).filter((d) => d.severity === 'error').map((d) => d.rule)).toEqual([]);
  });
});

describe('a draft checked as it is typed (the web form)', () => {
  it.each(['2019', '2021'] as const)('%s: the rules see the data file as the report it will become', (template) => {
    const data = consistentData(template, 13);
    expect(check(reportFromData(data)).filter((d) => d.severity === 'error')).toEqual([]);
    const broken = structuredClone(data);
    broken.cells['requests.received.natural']! += 1;
    const findings = check(reportFromData(broken));
    expect(findings.filter((d) => d.rule === 'requests-balance').flatMap((d) => d.cells ?? [])).toContain('requests.received.natural');
    // a cell cleared in the form is blank to the rules, never 0
    const cleared = structuredClone(data);
    delete (cleared.cells as Record<string, number>)['requests.granted.natural'];
    expect(reportFromData(cleared).cells['requests.granted.natural']).toMatchObject({ status: 'blank', value: null });
    expect(check(reportFromData(cleared)).some((d) => d.rule === 'cell-blank')).toBe(true);
  });
});

describe('data file', () => {
  it('every cell of its template must be there, of its type; unknown cells are refused', () => {
    const data = consistentData('2021', 3);
    const cells = { ...data.cells } as Record<string, number>;
    delete cells['requests.received.total'];
    cells['requests.granted.natural'] = 1.5;
    cells['active.licensing.lastYear'] = 3; // a 2019 cell in a 2021 report
    const r = validateData({ ...data, cells });
    expect(r.problems.map((p) => [p.rule, p.path])).toEqual([
      ['data-cell-missing', 'cells.requests.received.total'],
      ['data-cell-type', 'cells.requests.granted.natural'],
      ['data-cell-unknown', 'cells.active.licensing.lastYear'],
    ]);
    expect(validateData({ organ: 'x' }).problems[0]!.rule).toBe('data-invalid');
  });
});
