/**
 * The indicators people compute from the tables (defined in docs/statistics.md). Pure. An
 * indicator needs every cell it uses filled (a blank or unreadable cell makes it unknown, not 0)
 * and a denominator above zero.
 */
export type CellLookup = (id: string) => { value: number | null; status: string } | undefined;

export interface IndicatorDef {
  id: string;
  label: string;
  /** what it divides, for the docs and the tooltips */
  formula: string;
  numerator: readonly string[];
  /** cells added and subtracted */
  denominator: { plus: readonly string[]; minus?: readonly string[] };
}

export const INDICATORS: readonly IndicatorDef[] = [
  {
    id: 'disclosureRate',
    label: '公开率',
    formula: '（予以公开 + 部分公开）÷ 办理结果总计',
    numerator: ['requests.granted.total', 'requests.partial.total'],
    denominator: { plus: ['requests.outcomeTotal.total'] },
  },
  {
    id: 'reviewCorrectionRate',
    label: '复议纠错率',
    formula: '行政复议结果纠正 ÷（行政复议总计 − 尚未审结）',
    numerator: ['appeals.review.corrected'],
    denominator: { plus: ['appeals.review.total'], minus: ['appeals.review.pending'] },
  },
  {
    id: 'suitLossRate',
    label: '诉讼败诉率',
    formula: '行政诉讼结果纠正（两类之和）÷（行政诉讼总计 − 尚未审结，两类之和）',
    numerator: ['appeals.suitDirect.corrected', 'appeals.suitAfterReview.corrected'],
    denominator: { plus: ['appeals.suitDirect.total', 'appeals.suitAfterReview.total'], minus: ['appeals.suitDirect.pending', 'appeals.suitAfterReview.pending'] },
  },
  {
    id: 'carryForwardRate',
    label: '结转率',
    formula: '结转下年度继续办理 ÷（本年新收 + 上年结转）',
    numerator: ['requests.carriedForward.total'],
    denominator: { plus: ['requests.received.total', 'requests.carriedOver.total'] },
  },
];

export interface IndicatorValue {
  value: number | null;
  /** why there is no value */
  reason?: 'incomplete' | 'zero-denominator';
  numerator?: number;
  denominator?: number;
}

export function indicator(def: IndicatorDef, cell: CellLookup): IndicatorValue {
  const ids = [...def.numerator, ...def.denominator.plus, ...(def.denominator.minus ?? [])];
  const v = new Map<string, number>();
  for (const id of ids) {
    const c = cell(id);
    if (c?.status !== 'filled' || c.value === null) return { value: null, reason: 'incomplete' };
    v.set(id, c.value);
  }
  const sum = (list: readonly string[]) => list.reduce((a, id) => a + v.get(id)!, 0);
  const numerator = sum(def.numerator);
  const denominator = sum(def.denominator.plus) - sum(def.denominator.minus ?? []);
  if (denominator <= 0) return { value: null, reason: 'zero-denominator', numerator, denominator };
  return { value: numerator / denominator, numerator, denominator };
}
