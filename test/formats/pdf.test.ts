import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/formats/index.js';
import { readPdf } from '../../src/formats/pdf/index.js';
import { openPdf, pageContent, pdfjs } from '../../src/formats/pdf/pdfjs.js';
import type { Paragraph, Table } from '../../src/document/model.js';
import { FIXTURES } from '../helpers/fixtures.js';
import { makePdf } from '../helpers/pdf.js';

const hongze = new Uint8Array(readFileSync(join(FIXTURES, 'hongze-2023-pdf', 'input.pdf')));

describe('PDF with a text layer', () => {
  it('reads Chinese in a non-embedded CID font only with pdf.js’s own CMaps loaded from disk', async () => {
    const bytes = makePdf(['政府信息公开工作年度报告']);
    const doc = await openPdf(bytes);
    const withMaps = (await pageContent(await doc.getPage(1), false)).items.map((i) => i.str).join('');
    expect(withMaps).toBe('政府信息公开工作年度报告');
    // the same file without the CMap files: the text silently comes out empty
    const lib = await pdfjs();
    const bare = await lib.getDocument({ data: bytes.slice(), verbosity: 0 }).promise;
    const without = (await (await bare.getPage(1)).getTextContent()).items.map((i) => ('str' in i ? i.str : '')).join('');
    expect(without).not.toContain('政府');
  });

  it('rebuilds tables from ruling lines, joins a table across a page break, keeps page and box', async () => {
    const r = await readPdf(hongze, { ocr: false });
    const tables = r.document!.blocks.filter((b): b is Table => b.kind === 'table');
    const t3 = tables.find((t) => t.rows.some((row) => row.some((c) => c.text.includes('本年新收'))))!;
    const labels = t3.rows.map((row) => row.filter((c) => !c.merged).map((c) => c.text).join('|'));
    // rows from page 3 and page 4 in one table
    expect(labels.some((l) => l.includes('另行制作'))).toBe(true);
    expect(labels.some((l) => l.includes('补正后申请内容仍不明确'))).toBe(true);
    const pages = new Set(t3.rows.flat().map((c) => c.loc.page));
    expect([...pages].sort()).toEqual([3, 4]);
    const cell = t3.rows.flat().find((c) => c.text === '21')!;
    expect(cell.loc.box!.every((v) => Number.isFinite(v) && v >= 0 && v <= 842)).toBe(true);
  });

  it('drops page numbers and keeps prose as paragraphs with their page', async () => {
    const r = await readPdf(hongze, { ocr: false });
    const paras = r.document!.blocks.filter((b): b is Paragraph => b.kind === 'paragraph');
    expect(paras.some((p) => /^-\s*\d+\s*-$/.test(p.text))).toBe(false);
    expect(paras.find((p) => p.text.startsWith('一、总体情况'))!.loc.page).toBe(1);
  });
});

describe('bad PDF: one clear message, nothing hangs', () => {
  it('encrypted', async () => {
    const r = await extract(new Uint8Array(readFileSync(join(FIXTURES, 'bad', 'encrypted.pdf'))));
    expect(r.messages).toMatchObject([{ rule: 'pdf-encrypted', fatal: true }]);
  });

  it('corrupt', async () => {
    const r = await extract(new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage'));
    expect(r.document).toBeNull();
    expect(r.messages[0]).toMatchObject({ fatal: true });
    expect(r.messages[0]!.rule).toMatch(/^pdf-corrupt|file-empty$/);
  });

  it('a truncated real report', async () => {
    const r = await extract(hongze.subarray(0, 30_000));
    expect(r.messages.length + (r.document ? 1 : 0)).toBeGreaterThan(0);
    if (!r.document) expect(r.messages[0]!.fatal).toBe(true);
  });

  it('500 pages: the first 60 are read, and the user is told', async () => {
    const bytes = makePdf(Array.from({ length: 500 }, (_, i) => `page ${i + 1}`));
    const started = Date.now();
    const r = await readPdf(bytes, { ocr: false });
    expect(r.messages.find((m) => m.rule === 'pdf-pages-capped')).toMatchObject({ data: { total: 500, max: 60 } });
    expect(r.document!.meta.pages).toBe(500);
    expect(Date.now() - started).toBeLessThan(60_000);
  });

  it('a time budget stops reading and says how far it got', async () => {
    const r = await readPdf(makePdf(['a', 'b', 'c']), { ocr: false, timeoutMs: -1 });
    expect(r.messages.find((m) => m.rule === 'pdf-timeout')).toMatchObject({ data: { done: 0, total: 3 } });
  });

  it('a scan with OCR switched off', async () => {
    const scan = new Uint8Array(readFileSync(join(FIXTURES, 'hongze-2023-scan', 'input.pdf')));
    const r = await extract(scan, { ocr: false });
    expect(r.messages).toMatchObject([{ rule: 'pdf-scanned-no-ocr', fatal: true }]);
  });
});
