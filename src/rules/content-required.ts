import { SECTIONS } from '../template/index.js';
import { findAll } from './prose.js';
import type { Rule } from './types.js';
import { GUIDANCE_OPEN } from '../template/guidance.js';

/**
 * Sections that say nothing: empty, only “无”, or a template's placeholder left in
 * (XXX, 【填写…】, “年 月 日”). And the 2021 format's 总体情况, which is to cover five
 * aspects (spec/template.md §2.2): 主动公开、依申请公开、政府信息管理、平台建设、监督保障.
 */
const PLACEHOLDER = /[XＸ×]{2,}|[○〇]{2,}(?=[年月日镇乡县区市局件条个])|【[^】]{0,30}(?:填写|填报|此处|请|待)[^】]{0,30}】|[（(](?:此处|请)?填写[^）)]{0,30}[）)]|(?:19|20)\d{0,2}[\s_＿]*年[\s_＿]+月[\s_＿]+日/;
const ASPECTS: readonly { name: string; re: RegExp }[] = [
  { name: '主动公开', re: /主动公开/ },
  { name: '依申请公开', re: /依申请公开|政府信息公开申请|申请公开/ },
  { name: '政府信息管理', re: /信息管理|信息资源管理|文件管理|合法性审查|保密审查|动态调整|公开审查|规范性文件/ },
  { name: '政府信息公开平台建设', re: /平台建设|公开平台|政府网站|门户网站|网站|政务新媒体|公开专栏|公开栏/ },
  { name: '监督保障', re: /监督保障|监督|保障|考核|培训|责任追究|社会评议/ },
];
/** the prose sections: 总体情况, 问题及改进, 其他事项 */
const PROSE_SECTIONS = [1, 5] as const;

export const rule: Rule = {
  id: 'content-required',
  meta: {
    description: '部分内容为空或只有占位符；2021 年格式的“总体情况”没有涵盖五个方面',
    templates: 'any',
    messages: {
      empty: '第{numeral}部分“{heading}”没有内容',
      placeholder: '正文中有未替换的占位符“{text}”',
      aspects: '“总体情况”没有涉及{missing}（2021 年格式要求从主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障五个方面概述）',
    },
  },
  check(ctx) {
    for (const n of PROSE_SECTIONS) {
      const s = ctx.model.sections.find((x) => x.number === n);
      if (!s) continue;
      const body = s.text.replace(/[\s。；：:、，,.]/g, '');
      if (body.length === 0 || /^(?:无|暂无|没有|无其他需要报告的事项)$/.test(body)) {
        const def = SECTIONS[n - 1]!;
        ctx.report({ messageId: 'empty', data: { numeral: def.numeral, heading: def.heading }, location: s.loc, quote: s.heading });
      }
    }
    for (const hit of findAll(ctx.model, PLACEHOLDER, undefined, true)) {
      // gongkai new's own guidance is guidance-left's to report
      if (hit.match[0].startsWith(GUIDANCE_OPEN)) continue;
      ctx.report({ messageId: 'placeholder', data: { text: hit.match[0] }, location: hit.loc, quote: hit.match[0] });
    }
    if (ctx.template?.id !== '2021') return;
    const one = ctx.model.sections.find((x) => x.number === 1);
    // a report without prose in 一 is reported above; an outline of a few lines is not judged
    if (!one || one.text.replace(/\s/g, '').length < 60) return;
    const missing = ASPECTS.filter((a) => !a.re.test(one.text)).map((a) => `“${a.name}”`);
    if (missing.length > 0) {
      ctx.report({ messageId: 'aspects', data: { missing: missing.join('、') }, location: one.loc, quote: one.heading, hint: '常见写法是在“总体情况”下分（一）至（五）五个小标题' });
    }
  },
};
