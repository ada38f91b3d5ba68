import { describe } from 'vitest';
import { rule } from '../../src/rules/active-consistency.js';
import { buildReport, fixtureCase, ruleTester } from '../helpers/rule-tester.js';

describe('active-consistency', async () => {
  ruleTester(rule, {
    valid: [
      await fixtureCase('township-buhai-2020', '布海镇 2020 (2019 format), table 二 all consistent'),
      await fixtureCase('township-liuhe-2022', '柳河镇 2022 (2021 format)'),
      { name: '新公开 equal to 公开总数', report: buildReport({ template: '2019', year: 2020, cells: { 'active.rules.published': 3, 'active.rules.total': 3 } }) },
      { name: 'a signed 本年增/减 that stays above zero', report: buildReport({ template: '2019', year: 2020, cells: { 'active.licensing.lastYear': 5, 'active.licensing.change': { value: -2, raw: '-2' } } }) },
      { name: 'four decimals of 万元 (one yuan)', report: buildReport({ cells: { 'active.fees.amount': { value: 1.2345, raw: '1.2345' } } }) },
      { name: 'an amount written in 元 is not judged by its decimals', report: buildReport({ template: '2019', year: 2020, cells: { 'active.procurement.amount': { value: 7380.28959, raw: '73802895.90元', unit: '元' } } }) },
    ],
    invalid: [
      {
        ...(await fixtureCase('pingtan-2021-text', '平潭 2021: 收费金额 24252.311082 万元, six decimals')),
        errors: [{ messageId: 'decimals', data: { value: 24252.311082 }, cells: ['active.fees.amount'], severity: 'warning' }],
      },
      {
        name: '本年新公开数量 above 对外公开总数量',
        report: buildReport({ template: '2019', year: 2020, cells: { 'active.rules.published': 5, 'active.rules.total': 3 } }),
        errors: [{ messageId: 'publishedOverTotal', data: { published: 5, total: 3 }, cells: ['active.rules.published', 'active.rules.total'], severity: 'error' }],
      },
      {
        name: 'items fall below zero',
        report: buildReport({ template: '2019', year: 2020, cells: { 'active.penalty.lastYear': 2, 'active.penalty.change': { value: -3, raw: '-3' } } }),
        errors: [{ messageId: 'changeBelowZero', data: { lastYear: 2, change: -3 }, cells: ['active.penalty.lastYear', 'active.penalty.change'] }],
      },
      {
        name: 'a sign where the format has none',
        report: buildReport({ cells: { 'active.licensing.decisions': { value: 3, raw: '+3' } } }),
        errors: [{ messageId: 'signNotAllowed', data: { raw: '+3' }, cells: ['active.licensing.decisions'], severity: 'warning' }],
      },
    ],
  });
});
