import { ORGAN_KIND_LABEL, statutoryDeadline } from '../organ/kind.js';
import type { Rule } from './types.js';

/**
 * The date the report is signed: it must exist, must fall after the period it reports on,
 * and should meet the 第四十九条 deadline where the organ's kind sets one.
 */
export const rule: Rule = {
  id: 'publication-date',
  meta: {
    description: '落款日期不存在、早于统计期末，或晚于《条例》第四十九条规定的发布期限',
    templates: 'any',
    messages: {
      impossible: '落款日期 {date} 不是一个真实的日期',
      beforePeriodEnd: '落款日期 {date} 不晚于统计期末 {periodEnd}：报告不可能在所报告的年度结束之前成文',
      late: '落款日期 {date} 晚于{kind}发布年度报告的法定期限 {deadline}（《条例》第四十九条）',
    },
    messageSeverity: { late: 'warning' },
  },
  check(ctx) {
    const date = ctx.model.publishedOn;
    const year = ctx.model.year;
    if (!date) return;
    const location = ctx.model.locs.publishedOn ?? null;
    if (!isRealDate(date)) {
      ctx.report({ messageId: 'impossible', data: { date }, location, actual: date });
      return;
    }
    if (year === null) return;
    const periodEnd = `${year}-12-31`;
    if (date <= periodEnd) {
      ctx.report({
        messageId: 'beforePeriodEnd',
        data: { date, periodEnd },
        location,
        actual: date,
        hint: `请核对落款日期，通常应为 ${year + 1} 年`,
      });
      return;
    }
    const deadline = statutoryDeadline(ctx.organKind, year);
    if (deadline && date > deadline) {
      ctx.report({
        messageId: 'late',
        data: { date, kind: ORGAN_KIND_LABEL[ctx.organKind!], deadline },
        location,
        expected: deadline,
        actual: date,
      });
    }
  },
};

function isRealDate(iso: string): boolean {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  if (m < 1 || m > 12 || d < 1) return false;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
  return d <= days;
}
