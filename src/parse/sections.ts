/**
 * The six sections: recognising their headings (numbered 一、 or, from Word auto-numbering,
 * 1、; standalone or run into the text of a page a crawler flattened), and cutting the
 * document into items so each table and paragraph knows which section it is in.
 */
import { locAt, type Block, type Loc, type Paragraph, type Span, type Table } from '../document/model.js';
import { SECTIONS, fold, leadingNumber, stripNumbering, type SectionDef } from '../template/index.js';

export type Item = { kind: 'p'; p: Paragraph } | { kind: 't'; t: Table };

export interface HeadingHit {
  section: number;
  /** 3: the text is an accepted variant; 2: keywords of a short numbered line; 1: unnumbered variant */
  strength: 1 | 2 | 3;
  /** the number written before the heading, or null */
  written: number | null;
  numbering: 'cn' | 'arabic' | null;
}

/** A numbered level-1 line (一、… or 1、…) as written, whether or not it names a section. */
export interface OutlineEntry {
  written: number;
  numbering: 'cn' | 'arabic';
  text: string;
  loc: Loc;
  section: number | null;
}

const VARIANTS: ReadonlyMap<string, number> = new Map(
  SECTIONS.flatMap((s) => s.variants.map((v) => [fold(v), s.number] as const)),
);

function keywordsMatch(def: SectionDef, folded: string): boolean {
  return def.keywords.some((kw) => kw.every((k) => folded.includes(k)));
}

/** Is this paragraph a section heading? */
export function matchHeading(text: string, markdownHeading = false): HeadingHit | null {
  const folded = fold(text);
  if (folded.length === 0 || folded.length > 48) return null;
  const num = leadingNumber(folded);
  if (num && (num.kind === 'cn' || num.kind === 'arabic') && num.n >= 1 && num.n <= 9) {
    const rest = stripOne(folded);
    const byVariant = VARIANTS.get(rest);
    const numbering = num.kind === 'cn' ? 'cn' : 'arabic';
    if (byVariant !== undefined) return { section: byVariant, strength: 3, written: num.n, numbering };
    if (rest.length <= 30 && !/[。；]/.test(rest)) {
      const def = SECTIONS.find((s) => keywordsMatch(s, rest));
      if (def) return { section: def.number, strength: 2, written: num.n, numbering };
    }
    return null;
  }
  if (num) return null;
  const byVariant = VARIANTS.get(folded);
  if (byVariant !== undefined && (markdownHeading || folded.length <= 20)) {
    return { section: byVariant, strength: 1, written: null, numbering: null };
  }
  return null;
}

function stripOne(folded: string): string {
  const m = /^(?:[一二三四五六七八九十]+[、.,]|\d{1,2}[、.](?!\d))/.exec(folded);
  return m ? folded.slice(m[0].length) : stripNumbering(folded);
}

/** Numbered level-1 line, for the outline. */
export function outlineEntry(p: Paragraph): OutlineEntry | null {
  const m = /^[\s\u00a0\u3000]*([一二三四五六七八九十]|[1-9])\s*[、.．](?!\d)/.exec(p.text);
  if (!m) return null;
  const folded = fold(p.text);
  const num = leadingNumber(folded);
  if (!num || (num.kind !== 'cn' && num.kind !== 'arabic')) return null;
  if (num.kind === 'arabic' && !matchHeading(p.text)) return null; // 1. 2. inside prose are items, not headings
  const hit = matchHeading(p.text, p.headingLevel !== undefined);
  return {
    written: num.n,
    numbering: num.kind === 'cn' ? 'cn' : 'arabic',
    text: p.text.length > 60 ? `${p.text.slice(0, 60)}…` : p.text,
    loc: p.loc,
    section: hit?.section ?? null,
  };
}

// ---------------------------------------------------------------------------
// Headings run into the text (a crawled page flattened to one line)

const CN = ['一', '二', '三', '四', '五', '六'];
const SPACE = '[\\s\\u00a0\\u3000]*';

