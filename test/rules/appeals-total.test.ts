import { describe } from 'vitest';
import { rule } from '../../src/rules/appeals-total.js';
import { buildReport, fixtureCase, ruleTester } from '../helpers/rule-tester.js';

const review = (u: number, c: number, o: number, p: number, t: number | 'blank') => ({
  'appeals.review.upheld': u,
  'appeals.review.corrected': c,
  'appeals.review.other': o,
  'appeals.review.pending': p,
  'appeals.review.total': t,
});

describe('appeals-total', async () => {
  ruleTester(rule, {
    valid: [
      await fixtureCase('shuyang-2025-text', 'a real report: 27+10+9+15 = 61; 3; 8+0+1+1 = 10'),
      await fixtureCase('pingtan-2021-text', 'a real report split from a run of digits: 1+0+2+0 = 3'),
      { name: 'all zero', report: buildReport() },
    ],
    invalid: [
      {
        // the 洪泽区 2023 report prints 10 维持 + 1 纠正 with a 总计 of 0 (corpus/expected/hongze-2023.json)
        name: 'total printed 0 although there were results',
        report: buildReport({ cells: review(10, 1, 0, 0, 0) }),
        errors: [{ messageId: 'mismatch', data: { scope: '行政复议', actual: 0, expected: 11 } }],
      },
      {
        name: 'a blank total with results',
        report: buildReport({ cells: { ...review(1, 0, 0, 1, 'blank') } }),
        errors: [{ messageId: 'blankTotal', data: { expected: 2 }, severity: 'warning' }],
      },
      {
        name: 'each group is checked on its own',
        report: buildReport({ cells: { 'appeals.suitAfterReview.upheld': 5, 'appeals.suitDirect.pending': 1, 'appeals.suitDirect.total': 1 } }),
        errors: [{ messageId: 'mismatch', data: { scope: '行政诉讼·复议后起诉', actual: 0, expected: 5 } }],
      },
    ],
  });
});
