import { describe } from 'vitest';
import { rule } from '../../src/rules/section-missing.js';
import { buildReport, fixtureCase, ruleTester } from '../helpers/rule-tester.js';

describe('section-missing', async () => {
  ruleTester(rule, {
    valid: [
      await fixtureCase('township-dayong-2020', 'Word numbering “1、 总体情况” and “5、” still count'),
      await fixtureCase('pingtan-2020-text', 'headings run into a one-line page'),
      { name: 'all six', report: buildReport() },
    ],
    invalid: [
      {
        ...(await fixtureCase('township-hongqi-2020', 'a real report whose “六、” paragraph is the statistics period')),
        errors: [{ messageId: 'missingNumbered', data: { numeral: '六', heading: '其他需要报告的事项' } }],
      },
      {
        name: 'two sections absent',
        report: buildReport({ sections: [1, 2, 3, 4] }),
        errors: [
          { messageId: 'missing', data: { numeral: '五' } },
          { messageId: 'missing', data: { numeral: '六' } },
        ],
      },
    ],
  });
});
