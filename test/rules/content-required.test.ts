import { describe } from 'vitest';
import { rule } from '../../src/rules/content-required.js';
import { buildReport, fixtureCase, fixtureWith, ruleTester } from '../helpers/rule-tester.js';

describe('content-required', async () => {
  ruleTester(rule, {
    valid: [
      await fixtureCase('pingtan-2022-text', '平潭 2022: 总体情况 in five parts'),
      await fixtureCase('township-liuhe-2022', '柳河镇 2022: the five aspects as （一）…（五）'),
      await fixtureCase('township-buhai-2020', '2019 format: the five aspects are not required'),
      { name: '六 may be 无', report: buildReport({ texts: { 1: ['主动公开、依申请公开、政府信息管理、平台建设和监督保障各方面的工作情况，详见下文，本年度各项工作均按计划完成并取得成效。'.repeat(1)], 5: ['问题：公开不够及时。改进：加强审核。'], 6: ['无'] } }) },
    ],
    invalid: [
      {
        ...(await fixtureCase('shuyang-2025-text', '沭阳 2025: no 政府信息管理 part')),
        errors: [{ messageId: 'aspects', data: { missing: '“政府信息管理”' } }],
      },
      {
        ...(await fixtureWith('township-liuhe-2022', 'a placeholder left in', (t) => t.replace('2022 年，柳河镇政府未接到', '2022 年，XX镇政府未接到'))),
        errors: [{ messageId: 'placeholder', data: { text: 'XX' } }],
      },
      {
        name: '五 with nothing but 无, and a date never filled in',
        report: buildReport({ texts: { 1: ['主动公开、依申请公开、政府信息管理、平台建设、监督保障工作有序开展，全年按照要求完成了各项任务，群众满意度不断提高，成效明显。'], 5: ['无。'], 6: ['本报告于 2023年  月  日 发布。'] } }),
        errors: [
          { messageId: 'empty', data: { numeral: '五' } },
          { messageId: 'placeholder' },
        ],
      },
    ],
  });
});
