/** The report model as public JSON (docs/report-json.md): paragraph spans are internal and dropped. */
import type { ParsedReport } from '../parse/index.js';
import type { Diagnostic } from '../diagnostics/types.js';

export interface ReportJson extends Omit<ParsedReport, 'sections'> {
  sections: Omit<ParsedReport['sections'][number], 'paragraphs'>[];
}

export function reportToJson(report: ParsedReport, diagnostics: Diagnostic[] = report.diagnostics): ReportJson {
  return {
    ...report,
    sections: report.sections.map(({ paragraphs: _p, ...s }) => s),
    diagnostics,
  };
}
