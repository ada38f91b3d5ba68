/** A report data file drawn in the format asked for: the one choice the CLI and the API share. */
import type { ReportData } from '../draft/data.js';
import { renderReportDocx } from './report-docx.js';
import { renderReportHtml, renderReportMarkdown, renderReportText } from './report.js';

export type ReportFormat = 'docx' | 'html' | 'md' | 'txt';
export const REPORT_FORMATS: readonly ReportFormat[] = ['docx', 'html', 'md', 'txt'];

/** DOCX as bytes; the others as text. */
export async function renderReportAs(data: ReportData, to: ReportFormat): Promise<Uint8Array | string> {
  if (to === 'docx') return renderReportDocx(data);
  return to === 'html' ? renderReportHtml(data) : to === 'md' ? renderReportMarkdown(data) : renderReportText(data);
}
