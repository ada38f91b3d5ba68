import { describe } from 'vitest';
import { rule } from '../../src/rules/cell-invalid.js';
import { buildReport, fixtureCase, ruleTester } from '../helpers/rule-tester.js';

describe('cell-invalid', async () => {
  ruleTester(rule, {
    valid: [
      await fixtureCase('pingtan-2020-text', 'negative 本年增/减 is allowed (行政事业性收费 -15)'),
      await fixtureCase('township-hongqi-2020', 'an amount with decimals (6874.6408 万元)'),
      { name: '2019 signed change', report: buildReport({ template: '2019', year: 2020, cells: { 'active.penalty.change': -18 } }) },
    ],
    invalid: [
      {
        name: 'a negative count',
        report: buildReport({ cells: { 'requests.granted.natural': -2 } }),
        errors: [{ messageId: 'negative', cells: ['requests.granted.natural'] }],
      },
      {
        name: 'a fractional count',
        report: buildReport({ cells: { 'appeals.review.upheld': { value: 1.5, raw: '1.5' } } }),
        errors: [{ messageId: 'fraction', data: { value: '1.5' } }],
      },
      {
        name: 'a negative amount',
        report: buildReport({ cells: { 'active.fees.amount': { value: -3, unit: '万元' } } }),
        errors: [{ messageId: 'negativeAmount' }],
      },
      {
        name: 'a fractional change',
        report: buildReport({ template: '2019', year: 2020, cells: { 'active.fees.change': { value: 0.5 } } }),
        errors: [{ messageId: 'signedFraction' }],
      },
    ],
  });
});
