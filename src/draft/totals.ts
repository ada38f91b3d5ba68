/**
 * Printed totals computed from their parts (row totals, the （七）总计 row, 行政复议/诉讼 总计),
 * by the template's own relations: the form fills them in as the clerk types, so they cannot
 * disagree with the parts. 结转下年度 is not a total; the requests-balance rule checks it.
 */
import type { TemplateDef } from '../template/index.js';

/** The relations whose one side is a printed total and the other its parts. */
function sumRelations(template: TemplateDef) {
  return template.relations.filter((r) => r.total && r.lhs.length === 1 && r.lhs[0] === r.total);
}

/** The cells a form computes rather than asks for. */
export function computedTotals(template: TemplateDef): Set<string> {
  return new Set(sumRelations(template).map((r) => r.total!));
}

export function completeTotals(template: TemplateDef, cells: Readonly<Record<string, number>>): Record<string, number> {
  const out = { ...cells };
  const sums = sumRelations(template);
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
