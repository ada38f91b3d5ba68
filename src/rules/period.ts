import type { Rule } from './types.js';

/** The statistics period is the calendar year reported on, and title, period and text agree on it. */
export const rule: Rule = {
  id: 'period',
  meta: {
    description: '统计期限不是报告年度的 1 月 1 日至 12 月 31 日，或标题、统计期限、正文的年份不一致',
    templates: 'any',
    messages: {
      notCalendarYear: '统计期限写作“{raw}”（{start} 至 {end}），不是 {year} 年 1 月 1 日至 12 月 31 日',
      titleAndPeriod: '标题是 {titleYear} 年度报告，统计期限却是 {periodYear} 年',
      body: '正文开头写的是 {bodyYear} 年，而报告是 {year} 年度',
    },
  },
  check(ctx) {
    const { period, title } = ctx.model;
    const titleYear = title ? Number(/((?:19|20)\d{2})\s*年/.exec(title)?.[1] ?? NaN) : NaN;
    const year = ctx.model.year;
    if (period) {
      const periodYear = Number(period.start.slice(0, 4));
      if (!Number.isNaN(titleYear) && titleYear !== periodYear) {
        ctx.report({ messageId: 'titleAndPeriod', data: { titleYear, periodYear }, location: period.loc, quote: period.raw, expected: titleYear, actual: periodYear });
      } else if (year !== null && (period.start !== `${year}-01-01` || period.end !== `${year}-12-31`)) {
        ctx.report({ messageId: 'notCalendarYear', data: { raw: period.raw, start: period.start, end: period.end, year }, location: period.loc, quote: period.raw });
      }
    }
    // “2020年，我镇……”: the year section 一 opens with
    const first = ctx.model.sections.find((s) => s.number === 1)?.paragraphs.find((p) => /^\s*(?:19|20)\d{2}\s*年/.test(p.text));
    const bodyYear = first ? Number(/^\s*((?:19|20)\d{2})/.exec(first.text)![1]) : null;
    if (year !== null && bodyYear !== null && bodyYear !== year) {
      ctx.report({ messageId: 'body', data: { bodyYear, year }, location: first!.loc, quote: first!.text.slice(0, 40), expected: year, actual: bodyYear });
    }
  },
};
