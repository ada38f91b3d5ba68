import { describe } from 'vitest';
import { rule } from '../../src/rules/heading-numbering.js';
import { fixtureCase, fixtureWith, ruleTester } from '../helpers/rule-tester.js';

describe('heading-numbering', async () => {
  ruleTester(rule, {
    valid: [
      await fixtureCase('township-liuhe-2022', '柳河镇: 一、 to 六、; the table rows 一、本年新收… are not headings'),
      await fixtureCase('shuyang-2025-text', '沭阳: Markdown headings, table labels as lines'),
      await fixtureCase('pingtan-2022-text'),
    ],
    invalid: [
      {
        ...(await fixtureCase('township-buhai-2020', '布海镇: Word turned 一、 and 五、 into 1、 and 5、')),
        errors: [
          { messageId: 'mixed', data: { heading: '1、 总体情况' } },
          { messageId: 'mixed', data: { heading: '5、 存在的主要问题及改进情况' } },
        ],
      },
      {
        ...(await fixtureWith('township-liuhe-2022', '五 numbered 四', (t) => t.replace('五、存在的主要问题', '四、存在的主要问题'))),
        errors: [{ messageId: 'wrongNumber', data: { written: '四', numeral: '五' } }],
      },
      {
        ...(await fixtureWith('township-liuhe-2022', 'a sub-item of 一 numbered 三、', (t) => t.replace('（二）依申请公开方面。', '三、依申请公开方面\n（二）依申请公开方面。'))),
        errors: [{ messageId: 'repeated', data: { written: '三', second: '三、依申请公开方面' } }],
      },
    ],
  });
});
