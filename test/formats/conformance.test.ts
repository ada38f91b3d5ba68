/**
 * One suite for every extractor: whatever the format, the source document keeps the same
 * promises — text where there is text, a location for every block and cell that points at a
 * real place, tables numbered in order, merged copies that copy, and the format read from the
 * bytes, not the name.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Loc, SourceDocument } from '../../src/document/model.js';
import { findSoffice } from '../../src/formats/doc/index.js';
import { extract } from '../../src/formats/index.js';
import { fixtures } from '../helpers/fixtures.js';

const FORMAT: Record<string, SourceDocument['format'][]> = {
  txt: ['text'],
  md: ['markdown'],
  html: ['html'],
  docx: ['docx'],
  doc: ['doc'],
  pdf: ['pdf', 'ocr'],
};

function checkLoc(loc: Loc, doc: SourceDocument, what: string): void {
  const kinds = [loc.line !== undefined, loc.page !== undefined, loc.para !== undefined, loc.table !== undefined];
  expect(kinds.some(Boolean), `${what} has a location`).toBe(true);
  if (loc.line !== undefined) {
    expect(loc.line, what).toBeGreaterThanOrEqual(1);
    expect(loc.column ?? 1, what).toBeGreaterThanOrEqual(1);
  }
  if (loc.page !== undefined) {
    expect(loc.page, what).toBeGreaterThanOrEqual(1);
    expect(loc.page, what).toBeLessThanOrEqual(doc.meta.pages ?? Infinity);
    const [x, y, w, h] = loc.box!;
    for (const v of [x, y, w, h]) expect(Number.isFinite(v), what).toBe(true);
    expect(x, what).toBeGreaterThanOrEqual(-1);
    expect(y, what).toBeGreaterThanOrEqual(-1);
    expect(x + w, what).toBeLessThanOrEqual(1300);
    expect(y + h, what).toBeLessThanOrEqual(1300);
  }
  if (loc.para !== undefined) expect(loc.para, what).toBeGreaterThanOrEqual(1);
}

const cases = fixtures()
  .filter((f) => f.name !== 'bad')
  .filter((f) => !f.expected.soffice || findSoffice() !== null || process.env.CI);

describe.each(cases)('$name', (fx) => {
  const ext = fx.input.split('.').pop()!;
  let doc: SourceDocument;

  it('reads into a source document of its format, from the bytes', async () => {
    const bytes = new Uint8Array(readFileSync(fx.input));
    const r = await extract(bytes, { name: fx.input });
    expect(r.messages.filter((m) => m.fatal)).toEqual([]);
    doc = r.document!;
    expect(FORMAT[ext]).toContain(doc.format);
    expect(doc.blocks.length).toBeGreaterThan(0);
    // a misleading name changes nothing but one warning (Markdown is plain text with a name)
    if (ext !== 'md' && ext !== 'txt' && !fx.expected.ocr) {
      const renamed = await extract(bytes, { name: 'report.bin.txt' });
      expect(renamed.document!.blocks.length).toBe(doc.blocks.length);
    }
  }, 120_000);

  it('gives every paragraph text and a real location', () => {
    for (const b of doc.blocks) {
      if (b.kind !== 'paragraph') continue;
      expect(b.text.trim(), 'no empty paragraph').not.toBe('');
      expect(b.text, 'trimmed').toBe(b.text.trim());
      checkLoc(b.loc, doc, `paragraph “${b.text.slice(0, 20)}”`);
      for (const s of b.spans ?? []) {
        expect(s.start).toBeGreaterThanOrEqual(0);
        expect(s.start).toBeLessThanOrEqual(b.text.length);
        checkLoc(s.loc, doc, 'span');
      }
    }
  });

  it('numbers tables in order and locates every cell in its table', () => {
    const tables = doc.blocks.filter((b) => b.kind === 'table');
    tables.forEach((t, i) => {
      expect(t.index).toBe(i + 1);
      expect(t.rows.length).toBeGreaterThan(0);
      for (const row of t.rows) {
        expect(row.length).toBeGreaterThan(0);
        for (const c of row) {
          expect(typeof c.text).toBe('string');
          checkLoc(c.loc, doc, `cell “${c.text.slice(0, 12)}”`);
          if (c.loc.table !== undefined) expect(c.loc.table).toBe(t.index);
          if (c.loc.row !== undefined) expect(c.loc.row).toBeGreaterThanOrEqual(1);
          if (c.confidence !== undefined) expect(c.confidence).toBeGreaterThanOrEqual(0);
        }
      }
      // a merged copy repeats the text of the cell it copies, found before it in its row or column
      t.rows.forEach((row, r) =>
        row.forEach((c, k) => {
          if (!c.merged) return;
          const origins = [...row.slice(0, k), ...t.rows.slice(0, r).map((rr) => rr[k]).filter(Boolean)];
          expect(origins.some((o) => o!.text === c.text), `merged copy “${c.text}”`).toBe(true);
        }),
      );
    });
  });
});
