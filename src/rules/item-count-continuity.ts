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
    const prev = ctx.previous;
    const year = ctx.model.year;
    if (!prev || prev.template !== '2019' || year === null || prev.year !== year - 1) return;
    for (const row of ctx.template!.tables.active.rows) {
      const cols = row.columns.map((c) => c.id);
      if (!cols.includes('lastYear') || !cols.includes('change')) continue;
      const c = ctx.cell(`${row.id}.lastYear`);
      const now = c?.status === 'filled' ? c.value : null;
      const pl = prev.cells[`${row.id}.lastYear`];
      const pc = prev.cells[`${row.id}.change`];
      if (now === null || pl?.status !== 'filled' || pl.value === null || pc?.status !== 'filled' || pc.value === null) continue;
      const expected = pl.value + pc.value;
      if (now === expected) continue;
      ctx.report({
        messageId: 'differs',
        data: { row: row.shortLabel, now, prevYear: prev.year!, before: pl.value, change: pc.value, expected },
        cells: [`${row.id}.lastYear`],
        location: c?.loc ?? null,
        expected,
        actual: now,
      });
    }
  },
};
