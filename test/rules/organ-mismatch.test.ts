import { describe } from 'vitest';
import { rule } from '../../src/rules/organ-mismatch.js';
import { buildReport, fixtureCase, fixtureWith, ruleTester } from '../helpers/rule-tester.js';

describe('organ-mismatch', async () => {
  ruleTester(rule, {
    valid: [
      await fixtureCase('township-buhai-2020', '布海镇: 我镇, 本镇'),
      await fixtureCase('township-hongqi-2020', '红旗满族乡: 我乡, signed by itself'),
      await fixtureCase('subdistrict-chuankou-2020', '船口街道: 我街道'),
      await fixtureCase('shuyang-fgj-2023-docx', '沭阳县发展和改革局: 我委 is not used, 我局 is its own'),
      await fixtureCase('shuyang-2025-text', '县人民政府: 我县'),
      { name: 'a 镇 that says 我县 of its county', report: buildReport({ organ: '某县某某镇人民政府', texts: { 1: ['按照我县统一部署，我镇开展了政务公开工作。'] } }) },
      { name: '本乡镇 is not 本乡', report: buildReport({ organ: '某某街道办事处', texts: { 1: ['指导辖区本乡镇范围内的工作，我街道完成了……'] } }) },
      { name: '本报告由县人民政府办公室编制 (the office that writes a government\'s report)', report: buildReport({ organ: '某县人民政府', preamble: '本报告由县人民政府办公室编制。' }) },
    ],
    invalid: [
      {
        ...(await fixtureCase('township-dayong-2020', '大用镇 2020: “在总结我局2020年政府信息公开工作的基础上”')),
        errors: [{ messageId: 'selfWord', data: { word: '我局', organ: '呼兰区大用镇政府' } }],
      },
      {
        ...(await fixtureWith('township-hongqi-2020', 'signed by another 乡', (t) => t.replace(/红旗满族乡人民政府\s*\n\s*\n2021 年/, '五星乡人民政府\n\n2021 年'))),
        errors: [{ messageId: 'signature', data: { signedBy: '五星乡人民政府' } }],
      },
      {
        ...(await fixtureWith('township-buhai-2020', 'a preamble naming another town as the author', (t) => t.replace('结合本镇工作实际', '现将德惠市朱城子镇2020年政府信息公开工作年度报告公布如下。结合本镇工作实际'))),
        errors: [{ messageId: 'namedAuthor', data: { named: '德惠市朱城子镇' } }],
      },
      {
        name: 'a 局 that calls itself 我委',
        report: buildReport({ organ: '某县交通运输局', texts: { 1: ['我委认真贯彻落实《条例》。'], 5: ['我局将进一步加强培训。'] } }),
        errors: [{ messageId: 'selfWord', data: { word: '我委' } }],
      },
      {
        name: 'a 街道 that calls itself 本镇',
        report: buildReport({ organ: '某某街道办事处', texts: { 5: ['本镇信息公开工作仍存在不足。'] } }),
        errors: [{ messageId: 'selfWord', data: { word: '本镇' } }],
      },
    ],
  });
});
