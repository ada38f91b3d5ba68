/** Finding words in a report's prose, with the place they stood. */
import { locAt, type Loc, type Paragraph } from '../document/model.js';
import type { ParsedReport, Section } from '../parse/index.js';

export interface ProseHit {
  section: Section | null;
  paragraph: Paragraph;
  match: RegExpExecArray;
  loc: Loc;
  /** the sentence the match is in, for quoting */
  sentence: string;
}

/** Paragraphs of the given sections (all when omitted), the preamble's first when asked. */
export function paragraphs(model: ParsedReport, sections?: readonly number[], preamble = false): { section: Section | null; p: Paragraph }[] {
  const out: { section: Section | null; p: Paragraph }[] = [];
  if (preamble && model.preamble) out.push({ section: null, p: { kind: 'paragraph', text: model.preamble.text, loc: model.preamble.loc } });
  for (const s of model.sections) {
    if (sections && !sections.includes(s.number)) continue;
    for (const p of s.paragraphs) out.push({ section: s, p });
  }
  return out;
}

export function findAll(model: ParsedReport, re: RegExp, sections?: readonly number[], preamble = false): ProseHit[] {
  const flags = re.flags.includes('g') ? re.flags : `${re.flags}g`;
  const global = new RegExp(re.source, flags);
  const hits: ProseHit[] = [];
  for (const { section, p } of paragraphs(model, sections, preamble)) {
    global.lastIndex = 0;
    for (let m = global.exec(p.text); m; m = global.exec(p.text)) {
      hits.push({ section, paragraph: p, match: m, loc: locAt(p, m.index), sentence: sentenceAt(p.text, m.index, m[0].length) });
      if (m[0].length === 0) global.lastIndex++;
    }
  }
  return hits;
}

/** The sentence around [start, start+len), cut at 。；！？ or the paragraph's ends, at most 80 characters. */
export function sentenceAt(text: string, start: number, len: number): string {
  let a = start;
  while (a > 0 && !/[。；！？\n]/.test(text[a - 1]!) && start - a < 60) a--;
  let b = start + len;
  while (b < text.length && !/[。；！？\n]/.test(text[b]!) && b - start < 60) b++;
  if (b < text.length && /[。；！？]/.test(text[b]!)) b++;
  return text.slice(a, b).trim();
}
