import { describe } from 'vitest';
import { rule } from '../../src/rules/item-count-continuity.js';
import { buildReport, ruleTester } from '../helpers/rule-tester.js';

const y2019 = buildReport({ template: '2019', year: 2019, cells: { 'active.licensing.lastYear': 120, 'active.licensing.change': { value: -7, raw: '-7' }, 'active.fees.lastYear': 3, 'active.fees.change': 0 } });

describe('item-count-continuity', () => {
  ruleTester(rule, {
    valid: [
      { name: '120 − 7 = 113 items', report: buildReport({ template: '2019', year: 2020, cells: { 'active.licensing.lastYear': 113, 'active.fees.lastYear': 3 } }), options: { previous: y2019 } },
      { name: 'no previous report', report: buildReport({ template: '2019', year: 2020 }) },
      { name: 'a blank 增/减 last year is not compared', report: buildReport({ template: '2019', year: 2020, cells: { 'active.penalty.lastYear': 9 } }), options: { previous: buildReport({ template: '2019', year: 2019, cells: { 'active.penalty.lastYear': 4, 'active.penalty.change': 'blank' } }) } },
    ],
    invalid: [
      {
        name: 'last year’s figure copied unchanged',
        report: buildReport({ template: '2019', year: 2020, cells: { 'active.licensing.lastYear': 120, 'active.fees.lastYear': 3 } }),
        options: { previous: y2019 },
        errors: [{ messageId: 'differs', data: { now: 120, before: 120, change: -7, expected: 113 }, cells: ['active.licensing.lastYear'], severity: 'warning' }],
      },
    ],
  });
});
