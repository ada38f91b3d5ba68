import { SECTIONS } from '../template/index.js';
import type { Rule } from './types.js';

/** One of the six sections of the national format is not in the report. */
export const rule: Rule = {
  id: 'section-missing',
  meta: {
    description: '缺少统一格式规定的六个部分之一',
    templates: ['2019', '2021'],
    messages: {
      missing: '缺少第{numeral}部分“{heading}”',
      missingNumbered: '缺少第{numeral}部分“{heading}”：以“{numeral}、”开头的段落是“{found}”，不是该部分的标题',
    },
  },
  check(ctx) {
    for (const def of SECTIONS) {
      if (ctx.model.sections.some((s) => s.number === def.number)) continue;
      const numbered = ctx.model.outline.find((o) => o.written === def.number && o.numbering === 'cn' && o.section === null);
      ctx.report({
        messageId: numbered ? 'missingNumbered' : 'missing',
        data: numbered
          ? { numeral: def.numeral, heading: def.heading, found: numbered.text.slice(0, 30) }
          : { numeral: def.numeral, heading: def.heading },
        location: numbered?.loc ?? null,
        hint: `请按统一格式以“${def.numeral}、${def.heading}”为标题补写该部分`,
      });
    }
  },
};
