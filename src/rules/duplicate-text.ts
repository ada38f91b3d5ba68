import { SECTIONS } from '../template/index.js';
import { organKey } from '../organ/name.js';
import type { ParsedReport } from '../parse/index.js';
import { batchIndex, bestMatch, normalise, shingled, type Shingled } from './similar.js';
import { lastYear } from './history.js';
import type { Rule } from './types.js';

/**
 * Prose copied from last year's report of the same organ (总体情况 and 问题及改进 that do not
 * change from year to year), or shared with another organ's report in the same batch.
 * Paragraphs of at least 40 characters count; near-identical means 85 % of their 4-character
 * pieces are shared (90 % across organs, where the template sentences of a county are alike).
 */
const SECTIONS_CHECKED = [1, 5, 6];
const NEAR = 0.85;
const NEAR_OTHER = 0.9;
/** how many other reports a finding names; the rest are counted */
const OTHERS_NAMED = 3;

export const rule: Rule = {
  id: 'duplicate-text',
  meta: {
    description: '正文段落与同一机关上一年度的报告、或同批其他机关的报告相同或几乎相同',
    templates: 'any',
    crossReport: true,
    messages: {
      previousYear: '第{numeral}部分“{heading}”有 {count} 段（{chars} 字，占本部分 {share}%）与 {prevYear} 年度报告相同或几乎相同，如“{start}……”',
      otherOrgan: '第{numeral}部分“{heading}”有 {count} 段（{chars} 字）与{others}的报告相同或几乎相同，如“{start}……”',
    },
  },
  check(ctx) {
    if (!ctx.previous && ctx.others.length === 0) return;
    const mine = shingled(ctx.model, SECTIONS_CHECKED);
    if (mine.length === 0) return;
    const sectionChars = new Map<number, number>();
    for (const s of ctx.model.sections) sectionChars.set(s.number, normalise(s.text).length);

    const prev = lastYear(ctx);
    if (prev) {
      const pool = shingled(prev, SECTIONS_CHECKED);
      const bySection = new Map<number, typeof mine>();
      for (const x of mine) {
        if (bestMatch(x, pool, NEAR)) bySection.set(x.section.number, [...(bySection.get(x.section.number) ?? []), x]);
      }
      for (const [n, list] of bySection) {
        const chars = list.reduce((a, x) => a + x.norm.length, 0);
        const first = list[0]!;
        ctx.report({
          messageId: 'previousYear',
          data: { numeral: SECTIONS[n - 1]!.numeral, heading: SECTIONS[n - 1]!.heading, count: list.length, chars, share: Math.min(100, Math.round((100 * chars) / Math.max(1, sectionChars.get(n) ?? chars))), prevYear: prev.year!, start: first.p.text.trim().slice(0, 20) },
          location: first.p.loc,
          quote: first.p.text.trim(),
          hint: '每年的报告应写本年度的情况；问题和改进措施照抄上一年，说明问题没有改进',
        });
      }
    }

    const myKey = organKey(ctx.model.organ);
    if (ctx.others.length === 0) return;
    const index = batchIndex(ctx.others, SECTIONS_CHECKED);
    // per other report, per section: my paragraphs it shares
    const shared = new Map<Readonly<ParsedReport>, Map<number, Shingled[]>>();
    for (const x of mine) {
      for (const [other, pool] of index.candidates(x)) {
        if (other === ctx.model) continue;
        const key = organKey(other.organ);
        if (myKey && key === myKey) continue; // the same organ's other years: previousYear above
        if (!bestMatch(x, pool, NEAR_OTHER)) continue;
        const bySection = shared.get(other) ?? new Map<number, Shingled[]>();
        bySection.set(x.section.number, [...(bySection.get(x.section.number) ?? []), x]);
        shared.set(other, bySection);
      }
    }
    // per section: my paragraphs shared with any other report, and who shares them (most first)
    const sections = new Map<number, { mine: Set<Shingled>; who: Map<Readonly<ParsedReport>, number> }>();
    for (const [other, bySection] of shared) {
      for (const [n, list] of bySection) {
        const entry = sections.get(n) ?? { mine: new Set<Shingled>(), who: new Map<Readonly<ParsedReport>, number>() };
        for (const x of list) entry.mine.add(x);
        entry.who.set(other, list.reduce((a, x) => a + x.norm.length, 0));
        sections.set(n, entry);
      }
    }
    for (const [n, { mine: list, who }] of [...sections].sort((a, b) => a[0] - b[0])) {
      const ordered = [...list].sort((a, b) => mine.indexOf(a) - mine.indexOf(b));
      const first = ordered[0]!;
      const names = [...who].sort((a, b) => b[1] - a[1]).map(([r]) => `“${r.organ ?? r.source.name ?? '未知机关'}${r.year ? ` ${r.year} 年度` : ''}”`);
      const others = names.length > OTHERS_NAMED ? `${names.slice(0, OTHERS_NAMED).join('、')}等 ${names.length} 份` : names.join('、');
      ctx.report({
        messageId: 'otherOrgan',
        data: { numeral: SECTIONS[n - 1]!.numeral, heading: SECTIONS[n - 1]!.heading, count: ordered.length, chars: ordered.reduce((a, x) => a + x.norm.length, 0), others, reports: names.length, start: first.p.text.trim().slice(0, 20) },
        location: first.p.loc,
        quote: first.p.text.trim(),
      });
    }
  },
};
