import { filled, lastYear } from './history.js';
import type { Rule } from './types.js';

/**
 * R9 (2021 format): documents in force at the end of the year = those in force a year
 * earlier + issued − repealed. Amendments and expiry make it inexact, so a warning that says
 * by how much.
 */
export const rule: Rule = {
  id: 'in-force-continuity',
  meta: {
    description: '2021 年格式：现行有效件数不等于上一年度的现行有效件数加本年制发、减本年废止（跨年度）',
    templates: ['2021'],
    crossReport: true,
    messages: {
      differs: '表二“{row}”现行有效件数为 {now}；按 {prevYear} 年度报告的 {before} 件 + 本年制发 {issued} − 本年废止 {repealed}，应为 {expected}',
    },
  },
  check(ctx) {
    const prev = lastYear(ctx, '2021');
    if (!prev) return;
    for (const row of ctx.template!.tables.active.rows) {
      if (!row.columns.some((c) => c.id === 'inForce')) continue;
      const now = filled(ctx.model, `${row.id}.inForce`);
      const issued = filled(ctx.model, `${row.id}.issued`);
      const repealed = filled(ctx.model, `${row.id}.repealed`);
      const before = filled(prev, `${row.id}.inForce`);
      if (now === null || issued === null || repealed === null || before === null) continue;
      const expected = before + issued - repealed;
      if (now === expected) continue;
      ctx.report({
        messageId: 'differs',
        data: { row: row.shortLabel, now, prevYear: prev.year!, before, issued, repealed, expected },
        cells: [`${row.id}.inForce`, `${row.id}.issued`, `${row.id}.repealed`],
        location: ctx.cell(`${row.id}.inForce`)?.loc ?? null,
        expected,
        actual: now,
        hint: '如有文件修订、失效或上一年度数字有误，请在报告中说明',
      });
    }
  },
};
