import { describe } from 'vitest';
import { rule } from '../../src/rules/in-force-continuity.js';
import { buildReport, ruleTester } from '../helpers/rule-tester.js';

// 平潭综合实验区 行政规范性文件 as its web pages print them (corpus html/pingtan-2021.html and
// html/pingtan-2022.html): 2021 issued 69, repealed 3, in force 665; 2022 issued 88, repealed 55, in force 698.
const p2021 = buildReport({ year: 2021, organ: '平潭综合实验区', cells: { 'active.normativeDocs.issued': 69, 'active.normativeDocs.repealed': 3, 'active.normativeDocs.inForce': 665 } });
const p2022 = (inForce: number) =>
  buildReport({ year: 2022, organ: '平潭综合实验区', cells: { 'active.normativeDocs.issued': 88, 'active.normativeDocs.repealed': 55, 'active.normativeDocs.inForce': inForce } });

describe('in-force-continuity', () => {
  ruleTester(rule, {
    valid: [
      { name: '平潭 2022: 665 + 88 − 55 = 698', report: p2022(698), options: { previous: p2021 } },
      { name: 'last year in the 2019 format (no 现行有效件数)', report: p2022(698), options: { previous: buildReport({ template: '2019', year: 2021 }) } },
      { name: 'an unreadable figure is not compared', report: buildReport({ year: 2022, cells: { 'active.normativeDocs.inForce': 'unreadable' } }), options: { previous: p2021 } },
    ],
    invalid: [
      {
        name: '平潭 2022 printing 700',
        report: p2022(700),
        options: { previous: p2021 },
        errors: [{ messageId: 'differs', data: { now: 700, before: 665, issued: 88, repealed: 55, expected: 698 }, cells: ['active.normativeDocs.inForce', 'active.normativeDocs.issued', 'active.normativeDocs.repealed'], severity: 'warning' }],
      },
    ],
  });
});
