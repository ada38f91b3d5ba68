import { TEMPLATES, templateForYear } from '../template/index.js';
import type { Rule } from './types.js';

/** The format read from the labels does not match the reporting year (spec/template.md §1.1). */
export const rule: Rule = {
  id: 'template-year',
  meta: {
    description: '统计表的格式与报告年度不符：2019–2020 年度用 2019 试行格式，2021 年度起用 2021 格式',
    templates: ['2019', '2021'],
    messages: {
      mismatch: '{year} 年度报告应采用{expected}（{expectedNotice}），但本报告的统计表是{actual}',
    },
  },
  check(ctx) {
    const { year, template, templateBasis } = ctx.model;
    if (year === null || template === null || templateBasis !== 'labels') return;
    const expected = templateForYear(year);
    if (!expected || expected === template) return;
    ctx.report({
      messageId: 'mismatch',
      data: {
        year,
        expected: `${expected} 年${expected === '2019' ? '试行' : ''}格式`,
        expectedNotice: TEMPLATES[expected].notice,
        actual: `${template} 年${template === '2019' ? '试行' : ''}格式`,
      },
      location: ctx.model.locs.title ?? ctx.model.sections.find((s) => s.number === 2)?.loc ?? null,
      expected,
      actual: template,
      hint: `请按${TEMPLATES[expected].notice}附件的格式重新填报统计表`,
    });
  },
};
