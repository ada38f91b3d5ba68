import { describe, expect, it } from 'vitest';
import { areaIndex } from '../src/area/load.js';
import { checkBatch, groupOrgans } from '../src/batch.js';
import { organKey } from '../src/organ/name.js';
import { buildReport, fixtureCase } from './helpers/rule-tester.js';

describe('organKey: the same organ however its name is written', () => {
  it.each([
    ['红旗满族乡人民政府', '红旗满族乡'],
    ['红旗满族乡', '红旗满族乡'],
    ['哈尔滨市松北区船口街道办事处', '松北区船口街道'],
    ['松北区船口街道', '松北区船口街道'],
    ['黑龙江省哈尔滨市松北区船口街道', '松北区船口街道'],
    ['沭阳县人民政府办公室', '沭阳县政府办公室'],
    ['沭阳县发展和改革局', '沭阳县发展和改革局'],
    ['平潭综合实验区', '平潭综合实验区'],
  ])('%s → %s', (name, key) => {
    expect(organKey(name)).toBe(key);
  });
  it('keeps different organs apart', () => {
    expect(organKey('德惠市布海镇人民政府')).not.toBe(organKey('德惠市朱城子镇人民政府'));
    expect(organKey('沭阳县人民政府')).not.toBe(organKey('沭阳县人民政府办公室'));
    expect(organKey(null)).toBeNull();
  });
});

describe('checkBatch', async () => {
  const p2020 = await fixtureCase('pingtan-2020-text');
  const p2021 = await fixtureCase('pingtan-2021-text');
  const p2022 = await fixtureCase('pingtan-2022-text');
  const buhai = await fixtureCase('township-buhai-2020');
  const inputs = [
    { path: 'b/2022.txt', report: p2022.report, diagnostics: [] },
    { path: 'a/2020.txt', report: p2020.report, diagnostics: [] },
    { path: 'a/2021.txt', report: p2021.report, diagnostics: [] },
    { path: 'c/buhai.txt', report: buhai.report, diagnostics: [] },
    { path: 'd/broken.pdf', report: null, diagnostics: [{ rule: 'pdf-corrupt', severity: 'error' as const, message: 'x', location: null, fatal: true }] },
  ];
  const { results, groups } = checkBatch(inputs, { areas: areaIndex() });

  it('groups the organ\'s years and says which file stood for last year', () => {
    expect(groups.find((g) => g.key === '平潭综合实验区')!.files.map((f) => f.year)).toEqual([2020, 2021, 2022]);
    const r2022 = results.find((r) => r.path === 'b/2022.txt')!;
    expect(r2022.previous).toEqual({ path: 'a/2021.txt', year: 2021, organ: '平潭综合实验区' });
    expect(results.find((r) => r.path === 'a/2020.txt')!.previous).toBeNull();
    expect(results.find((r) => r.path === 'c/buhai.txt')!.previous).toBeNull();
  });

  it('runs the cross-year rules with last year\'s report', () => {
    // 平潭 2021 against 2020: 行政许可 2293 against an unreadable 2020 run: no jump claimed; results in input order
    expect(results.map((r) => r.path)).toEqual(inputs.map((i) => i.path));
    const r2021 = results.find((r) => r.path === 'a/2021.txt')!;
    expect(r2021.diagnostics.filter((d) => d.rule === 'carry-over' || d.rule === 'implausible')).toEqual([]);
  });

  it('keeps an unreadable file with its reason', () => {
    const broken = results.find((r) => r.path === 'd/broken.pdf')!;
    expect(broken.report).toBeNull();
    expect(broken.diagnostics[0]!.rule).toBe('pdf-corrupt');
  });

  it('the first file (by path) of an organ and year stands for it', () => {
    const a = buildReport({ organ: '某县人民政府', year: 2021, cells: { 'requests.carriedForward.total': 2, 'requests.carriedForward.natural': 2 } });
    const b = buildReport({ organ: '某县人民政府', year: 2021, cells: { 'requests.carriedForward.total': 5, 'requests.carriedForward.natural': 5 } });
    const now = buildReport({ organ: '某县人民政府', year: 2022, cells: { 'requests.carriedOver.total': 2, 'requests.carriedOver.natural': 2 } });
    const out = checkBatch([
      { path: 'z.txt', report: b, diagnostics: [] },
      { path: 'y.txt', report: a, diagnostics: [] },
      { path: 'n.txt', report: now, diagnostics: [] },
    ]);
    const n = out.results.find((r) => r.path === 'n.txt')!;
    expect(n.previous?.path).toBe('y.txt');
    expect(n.diagnostics.filter((d) => d.rule === 'carry-over')).toEqual([]);
    expect(groupOrgans([{ path: 'z.txt', report: b, diagnostics: [] }])[0]!.names).toEqual(['某县人民政府']);
    // with only the other file, carry-over compares 2 with 5, column by column
    const alone = checkBatch([
      { path: 'z.txt', report: b, diagnostics: [] },
      { path: 'n.txt', report: now, diagnostics: [] },
    ]).results.find((r) => r.path === 'n.txt')!;
    expect(alone.diagnostics.filter((d) => d.rule === 'carry-over').map((d) => [d.cells, d.expected, d.actual])).toEqual([
      [['requests.carriedOver.natural'], 5, 2],
      [['requests.carriedOver.total'], 5, 2],
    ]);
  });
});
