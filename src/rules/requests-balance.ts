import { blankNote, evaluate } from './arith.js';
import type { Rule } from './types.js';

/** R1, printed in the table: 一 + 二 = （七）总计 + 四, in every column. */
export const rule: Rule = {
  id: 'requests-balance',
  meta: {
    description: '表三每一列：一（本年新收）+ 二（上年结转）= （七）总计 + 四（结转下年度）',
    templates: ['2019', '2021'],
    messages: {
      unbalanced:
        '表三“{scope}”列不平衡：一 本年新收 {received} + 二 上年结转 {carriedOver} = {lhs}，但（七）总计 {outcomeTotal} + 四 结转下年度 {carriedForward} = {rhs}{blanks}',
    },
  },
  check(ctx) {
    for (const rel of ctx.template!.relations) {
      if (rel.family !== 'R1') continue;
      const ev = evaluate(rel, ctx);
      if (!ev || ev.holds) continue;
      const v = (id: string): number | string => {
        const c = ctx.cell(id);
        if (c?.status === 'filled') return c.value!;
        return ctx.derived.has(id) ? `${ctx.derived.get(id)!}（空白，按分项推算）` : '空白';
      };
      const [received, carriedOver] = rel.lhs as [string, string];
      const [outcomeTotal, carriedForward] = rel.rhs as [string, string];
      ctx.report({
        messageId: 'unbalanced',
        data: {
          scope: rel.scopeLabel,
          received: v(received),
          carriedOver: v(carriedOver),
          outcomeTotal: v(outcomeTotal),
          carriedForward: v(carriedForward),
          lhs: ev.lhs.sum,
          rhs: ev.rhs.sum,
          blanks: blankNote(ev.lhs, ev.rhs),
        },
        cells: [...rel.lhs, ...rel.rhs],
        location: ctx.cell(outcomeTotal)?.loc ?? ctx.cell(received)?.loc ?? null,
        expected: ev.lhs.sum,
        actual: ev.rhs.sum,
        hint: '收到的申请（一+二）应全部体现为办理结果（七）或结转下年度（四）',
      });
    }
  },
};
