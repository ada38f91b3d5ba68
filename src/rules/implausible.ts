import { filled, lastYear } from './history.js';
import type { Rule } from './types.js';

/** Numbers that can be true but rarely are: a corrected appeal with no application; a five-fold jump. */
export const rule: Rule = {
  id: 'implausible',
  meta: {
    description: '不太可能的数值：没有任何申请却有复议诉讼被纠正；与上一年度相比变化超过 5 倍',
    templates: ['2019', '2021'],
    crossReport: true,
    messages: {
      correctedWithoutRequests: '表四“{group}”有 {corrected} 件结果被纠正，但本年没有新收也没有上年结转的政府信息公开申请',
      jump: '“{cell}”为 {value}，上一年度为 {previous}，相差 {ratio} 倍，请核对',
    },
  },
  check(ctx) {
    const v = (id: string): number | null => filled(ctx.model, id);
    const received = v('requests.received.total');
    const carried = v('requests.carriedOver.total');
    if (received === 0 && carried === 0) {
      for (const g of ctx.template!.tables.appeals.rows) {
        const corrected = v(`${g.id}.corrected`);
        if (corrected && corrected > 0) {
          ctx.report({ messageId: 'correctedWithoutRequests', data: { group: g.shortLabel, corrected }, cells: [`${g.id}.corrected`, 'requests.received.total', 'requests.carriedOver.total'], location: ctx.cell(`${g.id}.corrected`)?.loc ?? null });
        }
      }
    }
    const prev = lastYear(ctx);
    if (!prev) return;
    const watched = ctx.template!.cells.filter((d) => d.id === 'requests.received.total' || d.id === 'appeals.review.total' || d.columnId === 'decisions' || d.columnId === 'issued' || d.columnId === 'made');
    for (const def of watched) {
      const now = v(def.id);
      const before = filled(prev, def.id);
      if (now === null || before === null) continue;
      const lo = Math.min(now, before);
      const hi = Math.max(now, before);
      if (lo >= 10 && hi / lo > 5) {
        ctx.report({ messageId: 'jump', data: { cell: def.label, value: now, previous: before, ratio: Math.round(hi / lo) }, cells: [def.id], location: ctx.cell(def.id)?.loc ?? null });
      }
    }
  },
};
