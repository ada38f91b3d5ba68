import { describe } from 'vitest';
import { rule } from '../../src/rules/template-year.js';
import { buildReport, fixtureCase, ruleTester } from '../helpers/rule-tester.js';

describe('template-year', async () => {
  ruleTester(rule, {
    valid: [
      await fixtureCase('township-liuhe-2022', '2022 report in the 2021 format'),
      await fixtureCase('township-dayong-2020', '2020 report in the 2019 format'),
      { name: 'no year: nothing to compare', report: buildReport({ year: null }) },
      { name: 'format taken from the year, not the labels', report: buildReport({ template: '2021', year: 2020, templateBasis: 'year' }) },
    ],
    invalid: [
      {
        name: 'a 2022 report on the 2019 tables',
        report: buildReport({ template: '2019', year: 2022 }),
        errors: [{ messageId: 'mismatch', data: { year: 2022 }, severity: 'warning' }],
      },
      {
        name: 'a 2020 report on the 2021 tables',
        report: buildReport({ template: '2021', year: 2020 }),
        errors: [{ messageId: 'mismatch', data: { year: 2020, expectedNotice: '国办公开办函〔2019〕60号' } }],
      },
    ],
  });
});
