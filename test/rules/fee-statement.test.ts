import { describe } from 'vitest';
import { rule } from '../../src/rules/fee-statement.js';
import { fixtureCase, fixtureWith, ruleTester } from '../helpers/rule-tester.js';

describe('fee-statement', async () => {
  ruleTester(rule, {
    valid: [
      await fixtureCase('township-liuhe-2022', '柳河镇 2022: “没有收取涉及政府信息公开申请的任何费用”'),
      await fixtureCase('pingtan-2022-text'),
      await fixtureCase('shuyang-fgj-2023-docx'),
      await fixtureCase('township-buhai-2020', 'a 2019-format report is not asked (the fee exists from 2021)'),
    ],
    invalid: [
      {
        ...(await fixtureWith('township-liuhe-2022', '六 without the fee sentence', (t) => t.replace(/2022年，木兰县柳河镇人民政府没有收取涉及政府信息公开申请的任何费用。/, '无。'))),
        errors: [{ messageId: 'missing', severity: 'info' }],
      },
      {
        ...(await fixtureWith('township-liuhe-2022', 'the fee written in 一 instead of 六', (t) =>
          t
            .replace(/2022年，木兰县柳河镇人民政府没有收取涉及政府信息公开申请的任何费用。/, '无。')
            .replace('未接到依申请公开办件。', '未接到依申请公开办件，未收取信息处理费。'),
        )),
        errors: [{ messageId: 'elsewhere', data: { numeral: '一' } }],
      },
    ],
  });
});
