import { describe } from 'vitest';
import { rule } from '../../src/rules/text-table-mismatch.js';
import { buildReport, fixtureCase, fixtureWith, ruleTester } from '../helpers/rule-tester.js';

describe('text-table-mismatch', async () => {
  ruleTester(rule, {
    valid: [
      await fixtureCase('pingtan-2022-text', '平潭 2022: 收到申请75件 = 新收 74 + 结转 1; 行政诉讼案件1件、行政复议案件2件'),
      await fixtureCase('pingtan-2021-text', '平潭 2021: 收到70件申请'),
      await fixtureCase('township-liuhe-2022', '柳河镇: 未接到依申请公开办件, table 0'),
      await fixtureCase('shuyang-2025-text'),
      { name: '“未发生被行政复议纠错” is about outcomes', report: buildReport({ cells: { 'appeals.review.total': 3, 'appeals.review.upheld': 3 }, texts: { 4: ['全年未发生因依申请公开被行政复议纠错的情况。'] } }) },
      { name: '信访 counts are not applications', report: buildReport({ texts: { 1: ['全年收到信访举报申请12件。'] } }) },
    ],
    invalid: [
      {
        ...(await fixtureWith('pingtan-2022-text', '平潭 2022 with 80 in the text', (t) => t.replace('收到政府信息公开申请75件', '收到政府信息公开申请80件'))),
        errors: [{ messageId: 'received', data: { text: 80, table: 74 }, cells: ['requests.received.total'] }],
      },
      {
        ...(await fixtureWith('pingtan-2022-text', '平潭 2022 with 3 行政复议 in the text', (t) => t.replace('行政复议案件2件', '行政复议案件3件'))),
        errors: [{ messageId: 'review', data: { text: 3, table: 2 } }],
      },
      {
        name: '“未收到申请” against a non-zero table',
        report: buildReport({ cells: { 'requests.received.total': 2 }, texts: { 3: ['本年度未收到政府信息公开申请。'] } }),
        errors: [{ messageId: 'noneReceived', data: { table: 2 } }],
      },
      {
        name: '“未发生行政复议、行政诉讼” against a non-zero table',
        report: buildReport({ cells: { 'appeals.suitDirect.total': 1 }, texts: { 4: ['本年度未发生因政府信息公开被申请行政复议、提起行政诉讼的情况。'] } }),
        errors: [{ messageId: 'noneAppealed', data: { table: 1 } }],
      },
    ],
  });
});
