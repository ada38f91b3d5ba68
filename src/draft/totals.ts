/**
 * Printed totals computed from their parts (row totals, the （七）总计 row, 行政复议/诉讼 总计),
 * by the template's own relations: the form fills them in as the clerk types, so they cannot
 * disagree with the parts. 结转下年度 is not a total; the requests-balance rule checks it.
 */
import type { TemplateDef } from '../template/index.js';

export function completeTotals(template: TemplateDef, cells: Readonly<Record<string, number>>): Record<string, number> {
  const out = { ...cells };
  const sums = template.relations.filter((r) => r.total && r.lhs.length === 1 && r.lhs[0] === r.total);
  // a total may be a part of another (the 总计 column of the （七）总计 row): repeat until nothing changes
  for (let round = 0; round < 4; round++) {
    let changed = false;
    for (const r of sums) {
      const sum = r.rhs.reduce((a, id) => a + (out[id] ?? 0), 0);
      if (out[r.total!] !== sum) {
        out[r.total!] = sum;
        changed = true;
      }
    }
    if (!changed) break;
  }
  return out;
}
