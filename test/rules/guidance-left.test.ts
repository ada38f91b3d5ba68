import { describe } from 'vitest';
import { rule } from '../../src/rules/guidance-left.js';
import { buildReport, fixtureCase, fixtureWith, ruleTester } from '../helpers/rule-tester.js';

describe('guidance-left', async () => {
  ruleTester(rule, {
    valid: [
      await fixtureCase('township-liuhe-2022', '柳河镇 2022: written out'),
      await fixtureCase('pingtan-2022-text'),
      { name: '【】 used for other things', report: buildReport({ texts: { 1: ['按照【2023】5号文件要求开展工作。'], 5: ['问题：公开不够及时。'], 6: ['无'] } }) },
    ],
    invalid: [
      {
        ...(await fixtureWith('township-liuhe-2022', 'a guidance point of gongkai new left in 五', (t) => t.replace('2022 年，柳河镇政府未接到', '【填写提示：上一年度年报所列问题的整改情况】2022 年，柳河镇政府未接到'))),
        errors: [{ messageId: 'left', data: { text: '上一年度年报所列问题的整改情况' } }],
      },
      {
        name: 'two left in 一 and 六',
        report: buildReport({ texts: { 1: ['（一）主动公开 【填写提示：主动公开的重点领域、发布的信息数量和渠道】'], 5: ['问题：公开不够及时。'], 6: ['【填写提示：其他需要报告的事项；没有的，写“无”】'] } }),
        errors: [
          { messageId: 'left', data: { numeral: '一' } },
          { messageId: 'left', data: { numeral: '六' } },
        ],
      },
    ],
  });
});
