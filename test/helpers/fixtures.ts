import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

export interface ExpectedFinding {
  rule: string;
  messageId?: string;
  /** the exact set of cells, or null/undefined to not check them */
  cells?: string[] | null;
  data?: Record<string, string | number>;
}

export interface Expected {
  source: string;
  template: '2019' | '2021' | null;
  year: number | null;
  organ: string | null;
  title: string | null;
  publishedOn: string | null;
  period: [string, string] | null;
  sections: number[] | null;
  cells: Record<string, [number | null, 'filled' | 'blank' | 'missing' | 'unreadable']>;
  findings: ExpectedFinding[];
  notes?: string;
  /** a scan read by OCR: values must never be wrong, but some may be unreadable; findings listed must be made, others may be too */
  ocr?: boolean;
  /** needs LibreOffice (a DOC or WPS file) */
  soffice?: boolean;
}

export interface Fixture {
  name: string;
  dir: string;
  input: string;
  expected: Expected;
}

export function fixtures(): Fixture[] {
  return readdirSync(FIXTURES, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(FIXTURES, d.name, 'expected.json')))
    .map((d) => {
      const dir = join(FIXTURES, d.name);
      const input = readdirSync(dir).find((f) => f.startsWith('input.'));
      if (!input) throw new Error(`fixture ${d.name} has no input file`);
      return { name: d.name, dir, input: join(dir, input), expected: JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected };
    });
}
