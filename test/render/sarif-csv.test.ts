import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/types.js';
import { csvField, renderCsv } from '../../src/render/csv.js';
import { renderSarif } from '../../src/render/sarif.js';
import { check } from '../../src/rules/engine.js';
import { fixtureCase } from '../helpers/rule-tester.js';

describe('SARIF 2.1.0', async () => {
  const c = await fixtureCase('subdistrict-chuankou-2020');
  const diagnostics = check(c.report);
  const sarif = JSON.parse(renderSarif([{ path: 'reports/船口街道 2020.txt', diagnostics }, { path: 'x.pdf', diagnostics: [{ rule: 'pdf-encrypted', severity: 'error', message: 'PDF 文件已加密（需要密码），无法读取', location: null, fatal: true }] }], '1.2.3'));

  it('has the required top-level shape', () => {
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.$schema).toMatch(/sarif-2\.1\.0/);
    expect(sarif.runs).toHaveLength(1);
    expect(sarif.runs[0].tool.driver).toMatchObject({ name: 'gongkai', version: '1.2.3' });
  });

  it('lists each rule once and points every result at its rule and file', () => {
    const run = sarif.runs[0];
    const ids = run.tool.driver.rules.map((r: { id: string }) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(run.results).toHaveLength(diagnostics.length + 1);
    for (const r of run.results) {
      expect(run.tool.driver.rules[r.ruleIndex].id).toBe(r.ruleId);
      expect(['error', 'warning', 'note']).toContain(r.level);
      expect(r.message.text.length).toBeGreaterThan(0);
      const loc = r.locations[0].physicalLocation;
      expect(run.artifacts[loc.artifactLocation.index].location.uri).toBe(loc.artifactLocation.uri);
    }
    expect(run.artifacts[0].location.uri).toBe('reports/%E8%88%B9%E5%8F%A3%E8%A1%97%E9%81%93%202020.txt');
    expect(run.tool.driver.rules.find((r: { id: string }) => r.id === 'publication-date').shortDescription.text).toContain('落款日期');
  });

  it('gives text findings a line and column region', () => {
    const pub = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'publication-date');
    expect(pub.level).toBe('error');
    expect(pub.locations[0].physicalLocation.region).toEqual({ startLine: 475, startColumn: 2 });
  });
});

describe('CSV', () => {
  const d: Diagnostic = { rule: 'requests-balance', severity: 'error', messageId: 'column', message: '表三“总计”列：一 + 二 = 5，（七）总计 + 四 = 6，相差 1', cells: ['requests.received.total', 'requests.outcomeTotal.total'], location: { line: 12, column: 3 }, expected: 6, actual: 5 };

  it('starts with a BOM and the header, one CRLF row per finding', () => {
    const out = renderCsv([{ path: 'a,b.txt', organ: '某镇', year: 2022, diagnostics: [d] }]);
    expect(out.startsWith('\uFEFFfile,organ,year,severity,rule,message_id,location,cells,expected,actual,message,hint\r\n')).toBe(true);
    const row = out.split('\r\n')[1]!;
    expect(row).toBe('"a,b.txt",某镇,2022,错误,requests-balance,column,12:3,requests.received.total requests.outcomeTotal.total,6,5,表三“总计”列：一 + 二 = 5，（七）总计 + 四 = 6，相差 1,');
  });

  it('quotes and defuses formulas', () => {
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField('-3')).toBe('-3');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField(null)).toBe('');
  });
});
