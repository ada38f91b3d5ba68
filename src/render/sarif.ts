/**
 * SARIF 2.1.0 (OASIS), so CI systems and code-review tools can show findings. Text formats
 * get line and column; a PDF page or a DOCX paragraph goes in the result's properties, as
 * SARIF has no such region.
 */
import { formatLoc } from '../diagnostics/format.js';
import type { Diagnostic, Severity } from '../diagnostics/types.js';
import { FILE_MESSAGES, NOTICES } from '../formats/messages.js';
import { PARSE_MESSAGES } from '../parse/index.js';
import { RULES_BY_ID } from '../rules/registry.js';

export interface SarifEntry {
  path: string;
  diagnostics: Diagnostic[];
}

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** One line about what a rule or message id is for. */
export function describe(id: string): string {
  const rule = RULES_BY_ID.get(id);
  if (rule) return rule.meta.description;
  const parse = (PARSE_MESSAGES as Record<string, { text: string }>)[id];
  if (parse) return parse.text.replace(/\{\w+\}/g, '…');
  const notice = (NOTICES as Record<string, { text: string }>)[id];
  if (notice) return notice.text.replace(/\{\w+\}/g, '…');
  const file = (FILE_MESSAGES as Record<string, string>)[id];
  if (file) return file.replace(/\{\w+\}/g, '…');
  return id;
}

/** A relative path as a URI reference: forward slashes, each segment percent-encoded. */
function uri(path: string): string {
  return path.split(/[\\/]/).map(encodeURIComponent).join('/');
}

export function renderSarif(entries: readonly SarifEntry[], version: string): string {
  const ruleIds = [...new Set(entries.flatMap((e) => e.diagnostics.map((d) => d.rule)))].sort();
  const ruleIndex = new Map(ruleIds.map((id, i) => [id, i]));
  const results = entries.flatMap((e, artifactIndex) =>
    e.diagnostics.map((d) => {
      const l = d.location;
      const region = l?.line !== undefined ? { startLine: l.line, startColumn: l.column ?? 1 } : undefined;
      const properties: Record<string, unknown> = {};
      if (l && l.line === undefined) properties.location = formatLoc(l);
      if (l?.page !== undefined) properties.page = l.page;
      if (d.cells?.length) properties.cells = d.cells;
      if (d.expected !== undefined) properties.expected = d.expected;
      if (d.actual !== undefined) properties.actual = d.actual;
      return {
        ruleId: d.rule,
        ruleIndex: ruleIndex.get(d.rule)!,
        level: LEVEL[d.severity],
        message: { text: d.hint ? `${d.message}（${d.hint}）` : d.message },
        locations: [{ physicalLocation: { artifactLocation: { uri: uri(e.path), index: artifactIndex }, ...(region ? { region } : {}) } }],
        ...(d.messageId ? { partialFingerprints: { messageId: `${d.rule}/${d.messageId}` } } : {}),
        ...(Object.keys(properties).length ? { properties } : {}),
      };
    }),
  );
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'gongkai',
            version,
            rules: ruleIds.map((id) => ({
              id,
              shortDescription: { text: describe(id) },
              ...(RULES_BY_ID.has(id) ? { help: { text: `见 gongkai 文档 docs/rules/${id}.md` } } : {}),
            })),
          },
        },
        artifacts: entries.map((e) => ({ location: { uri: uri(e.path) } })),
        results,
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
