/** Findings for people on a terminal: one block per file, `line:col  严重程度  message  rule`, a summary. */
import { countBySeverity, formatLoc, SEVERITY_LABEL } from '../diagnostics/format.js';
import type { Diagnostic, Severity } from '../diagnostics/types.js';

export interface FileResult {
  path: string;
  diagnostics: Diagnostic[];
  /** one line about the report: organ, year, format */
  summary?: string;
  /** a line under it: which report it was compared with */
  note?: string;
}

/** Columns a string takes on a terminal: CJK and full-width characters take two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(ch) ? 2 : 1;
  return w;
}

export function padDisplay(s: string, width: number, align: 'left' | 'right'): string {
  const pad = ' '.repeat(Math.max(0, width - displayWidth(s)));
  return align === 'left' ? s + pad : pad + s;
}

export interface TextOptions {
  color: boolean;
  /** show info-level findings too */
  verbose: boolean;
  /** only errors */
  quiet: boolean;
}

const ANSI = { red: 31, yellow: 33, cyan: 36, gray: 90, bold: 1, green: 32 } as const;

export { countBySeverity };

export function renderText(results: readonly FileResult[], options: TextOptions): string {
  const paint = (code: number, s: string): string => (options.color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const sevColor: Record<Severity, number> = { error: ANSI.red, warning: ANSI.yellow, info: ANSI.cyan };
  const lines: string[] = [];
  const total: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  let hiddenInfo = 0;
  for (const r of results) {
    const counts = countBySeverity(r.diagnostics);
    total.error += counts.error;
    total.warning += counts.warning;
    total.info += counts.info;
    const shown = r.diagnostics.filter((d) => (options.quiet ? d.severity === 'error' : options.verbose || d.severity !== 'info'));
    hiddenInfo += options.verbose || options.quiet ? 0 : counts.info;
    lines.push(paint(ANSI.bold, r.path) + (r.summary ? `  ${paint(ANSI.gray, r.summary)}` : ''));
    if (r.note) lines.push(`  ${paint(ANSI.gray, r.note)}`);
    const locWidth = Math.max(4, ...shown.map((d) => formatLoc(d.location).length));
    for (const d of shown) {
      lines.push(
        `  ${paint(ANSI.gray, formatLoc(d.location).padEnd(locWidth))}  ${paint(sevColor[d.severity], SEVERITY_LABEL[d.severity])}  ${d.message}  ${paint(ANSI.gray, d.rule)}`,
      );
    }
    lines.push(`  ${summaryLine(counts, paint)}`);
    lines.push('');
  }
  if (results.length > 1) lines.push(paint(ANSI.bold, `合计 ${results.length} 个文件：${summaryLine(total, paint)}`));
  if (hiddenInfo > 0) lines.push(paint(ANSI.gray, `（另有 ${hiddenInfo} 条提示未显示，加 --verbose 查看）`));
  return `${lines.join('\n').trimEnd()}\n`;
}

function summaryLine(n: Record<Severity, number>, paint: (code: number, s: string) => string): string {
  const parts = [
    n.error > 0 ? paint(ANSI.red, `${n.error} 个错误`) : '0 个错误',
    n.warning > 0 ? paint(ANSI.yellow, `${n.warning} 个警告`) : '0 个警告',
    `${n.info} 条提示`,
  ];
  const mark = n.error > 0 ? paint(ANSI.red, '✖') : paint(ANSI.green, '✔');
  return `${mark} ${parts.join('，')}`;
}
