/**
 * Which national format a report follows, read from its labels (spec/template.md §1.1).
 * The reporting year is only a prior, used when the labels do not decide.
 */
import { fold } from './fold.js';
import { T2019 } from './t2019.js';
import { T2021 } from './t2021.js';
import type { TemplateId } from './types.js';

export interface Detection {
  template: TemplateId | null;
  /** labels: decided by format-specific labels; year: labels tie, the year decided; none: not a national format */
  basis: 'labels' | 'year' | 'none';
  /** the national tables' common labels were found */
  national: boolean;
  signals: Record<TemplateId, string[]>;
}

/** Labels both formats print and pre-2019 tables do not. */
const NATIONAL = ['本年新收政府信息公开申请数量', '第二十条第(一)项', '勾稽关系', '上年结转政府信息公开申请数量', '尚未审结'];

const folded = {
  '2019': T2019.signals.map((s) => [s, fold(s)] as const),
  '2021': T2021.signals.map((s) => [s, fold(s)] as const),
};

/** `text` must already be folded (see fold(), or foldForSearch() for long text). */
export function detectTemplate(text: string, year: number | null): Detection {
  const signals: Record<TemplateId, string[]> = {
    '2019': folded['2019'].filter(([, f]) => text.includes(f)).map(([s]) => s),
    '2021': folded['2021'].filter(([, f]) => text.includes(f)).map(([s]) => s),
  };
  const national = NATIONAL.some((s) => text.includes(s)) || signals['2019'].length + signals['2021'].length >= 2;
  if (!national) return { template: null, basis: 'none', national, signals };
  const a = signals['2019'].length;
  const b = signals['2021'].length;
  if (a !== b) return { template: a > b ? '2019' : '2021', basis: 'labels', national, signals };
  if (year !== null && year >= 2019) return { template: year >= 2021 ? '2021' : '2019', basis: 'year', national, signals };
  return { template: null, basis: 'none', national, signals };
}
