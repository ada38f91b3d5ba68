import { CHINESE_NUMERALS, SECTIONS } from '../template/index.js';
import type { OutlineEntry } from '../parse/index.js';
import type { Rule } from './types.js';

/** Headings numbered 一、 to 六、: not “1、” beside “二、”, not a number that is another section's. */
export const rule: Rule = {
  id: 'heading-numbering',
  meta: {
    description: '标题序号混用（“1、”与“二、”并存）或序号与该部分不符',
    templates: ['2019', '2021'],
    messages: {
      mixed: '标题“{heading}”用阿拉伯数字编号，其他部分用“一、二、三”：六个部分应统一使用“一、”至“六、”',
      wrongNumber: '标题“{heading}”编号为“{written}”，按统一格式它是第{numeral}部分',
      repeated: '“{second}”与“{first}”都编号为“{written}、”，一级标题的序号重复',
    },
  },
  check(ctx) {
    const entries = ctx.model.outline.filter((o) => o.section !== null);
    const kinds = new Set(entries.map((o) => o.numbering));
    for (const o of entries) {
      const def = SECTIONS[o.section! - 1]!;
      if (kinds.size > 1 && o.numbering === 'arabic') {
        ctx.report({ messageId: 'mixed', data: { heading: o.text }, location: o.loc, quote: o.text, hint: `改为“${def.numeral}、${def.heading}”；Word 的自动编号常把“${def.numeral}、”变成“${o.written}、”` });
      } else if (o.written !== o.section) {
        ctx.report({ messageId: 'wrongNumber', data: { heading: o.text, written: o.numbering === 'cn' ? CHINESE_NUMERALS[o.written - 1]! : String(o.written), numeral: def.numeral }, location: o.loc, quote: o.text });
      }
    }
    // numbered lines inside sections 二 to 四 are table labels (一、本年新收…), not headings
    let current = 0;
    const byNumber = new Map<number, OutlineEntry[]>();
    for (const o of ctx.model.outline) {
      if (o.section !== null) current = o.section;
      else if (current >= 2 && current <= 4) continue;
      if (o.numbering !== 'cn') continue;
      byNumber.set(o.written, [...(byNumber.get(o.written) ?? []), o]);
    }
    const flagged = new Set(entries.filter((o) => (kinds.size > 1 && o.numbering === 'arabic') || o.written !== o.section));
    for (const [written, list] of byNumber) {
      if (list.length < 2 || list.some((o) => flagged.has(o))) continue;
      // point at the line that is not one of the six headings: a sub-item numbered like a heading
      const odd = list.find((o) => o.section === null) ?? list[1]!;
      const other = list.find((o) => o !== odd)!;
      ctx.report({ messageId: 'repeated', data: { written: CHINESE_NUMERALS[written - 1]!, first: other.text.slice(0, 20), second: odd.text.slice(0, 20) }, location: odd.loc, quote: odd.text, hint: '下一级标题应使用“（一）（二）”' });
    }
  },
};
