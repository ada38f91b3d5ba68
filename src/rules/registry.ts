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
];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.id, r]));
