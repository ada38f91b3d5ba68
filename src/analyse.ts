/** One file from bytes to a checked report: the pipeline every front end (CLI, server) runs. */
import type { Diagnostic } from './diagnostics/types.js';
import { extract, type ExtractOptions } from './formats/index.js';
import { parseDocument, type ParsedReport } from './parse/index.js';
import { check, type CheckOptions } from './rules/engine.js';

export interface Analysis {
  report: ParsedReport | null;
  /** every finding: the extractor's, the parser's and the rules', after the preset */
  diagnostics: Diagnostic[];
}

export interface AnalyseOptions {
  check?: CheckOptions;
  /** false: parse only */
  rules?: boolean;
  extract?: Omit<ExtractOptions, 'name'>;
}

/** Extract and parse, no rules: `report` is null when the file cannot be read, and `diagnostics` say why. */
export async function readReport(bytes: Uint8Array, name: string, options: Omit<ExtractOptions, 'name'> = {}): Promise<Analysis> {
  const extraction = await extract(bytes, { ...options, name });
  if (!extraction.document || extraction.messages.some((m) => m.fatal)) {
    return { report: null, diagnostics: extraction.messages };
  }
  const report = parseDocument(extraction.document, { name, bytes: bytes.length });
  report.diagnostics.unshift(...extraction.messages);
  return { report, diagnostics: report.diagnostics };
}

export async function analyse(bytes: Uint8Array, name: string, options: AnalyseOptions = {}): Promise<Analysis> {
  const read = await readReport(bytes, name, options.extract);
  if (!read.report) return read;
  const diagnostics = options.rules === false ? read.report.diagnostics : check(read.report, options.check);
  return { report: read.report, diagnostics };
}
