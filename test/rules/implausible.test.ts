import { describe } from 'vitest';
import { rule } from '../../src/rules/implausible.js';
import { buildReport, fixtureCase, ruleTester } from '../helpers/rule-tester.js';

describe('implausible', async () => {
  // the 2020 text flattens 行政许可 into an ambiguous run; the 2020 web page (corpus html/pingtan-2020.html) prints 278
  const pingtan2020 = buildReport({ template: '2019', year: 2020, organ: '平潭综合实验区', cells: { 'active.licensing.decisions': 278 } });
  const pingtan2021 = await fixtureCase('pingtan-2021-text', '平潭 2021 against 2020: 行政许可 278 → 2293');
  ruleTester(rule, {
    valid: [
      await fixtureCase('township-buhai-2020'),
      { ...(await fixtureCase('pingtan-2022-text', '平潭 2022 against 2021')), options: { previous: pingtan2021.report } },
      { name: 'small numbers may jump (2 → 15)', report: buildReport({ cells: { 'requests.received.total': 15 } }), options: { previous: buildReport({ year: 2021, cells: { 'requests.received.total': 2 } }) } },
      { name: 'a corrected appeal with applications', report: buildReport({ cells: { 'requests.received.total': 3, 'appeals.review.corrected': 1 } }) },
    ],
    invalid: [
      { ...pingtan2021, options: { previous: pingtan2020 }, errors: [{ messageId: 'jump', data: { value: 2293, previous: 278, ratio: 8 }, cells: ['active.licensing.decisions'], severity: 'info' }] },
      {
        name: '纠正 with no application at all',
        report: buildReport({ cells: { 'appeals.review.corrected': 1, 'appeals.review.total': 1 } }),
        errors: [{ messageId: 'correctedWithoutRequests', data: { corrected: 1 }, cells: ['appeals.review.corrected', 'requests.received.total', 'requests.carriedOver.total'] }],
      },
    ],
  });
});
