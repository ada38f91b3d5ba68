import { describe } from 'vitest';
import { rule } from '../../src/rules/requests-outcome-total.js';
import { buildReport, fixtureCase, ruleTester } from '../helpers/rule-tester.js';

describe('requests-outcome-total', async () => {
  ruleTester(rule, {
    valid: [
      await fixtureCase('pingtan-2021-text', 'a real report: 27+5+1+6+1+22+1 = 63'),
      { name: 'all zero', report: buildReport() },
      {
        name: '2021 format: the three （六） rows count',
        report: buildReport({
          cells: {
            'requests.otherHandling.noCorrection.natural': 2,
            'requests.otherHandling.noFee.natural': 1,
            'requests.outcomeTotal.natural': 3,
            'requests.otherHandling.noCorrection.total': 2,
            'requests.otherHandling.noFee.total': 1,
            'requests.outcomeTotal.total': 3,
          },
        }),
      },
      {
        name: '2019 format: the single （六） row counts',
        report: buildReport({ template: '2019', year: 2020, cells: { 'requests.otherHandling.natural': 4, 'requests.outcomeTotal.natural': 4, 'requests.otherHandling.total': 4, 'requests.outcomeTotal.total': 4 } }),
      },
      { name: 'a missing outcome row: the column cannot be checked', report: buildReport({ cells: { 'requests.granted.natural': 'missing', 'requests.outcomeTotal.natural': 9 } }) },
    ],
    invalid: [
      {
        ...(await fixtureCase('pingtan-2020-text', 'a real report whose outcome rows add up to more than （七）总计')),
        errors: [
          { messageId: 'mismatch', data: { scope: '自然人', actual: 20, expected: 26 }, severity: 'error' },
          { messageId: 'mismatch', data: { scope: '总计', actual: 21, expected: 27 }, severity: 'error' },
        ],
      },
      {
        ...(await fixtureCase('subdistrict-chuankou-2020', 'a real report with a blank （七）总计·自然人 whose outcomes give 2')),
        errors: [{ messageId: 'blankTotal', data: { scope: '自然人', expected: 2 }, severity: 'warning' }],
      },
    ],
  });
});
