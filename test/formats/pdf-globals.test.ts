/**
 * Reading a PDF loads pdf.js, whose legacy build would replace built-ins for the whole process
 * (core-js on Node 20). gongkai puts the replaced ones back; what pdf.js adds stays.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { readPdf } from '../../src/formats/pdf/index.js';

const before = { push: Array.prototype.push, parse: JSON.parse, stringify: JSON.stringify, toString: Function.prototype.toString };

it('after a PDF is read, Array.prototype.push and JSON are still the built-in ones', async () => {
  const r = await readPdf(new Uint8Array(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'hongze-2023-pdf', 'input.pdf'))));
  expect(r.document?.blocks.length).toBeGreaterThan(10);
  expect(Array.prototype.push).toBe(before.push);
  expect(JSON.parse).toBe(before.parse);
  expect(JSON.stringify).toBe(before.stringify);
  expect(Function.prototype.toString).toBe(before.toString);
  // what pdf.js needs on Node 20 is there
  expect(typeof (Promise as unknown as { withResolvers?: unknown }).withResolvers).toBe('function');
});
