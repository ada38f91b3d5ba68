import { describe } from 'vitest';
import { rule } from '../../src/rules/cell-missing.js';
import { getTemplate } from '../../src/template/index.js';
import { buildReport, fixtureCase, ruleTester } from '../helpers/rule-tester.js';

const rowIds = getTemplate('2021').tables.requests.rows.map((r) => r.id);
const cols = ['natural', 'commercial', 'research', 'social', 'legal', 'other', 'total'];
const cellsOf = (rows: string[]) => rows.flatMap((r) => cols.map((c) => `${r}.${c}`));
const missing = (ids: string[]) => Object.fromEntries(ids.map((id) => [id, 'missing' as const]));

describe('cell-missing', async () => {
  ruleTester(rule, {
    valid: [
      await fixtureCase('township-dayong-2020', 'a complete real report'),
      { name: 'blank is not missing', report: buildReport({ cells: { 'requests.granted.natural': 'blank' } }) },
    ],
    invalid: [
      {
        ...(await fixtureCase('township-hongqi-2020', 'a real table 三 cut at a page break: its first 11 rows are not there')),
        errors: [{ messageId: 'rows', data: { table: '三', count: 77 }, cells: cellsOf(rowIds.slice(0, 11)) }],
      },
      {
        name: 'a whole table',
        report: buildReport({ cells: missing(getTemplate('2021').cells.filter((c) => c.table === 'appeals').map((c) => c.id)) }),
        errors: [{ messageId: 'table', data: { table: '四', count: 15 } }],
      },
      {
        name: 'two separate gaps are two findings',
        report: buildReport({ cells: missing([...cellsOf(['requests.received']), ...cellsOf(['requests.carriedForward'])]) }),
        errors: [
          { messageId: 'rows', cells: cellsOf(['requests.received']) },
          { messageId: 'rows', cells: cellsOf(['requests.carriedForward']) },
        ],
      },
      {
        name: 'a row missing some of its cells',
        report: buildReport({ cells: missing(['active.rules.inForce', 'active.normativeDocs.inForce']) }),
        errors: [
          { messageId: 'cells', cells: ['active.rules.inForce'] },
          { messageId: 'cells', cells: ['active.normativeDocs.inForce'] },
        ],
      },
    ],
  });
});