function tolerant(label: string): string {
  return [...label]
    .map((ch) => {
      if (ch === '、' || ch === '，') return '[、，,]';
      if (ch === '（' || ch === '(') return '[（(]';
      if (ch === '）' || ch === ')') return '[）)]';
      return ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join(SPACE);
}

const INLINE: readonly { section: number; re: RegExp }[] = SECTIONS.map((s) => ({
  section: s.number,
  re: new RegExp(
    `(?:${CN[s.number - 1]}|${s.number})${SPACE}[、.．]${SPACE}(?:${[...s.variants].sort((a, b) => b.length - a.length).map(tolerant).join('|')})`,
    'g',
  ),
}));

/** Splits long paragraphs at headings written inline, so every heading is its own paragraph. */
export function splitInlineHeadings(blocks: readonly Block[]): Item[] {
  const items: Item[] = [];
  for (const b of blocks) {
    if (b.kind === 'table') {
      items.push({ kind: 't', t: b });
      continue;
    }
    if (b.text.length < 80 || matchHeading(b.text, b.headingLevel !== undefined)) {
      items.push({ kind: 'p', p: b });
      continue;
    }
    const cuts: { start: number; end: number }[] = [];
    let from = 0;
    for (const { re } of INLINE) {
      re.lastIndex = from;
      const m = re.exec(b.text);
      if (!m) continue;
      cuts.push({ start: m.index, end: m.index + m[0].length });
      from = m.index + m[0].length;
    }
    // a single heading at the very start of a normal paragraph is not a flattened page
    if (cuts.length === 0 || (cuts.length === 1 && cuts[0]!.start === 0 && b.text.length < 400)) {
      items.push({ kind: 'p', p: b });
      continue;
    }
    let pos = 0;
    for (const cut of cuts) {
      pushSlice(items, b, pos, cut.start);
      pushSlice(items, b, cut.start, cut.end);
      pos = cut.end;
    }
    pushSlice(items, b, pos, b.text.length);
  }
  return items;
}

function pushSlice(items: Item[], p: Paragraph, start: number, end: number): void {
  const sliced = sliceParagraph(p, start, end);
  if (sliced) items.push({ kind: 'p', p: sliced });
}

/** A part of a paragraph, trimmed, with its locations. */
export function sliceParagraph(p: Paragraph, start: number, end: number): Paragraph | null {
  let s = start;
  let e = end;
  while (s < e && /[\s\u00a0\u3000]/.test(p.text[s]!)) s++;
  while (e > s && /[\s\u00a0\u3000]/.test(p.text[e - 1]!)) e--;
  if (s >= e) return null;
  const out: Paragraph = { kind: 'paragraph', text: p.text.slice(s, e), loc: locAt(p, s) };
  if (p.spans) {
    const inner: Span[] = p.spans.filter((x) => x.start > s && x.start < e).map((x) => ({ start: x.start - s, loc: x.loc }));
    if (inner.length > 0) out.spans = [{ start: 0, loc: out.loc }, ...inner];
  }
  return out;
}

// ---------------------------------------------------------------------------

export interface SectionRange {
  number: number;
  headingItem: number;
  hit: HeadingHit;
  /** items (headingItem, end) belong to the section */
  end: number;
}

/**
 * Picks one heading per section: the strongest match, then the one whose written number
 * agrees, then the first. Returns ranges in document order.
 */
export function locateSections(items: readonly Item[]): SectionRange[] {
  const best = new Map<number, { index: number; hit: HeadingHit }>();
  items.forEach((it, index) => {
    if (it.kind !== 'p') return;
    const hit = matchHeading(it.p.text, it.p.headingLevel !== undefined);
    if (!hit) return;
    const prev = best.get(hit.section);
    const score = (h: HeadingHit): number => h.strength * 2 + (h.written === h.section ? 1 : 0);
    if (!prev || score(hit) > score(prev.hit)) best.set(hit.section, { index, hit });
  });
  const ranges = [...best.entries()]
    .map(([number, { index, hit }]) => ({ number, headingItem: index, hit, end: items.length }))
    .sort((a, b) => a.headingItem - b.headingItem);
  for (let i = 0; i < ranges.length - 1; i++) ranges[i]!.end = ranges[i + 1]!.headingItem;
  return ranges;
}
