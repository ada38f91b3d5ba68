import { checkTotals } from './relation.js';
import type { Rule } from './types.js';

/** R3: in every column of table 三, （七）总计 = the sum of all outcome rows. */
export const rule: Rule = {
  id: 'requests-outcome-total',
  meta: {
    description: '表三每一列的“（七）总计”等于（一）至（六）各项办理结果之和',
    templates: ['2019', '2021'],
    messages: {
      mismatch: '表三“{scope}”列：（七）总计为 {actual}，但各项办理结果之和为 {expected}（{parts}）{blanks}',
      blankTotal: '表三“{scope}”列的（七）总计为空，按各项办理结果之和应为 {expected}（{parts}）',
    },
    messageSeverity: { blankTotal: 'warning' },
  },
  check(ctx) {
    checkTotals(ctx, 'R3', 'row');
  },
};
