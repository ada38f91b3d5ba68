import { checkTotals } from './relation.js';
import type { Rule } from './types.js';

/** R6: each 总计 of table 四 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结. */
export const rule: Rule = {
  id: 'appeals-total',
  meta: {
    description: '表四每组的“总计”等于结果维持、结果纠正、其他结果、尚未审结之和',
    templates: ['2019', '2021'],
    messages: {
      mismatch: '表四“{scope}”：总计为 {actual}，但四项结果之和为 {expected}（{parts}）{blanks}',
      blankTotal: '表四“{scope}”的总计为空，按四项结果之和应为 {expected}（{parts}）',
    },
    messageSeverity: { blankTotal: 'warning' },
  },
  check(ctx) {
    checkTotals(ctx, 'R6', 'column');
  },
};
