/**
 * `gongkai new` and `gongkai render` as a clerk runs them: a data file prefilled from last year's
 * report (a file or the store), rendered to every format; bad data files are messages, not traces.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { jsonSchema, validateData } from '../../src/draft/data.js';
import { readDocx } from '../../src/formats/docx/index.js';
import { parseDocument } from '../../src/parse/index.js';
import { newReportData } from '../../src/draft/new.js';
import { renderReportText } from '../../src/render/report.js';
import { GUIDANCE_OPEN } from '../../src/template/guidance.js';
import { getTemplate } from '../../src/template/index.js';
import { FIXTURES } from '../helpers/fixtures.js';

const ROOT = join(import.meta.dirname, '..', '..');
const tmp = mkdtempSync(join(tmpdir(), 'gongkai-draft-'));

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const bytes: Uint8Array[] = [];
  const code = await main(argv, { stdout: (s) => (out += s), stderr: (s) => (err += s), color: false, writeBytes: (b) => void bytes.push(b), stdoutIsTTY: false });
  return { code, out, err, bytes };
}

describe('gongkai new', () => {
  it('prefills from last year\'s report file: 上年结转 from 结转下年度, 现行有效件数 carried, guidance in 一/五/六', async () => {
    const r = await run('new', '--organ', '平潭综合实验区', '--year', '2022', '--from', join(FIXTURES, 'pingtan-2021-text', 'input.txt'));
    expect(r.code).toBe(0);
    const data = JSON.parse(r.out);
    expect(data).toMatchObject({ organ: '平潭综合实验区', year: 2022, template: '2021' });
    expect(data.$schema).toMatch(/^file:.*schemas\/report-data\.schema\.json$/);
    // what the 2021 report says (its hand-read expected values), carried
    const prev = JSON.parse(readFileSync(join(FIXTURES, 'pingtan-2021-text', 'expected.json'), 'utf8')) as { cells: Record<string, [number | null, string]> };
    let nonZero = 0;
    for (const col of ['natural', 'commercial', 'research', 'social', 'legal', 'other', 'total']) {
      const [was] = prev.cells[`requests.carriedForward.${col}`]!;
      expect(data.cells[`requests.carriedOver.${col}`]).toBe(was);
      if (was) nonZero++;
    }
    expect(nonZero).toBeGreaterThan(0);
    for (const id of ['active.rules.inForce', 'active.normativeDocs.inForce']) {
      const [was, status] = prev.cells[id]!;
      // an unreadable figure last year is not carried, not even as 0: left out, and named
      if (status === 'filled') expect(data.cells[id]).toBe(was);
      else {
        expect(data.cells[id]).toBeUndefined();
        expect(r.err).toContain(id);
      }
    }
    expect(data.cells['requests.granted.natural']).toBe(0);
    for (const s of ['overview', 'problems', 'other']) expect(data.sections[s]).toContain(GUIDANCE_OPEN);
    expect(data.sections.other).toContain('信息处理费');
    expect(r.err).toContain('已参照上一年度报告');
    // before it can be rendered: what was not carried, and the date
    const missing = Object.entries(prev.cells).filter(([id, [, status]]) => /inForce$/.test(id) && status !== 'filled').map(([id]) => `cells.${id}`);
    expect(validateData(data).problems.map((p) => p.path).sort()).toEqual([...missing, 'publishedOn'].sort());
  });

  it('2019 format: this year\'s 上一年项目数量 is last year\'s 上一年项目数量 + 本年增/减 (R8)', async () => {
    // last year's report, written by gongkai itself with known figures
    const { data: last } = newReportData({ organ: '吉林省长春市德惠市布海镇人民政府', year: 2019, template: '2019' });
    const rows = getTemplate('2019').tables.active.rows.filter((r) => r.columns.some((c) => c.id === 'change'));
    rows.forEach((r, i) => {
      last.cells[`${r.id}.lastYear`] = 10 + i;
      last.cells[`${r.id}.change`] = i % 2 ? -3 : 4;
    });
    last.publishedOn = '2020-01-20';
    const file = join(tmp, 'buhai-2019.txt');
    writeFileSync(file, renderReportText(last));
    const r = await run('new', '--organ', '吉林省长春市德惠市布海镇人民政府', '--year', '2020', '--from', file);
    const data = JSON.parse(r.out);
    expect(rows.length).toBeGreaterThan(3);
    for (const [i, row] of rows.entries()) expect(data.cells[`${row.id}.lastYear`]).toBe(10 + i + (i % 2 ? -3 : 4));
  });

  it('a report of another year is not taken as last year\'s', async () => {
    const r = await run('new', '--organ', '平潭综合实验区', '--year', '2024', '--from', join(FIXTURES, 'pingtan-2021-text', 'input.txt'));
    expect(r.code).toBe(0);
    expect(r.err).toContain('from-year-mismatch');
    expect(JSON.parse(r.out).cells['requests.carriedOver.total']).toBe(0);
  });

  it('a blank in last year\'s report is not carried as 0: it is named for the clerk to check', async () => {
    const r = await run('new', '--organ', '木兰县柳河镇人民政府', '--year', '2023', '--from', join(FIXTURES, 'township-liuhe-2022', 'input.txt'));
    expect(r.err).toMatch(/未能沿用.*requests\.carriedOver\.natural/);
  });

  it('finds last year\'s report in the store', async () => {
    const db = join(tmp, 'store.db');
    expect((await run('import', '--db', db, '--workers', '0', join(FIXTURES, 'township-buhai-2020', 'input.txt'))).code).toBe(0);
    const r = await run('new', '--organ', '德惠市布海镇人民政府', '--year', '2021', '--db', db);
    expect(r.code).toBe(0);
    expect(r.err).toContain('数据库');
    expect(JSON.parse(r.out).template).toBe('2021');
    const none = await run('new', '--organ', '不存在的镇人民政府', '--year', '2021', '--db', db);
    expect(none.err).toContain('没有找到');
  });

  it('bad arguments are messages', async () => {
    expect((await run('new', '--organ', '某镇', '--year', '1900')).code).toBe(2);
    const missing = await run('new', '--organ', '某镇', '--year', '2023', '--from', join(tmp, 'nope.txt'));
    expect([missing.code, missing.err]).toEqual([2, expect.stringContaining('file-not-found')]);
  });
});

describe('gongkai render', () => {
  const sample = join(ROOT, 'examples', 'report-data-2023.json');

  it('draws the example data file in every format; the DOCX reads back as it was written', async () => {
    for (const to of ['txt', 'md', 'html']) {
      const r = await run('render', sample, '--to', to);
      expect(r.code).toBe(0);
      expect(r.out).toContain('某某县某某镇人民政府2023年政府信息公开工作年度报告');
    }
    const out = join(tmp, 'r.docx');
    expect((await run('render', sample, '--to', 'docx', '-o', out)).code).toBe(0);
    const report = parseDocument(readDocx(new Uint8Array(readFileSync(out))).document!, { name: 'r.docx' });
    const data = JSON.parse(readFileSync(sample, 'utf8'));
    expect(Object.fromEntries(Object.entries(report.cells).map(([k, c]) => [k, c.value]))).toEqual(data.cells);
    // to a pipe: the bytes; to a terminal: refused
    const piped = await run('render', sample, '--to', 'docx');
    expect(piped.bytes[0]!.slice(0, 2)).toEqual(new Uint8Array([0x50, 0x4b]));
    let err = '';
    const code = await main(['render', sample, '--to', 'docx'], { stdout: () => undefined, stderr: (s) => (err += s), color: false, stdoutIsTTY: true, writeBytes: () => undefined });
    expect([code, err]).toEqual([2, expect.stringContaining('render-needs-output')]);
  });

  it('a data file with problems is refused, each problem said', async () => {
    const bad = join(tmp, 'bad.json');
    const data = JSON.parse(readFileSync(sample, 'utf8'));
    delete data.cells['requests.received.total'];
    data.cells['requests.granted.natural'] = -1;
    writeFileSync(bad, JSON.stringify(data));
    const r = await run('render', bad, '--to', 'html');
    expect(r.code).toBe(2);
    expect(r.err).toContain('data-cell-missing');
    expect(r.err).toContain('data-cell-type');
    writeFileSync(bad, '{ not json');
    expect((await run('render', bad)).err).toContain('data-invalid');
  });
});

describe('JSON Schema', () => {
  it('the published schema is the one the template data makes, and names every cell', () => {
    const committed = JSON.parse(readFileSync(join(ROOT, 'schemas', 'report-data.schema.json'), 'utf8'));
    expect(committed).toEqual(jsonSchema());
    const cells2021 = committed.allOf.find((x: { if: { properties: { template: { const: string } } } }) => x.if.properties.template.const === '2021').then.properties.cells;
    expect(cells2021.required).toContain('requests.received.total');
    expect(cells2021.properties['requests.granted.natural']).toMatchObject({ type: 'integer', minimum: 0 });
  });
});
