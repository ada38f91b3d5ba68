/**
 * Near-duplicate paragraphs: character 4-gram sets compared by Jaccard, after dropping
 * what copying changes (spaces, punctuation, the width of characters). Sets are cached per
 * report so a batch of n reports costs n shingle passes, not n².
 */
import type { ParsedReport, Section } from '../parse/index.js';
import type { Paragraph } from '../document/model.js';

export interface Shingled {
  section: Section;
  p: Paragraph;
  norm: string;
  grams: Set<string>;
}

/** paragraphs shorter than this (after normalising) are too generic to mean anything */
export const MIN_CHARS = 40;
const cache = new WeakMap<object, Shingled[]>();

export function normalise(text: string): string {
  return text.normalize('NFKC').replace(/[\s\p{P}\p{S}]/gu, '');
}

export function grams(norm: string, n = 4): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + n <= norm.length; i++) out.add(norm.slice(i, i + n));
  return out;
}

export function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let both = 0;
  for (const g of small) if (large.has(g)) both++;
  return both / (a.size + b.size - both);
}

/** The long paragraphs of the prose sections, shingled once per report. */
export function shingled(report: Readonly<ParsedReport>, sections: readonly number[]): Shingled[] {
  let all = cache.get(report);
  if (!all) {
    all = [];
    for (const s of report.sections) {
      for (const p of s.paragraphs) {
        const norm = normalise(p.text);
        if (norm.length >= MIN_CHARS) all.push({ section: s, p, norm, grams: grams(norm) });
      }
    }
    cache.set(report, all);
  }
  return all.filter((x) => sections.includes(x.section.number));
}

/** The most similar paragraph of `pool` to `x`, or null under the threshold. */
export function bestMatch(x: Shingled, pool: readonly Shingled[], threshold: number): { match: Shingled; score: number } | null {
  let best: { match: Shingled; score: number } | null = null;
  for (const y of pool) {
    // sizes too different to reach the threshold
    const lo = Math.min(x.grams.size, y.grams.size);
    const hi = Math.max(x.grams.size, y.grams.size);
    if (lo / hi < threshold) continue;
    const score = x.norm === y.norm ? 1 : jaccard(x.grams, y.grams);
    if (score >= threshold && (!best || score > best.score)) best = { match: y, score };
  }
  return best;
}

/** A batch's paragraphs, found by their k smallest pieces (a bottom-k sketch): near duplicates share some. */
export interface BatchIndex {
  candidates(x: Shingled): Map<Readonly<ParsedReport>, Shingled[]>;
}

const batchCache = new WeakMap<object, BatchIndex>();
const SKETCH = 8;

function sketch(grams: Set<string>): string[] {
  return [...grams].map((g) => [hash(g), g] as const).sort((a, b) => a[0] - b[0]).slice(0, SKETCH).map((x) => x[1]);
}

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

export function batchIndex(reports: readonly Readonly<ParsedReport>[], sections: readonly number[]): BatchIndex {
  const cached = batchCache.get(reports);
  if (cached) return cached;
  const byGram = new Map<string, { report: Readonly<ParsedReport>; s: Shingled }[]>();
  for (const report of reports) {
    for (const s of shingled(report, sections)) {
      for (const g of sketch(s.grams)) {
        const list = byGram.get(g) ?? [];
        list.push({ report, s });
        byGram.set(g, list);
      }
    }
  }
  const index: BatchIndex = {
    candidates(x) {
      const out = new Map<Readonly<ParsedReport>, Shingled[]>();
      for (const g of sketch(x.grams)) {
        for (const { report, s } of byGram.get(g) ?? []) {
          const list = out.get(report) ?? [];
          if (!list.includes(s)) list.push(s);
          out.set(report, list);
        }
      }
      return out;
    },
  };
  batchCache.set(reports, index);
  return index;
}
