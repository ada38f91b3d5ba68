import { findAll } from './prose.js';
import type { Rule } from './types.js';

/**
 * The 2021 format asks section 六 to say what 信息处理费 was charged under 国办函〔2020〕109号,
 * or that none was (spec/template.md §2.2, R13). The fee exists from 2021, so 2019-format
 * reports are not asked.
 */
const FEE = /信息处理费|处理费|收费|费用|收取|计收|缴费/;

export const rule: Rule = {
  id: 'fee-statement',
  meta: {
    description: '2021 年格式：第六部分没有说明信息处理费的收取情况（收取了多少，或未收取）',
    templates: ['2021'],
    messages: {
      missing: '第六部分“其他需要报告的事项”没有说明信息处理费的收取情况',
      elsewhere: '信息处理费的收取情况写在了第{numeral}部分，按 2021 年格式应写在第六部分“其他需要报告的事项”',
    },
  },
  check(ctx) {
    const six = ctx.model.sections.find((s) => s.number === 6);
    if (!six) return; // section-missing says so
    if (FEE.test(six.heading) || FEE.test(six.text)) return;
    const hint = '可写“本年度未收取信息处理费”，或写明发出收费通知的件数、金额和实际收取的金额';
    const other = findAll(ctx.model, /信息处理费/).find((h) => h.section && h.section.number !== 6);
    if (other) {
      const numeral = '一二三四五六'[other.section!.number - 1]!;
      ctx.report({ messageId: 'elsewhere', data: { numeral }, location: other.loc, quote: other.sentence, hint });
      return;
    }
    ctx.report({ messageId: 'missing', location: six.loc, quote: six.heading, hint });
  },
};
