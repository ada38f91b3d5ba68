import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { renderHtml, type AuditEntry } from '../../src/render/html.js';
import { check } from '../../src/rules/engine.js';
import { getTemplate } from '../../src/template/index.js';
import { buildReport, fixtureCase, fixtureWith } from '../helpers/rule-tester.js';

async function entry(c: Awaited<ReturnType<typeof fixtureCase>>, path = 'input.txt'): Promise<AuditEntry> {
  return { path, report: c.report, diagnostics: check(c.report, c.options ?? {}) };
}

describe('HTML audit report', async () => {
  const dayong = await entry(await fixtureCase('township-dayong-2020'), '大用镇.txt');
  const html = renderHtml([dayong], { version: '9.9.9', generatedAt: '2026-01-02 03:04' });
  const $ = cheerio.load(html);

  it('is one self-contained file: no scripts, no external resources', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect($('script').length).toBe(0);
    expect($('link[rel=stylesheet]').length).toBe(0);
    expect($('[src]').length).toBe(0);
    expect(html).not.toMatch(/https?:\/\/(?!www\.hulan)/);
  });

  it('has the summary: organ, year, format, counts', () => {
    expect($('h1').text()).toBe('呼兰区大用镇政府 2020 年度政府信息公开工作年度报告审核意见');
    const facts = $('.facts').text();
    expect(facts).toContain('2019 年格式（试行）');
    expect(facts).toContain('2020年1月1日起至2020年12月31日');
    expect($('.badge.warning').text()).toMatch(/^\d+ 个警告$/);
  });

  it('draws every cell of the template once, each with its id', () => {
    const t = getTemplate('2019');
    for (const def of t.cells) expect($(`#r1-cell-${def.id.replace(/\./g, '-')}`).length, def.id).toBe(1);
    expect($('table.form').length).toBe(3);
    expect($('table.form caption').map((_, e) => $(e).text()).get()).toEqual(['二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况']);
  });

  it('highlights the failing cells and links them to the findings', () => {
    // 大用镇 leaves 四、结转下年度继续办理 blank: seven cells, one cell-blank finding
    const flagged = $('td.flag');
    expect(flagged.length).toBe(7);
    flagged.each((_, td) => {
      expect($(td).hasClass('blank')).toBe(true);
      const ref = $(td).find('sup a').attr('href')!;
      expect($(ref.replace('#', '#')).length).toBe(1);
      expect($(ref).text()).toContain('cell-blank');
    });
  });

  it('marks the offending sentence in the text', () => {
    const mark = $('mark.warning').filter((_, m) => $(m).text().includes('我局'));
    expect(mark.length).toBe(1);
    expect(mark.attr('title')).toContain('正文却自称“我局”');
    // the heading that Word numbered 1、 is marked too
    expect($('h4 mark').first().text()).toBe('1、 总体情况');
  });

  it('lists errors first', async () => {
    const chuankou = await entry(await fixtureCase('subdistrict-chuankou-2020'));
    const $c = cheerio.load(renderHtml([chuankou], { version: 'x' }));
    const sev = $c('table.findings tbody tr').map((_, tr) => $c(tr).attr('class')).get();
    expect(sev[0]).toBe('error');
    expect(sev.indexOf('error')).toBeLessThan(sev.indexOf('warning'));
    expect(sev.lastIndexOf('error')).toBeLessThan(sev.indexOf('warning'));
  });

  it('escapes what the report says', () => {
    const r = buildReport({ organ: '<script>alert(1)</script>镇', texts: { 5: ['问题<b>很多</b> & 改进'] } });
    const out = renderHtml([{ path: 'x"><img src=x>.txt', report: r, diagnostics: [] }], { version: 'x' });
    expect(out).not.toContain('<script>alert');
    expect(out).not.toContain('<img src=x>');
    expect(out).toContain('问题&lt;b&gt;很多&lt;/b&gt; &amp; 改进');
  });

  it('masks a personal number in the text it shows', async () => {
    const c = await fixtureWith('township-liuhe-2022', 'ID', (t) => t.replace('未接到依申请公开办件。', '未接到依申请公开办件。申请人（身份证号11010519491231002X）。'));
    const out = renderHtml([await entry(c)], { version: 'x' });
    expect(out).not.toContain('11010519491231002X');
    expect(out).toContain('1101**********002X');
  });

  it('puts many reports in one file with an index and a total', async () => {
    const two = renderHtml([dayong, await entry(await fixtureCase('township-liuhe-2022'))], { version: 'x' });
    const $2 = cheerio.load(two);
    expect($2('section.report').length).toBe(2);
    expect($2('.index tbody tr').length).toBe(2);
    expect($2('.index tfoot').text()).toContain('合计 2 份');
    expect($2('#r2-cell-active-fees-amount').length).toBe(1);
  });

  it('says when a file could not be read', () => {
    const out = renderHtml([{ path: 'bad.pdf', report: null, diagnostics: [{ rule: 'pdf-encrypted', severity: 'error', message: 'PDF 文件已加密（需要密码），无法读取', location: null, fatal: true }] }], { version: 'x' });
    expect(out).toContain('文件无法读取，未能检查');
    expect(out).toContain('PDF 文件已加密');
  });
});
