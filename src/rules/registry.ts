/** Every rule, by id. A test checks each has a file, docs and tests. */
import { rule as appealsTotal } from './appeals-total.js';
import { rule as cellBlank } from './cell-blank.js';
import { rule as cellInvalid } from './cell-invalid.js';
import { rule as cellMissing } from './cell-missing.js';
import { rule as publicationDate } from './publication-date.js';
import { rule as requestsBalance } from './requests-balance.js';
import { rule as requestsOutcomeTotal } from './requests-outcome-total.js';
import { rule as requestsRowTotal } from './requests-row-total.js';
import { rule as sectionMissing } from './section-missing.js';
import { rule as templateYear } from './template-year.js';
import { rule as activeConsistency } from './active-consistency.js';
import { rule as amountUnit } from './amount-unit.js';
import { rule as textTableMismatch } from './text-table-mismatch.js';
import { rule as period } from './period.js';
import { rule as sectionOrder } from './section-order.js';
import { rule as headingNumbering } from './heading-numbering.js';
import { rule as organMismatch } from './organ-mismatch.js';
import { rule as foreignPlace } from './foreign-place.js';
import { rule as feeStatement } from './fee-statement.js';
import { rule as contentRequired } from './content-required.js';
import { rule as personalInfo } from './personal-info.js';
import { rule as allZero } from './all-zero.js';
import { rule as implausible } from './implausible.js';
import { rule as carryOver } from './carry-over.js';
import { rule as inForceContinuity } from './in-force-continuity.js';
import { rule as itemCountContinuity } from './item-count-continuity.js';
import { rule as duplicateText } from './duplicate-text.js';
import { rule as guidanceLeft } from './guidance-left.js';
import type { Rule } from './types.js';

export const RULES: readonly Rule[] = [
  requestsBalance,
  requestsRowTotal,
  requestsOutcomeTotal,
  appealsTotal,
  cellMissing,
  cellBlank,
  cellInvalid,
  templateYear,
  publicationDate,
  sectionMissing,
  activeConsistency,
  amountUnit,
  textTableMismatch,
  period,
  sectionOrder,
  headingNumbering,
  organMismatch,
  foreignPlace,
  feeStatement,
  contentRequired,
  guidanceLeft,
  personalInfo,
  allZero,
  implausible,
  carryOver,
  inForceContinuity,
  itemCountContinuity,
  duplicateText,
];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.id, r]));
