import { describe } from 'vitest';
import { rule } from '../../src/rules/requests-row-total.js';
import { buildReport, fixtureCase, ruleTester } from '../helpers/rule-tester.js';

describe('requests-row-total', async () => {
  ruleTester(rule, {
    valid: [
      await fixtureCase('shuyang-2025-text', 'a real report: every row adds up (予以公开 290 + 1 + 3 = 294)'),
      await fixtureCase('subdistrict-chuankou-2020', 'applicant columns blank, 总计 filled: blanks count as 0'),
      { name: 'all zero', report: buildReport() },
      { name: 'a blank total with nothing in its row', report: buildReport({ cells: { 'requests.granted.total': 'blank' } }) },
      { name: 'an unreadable applicant cell: the row cannot be checked', report: buildReport({ cells: { 'requests.granted.natural': 'unreadable', 'requests.granted.total': 5 } }) },
    ],
    invalid: [
      {
        name: 'total differs from the applicant columns',
        report: buildReport({ cells: { 'requests.granted.natural': 4, 'requests.granted.legal': 1, 'requests.granted.total': 4 } }),
        errors: [
          {
            messageId: 'mismatch',
            data: { scope: '（一）予以公开', actual: 4, expected: 5 },
            severity: 'error',
            cells: ['requests.granted.total', ...['natural', 'commercial', 'research', 'social', 'legal', 'other'].map((c) => `requests.granted.${c}`)],
          },
        ],
      },
      {
        name: 'a blank total whose applicant columns are not zero (spec §4.3: derive and warn)',
        report: buildReport({ cells: { 'requests.received.natural': 3, 'requests.received.total': 'blank' } }),
        errors: [{ messageId: 'blankTotal', data: { expected: 3 }, severity: 'warning' }],
      },
    ],
  });
});
