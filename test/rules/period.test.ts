import { describe } from 'vitest';
import { rule } from '../../src/rules/period.js';
import { buildReport, fixtureCase, fixtureWith, ruleTester } from '../helpers/rule-tester.js';

describe('period', async () => {
  ruleTester(rule, {
    valid: [
      await fixtureCase('township-dayong-2020', '大用镇: 自2020年1月1日起至2020年12月31日止'),
      await fixtureCase('township-hongqi-2020', '红旗满族乡: 2020 年 1 月 1 日至 12 月 31 日 (end year left out)'),
      await fixtureCase('shuyang-2025-text', '沭阳: 从2025年1月1日至2025年12月31日止; 一 opens with 2025年'),
      { name: 'no period stated', report: buildReport() },
    ],
    invalid: [
      {
        ...(await fixtureWith('township-dayong-2020', 'a period that stops at 30 November', (t) => t.replace('至2020年12月31日止', '至2020年11月30日止'))),
        errors: [{ messageId: 'notCalendarYear', data: { start: '2020-01-01', end: '2020-11-30', year: 2020 } }],
      },
      {
        ...(await fixtureWith('shuyang-2025-text', 'last year\'s period left in a 2025 report', (t) => t.replace('从2025年1月1日至2025年12月31日', '从2024年1月1日至2024年12月31日'))),
        errors: [{ messageId: 'titleAndPeriod', data: { titleYear: 2025, periodYear: 2024 } }],
      },
      {
        ...(await fixtureWith('shuyang-2025-text', '总体情况 opening with last year', (t) => t.replace('2025年，我县坚持以习近平', '2024年，我县坚持以习近平'))),
        errors: [{ messageId: 'body', data: { bodyYear: 2024, year: 2025 } }],
      },
    ],
  });
});
