import { describe } from 'vitest';
import { rule } from '../../src/rules/publication-date.js';
import { buildReport, fixtureCase, ruleTester } from '../helpers/rule-tester.js';

describe('publication-date', async () => {
  ruleTester(rule, {
    valid: [
      await fixtureCase('township-hongqi-2020', '红旗满族乡 2020 report signed 2021-01-26'),
      await fixtureCase('shuyang-2025-text', '县人民政府 2025 report signed 2026-01-23, before 3月31日'),
      { name: 'no date', report: buildReport() },
      { name: 'a township has no statutory deadline', report: buildReport({ organ: '某某镇人民政府', year: 2022, publishedOn: '2023-05-10' }) },
      { name: 'a 部门 on the last day', report: buildReport({ organ: '某县发展和改革局', year: 2023, publishedOn: '2024-01-31' }) },
      { name: 'organ unknown: the deadline is not checked', report: buildReport({ organ: null, year: 2023, publishedOn: '2024-06-01' }) },
    ],
    invalid: [
      {
        ...(await fixtureCase('subdistrict-chuankou-2020', '船口街道 2020 report signed 2020年1月31日')),
        errors: [{ messageId: 'beforePeriodEnd', data: { date: '2020-01-31', periodEnd: '2020-12-31' }, severity: 'error' }],
      },
      {
        name: 'a day that does not exist',
        report: buildReport({ year: 2022, publishedOn: '2023-02-30' }),
        errors: [{ messageId: 'impossible', data: { date: '2023-02-30' } }],
      },
      {
        name: 'a 部门 after 31 January (warning, not error)',
        report: buildReport({ organ: '某县发展和改革局', year: 2023, publishedOn: '2024-02-20' }),
        errors: [{ messageId: 'late', data: { deadline: '2024-01-31' }, severity: 'warning' }],
      },
      {
        name: 'a county government after 31 March',
        report: buildReport({ organ: '某县人民政府', year: 2023, publishedOn: '2024-04-02' }),
        errors: [{ messageId: 'late', data: { deadline: '2024-03-31' } }],
      },
    ],
  });
});
