import type { Loc } from '../document/model.js';

export type Severity = 'error' | 'warning' | 'info';

/** One finding. The shape is public (docs/report-json.md). */
export interface Diagnostic {
  /** rule id (a file under src/rules) or a parser/extractor message id */
  rule: string;
  severity: Severity;
  /** zh-CN text, filled from the message catalog */
  message: string;
  /** which message of the rule, and the data it was filled with: tests assert these */
  messageId?: string;
  data?: Record<string, string | number>;
  /** cell ids (spec/cells.md) the finding is about */
  cells?: string[];
  /** the words in the report the finding is about, as written (for marking them in the text) */
  quote?: string;
  location: Loc | null;
  expected?: number | string;
  actual?: number | string;
  hint?: string;
  /** the file could not be read at all */
  fatal?: boolean;
}
