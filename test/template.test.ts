import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from './helpers/fixtures.js';
import { detectTemplate, fold, getTemplate, templateForYear, TEMPLATES } from '../src/template/index.js';

/** Cell ids as spec/cells.md lists them (a copy of ../shared/spec/cells.md is in test/fixtures/spec). */
function idsFromSpec(template: '2019' | '2021'): string[] {
  const md = readFileSync(join(FIXTURES, 'spec', 'cells.md'), 'utf8');
  const ids: string[] = [];
  // table 二: the part of the active section for this template
  const active = md.slice(md.indexOf('## Table 二'), md.indexOf('## Table 三'));
  const part = template === '2021' ? active.slice(active.indexOf('2021 template'), active.indexOf('2019 template')) : active.slice(active.indexOf('2019 template'));
  for (const line of part.split('\n')) {
    const m = /^\| `(active\.\w+)` \|[^|]*\|([^|]*)\|/.exec(line);
    if (m) for (const c of m[2]!.matchAll(/`(\w+)`/g)) ids.push(`${m[1]}.${c[1]}`);
  }
  const requests = md.slice(md.indexOf('## Table 三'), md.indexOf('## Table 四'));
  const cols = [...requests.slice(requests.indexOf('Columns, the same'), requests.indexOf('| row id')).matchAll(/`(\w+)`/g)].map((m) => m[1]!);
  for (const line of requests.split('\n')) {
    const m = /^\| `(requests\.[\w.]+)` \| (.*) \|$/.exec(line);
    if (!m) continue;
    if (m[2]!.includes('2019 template only') && template !== '2019') continue;
    if (/— 2021 template$/.test(m[2]!) && template !== '2021') continue;
    for (const c of cols) ids.push(`${m[1]}.${c}`);
  }
  const appeals = md.slice(md.indexOf('## Table 四'), md.indexOf('## A cell'));
  const groups = [...appeals.slice(appeals.indexOf('Groups:'), appeals.indexOf('Columns of each')).matchAll(/`(\w+)`/g)].map((m) => m[1]!);
  const acols = [...appeals.slice(appeals.indexOf('Columns of each'), appeals.indexOf('Example')).matchAll(/`(\w+)`/g)].map((m) => m[1]!);
  for (const g of groups) for (const c of acols) ids.push(`appeals.${g}.${c}`);
  return ids;
}

describe('the templates as data', () => {
  it.each(['2019', '2021'] as const)('%s: cell ids are exactly those of spec/cells.md, in order', (t) => {
    const spec = idsFromSpec(t);
    expect(spec.length).toBe(t === '2019' ? 22 + 161 + 15 : 10 + 175 + 15);
    expect(getTemplate(t).cells.map((c) => c.id)).toEqual(spec);
  });

  it('derives the relations of spec/template.md §6', () => {
    const t = getTemplate('2021');
    const fam = (f: string) => t.relations.filter((r) => r.family === f);
    expect(fam('R1')).toHaveLength(7);
    expect(fam('R2')).toHaveLength(25);
    expect(fam('R3')).toHaveLength(7);
    expect(fam('R6')).toHaveLength(3);
    // R3 in 2021 sums the three （六） rows, in 2019 the single one
    expect(fam('R3')[0]!.rhs).toContain('requests.otherHandling.noFee.natural');
    expect(getTemplate('2019').relations.find((r) => r.id === 'R3:natural')!.rhs).toContain('requests.otherHandling.natural');
    expect(fam('R3')[0]!.rhs).toHaveLength(21);
  });

  it('gives the format of a year', () => {
    expect([2018, 2019, 2020, 2021, 2025].map(templateForYear)).toEqual([null, '2019', '2019', '2021', '2021']);
    expect(TEMPLATES['2019'].notice).toBe('国办公开办函〔2019〕60号');
  });

  it('detects the format from labels, the year only breaking a tie', () => {
    expect(detectTemplate(fold('信息内容 本年制发件数 本年废止件数 现行有效件数 本年新收政府信息公开申请数量'), 2020).template).toBe('2021');
    expect(detectTemplate(fold('本年新制作数量 本年新公开数量 上一年项目数量 本年增/减 本年新收政府信息公开申请数量'), 2022)).toMatchObject({ template: '2019', basis: 'labels' });
    expect(detectTemplate(fold('本年新收政府信息公开申请数量 尚未审结'), 2022)).toMatchObject({ template: '2021', basis: 'year' });
    expect(detectTemplate(fold('主动公开文件数 受理政府信息依申请公开总数'), 2011)).toMatchObject({ template: null, national: false });
  });
});
