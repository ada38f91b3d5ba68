import { REQUEST_COLUMNS } from '../template/index.js';
import { filled, lastYear } from './history.js';
import type { Rule } from './types.js';

/**
 * R5: what was carried forward at the end of last year is what this year carries over
 * (表三 二 of year N = 四 of year N−1, each column). Corrections happen, so it is a warning.
 */
export const rule: Rule = {
  id: 'carry-over',
  meta: {
    description: '本年“上年结转”与上一年度报告的“结转下年度继续办理”不一致（跨年度）',
    templates: ['2019', '2021'],
    crossReport: true,
    messages: {
      differs: '表三“二、上年结转政府信息公开申请数量”（{column}）为 {now}，{prevYear} 年度报告“四、结转下年度继续办理”为 {before}',
    },
  },
  check(ctx) {
    const prev = lastYear(ctx);
    if (!prev) return;
    for (const col of REQUEST_COLUMNS) {
      const id = `requests.carriedOver.${col.id}`;
      const now = filled(ctx.model, id);
      const before = filled(prev, `requests.carriedForward.${col.id}`);
      if (now === null || before === null || now === before) continue;
      ctx.report({
        messageId: 'differs',
        data: { column: col.label, now, prevYear: prev.year!, before },
        cells: [id],
        location: ctx.cell(id)?.loc ?? null,
        expected: before,
        actual: now,
        hint: '上一年度结转的申请应在本年继续办理；如上一年度报告有误，请在本年报告中说明',
      });
    }
  },
};
