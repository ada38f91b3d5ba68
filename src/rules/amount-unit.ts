import type { Rule } from './types.js';

/**
 * Money is kept in 万元. A cell written in 元 is converted exactly (and the raw text kept);
 * a cell with no unit where the format prints none is taken as 万元, and this says so.
 */
export const rule: Rule = {
  id: 'amount-unit',
  meta: {
    description: '金额单位：写成“元”的已换算为万元，未写单位的按万元计，并说明所作的假定',
    templates: ['2019', '2021'],
    messages: {
      converted: '{cell} 写作“{raw}”（元），已换算为 {value} 万元',
      yuanUnderWan: '{cell} 的表头单位是万元，但填写为“{raw}”（元），已换算为 {value} 万元，请改填万元',
      noUnit: '{cell} 填写“{raw}”，没有写单位，按万元计为 {value} 万元；如原文是元，应为 {asYuan} 万元',
      magnitude: '{cell} 为 {value} 万元（{yi} 亿元），对{kind}而言偏大，可能误将“元”填作“万元”',
    },
    messageSeverity: { converted: 'info', magnitude: 'info' },
  },
  check(ctx) {
    for (const def of ctx.template!.cells) {
      if (def.type !== 'amount') continue;
      const c = ctx.cell(def.id);
      if (c?.status !== 'filled' || c.value === null) continue;
      const raw = (c.raw ?? '').trim();
      const base = { cells: [def.id], location: c.loc };
      if (c.unit === '元') {
        ctx.report({ ...base, messageId: def.printedUnit === '万元' ? 'yuanUnderWan' : 'converted', data: { cell: def.label, raw, value: c.value } });
        continue;
      }
      if (c.unit === null && !def.printedUnit && c.value !== 0) {
        ctx.report({ ...base, messageId: 'noUnit', data: { cell: def.label, raw, value: c.value, asYuan: c.value / 10000 }, hint: '请在金额后写明单位（万元）' });
      }
      const small = ctx.organKind === 'township' || ctx.organKind === 'subdistrict';
      if (small && c.value >= 10000) {
        ctx.report({ ...base, messageId: 'magnitude', data: { cell: def.label, value: c.value, yi: +(c.value / 10000).toFixed(2), kind: ctx.organKind === 'township' ? '乡镇' : '街道' } });
      }
    }
  },
};
