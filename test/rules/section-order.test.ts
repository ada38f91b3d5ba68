import { describe } from 'vitest';
import { rule } from '../../src/rules/section-order.js';
import { fixtureCase, fixtureWith, ruleTester } from '../helpers/rule-tester.js';

/** Moves the lines from `from` up to `to` (exclusive) to the end of the text. */
function moveToEnd(text: string, from: string, to: string): string {
  const lines = text.split('\n');
  const a = lines.findIndex((l) => l.startsWith(from));
  const b = lines.findIndex((l, i) => i > a && l.startsWith(to));
  const block = lines.splice(a, b - a);
  return [...lines, ...block].join('\n');
}

describe('section-order', async () => {
  ruleTester(rule, {
    valid: [await fixtureCase('township-liuhe-2022'), await fixtureCase('township-buhai-2020'), await fixtureCase('pingtan-2022-text'), await fixtureCase('shuyang-fgj-2023-docx')],
    invalid: [
      {
        ...(await fixtureWith('township-liuhe-2022', '五 written after 六', (t) => moveToEnd(t, '五、存在的主要问题', '六、其他需要报告的事项'))),
        errors: [{ messageId: 'order', data: { numeral: '五', afterNumeral: '六' } }],
      },
    ],
  });
});
