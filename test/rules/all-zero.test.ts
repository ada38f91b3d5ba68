import { describe } from 'vitest';
import { rule } from '../../src/rules/all-zero.js';
import { buildReport, fixtureCase, ruleTester } from '../helpers/rule-tester.js';

describe('all-zero', async () => {
  ruleTester(rule, {
    valid: [
      await fixtureCase('township-buhai-2020', '布海镇 2020 has figures'),
      await fixtureCase('pingtan-2022-text'),
      { name: 'one figure is enough', report: buildReport({ cells: { 'requests.received.natural': 1 } }) },
      { name: 'every cell blank: cell-blank says so, not this rule', report: buildReport({ cells: Object.fromEntries(buildReport().template ? Object.keys(buildReport().cells).map((k) => [k, 'blank' as const]) : []) }) },
    ],
    invalid: [
      { ...(await fixtureCase('township-liuhe-2022', '柳河镇 2022: all 199 numbers 0')), errors: [{ messageId: 'allZero', data: { count: 199 }, severity: 'info' }] },
      { ...(await fixtureCase('township-dayong-2020', '大用镇 2020: 191 zeros and the 结转 row blank')), errors: [{ messageId: 'allZero', data: { count: 191 } }] },
    ],
  });
});
