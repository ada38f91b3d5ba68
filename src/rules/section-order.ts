import { compareLoc } from '../diagnostics/format.js';
import { SECTIONS } from '../template/index.js';
import type { Rule } from './types.js';

/** The six sections come in the order of the national format. */
export const rule: Rule = {
  id: 'section-order',
  meta: {
    description: '六个部分的先后次序与统一格式不同',
    templates: ['2019', '2021'],
    messages: {
      order: '第{numeral}部分“{heading}”出现在第{afterNumeral}部分之后，顺序应为一至六',
    },
  },
  check(ctx) {
    // document order: the outline lists headings as they come, whatever the format's locations
    const order = new Map<number, number>();
    ctx.model.outline.forEach((o, i) => {
      if (o.section !== null && !order.has(o.section)) order.set(o.section, i);
    });
    const byPlace = ctx.model.sections.every((s) => order.has(s.number))
      ? [...ctx.model.sections].sort((a, b) => order.get(a.number)! - order.get(b.number)!)
      : [...ctx.model.sections].sort((a, b) => compareLoc(a.loc, b.loc));
    let highest = 0;
    for (const s of byPlace) {
      if (s.number < highest) {
        ctx.report({
          messageId: 'order',
          data: { numeral: SECTIONS[s.number - 1]!.numeral, heading: SECTIONS[s.number - 1]!.heading, afterNumeral: SECTIONS[highest - 1]!.numeral },
          location: s.loc,
          quote: s.heading,
        });
      }
      highest = Math.max(highest, s.number);
    }
  },
};
