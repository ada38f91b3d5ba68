import { checkTotals } from './relation.js';
import type { Rule } from './types.js';

/** R2: in every row of table 三, 总计 = the six applicant columns. */
export const rule: Rule = {
  id: 'requests-row-total',
  meta: {
    description: '表三每一行的“总计”等于自然人与五类法人或其他组织之和',
    templates: ['2019', '2021'],
    messages: {
      mismatch: '表三“{scope}”一行：总计为 {actual}，但各申请人类型之和为 {expected}（{parts}）{blanks}',
      blankTotal: '表三“{scope}”一行的总计为空，按各申请人类型之和应为 {expected}（{parts}）',
    },
    messageSeverity: { blankTotal: 'warning' },
  },
  check(ctx) {
    checkTotals(ctx, 'R2', 'column');
  },
};
