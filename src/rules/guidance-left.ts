import { GUIDANCE_CLOSE, GUIDANCE_OPEN } from '../template/guidance.js';
import { findAll } from './prose.js';
import type { Rule } from './types.js';

/**
 * `gongkai new` starts every written section with 【填写提示：…】 points: what the national format
 * asks the section to cover. Any left in a report means the clerk did not write that part.
 */
const LEFT = new RegExp(`${GUIDANCE_OPEN}[^${GUIDANCE_CLOSE}]*${GUIDANCE_CLOSE}?`);

export const rule: Rule = {
  id: 'guidance-left',
  meta: {
    description: '报告中还留着“填写提示”：这一部分没有写完',
    templates: 'any',
    messages: {
      left: '第{numeral}部分还留着填写提示“{text}”：请写出实际情况，再删除提示',
      preamble: '开头还留着填写提示“{text}”：请写出实际情况，再删除提示',
    },
  },
  check(ctx) {
    for (const hit of findAll(ctx.model, LEFT, undefined, true)) {
      const text = hit.match[0].slice(GUIDANCE_OPEN.length).replace(GUIDANCE_CLOSE, '').slice(0, 40);
      if (hit.section) ctx.report({ messageId: 'left', data: { numeral: '一二三四五六'[hit.section.number - 1]!, text }, location: hit.loc, quote: hit.match[0] });
      else ctx.report({ messageId: 'preamble', data: { text }, location: hit.loc, quote: hit.match[0] });
    }
  },
};
