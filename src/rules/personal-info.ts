import { locAt } from '../document/model.js';
import { paragraphs } from './prose.js';
import type { Rule } from './types.js';

/**
 * A citizen's ID number or a private mobile number printed in a published report (个人信息
 * 保护法). ID numbers are recognised by their check digit (GB 11643), so an 18-digit file
 * number is not one. A mobile number given as the organ's contact (联系电话 …) is the organ's
 * choice and not flagged. Numbers are masked in messages.
 */
const ID = /(?<![0-9A-Za-z])([1-8]\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx])(?![0-9A-Za-z])/g;
const MOBILE = /(?<![0-9A-Za-z])(1[3-9]\d{9})(?![0-9A-Za-z])/g;
const CONTACT = /(?:联系|咨询|监督|投诉|举报|服务|热线|值班)?(?:电话|手机|联系方式|号码|热线)[^。；\n]{0,24}$/;
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

export function validId(id: string): boolean {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * WEIGHTS[i]!;
  return '10X98765432'[sum % 11] === id[17]!.toUpperCase();
}

export function mask(n: string): string {
  return n.length === 18 ? `${n.slice(0, 4)}**********${n.slice(14)}` : `${n.slice(0, 3)}****${n.slice(7)}`;
}

export const rule: Rule = {
  id: 'personal-info',
  meta: {
    description: '报告中出现公民身份号码或个人手机号码',
    templates: 'any',
    messages: {
      idNumber: '报告中出现公民身份号码 {masked}，公开前应删除或做去标识化处理',
      mobile: '报告中出现手机号码 {masked}，如为个人号码，公开前应删除',
    },
    messageSeverity: { mobile: 'warning' },
  },
  check(ctx) {
    for (const { p } of paragraphs(ctx.model, undefined, true)) {
      for (const m of p.text.matchAll(ID)) {
        if (!validId(m[1]!)) continue;
        ctx.report({ messageId: 'idNumber', data: { masked: mask(m[1]!) }, location: locAt(p, m.index), quote: m[1]! });
      }
      for (const m of p.text.matchAll(MOBILE)) {
        if (CONTACT.test(p.text.slice(Math.max(0, m.index - 30), m.index))) continue;
        ctx.report({ messageId: 'mobile', data: { masked: mask(m[1]!) }, location: locAt(p, m.index), quote: m[1]!, hint: '单位对外公布的联系电话不在此列' });
      }
    }
  },
};
