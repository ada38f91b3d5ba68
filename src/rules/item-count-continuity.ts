import { filled, lastYear } from './history.js';
import type { Rule } from './types.js';

/**
 * R8 (2019 format): last year's 上一年项目数量 + 本年增/减 is this year's 上一年项目数量
 * (行政许可, 其他对外管理服务事项, 行政处罚, 行政强制, 行政事业性收费).
 */
export const rule: Rule = {
  id: 'item-count-continuity',
  meta: {
    description: '2019 年格式：上一年度的“上一年项目数量”加“本年增/减”不等于本年的“上一年项目数量”（跨年度）',
    templates: ['2019'],
    crossReport: true,
    messages: {
      differs: '表二“{row}”上一年项目数量为 {now}；按 {prevYear} 年度报告的 {before} 项加增/减 {change}，应为 {expected}',
    },
  },
  check(ctx) {
    const prev = lastYear(ctx, '2019');
    if (!prev) return;
    for (const row of ctx.template!.tables.active.rows) {
      const cols = row.columns.map((c) => c.id);
      if (!cols.includes('lastYear') || !cols.includes('change')) continue;
      const now = filled(ctx.model, `${row.id}.lastYear`);
      const last = filled(prev, `${row.id}.lastYear`);
      const change = filled(prev, `${row.id}.change`);
      if (now === null || last === null || change === null) continue;
      const expected = last + change;
      if (now === expected) continue;
      ctx.report({
        messageId: 'differs',
        data: { row: row.shortLabel, now, prevYear: prev.year!, before: last, change, expected },
        cells: [`${row.id}.lastYear`],
        location: ctx.cell(`${row.id}.lastYear`)?.loc ?? null,
        expected,
        actual: now,
      });
    }
  },
};
