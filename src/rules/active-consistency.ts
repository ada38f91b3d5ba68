import { fold } from '../template/index.js';
import type { Rule } from './types.js';

/**
 * Table 二 logic: 本年新公开数量 cannot exceed 对外公开总数量 (2019); a sign belongs only in
 * 本年增/减; items cannot fall below zero; 万元 amounts have at most four decimals (1 元).
 */
export const rule: Rule = {
  id: 'active-consistency',
  meta: {
    description: '表二内部逻辑：新公开不超过公开总数、只有增减栏可带正负号、项目数不能减到负数、万元金额最多四位小数',
    templates: ['2019', '2021'],
    messages: {
      publishedOverTotal: '表二“{row}”：本年新公开数量 {published} 大于对外公开总数量 {total}',
      changeBelowZero: '表二“{row}”：上一年项目数量 {lastYear} 加本年增/减 {change} 小于 0',
      signNotAllowed: '{cell} 写作“{raw}”，带有正负号；只有“本年增/减”可以带正负号',
      decimals: '{cell} 为 {value} 万元，小数超过 4 位（0.0001 万元即 1 元）',
    },
    messageSeverity: { decimals: 'warning', signNotAllowed: 'warning' },
  },
  check(ctx) {
    const t = ctx.template!;
    const v = (id: string): number | null => {
      const c = ctx.cell(id);
      return c?.status === 'filled' ? c.value : null;
    };
    for (const row of t.tables.active.rows) {
      const cols = row.columns.map((c) => c.id);
      if (cols.includes('published') && cols.includes('total')) {
        const p = v(`${row.id}.published`);
        const tot = v(`${row.id}.total`);
        if (p !== null && tot !== null && p > tot) {
          ctx.report({
            messageId: 'publishedOverTotal',
            data: { row: row.shortLabel, published: p, total: tot },
            cells: [`${row.id}.published`, `${row.id}.total`],
            location: ctx.cell(`${row.id}.published`)?.loc ?? null,
            expected: `≤ ${tot}`,
            actual: p,
            hint: '对外公开总数量应包含本年新公开的文件，请核对两栏',
          });
        }
      }
      if (cols.includes('lastYear') && cols.includes('change')) {
        const last = v(`${row.id}.lastYear`);
        const change = v(`${row.id}.change`);
        if (last !== null && change !== null && last + change < 0) {
          ctx.report({
            messageId: 'changeBelowZero',
            data: { row: row.shortLabel, lastYear: last, change },
            cells: [`${row.id}.lastYear`, `${row.id}.change`],
            location: ctx.cell(`${row.id}.change`)?.loc ?? null,
            hint: '本年减少的项目不会多于上一年的项目数量',
          });
        }
      }
    }
    for (const def of t.cells) {
      if (def.table !== 'active') continue;
      const c = ctx.cell(def.id);
      if (c?.status !== 'filled' || c.value === null) continue;
      const raw = fold(c.raw ?? '');
      if (def.type !== 'signed' && /^[+\-−﹣增减]/.test(raw)) {
        ctx.report({ messageId: 'signNotAllowed', data: { cell: def.label, raw: (c.raw ?? '').trim() }, cells: [def.id], location: c.loc });
      }
      if (def.type === 'amount' && c.unit !== '元') {
        const decimals = (String(c.value).split('.')[1] ?? '').length;
        if (decimals > 4) {
          ctx.report({ messageId: 'decimals', data: { cell: def.label, value: c.value }, cells: [def.id], location: c.loc, actual: c.value, hint: '金额以万元为单位时保留到小数点后 4 位即可' });
        }
      }
    }
  },
};
