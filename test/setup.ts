// OCR workers are shared across a process; a test file that used them closes them at its end.
import { afterAll } from 'vitest';
import { closeOcr } from '../src/formats/ocr/index.js';

afterAll(async () => {
  await closeOcr();
});
