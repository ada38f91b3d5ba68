import type { Rule } from './types.js';

/** Every number of the three tables is 0: possible for a small organ, worth a look. */
export const rule: Rule = {
  id: 'all-zero',
  meta: {
    description: '三张统计表的数值全部为 0',
    templates: ['2019', '2021'],
    messages: {
      allZero: '三张统计表的 {count} 个数值全部为 0：本年没有制发文件、没有行政许可和处罚、没有收到政府信息公开申请、没有复议诉讼，请确认',
    },
  },
  check(ctx) {
    let filled = 0;
    for (const def of ctx.template!.cells) {
      const c = ctx.cell(def.id);
      if (c?.status === 'filled') {
        if (c.value !== 0) return;
        filled++;
      } else if (c?.status !== 'blank') return;
    }
    if (filled === 0) return;
    ctx.report({ messageId: 'allZero', data: { count: filled }, location: ctx.model.sections.find((s) => s.number === 2)?.loc ?? null });
  },
};
