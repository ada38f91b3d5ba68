/** A rule over one family of the template's relations (R2, R3, R6): shared check, own messages. */
import { blankNote, evaluate, terms } from './arith.js';
import type { RuleContext } from './types.js';
import type { RelationDef } from '../template/index.js';

/**
 * Reports `mismatch` when a printed total differs from the sum of its parts, and
 * `blankTotal` when the total is blank though its parts add up to more than 0.
 */
export function checkTotals(ctx: RuleContext, family: RelationDef['family'], partsBy: 'row' | 'column'): void {
  for (const rel of ctx.template!.relations) {
    if (rel.family !== family) continue;
    const ev = evaluate(rel, ctx);
    if (!ev) continue;
    const cells = [...rel.lhs, ...rel.rhs];
    const location = ctx.cell(rel.total ?? rel.lhs[0]!)?.loc ?? null;
    if (ev.blankTotal) {
      if (ev.rhs.sum !== 0) {
        ctx.report({
          messageId: 'blankTotal',
          data: { scope: rel.scopeLabel, expected: ev.rhs.sum, parts: terms(rel.rhs, ctx, partsBy) },
          cells,
          location,
          expected: ev.rhs.sum,
          hint: `请在总计栏填写 ${ev.rhs.sum}`,
        });
      }
      continue;
    }
    if (ev.holds) continue;
    ctx.report({
      messageId: 'mismatch',
      data: {
        scope: rel.scopeLabel,
        actual: ev.lhs.sum,
        expected: ev.rhs.sum,
        parts: terms(rel.rhs, ctx, partsBy),
        blanks: blankNote(ev.lhs, ev.rhs),
      },
      cells,
      location,
      expected: ev.rhs.sum,
      actual: ev.lhs.sum,
      hint: '请核对总计与各分项，改正填错的一方',
    });
  }
}
