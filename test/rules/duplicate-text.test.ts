import { describe } from 'vitest';
import { rule } from '../../src/rules/duplicate-text.js';
import { fixtureCase, fixtureText, ruleTester, textCase } from '../helpers/rule-tester.js';

describe('duplicate-text', async () => {
  const buhai2020 = (await fixtureCase('township-buhai-2020')).report;
  const liuhe = (await fixtureCase('township-liuhe-2022')).report;
  const dayong = (await fixtureCase('township-dayong-2020')).report;
  // 布海镇's 2020 report made into its 2021 report: years changed, 总体情况 rewritten, 五 kept
  const buhaiText = fixtureText('township-buhai-2020');
  const lines = buhaiText.split('\n');
  const one = lines.findIndex((l) => l.startsWith('1、'));
  const rewritten = [...lines.slice(0, one + 1), '今年我镇围绕主动公开、依申请公开、政府信息管理、平台建设和监督保障五个方面推进工作，新设了公开专栏，培训了全镇村干部，整改了网站栏目中的过期信息。', ...lines.slice(lines.findIndex((l, i) => i > one && /^二、|^2、/.test(l)))]
    .join('\n')
    .replaceAll('2020', '2021');
  const buhai2021 = await textCase('布海镇 “2021”: 五 copied from 2020', rewritten);
  ruleTester(rule, {
    valid: [
      { ...(await fixtureCase('pingtan-2022-text', '平潭 2022 against its 2021 report')), options: { previous: (await fixtureCase('pingtan-2021-text')).report } },
      { ...(await fixtureCase('township-liuhe-2022', '柳河镇 among other towns (different text)')), options: { others: [liuhe, buhai2020, dayong] } },
      { ...(await fixtureCase('shuyang-fgj-2023-docx', 'the same report as HTML and DOCX is one organ, not copying')), options: { others: [(await fixtureCase('shuyang-fgj-2023-html')).report] } },
    ],
    invalid: [
      {
        ...buhai2021,
        options: { previous: buhai2020 },
        errors: [{ messageId: 'previousYear', data: { numeral: '五', count: 2, share: 100, prevYear: 2020 } }],
      },
      {
        ...(await textCase('another town copying 布海镇', buhaiText.replaceAll('德惠市布海镇人民政府', '德惠市朱城子镇人民政府').replaceAll('曹玉宝', '王某'))),
        options: { others: [buhai2020, liuhe] },
        errors: [
          { messageId: 'otherOrgan', data: { numeral: '一', others: '“德惠市布海镇人民政府 2020 年度”', reports: 1 } },
          { messageId: 'otherOrgan', data: { numeral: '五', others: '“德惠市布海镇人民政府 2020 年度”', reports: 1 } },
        ],
      },
      {
        ...(await textCase('one of five towns sharing 布海镇\'s text', buhaiText.replaceAll('德惠市布海镇人民政府', '德惠市朱城子镇人民政府'))),
        options: {
          others: await Promise.all(
            ['米沙子镇', '夏家店街道', '达家沟镇', '岔路口镇'].map(async (t) => (await textCase(t, buhaiText.replaceAll('德惠市布海镇人民政府', `德惠市${t}人民政府`))).report),
          ),
        },
        errors: [
          { messageId: 'otherOrgan', data: { numeral: '一', reports: 4 } },
          { messageId: 'otherOrgan', data: { numeral: '五', reports: 4 } },
        ],
      },
    ],
  });
});
