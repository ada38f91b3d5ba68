import { describe } from 'vitest';
import { rule } from '../../src/rules/requests-balance.js';
import { buildReport, fixtureCase, ruleTester } from '../helpers/rule-tester.js';

describe('requests-balance', async () => {
  ruleTester(rule, {
    valid: [
      await fixtureCase('pingtan-2021-text', 'a real report that balances (一 70 + 二 0 = 七 69 + 四 1)'),
      // 船口街道: （七）总计·自然人 is blank but its outcome rows give 2, so 2 + 0 = 2 + blank holds
      await fixtureCase('subdistrict-chuankou-2020', 'a blank outcome total is taken at its derived value'),
      { name: 'all zero', report: buildReport() },
      {
        name: 'carried forward balances new applications',
        report: buildReport({
          cells: {
            'requests.received.natural': 10,
            'requests.received.total': 10,
            'requests.granted.natural': 7,
            'requests.granted.total': 7,
            'requests.outcomeTotal.natural': 7,
            'requests.outcomeTotal.total': 7,
            'requests.carriedForward.natural': 3,
            'requests.carriedForward.total': 3,
          },
        }),
      },
      { name: 'a missing cell makes the column uncheckable', report: buildReport({ cells: { 'requests.received.natural': 5, 'requests.outcomeTotal.natural': 'missing' } }) },
    ],
    invalid: [
      {
        name: 'applications that vanish',
        report: buildReport({
          cells: {
            'requests.received.natural': 10,
            'requests.received.total': 10,
            'requests.granted.natural': 7,
            'requests.granted.total': 7,
            'requests.outcomeTotal.natural': 7,
            'requests.outcomeTotal.total': 7,
          },
        }),
        errors: [
          { messageId: 'unbalanced', data: { scope: '自然人', lhs: 10, rhs: 7 }, severity: 'error' },
          { messageId: 'unbalanced', data: { scope: '总计', lhs: 10, rhs: 7 } },
        ],
      },
      {
        name: 'blank cells are counted as 0 and said to be',
        report: buildReport({
          cells: { 'requests.carriedOver.commercial': 2, 'requests.carriedOver.total': 2, 'requests.outcomeTotal.commercial': 'blank' },
        }),
        errors: [
          { messageId: 'unbalanced', data: { scope: '商业企业', lhs: 2, rhs: 0, blanks: '（其中 1 个空白的合计栏按其分项推算）' } },
          { messageId: 'unbalanced', data: { scope: '总计', lhs: 2, rhs: 0 } },
        ],
      },
      {
        name: 'a blank addend is counted as 0 and said to be',
        report: buildReport({
          cells: { 'requests.received.legal': 1, 'requests.received.total': 1, 'requests.carriedForward.legal': 'blank' },
        }),
        errors: [
          { messageId: 'unbalanced', data: { scope: '法律服务机构', lhs: 1, rhs: 0, blanks: '（其中 1 个空白单元格按 0 计）' } },
          { messageId: 'unbalanced', data: { scope: '总计', lhs: 1, rhs: 0 } },
        ],
      },
    ],
  });
});
