/** One suite, every backend: what goes in comes out the same, and the queries answer right. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { areaIndex } from '../../src/area/load.js';
import { check } from '../../src/rules/engine.js';
import { CROSS_RULES } from '../../src/store/analyse-job.js';
import { organInfo } from '../../src/store/importer.js';
import { openStore, type Store } from '../../src/store/index.js';
import { BACKENDS, freshStore } from '../helpers/store.js';
import { fixtureCase } from '../helpers/rule-tester.js';

const areas = areaIndex();

describe.each(BACKENDS)('store on $name', (backend) => {
  let store: Store;
  let url: string;
  const ids: Record<string, number> = {};
  beforeAll(async () => {
    ({ store, url } = await freshStore(backend));
    for (const name of ['township-buhai-2020', 'township-hongqi-2020', 'subdistrict-chuankou-2020', 'township-liuhe-2022', 'pingtan-2021-text', 'pingtan-2022-text']) {
      const c = await fixtureCase(name);
      const diagnostics = check(c.report);
      const saved = await store.saveReport({ path: `${name}.txt`, contentHash: `hash-${name}`, size: 1000 }, c.report, diagnostics, organInfo(c.report, areas), CROSS_RULES);
      ids[name] = saved.reportId;
    }
  });
  afterAll(async () => {
    await store?.close();
  });

  it('gives back every cell as it was parsed: value, status, raw text, location', async () => {
    const c = await fixtureCase('township-hongqi-2020');
    const back = (await store.loadReport(ids['township-hongqi-2020']!))!;
    expect(back.cells).toEqual(c.report.cells);
    expect(back).toMatchObject({ organ: '红旗满族乡人民政府', year: 2020, template: '2019', publishedOn: '2021-01-26', period: c.report.period, title: c.report.title });
    expect(back.sections.map((s) => [s.number, s.heading, s.text])).toEqual(c.report.sections.map((s) => [s.number, s.heading, s.text]));
    // 6874.6408 万元 stays exact
    expect(back.cells['active.procurement.amount']!.value).toBe(6874.6408);
    expect(back.cells['requests.received.natural']).toEqual({ value: null, status: 'missing', raw: null, loc: null });
  });

  it('gives back every finding', async () => {
    const c = await fixtureCase('subdistrict-chuankou-2020');
    const expected = check(c.report);
    expect(await store.findings(ids['subdistrict-chuankou-2020']!)).toEqual(expected.map((d) => JSON.parse(JSON.stringify(d))));
  });

  it('keeps organs with their kind and where they are, and how that was found', async () => {
    const o = (await store.organ((await store.loadReport(ids['township-buhai-2020']!))!.organId!))!;
    expect(o).toMatchObject({ key: '德惠市布海镇', kind: 'township', area_code: '220183107', area_name: '吉林省长春市德惠市布海镇' });
    expect(o.area_how).toContain('德惠市、布海镇');
    expect(o.names).toEqual(['德惠市布海镇人民政府']);
  });

  it('matches the same organ written two ways', async () => {
    const c = await fixtureCase('township-hongqi-2020');
    const other = { ...c.report, organ: '红旗满族乡', year: 2021 };
    const saved = await store.saveReport({ path: 'hongqi-2021.txt', contentHash: 'hash-hongqi-2021', size: 10 }, other, [], organInfo(other, areas), CROSS_RULES);
    const first = (await store.loadReport(ids['township-hongqi-2020']!))!;
    expect(saved.organId).toBe(first.organId);
    expect((await store.organ(saved.organId!))!.names).toEqual(['红旗满族乡', '红旗满族乡人民政府']);
    expect((await store.reportOf(saved.organId!, 2021))!.id).toBe(saved.reportId);
  });

  it('filters reports by year, area, kind, errors and rule, and pages by id', async () => {
    expect((await store.listReports({ year: 2020 })).map((r) => r.organ).sort()).toEqual(['哈尔滨市松北区船口街道办事处', '德惠市布海镇人民政府', '红旗满族乡人民政府']);
    expect((await store.listReports({ areaCode: '2301' })).map((r) => r.organ).sort()).toEqual(['哈尔滨市松北区船口街道办事处', '木兰县柳河镇']);
    expect((await store.listReports({ kind: 'subdistrict' })).map((r) => r.organ)).toEqual(['哈尔滨市松北区船口街道办事处']);
    expect((await store.listReports({ hasErrors: true })).map((r) => r.organ).sort()).toEqual(['哈尔滨市松北区船口街道办事处', '红旗满族乡人民政府']);
    expect((await store.listReports({ rule: 'publication-date' })).map((r) => r.organ)).toEqual(['哈尔滨市松北区船口街道办事处']);
    // 平潭 2021 and 2022, 柳河镇 2022, and the 红旗满族乡 2021 saved above
    expect(await store.countReports({ year: [2021, 2022] })).toBe(4);
    const page1 = await store.listReports({}, { limit: 2 });
    const page2 = await store.listReports({}, { afterId: page1.at(-1)!.id, limit: 2 });
    expect(page1).toHaveLength(2);
    expect(page2[0]!.id).toBeGreaterThan(page1[1]!.id);
  });

  it('searches section texts for a Chinese phrase, exactly', async () => {
    const hits = await store.search('政府信息管理');
    expect(hits.map((h) => h.organ)).toContain('平潭综合实验区');
    for (const h of hits) expect(h.snippet).toContain('政府信息管理');
    // every pair of 管理政府 may occur somewhere, the phrase does not
    expect(await store.search('管理政府信息公开平台建设方面工作')).toEqual([]);
    // a single character is searched without the index
    expect((await store.search('乡')).length).toBeGreaterThan(0);
    // width and case do not matter
    expect((await store.search('ＸＸＸ不存在的词')).length).toBe(0);
    expect((await store.search('政府信息管理', { year: 2021 })).every((h) => h.year === 2021)).toBe(true);
  });

  it('replaces a report read again and records unreadable files', async () => {
    const c = await fixtureCase('township-liuhe-2022');
    const again = await store.saveReport({ path: 'liuhe-again.txt', contentHash: 'hash-township-liuhe-2022', size: 1000 }, c.report, [], organInfo(c.report, areas), CROSS_RULES);
    expect(again.reportId).not.toBe(ids['township-liuhe-2022']);
    expect(await store.loadReport(ids['township-liuhe-2022']!)).toBeNull();
    expect(await store.fileStatus('hash-township-liuhe-2022')).toMatchObject({ status: 'imported', reportId: again.reportId });
    ids['township-liuhe-2022'] = again.reportId;
    await store.saveUnreadable({ path: 'x.pdf', contentHash: 'hash-x', size: 3 }, [{ rule: 'pdf-encrypted', severity: 'error', message: 'PDF 文件已加密（需要密码），无法读取', location: null, fatal: true }], 'test');
    expect(await store.unreadable()).toEqual([{ path: 'x.pdf', reasonRule: 'pdf-encrypted', reason: 'PDF 文件已加密（需要密码），无法读取' }]);
    // the search index forgot the replaced sections
    expect((await store.search('柳河镇政府未接到')).map((h) => h.reportId)).toEqual([again.reportId]);
  });

  it('opens again without migrating twice', async () => {
    const second = await openStore(url);
    expect((await second.summary()).reports).toBe((await store.summary()).reports);
    await second.close();
  });
});
