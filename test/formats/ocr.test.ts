import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/formats/index.js';
import { openPdf } from '../../src/formats/pdf/pdfjs.js';
import { parseDocument } from '../../src/parse/index.js';
import { FIXTURES, type Expected } from '../helpers/fixtures.js';

const scan = join(FIXTURES, 'hongze-2023-scan', 'input.pdf');
const expected = JSON.parse(readFileSync(join(FIXTURES, 'hongze-2023-scan', 'expected.json'), 'utf8')) as Expected;

describe('OCR', () => {
  it('runs fully offline: no socket, no DNS, no HTTP, nothing written beside the work', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-ocr-'));
    const log = join(dir, 'network.log');
    const script = `
      import { readFileSync } from 'node:fs';
      import { extract, closeOcr } from ${JSON.stringify(resolve('dist/formats/index.js'))};
      const r = await extract(new Uint8Array(readFileSync(${JSON.stringify(scan)})), { name: 'scan.pdf' });
      const cells = r.document.blocks.filter((b) => b.kind === 'table').flatMap((t) => t.rows.flat()).filter((c) => /^\\d+$/.test(c.text)).length;
      console.log(JSON.stringify({ messages: r.messages.map((m) => m.rule), cells }));
      await closeOcr();`;
    const file = join(dir, 'run.mjs');
    writeFileSync(file, script);
    // no network at all where the kernel allows it (a fresh network namespace), and every
    // attempt recorded by the preload in the process and its worker threads in any case
    const isolate = spawnSync('unshare', ['-rn', 'true']).status === 0;
    const argv = ['--import', resolve('test/helpers/no-network.mjs'), file];
    const r = spawnSync(isolate ? 'unshare' : process.execPath, isolate ? ['-rn', process.execPath, ...argv] : argv, {
      cwd: dir,
      env: { ...process.env, NO_NETWORK_LOG: log },
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout.trim().split('\n').pop()!) as { messages: string[]; cells: number };
    expect(out.messages).toContain('ocr-used');
    expect(out.cells).toBeGreaterThan(100);
    expect(existsSync(log)).toBe(true);
    expect(readFileSync(log, 'utf8')).toBe('');
    expect(readdirSync(dir).filter((f) => f !== 'network.log' && f !== 'run.mjs')).toEqual([]);
  }, 120_000);

  it('reads a page image; what it reads is right, with its confidence; progress is reported', async () => {
    // page 1 of the scan, as the PNG a phone or a scanner would produce
    const doc = await openPdf(new Uint8Array(readFileSync(scan)));
    const page = await doc.getPage(1);
    const { createCanvas } = await import('@napi-rs/canvas');
    const viewport = page.getViewport({ scale: 200 / 72 });
    const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    await page.render({ canvasContext: ctx as never, viewport, canvas: canvas as never }).promise;
    const png = new Uint8Array(canvas.toBuffer('image/png'));
    const progress: [number, number][] = [];
    const r = await extract(png, { name: 'page.png', ocr: { onProgress: (d, t) => progress.push([d, t]) } });
    expect(progress).toEqual([[1, 1]]);
    expect(r.document!.format).toBe('ocr');
    const report = parseDocument(r.document!);
    expect(report.template).toBe('2021');
    let read = 0;
    for (const [id, c] of Object.entries(report.cells)) {
      if (c.status !== 'filled') continue;
      read++;
      expect(c.confidence, id).toBeGreaterThanOrEqual(80);
      expect([c.value, 'filled'], id).toEqual(expected.cells[id]);
    }
    expect(read).toBeGreaterThan(60);
  }, 120_000);

  it('a corrupt image is one message, not a crash', async () => {
    const r = await extract(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 1, 2, 3]), { name: 'x.jpg' });
    expect(r.messages).toMatchObject([{ rule: 'image-corrupt', fatal: true }]);
  });
});
