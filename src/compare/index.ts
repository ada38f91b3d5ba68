/**
 * Two reports side by side: the cells that differ and a sentence diff of each section, with the
 * share of the second report's text found word for word in the first (the duplication rate).
 * Pure: it runs in the browser as well.
 */
import type { ParsedReport } from '../parse/index.js';

export interface CellChange {
  id: string;
  a: { value: number | null; status: string } | null;
  b: { value: number | null; status: string } | null;
}

export type DiffPart = { kind: 'same' | 'removed' | 'added'; text: string };

export interface SectionDiff {
  number: number;
  heading: string;
  parts: DiffPart[];
  /** characters of b's section in sentences that a has too, over all of b's characters (0–1); null when b has no text */
  duplication: number | null;
}

export interface Comparison {
  cells: CellChange[];
  sections: SectionDiff[];
  /** over all six sections */
  duplication: number | null;
}

/** Sentences, each with its closing punctuation; white space does not count. */
export function sentences(text: string): string[] {
  const out: string[] = [];
  for (const m of text.replace(/[ \t\u3000\u00a0]+/g, '').matchAll(/[^。！？；!?;\n]+[。！？；!?;]*|\n/g)) {
    const s = m[0].trim();
    if (s) out.push(s);
  }
  return out;
}

/** Longest common subsequence over sentences; reports have at most a few hundred per section. */
export function diffSentences(a: readonly string[], b: readonly string[]): DiffPart[] {
  const n = a.length;
  const m = b.length;
  const table: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) table[i]![j] = a[i] === b[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
  const parts: DiffPart[] = [];
  const push = (kind: DiffPart['kind'], text: string) => {
    const last = parts.at(-1);
    if (last?.kind === kind) last.text += text;
    else parts.push({ kind, text });
  };
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      push('same', b[j]!);
      i++;
      j++;
    } else if (table[i + 1]![j]! >= table[i]![j + 1]!) push('removed', a[i++]!);
    else push('added', b[j++]!);
  }
  while (i < n) push('removed', a[i++]!);
  while (j < m) push('added', b[j++]!);
  return parts;
}

function rate(parts: readonly DiffPart[]): { same: number; total: number } {
  let same = 0;
  let total = 0;
  for (const p of parts) {
    if (p.kind === 'removed') continue;
    total += p.text.length;
    if (p.kind === 'same') same += p.text.length;
  }
  return { same, total };
}

export function compareReports(a: ParsedReport, b: ParsedReport): Comparison {
  const ids = [...new Set([...Object.keys(a.cells), ...Object.keys(b.cells)])];
  const cells: CellChange[] = [];
  for (const id of ids) {
    const x = a.cells[id];
    const y = b.cells[id];
    if (x && y && x.status === y.status && x.value === y.value) continue;
    cells.push({ id, a: x ? { value: x.value, status: x.status } : null, b: y ? { value: y.value, status: y.status } : null });
  }
  const sections: SectionDiff[] = [];
  let same = 0;
  let total = 0;
  for (let number = 1; number <= 6; number++) {
    const x = a.sections.find((s) => s.number === number);
    const y = b.sections.find((s) => s.number === number);
    if (!x && !y) continue;
    const parts = diffSentences(sentences(x?.text ?? ''), sentences(y?.text ?? ''));
    const r = rate(parts);
    same += r.same;
    total += r.total;
    sections.push({ number, heading: y?.heading ?? x?.heading ?? '', parts, duplication: r.total > 0 ? r.same / r.total : null });
  }
  return { cells, sections, duplication: total > 0 ? same / total : null };
}
