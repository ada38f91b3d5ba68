import { describe, expect, it } from 'vitest';
import { readValue, splitRun } from '../src/parse/values.js';

describe('reading a cell', () => {
  it.each([
    ['0', 'count', { kind: 'number', value: 0 }],
    ['\u00a00', 'count', { kind: 'number', value: 0 }],
    ['０', 'count', { kind: 'number', value: 0 }],
    ['1,234', 'count', { kind: 'number', value: 1234 }],
    ['5件', 'count', { kind: 'number', value: 5 }],
    ['-8', 'signed', { kind: 'number', value: -8 }],
    ['－8', 'signed', { kind: 'number', value: -8 }],
    ['−8', 'signed', { kind: 'number', value: -8 }],
    ['+1036', 'signed', { kind: 'number', value: 1036 }],
    ['增5', 'signed', { kind: 'number', value: 5 }],
    ['减3', 'signed', { kind: 'number', value: -3 }],
    ['180万元', 'amount', { kind: 'number', value: 180, unit: '万元' }],
    ['6874.6408 万元', 'amount', { kind: 'number', value: 6874.6408, unit: '万元' }],
    ['251000元', 'amount', { kind: 'number', value: 25.1, unit: '元' }],
    ['73802895.90元', 'amount', { kind: 'number', value: 7380.28959, unit: '元' }],
    ['12.5', 'amount', { kind: 'number', value: 12.5, unit: null }],
    ['22（其中修订 16 件）', 'count', { kind: 'number', value: 22, note: '其中修订16件' }],
  ] as const)('%j as %s', (raw, type, expected) => {
    expect(readValue(raw, type)).toMatchObject(expected);
  });

  it.each(['', ' ', '—', '-', '/', '／', '无', '——', '\u3000'])('%j is blank, never 0', (raw) => {
    expect(readValue(raw, 'count')).toEqual({ kind: 'blank' });
  });

  it.each(['见附件', '约5件', '五'])('%j is not a number', (raw) => {
    expect(readValue(raw, 'count')).toEqual({ kind: 'text' });
  });
});

describe('splitting a run of digits', () => {
  const seven = Array(7).fill('count' as const);
  const r2 = (v: (number | null)[]) => v[6] === v.slice(0, 6).reduce<number>((a, b) => a + (b ?? 0), 0);
  const split = (run: string, types = seven, accept?: typeof r2) => splitRun(run, types, accept).solutions.map((s) => s.map((p) => p.text).join('|'));

  it('uses the cell count alone when it decides', () => {
    expect(split('0000000')).toEqual(['0|0|0|0|0|0|0']);
    expect(split('007', ['count', 'count', 'count'])).toEqual(['0|0|7']);
  });
  it('uses the row total when the count does not', () => {
    expect(splitRun('200 000121', seven).partitions).toBeGreaterThan(1);
    expect(split('200 000121', seven, r2)).toEqual(['20|0|0|0|0|1|21']);
  });
  it('keeps every split the arithmetic allows, so the caller can refuse to guess', () => {
    expect(split('270020130', seven, r2)).toEqual(['2|7|0|0|20|1|30', '27|0|0|2|0|1|30']);
    expect(split('7777166', ['count', 'count', 'count']).length).toBe(15);
  });
  it('reads a minus sign as the start of a signed cell, not a blank', () => {
    expect(split('35-15', ['count', 'signed'])).toEqual(['35|-15']);
    expect(split('2648-18538', ['count', 'signed', 'count'])).toEqual(['2648|-1|8538', '2648|-18|538', '2648|-185|38', '2648|-1853|8']);
  });
  it('never makes a piece with a leading zero', () => {
    for (const s of split('1000001')) expect(s.split('|').some((p) => /^0\d/.test(p))).toBe(false);
  });
});

describe('reading a cell that holds more than one number', () => {
  it.each(['1 2', '3\u00a04', '10 0'])('%j is not a number', (raw) => {
    expect(readValue(raw, 'count')).toEqual({ kind: 'text' });
  });
  it('a space between a number and its unit is fine', () => {
    expect(readValue('6874.6408 万元', 'amount')).toMatchObject({ value: 6874.6408 });
    expect(readValue(' 增 5 ', 'signed')).toMatchObject({ value: 5 });
  });
});
