import { findAll } from './prose.js';
import type { Rule, RuleContext } from './types.js';

/**
 * Figures the prose states that the tables contradict: applications received (表三 一, or
 * 一 + 二 when the text counts the carried-over ones too), 行政复议 and 行政诉讼 cases (表四),
 * and “no application / no appeal” sentences against non-zero tables.
 */
export const rule: Rule = {
  id: 'text-table-mismatch',
  meta: {
    description: '正文中的数字与统计表不一致（收到的申请、行政复议、行政诉讼件数）',
    templates: ['2019', '2021'],
    messages: {
      received: '正文说收到政府信息公开申请 {text} 件，表三“一、本年新收”总计为 {table} 件{carried}',
      noneReceived: '正文说没有收到政府信息公开申请，但表三“一、本年新收”总计为 {table} 件',
      review: '正文说行政复议 {text} 件，表四“行政复议”总计为 {table} 件',
      suit: '正文说行政诉讼 {text} 件，表四两组行政诉讼总计为 {table} 件',
      noneAppealed: '正文说没有发生行政复议或行政诉讼，但表四总计为 {table} 件',
    },
  },
  check(ctx) {
    const total = (ids: string[]): number | null => {
      let s = 0;
      for (const id of ids) {
        const c = ctx.cell(id);
        if (c?.status !== 'filled' && c?.status !== 'blank') return null;
        s += c.value ?? 0;
      }
      return s;
    };
    const received = total(['requests.received.total']);
    const carried = total(['requests.carriedOver.total']);
    const review = total(['appeals.review.total']);
    const suit = total(['appeals.suitDirect.total', 'appeals.suitAfterReview.total']);
    const report = (ctx_: RuleContext, hit: ReturnType<typeof findAll>[number], messageId: string, data: Record<string, string | number>, cells: string[]): void => {
      ctx_.report({ messageId, data, cells, location: hit.loc, quote: hit.sentence, expected: data.table, actual: data.text });
    };

    if (received !== null) {
      const re = /(?:收到|受理|接到|接收)([^。；，,]{0,24}?)(\d+)\s*件/;
      for (const hit of findAll(ctx.model, re, undefined, true)) {
        const between = hit.match[1]!;
        if (!/申请/.test(between) || /复议|诉讼|信访|举报|建议|提案|咨询|来电|留言|诉求/.test(between)) continue;
        const n = Number(hit.match[2]);
        if (n === received || (carried !== null && n === received + carried)) continue;
        report(ctx, hit, 'received', { text: n, table: received, carried: carried ? `（加上年结转 ${carried} 件为 ${received + carried} 件）` : '' }, ['requests.received.total']);
      }
      if (received > 0) {
        for (const hit of findAll(ctx.model, /(?:未|没有)(?:收到|接到|受理)[^。；]{0,12}?申请/, undefined, true)) {
          report(ctx, hit, 'noneReceived', { table: received }, ['requests.received.total']);
        }
      }
    }
    const cases = (kind: '复议' | '诉讼', table: number | null, messageId: string, cells: string[]): void => {
      if (table === null) return;
      const after = new RegExp(`行政${kind}(?:案件|数为|数|共|总计|合计)?[\\s:：为]*(\\d+)\\s*件`);
      const before = new RegExp(`(\\d+)\\s*件[^。；，,、\\d]{0,12}?行政${kind}`);
      const seen = new Set<string>();
      for (const re of [after, before]) {
        for (const hit of findAll(ctx.model, re, undefined, true)) {
          const key = `${hit.loc.line ?? hit.loc.page}:${hit.loc.column ?? ''}:${hit.match[1]}`;
          if (seen.has(key)) continue;
          seen.add(key);
          const n = Number(hit.match[1]);
          if (n !== table) report(ctx, hit, messageId, { text: n, table }, cells);
        }
      }
    };
    cases('复议', review, 'review', ['appeals.review.total']);
    cases('诉讼', suit, 'suit', ['appeals.suitDirect.total', 'appeals.suitAfterReview.total']);
    if (review !== null && suit !== null && review + suit > 0) {
      for (const hit of findAll(ctx.model, /(?:未|没有)(?:发生|出现)[^。；，]{0,20}?行政(?:复议|诉讼)/, undefined, true)) {
        // “未发生被行政复议纠错” is about the outcome, not the number of cases
        if (/纠错|纠正|败诉|撤销|确认违法/.test(hit.sentence)) continue;
        report(ctx, hit, 'noneAppealed', { table: review + suit }, ['appeals.review.total', 'appeals.suitDirect.total', 'appeals.suitAfterReview.total']);
      }
    }
  },
};
