/**
 * The worker pool the server parses in: a file that takes too long is stopped and reported, and
 * the pool goes on with a fresh worker. Uses the built code (worker threads load dist/).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const BUILT = existsSync(join(ROOT, 'dist', 'store', 'worker.js'));
if (!BUILT && process.env.CI) throw new Error('npm run build first');
const bytes = (name: string, file: string) => new Uint8Array(readFileSync(join(ROOT, 'test', 'fixtures', name, file)));

describe.skipIf(!BUILT)('parsing pool', () => {
  it('stops a file that takes too long, says so, and answers the next one', async () => {
    const { Pool } = (await import(join(ROOT, 'dist', 'store', 'importer.js'))) as typeof import('../../src/store/importer.js');
    const pool = new Pool(1, ':memory:', { preset: 'recommended', rules: {}, extract: { ocr: true }, maxBytes: 1e9, reparse: false }, 3000);
    try {
      // a scan: OCR takes several seconds a page
      await expect(pool.analyse({ path: 'scan.pdf', bytes: bytes('hongze-2023-scan', 'input.pdf') })).rejects.toThrow(/分析超过 3 秒/);
      const next = await pool.analyse({ path: 'buhai.txt', bytes: bytes('township-buhai-2020', 'input.txt') });
      expect(next.report?.organ).toContain('布海镇');
    } finally {
      await pool.close();
    }
  });
});
