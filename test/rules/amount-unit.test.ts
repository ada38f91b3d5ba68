import { describe } from 'vitest';
import { rule } from '../../src/rules/amount-unit.js';
import { buildReport, fixtureCase, ruleTester } from '../helpers/rule-tester.js';

describe('amount-unit', async () => {
  ruleTester(rule, {
    valid: [
      await fixtureCase('township-liuhe-2022', '柳河镇 2022: 收费金额 0'),
      await fixtureCase('pingtan-2021-text', '平潭 2021: 万元 printed in the header, none written in the cell'),
      { name: '采购总金额 written with 万元', report: buildReport({ template: '2019', year: 2020, cells: { 'active.procurement.amount': { value: 180, raw: '180万元', unit: '万元' } } }) },
      { name: '采购总金额 0 with no unit (nothing to assume)', report: buildReport({ template: '2019', year: 2020 }) },
      { name: 'a county department may charge 1 亿元', report: buildReport({ organ: '某县财政局', cells: { 'active.fees.amount': 10000 } }) },
    ],
    invalid: [
      {
        name: '采购总金额 in 元 (平潭 2020 HTML writes 73802895.90元)',
        report: buildReport({ template: '2019', year: 2020, cells: { 'active.procurement.amount': { value: 7380.28959, raw: '73802895.90元', unit: '元' } } }),
        errors: [{ messageId: 'converted', data: { value: 7380.28959, raw: '73802895.90元' }, cells: ['active.procurement.amount'], severity: 'info' }],
      },
      {
        name: '收费金额 in 元 under a 万元 header',
        report: buildReport({ cells: { 'active.fees.amount': { value: 0.04, raw: '400元', unit: '元' } } }),
        errors: [{ messageId: 'yuanUnderWan', data: { value: 0.04 }, cells: ['active.fees.amount'], severity: 'warning' }],
      },
      {
        name: '采购总金额 with no unit: taken as 万元, said so',
        report: buildReport({ template: '2019', year: 2020, cells: { 'active.procurement.amount': { value: 56, raw: '56', unit: null } } }),
        errors: [{ messageId: 'noUnit', data: { value: 56, asYuan: 0.0056 }, cells: ['active.procurement.amount'], severity: 'warning' }],
      },
      {
        name: 'a township charging over 1 亿元',
        report: buildReport({ organ: '某某镇人民政府', cells: { 'active.fees.amount': { value: 25000, raw: '25000' } } }),
        errors: [{ messageId: 'magnitude', data: { yi: 2.5, kind: '乡镇' }, severity: 'info' }],
      },
    ],
  });
});
