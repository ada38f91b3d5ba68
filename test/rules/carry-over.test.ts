import { describe } from 'vitest';
import { rule } from '../../src/rules/carry-over.js';
import { buildReport, fixtureCase, ruleTester } from '../helpers/rule-tester.js';

describe('carry-over', async () => {
  const p2020 = (await fixtureCase('pingtan-2020-text')).report;
  const p2021 = (await fixtureCase('pingtan-2021-text')).report;
  ruleTester(rule, {
    valid: [
      { ...(await fixtureCase('pingtan-2021-text', '平潭 2021 carries over the 0 that 2020 carried forward')), options: { previous: p2020 } },
      { ...(await fixtureCase('pingtan-2022-text', '平潭 2022 carries over the 1 (自然人) that 2021 carried forward')), options: { previous: p2021 } },
      { ...(await fixtureCase('pingtan-2022-text', 'a report two years back is not last year')), options: { previous: p2020 } },
      { name: 'no previous report', report: buildReport() },
      {
        name: 'a blank cell last year is not a zero',
        report: buildReport({ year: 2022, cells: { 'requests.carriedOver.total': 2, 'requests.carriedOver.natural': 2 } }),
        options: { previous: buildReport({ year: 2021, cells: { 'requests.carriedForward.total': 'blank', 'requests.carriedForward.natural': 'blank' } }) },
      },
    ],
    invalid: [
      {
        ...(await fixtureCase('pingtan-2022-text', '平潭 2022 against a 2021 that carried forward 3')),
        options: { previous: buildReport({ year: 2021, organ: '平潭综合实验区', cells: { 'requests.carriedForward.natural': 3, 'requests.carriedForward.total': 3 } }) },
        errors: [
          { messageId: 'differs', data: { column: '自然人', now: 1, before: 3, prevYear: 2021 }, cells: ['requests.carriedOver.natural'], severity: 'warning' },
          { messageId: 'differs', data: { column: '总计', now: 1, before: 3 }, cells: ['requests.carriedOver.total'] },
        ],
      },
      {
        name: 'across the change of format (2020 → 2021)',
        report: buildReport({ year: 2021, cells: { 'requests.carriedOver.legal': 1, 'requests.carriedOver.total': 1 } }),
        options: { previous: buildReport({ template: '2019', year: 2020 }) },
        errors: [
          { messageId: 'differs', data: { column: '法律服务机构', now: 1, before: 0 } },
          { messageId: 'differs', data: { column: '总计', now: 1, before: 0 } },
        ],
      },
    ],
  });
});
