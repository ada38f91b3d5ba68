/** Exports and roll-ups read back what was stored; a blank cell is never exported or summed as 0. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { areaIndex } from '../../src/area/load.js';
import { exportCells, exportReports } from '../../src/store/export.js';
import { importReports, type ImportJob } from '../../src/store/importer.js';
import { INDICATORS, indicator } from '../../src/store/indicators.js';
import type { Store } from '../../src/store/index.js';
import { rollup } from '../../src/store/rollup.js';
import { fixtureText } from '../helpers/rule-tester.js';
import { BACKENDS, freshStore } from '../helpers/store.js';

const source = (path: string, text: string): ImportJob => ({ path, bytes: new TextEncoder().encode(text) });

/** RFC 4180 rows (quoted fields with commas, quotes, line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  return rows;
}

describe.each(BACKENDS)('export and roll-up on $name', (backend) => {
  let store: Store;
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-export-'));
  beforeAll(async () => {
    ({ store } = await freshStore(backend));
    await importReports(
      store,
      [
        source('chuankou.txt', fixtureText('subdistrict-chuankou-2020')),
        source('dayong.txt', fixtureText('township-dayong-2020')),
        source('chuankou-copy.txt', `${fixtureText('subdistrict-chuankou-2020')}\n`),
        source('liuhe-2022.txt', fixtureText('township-liuhe-2022')),
        source('buhai.txt', fixtureText('township-buhai-2020')),
      ],
      { workers: 0, areas: areaIndex(), settings: { preset: 'recommended', rules: {}, extract: { ocr: false }, maxBytes: 1 << 26, reparse: false } },
    );
  });

  it('wide CSV: ids and labels as headers, one row per report, blank cells empty and counted', async () => {
    const file = join(dir, `${backend.name}-wide.csv`);
    const n = await exportReports(store, file, { format: 'csv', layout: 'wide', filter: { year: 2020 } });
    expect(n.reports).toBe(4);
    const rows = parseCsv(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
    const [ids, labels, ...data] = rows;
    expect(ids!.slice(0, 3)).toEqual(['report_id', 'organ', 'organ_kind']);
    expect(ids).toContain('requests.received.total');
    expect(labels![ids!.indexOf('requests.received.total')]).toBe('一、本年新收·总计');
    expect(data).toHaveLength(4);
    const chuankou = data.find((r) => r[1] === '哈尔滨市松北区船口街道办事处')!;
    expect(chuankou[ids!.indexOf('requests.received.total')]).toBe('2');
    // 船口街道 leaves 商业企业 blank: empty, and said in not_filled, never 0
    expect(chuankou[ids!.indexOf('requests.granted.commercial')]).toBe('');
    expect(chuankou[ids!.indexOf('not_filled')]).toMatch(/blank \d+/);
    // a 2019-format report has no 2021-only cells
    expect(chuankou[ids!.indexOf('active.rules.inForce')]).toBe('');
    expect(chuankou[ids!.indexOf('area_code')]).toBe('230109008');
  });

  it('long CSV and JSON Lines carry each cell\'s status', async () => {
    const file = join(dir, `${backend.name}-long.csv`);
    await exportReports(store, file, { format: 'csv', layout: 'long', filter: { areaCode: '230111' }, labels: false });
    const rows = parseCsv(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
    expect(rows[0]).toEqual(['report_id', 'organ', 'year', 'template', 'cell_id', 'label', 'value', 'status', 'raw']);
    expect(rows.length - 1).toBe(exportCells('2019').length);
    expect(rows.find((r) => r[4] === 'requests.carriedForward.total')!.slice(6, 8)).toEqual(['', 'blank']);
    const jl = join(dir, `${backend.name}.jsonl`);
    await exportReports(store, jl, { format: 'jsonl', layout: 'wide', filter: { year: 2022 } });
    const lines = readFileSync(jl, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ organ: '木兰县柳河镇', year: 2022, cells: { 'requests.received.total': 0 }, status: { 'requests.carriedForward.natural': 'blank' } });
  });

  it('XLSX opens in a spreadsheet reader with both header rows', async () => {
    const file = join(dir, `${backend.name}.xlsx`);
    await exportReports(store, file, { format: 'xlsx', layout: 'wide' });
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0]!;
    expect(ws.rowCount).toBe(2 + 5);
    expect(ws.getRow(1).getCell(1).value).toBe('report_id');
    expect(ws.getRow(2).getCell(1).value).toBe('报告编号');
  });

  it('rolls up an area: sums of filled cells, organs counted once, blanks counted apart', async () => {
    const r = await rollup(store, { year: 2020, areaCode: '2301' });
    expect(r.organs.map((o) => o.organ).sort()).toEqual(['呼兰区大用镇政府', '哈尔滨市松北区船口街道办事处']);
    expect(r.duplicates).toHaveLength(1);
    // 船口街道 received 2, 大用镇 0
    expect(r.totals['requests.received.total']).toEqual({ sum: 2, filled: 2, notFilled: 0 });
    // 大用镇 left 结转 blank; 船口街道 filled it
    expect(r.totals['requests.carriedForward.total']!.notFilled).toBe(1);
    expect(r.indicators.carryForwardRate).toEqual({ value: null, reason: 'incomplete' });
    const ck = r.organs.find((o) => o.organ.includes('船口'))!;
    expect(ck.indicators.disclosureRate!.value).toBe(1);
    expect(r.rankings.received![0]).toEqual({ organ: '哈尔滨市松北区船口街道办事处', value: 2 });
  });

  it('names the organs known from earlier years that have no report this year', async () => {
    const r = await rollup(store, { year: 2022, areaCode: '23' });
    expect(r.organs.map((o) => o.organ)).toEqual(['木兰县柳河镇']);
    expect(r.missing.map((m) => [m.organ, m.lastYear]).sort()).toEqual([
      ['呼兰区大用镇政府', 2020],
      ['哈尔滨市松北区船口街道办事处', 2020],
    ]);
  });
});

describe('indicators', () => {
  const cells = (m: Record<string, number | 'blank'>) => (id: string) => {
    const v = m[id];
    return v === undefined ? undefined : v === 'blank' ? { value: null, status: 'blank' } : { value: v, status: 'filled' };
  };
  const def = (id: string) => INDICATORS.find((d) => d.id === id)!;
  it('公开率 = (予以公开 + 部分公开) / 总计', () => {
    expect(indicator(def('disclosureRate'), cells({ 'requests.granted.total': 3, 'requests.partial.total': 1, 'requests.outcomeTotal.total': 8 }))).toEqual({ value: 0.5, numerator: 4, denominator: 8 });
  });
  it('unknown when a cell is blank, or nothing was decided', () => {
    expect(indicator(def('disclosureRate'), cells({ 'requests.granted.total': 'blank', 'requests.partial.total': 1, 'requests.outcomeTotal.total': 8 })).reason).toBe('incomplete');
    expect(indicator(def('reviewCorrectionRate'), cells({ 'appeals.review.corrected': 0, 'appeals.review.total': 2, 'appeals.review.pending': 2 })).reason).toBe('zero-denominator');
  });
});
