/** The same organ's report for the year before, when the batch or the store has it. */
import type { ParsedReport } from '../parse/index.js';
import type { TemplateId } from '../template/index.js';
import type { RuleContext } from './types.js';

/** Last year's report: exactly the year before, and in `template` when one is asked for. */
export function lastYear(ctx: RuleContext, template?: TemplateId): Readonly<ParsedReport> | null {
  const prev = ctx.previous;
  const year = ctx.model.year;
  if (!prev || year === null || prev.year !== year - 1) return null;
  if (template && prev.template !== template) return null;
  return prev;
}

/** A filled cell's value, or null (blank, missing, unreadable are never a number here). */
export function filled(report: Readonly<ParsedReport>, id: string): number | null {
  const c = report.cells[id];
  return c?.status === 'filled' ? c.value : null;
}
