/**
 * The same core as the server, in the browser: text, Markdown, HTML, DOCX and PDF with a text layer are read, parsed
 * and checked on the clerk's computer, so a draft never leaves it unless they save it.
 * DOC/WPS (LibreOffice) and scans (OCR) go to the server.
 */
import type { Diagnostic } from '../../src/diagnostics/types.js';
import { readDocx } from '../../src/formats/docx/index.js';
import { readHtml } from '../../src/formats/html/index.js';
import { readPdf } from '../../src/formats/pdf/index.js';
import { sniff } from '../../src/formats/sniff.js';
import { readText } from '../../src/formats/text/index.js';
import type { Extraction } from '../../src/formats/text/index.js';
import { parseDocument, type ParsedReport } from '../../src/parse/index.js';
import { check } from '../../src/rules/engine.js';

export interface LocalResult {
  report: ParsedReport | null;
  findings: Diagnostic[];
}

/** null: the browser cannot read this kind of file (the server can). */
export async function analyseLocally(bytes: Uint8Array, name: string): Promise<LocalResult | null> {
  const kind = sniff(bytes);
  let extraction: Extraction;
  if (kind === 'text') extraction = readText(bytes, /\.(md|markdown)$/i.test(name) ? 'markdown' : 'text');
  else if (kind === 'html') extraction = readHtml(bytes);
  else if (kind === 'zip') extraction = readDocx(bytes);
  else if (kind === 'pdf') {
    // a text layer is read here; a scan needs OCR, which only the server has
    extraction = await readPdf(bytes, { ocr: false });
    if (extraction.messages.some((m) => m.rule === 'pdf-scanned-no-ocr' || m.rule === 'pdf-scanned-pages-skipped')) return null;
  } else return null;
  if (!extraction.document || extraction.messages.some((m) => m.fatal)) return { report: null, findings: extraction.messages };
  const report = parseDocument(extraction.document, { name, bytes: bytes.length });
  report.diagnostics.unshift(...extraction.messages);
  return { report, findings: check(report) };
}

export { getTemplate } from '../../src/template/index.js';
export type { ParsedReport, Diagnostic };
