/** Severities per rule id (rules and parser messages). A rule missing from a preset is off. */
import type { Severity } from '../diagnostics/types.js';

export type Setting = Severity | 'off';
export type Preset = Readonly<Record<string, Setting>>;

const recommended: Preset = {
  // rules
  'requests-balance': 'error',
  'requests-row-total': 'error',
  'requests-outcome-total': 'error',
  'appeals-total': 'error',
  'cell-missing': 'error',
  'cell-blank': 'warning',
  'cell-invalid': 'error',
  'template-year': 'warning',
  'publication-date': 'error',
  'section-missing': 'warning',
  'active-consistency': 'error',
  'amount-unit': 'warning',
  'text-table-mismatch': 'warning',
  'period': 'warning',
  'section-order': 'warning',
  'heading-numbering': 'warning',
  'organ-mismatch': 'warning',
  'foreign-place': 'warning',
  'fee-statement': 'info',
  'content-required': 'warning',
  'guidance-left': 'error',
  'personal-info': 'error',
  'all-zero': 'info',
  'implausible': 'info',
  'carry-over': 'warning',
  'in-force-continuity': 'warning',
  'item-count-continuity': 'warning',
  'duplicate-text': 'warning',
  // parser messages
  'template-unknown': 'warning',
  'template-inferred': 'info',
  'year-unknown': 'warning',
  'run-split': 'info',
  'run-ambiguous': 'warning',
  'row-shape': 'warning',
  'row-unrecognised': 'info',
  'row-by-position': 'info',
  'row-unplaced': 'warning',
  'row-duplicate': 'warning',
  'table-fragment': 'warning',
  'cell-text': 'warning',
  'cell-low-confidence': 'warning',
  'row-format-mismatch': 'warning',
};

/** strict: everything that is a warning in recommended is an error. */
const strict: Preset = Object.fromEntries(
  Object.entries(recommended).map(([id, s]) => [id, s === 'warning' ? 'error' : s]),
);

export const PRESETS: Readonly<Record<string, Preset>> = { recommended, strict };
export type PresetName = 'recommended' | 'strict';
