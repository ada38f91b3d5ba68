import { describe } from 'vitest';
import { rule } from '../../src/rules/cell-blank.js';
import { buildReport, fixtureCase, ruleTester } from '../helpers/rule-tester.js';

describe('cell-blank', async () => {
  ruleTester(rule, {
    valid: [await fixtureCase('township-buhai-2020', 'every cell written, 0 where nothing happened'), { name: 'all zero', report: buildReport() }],
    invalid: [
      {
        ...(await fixtureCase('township-dayong-2020', 'a real row of NBSP-only cells')),
        errors: [{ messageId: 'blank', data: { table: '三', columns: '各列', count: 7 } }],
      },
      {
        ...(await fixtureCase('subdistrict-chuankou-2020', 'a real report that fills only 总计')),
        errors: [
          { messageId: 'blank', data: { table: '二', count: 2 } },
          { messageId: 'blank', data: { table: '二', count: 4 } },
          { messageId: 'blank', data: { table: '三', count: 5 } },
          { messageId: 'blank', data: { table: '三', count: 120 } },
        ],
      },
      {
        name: 'rows with different blank columns are reported apart',
        report: buildReport({ cells: { 'requests.received.natural': 'blank', 'requests.carriedOver.legal': 'blank' } }),
        errors: [
          { messageId: 'blank', cells: ['requests.received.natural'] },
          { messageId: 'blank', cells: ['requests.carriedOver.legal'] },
        ],
      },
    ],
  });
});
