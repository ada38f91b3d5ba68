/**
 * Findings as CSV, one row per finding, for a spreadsheet: UTF-8 with a byte-order mark
 * (so Excel reads the Chinese), RFC 4180 quoting, cells named by their public ids.
 */
import { formatLoc, SEVERITY_LABEL } from '../diagnostics/format.js';
import type { Diagnostic } from '../diagnostics/types.js';

export interface CsvEntry {
  path: string;
  organ: string | null;
  year: number | null;
  diagnostics: Diagnostic[];
}

export const CSV_COLUMNS = ['file', 'organ', 'year', 'severity', 'rule', 'message_id', 'location', 'cells', 'expected', 'actual', 'message', 'hint'] as const;

export function csvField(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  // a leading =, +, - or @ would be a formula in a spreadsheet
  const safe = /^[=+\-@]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function renderCsv(entries: readonly CsvEntry[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const e of entries) {
    for (const d of e.diagnostics) {
      lines.push(
        [e.path, e.organ, e.year, SEVERITY_LABEL[d.severity], d.rule, d.messageId ?? '', formatLoc(d.location), (d.cells ?? []).join(' '), d.expected, d.actual, d.message, d.hint]
          .map(csvField)
          .join(','),
      );
    }
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
