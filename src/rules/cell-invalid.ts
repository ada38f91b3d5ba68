import type { Rule } from './types.js';

/** A value that is not of the cell's type: negative or fractional counts, negative amounts. */
export const rule: Rule = {
  id: 'cell-invalid',
  meta: {
    description: '数值不符合单元格类型：件数为负数或小数，金额为负数',
    templates: ['2019', '2021'],
    messages: {
      negative: '{cell} 为 {value}：件数不能为负数',
      fraction: '{cell} 为 {value}：件数必须是整数',
      signedFraction: '{cell} 为 {value}：增减数必须是整数',
      negativeAmount: '{cell} 为 {value}：金额不能为负数',
    },
  },
  check(ctx) {
    for (const def of ctx.template!.cells) {
      const c = ctx.cell(def.id);
      if (c?.status !== 'filled' || c.value === null) continue;
      const v = c.value;
      let messageId: string | null = null;
      if (def.type === 'count' && v < 0) messageId = 'negative';
      else if (def.type === 'count' && !Number.isInteger(v)) messageId = 'fraction';
      else if (def.type === 'signed' && !Number.isInteger(v)) messageId = 'signedFraction';
      else if (def.type === 'amount' && v < 0) messageId = 'negativeAmount';
      if (!messageId) continue;
      ctx.report({ messageId, data: { cell: def.label, value: c.raw?.trim() ?? v }, cells: [def.id], location: c.loc, actual: v });
    }
  },
};
