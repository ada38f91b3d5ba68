/**
 * Real reports against what a person read in them (test/fixtures/<case>/expected.json).
 * A misread cell, a finding too many or too few, fails here.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyse, type Analysis } from '../src/analyse.js';
import { findSoffice } from '../src/formats/doc/index.js';
import { formatLoc } from '../src/diagnostics/format.js';
import type { Diagnostic } from '../src/diagnostics/types.js';
import { fixtures, type ExpectedFinding } from './helpers/fixtures.js';

function matches(d: Diagnostic, e: ExpectedFinding): boolean {
  if (d.rule !== e.rule) return false;
  if (e.messageId && d.messageId !== e.messageId) return false;
  if (e.cells) {
    const a = [...(d.cells ?? [])].sort();
    const b = [...e.cells].sort();
    if (a.length !== b.length || a.some((x, i) => x !== b[i])) return false;
  }
  if (e.data) for (const [k, v] of Object.entries(e.data)) if (d.data?.[k] !== v) return false;
  return true;
}

/** A compact, diffable view of everything the pipeline produced: metadata, sections, cells with locations, findings. */
function snapshot(a: Analysis): string {
  const r = a.report!;
  const lines = [
    `template ${r.template} (${r.templateBasis}) · year ${r.year} · organ ${r.organ} · published ${r.publishedOn}`,
    `title ${r.title}`,
    `period ${r.period ? `${r.period.start}..${r.period.end} @${formatLoc(r.period.loc)}` : null}`,
    ...r.sections.map((s) => `section ${s.number} @${formatLoc(s.loc)} ${s.heading} (${s.text.length} chars)`),
    ...Object.entries(r.cells).map(([id, c]) => `cell ${id} ${c.status} ${c.value} ${JSON.stringify(c.raw)} @${formatLoc(c.loc)}${c.unit !== undefined ? ` unit=${c.unit}` : ''}${c.via ? ` via=${c.via}` : ''}`),
    ...a.diagnostics.map((d) => `finding ${d.severity} ${d.rule}/${d.messageId} @${formatLoc(d.location)} [${(d.cells ?? []).length} cells] ${d.message}`),
  ];
  return `${lines.join('\n')}\n`;
}

const sofficeMissing = findSoffice() === null;

describe.each(fixtures())('$name', (fx) => {
  let a: Analysis;
  const skip = fx.expected.soffice === true && sofficeMissing && !process.env.CI;
  beforeAll(async () => {
    if (skip) return;
    a = await analyse(new Uint8Array(readFileSync(fx.input)), fx.input);
  }, 120_000);

  it.skipIf(skip)('reads the metadata', () => {
    if (fx.expected.ocr) {
      expect(a.report!.template).toBe(fx.expected.template);
      return;
    }
    const r = a.report!;
    expect(r).not.toBeNull();
    expect({
      template: r.template,
      year: r.year,
      organ: r.organ,
      title: r.title,
      publishedOn: r.publishedOn,
      period: r.period ? [r.period.start, r.period.end] : null,
    }).toEqual({
      template: fx.expected.template,
      year: fx.expected.year,
      organ: fx.expected.organ,
      title: fx.expected.title,
      publishedOn: fx.expected.publishedOn,
      period: fx.expected.period,
    });
    if (fx.expected.sections) expect(r.sections.map((s) => s.number)).toEqual(fx.expected.sections);
  });

  it.skipIf(skip)('reads every template cell, and no other', () => {
    const cells = a.report!.cells;
    expect(Object.keys(cells).sort()).toEqual(Object.keys(fx.expected.cells).sort());
    if (fx.expected.ocr) {
      // a scan: every number read must be the printed one; cells not read must say so
      const wrong: string[] = [];
      let printed = 0;
      let read = 0;
      for (const [id, [value, status]] of Object.entries(fx.expected.cells)) {
        const got = cells[id]!;
        if (status === 'filled') printed++;
        if (got.status === 'filled') {
          read++;
          if (status !== 'filled' || Math.abs(got.value! - value!) > 1e-9) wrong.push(`${id}: printed ${value}, read ${got.value} (${got.raw})`);
          expect(got.confidence, id).toBeGreaterThanOrEqual(80);
        } else if (got.status === 'blank' && status === 'filled') wrong.push(`${id}: printed ${value}, read as blank`);
      }
      expect(wrong).toEqual([]);
      expect(read / printed, `${read} of ${printed} printed cells read`).toBeGreaterThanOrEqual(0.7);
      return;
    }
    const wrong: string[] = [];
    for (const [id, [value, status]] of Object.entries(fx.expected.cells)) {
      const got = cells[id]!;
      const sameValue = value === null ? got.value === null : got.value !== null && Math.abs(got.value - value) < 1e-9;
      if (got.status !== status || !sameValue) wrong.push(`${id}: expected ${value} ${status}, got ${got.value} ${got.status} (raw ${JSON.stringify(got.raw)})`);
      if (status !== 'missing') expect(got.loc, id).not.toBeNull();
    }
    expect(wrong).toEqual([]);
  });

  it.skipIf(skip)('makes the findings the document warrants, and no others', () => {
    if (fx.expected.ocr) {
      expect(fx.expected.findings.filter((e) => !a.diagnostics.some((d) => matches(d, e)))).toEqual([]);
      return;
    }
    const serious = a.diagnostics.filter((d) => d.severity !== 'info');
    const unmatched = fx.expected.findings.filter((e) => !serious.some((d) => matches(d, e)));
    const unexpected = serious.filter((d) => !fx.expected.findings.some((e) => matches(d, e)));
    expect(unmatched, 'expected findings not made').toEqual([]);
    expect(unexpected.map((d) => `${d.rule}: ${d.message}`), 'findings not expected').toEqual([]);
  });

  it.skipIf(skip)('keeps its output snapshot (UPDATE=1 rewrites it)', () => {
    const file = join(fx.dir, 'output.txt');
    const text = snapshot(a);
    if (process.env.UPDATE === '1' || !existsSync(file)) writeFileSync(file, text);
    expect(text).toEqual(readFileSync(file, 'utf8'));
  });
});
