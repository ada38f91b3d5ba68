/**
 * The `gongkai` command. `main` returns the exit code and never exits the process:
 * 0 no errors, 1 errors found, 2 usage error or unreadable input.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { analyse, type AnalyseOptions } from '../analyse.js';
import { MAX_PAGES } from '../formats/pdf/index.js';
import { closeOcr } from '../formats/index.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { reportToJson } from '../render/json.js';
import { renderText, type FileResult } from '../render/text.js';
import { PRESETS } from '../rules/presets.js';
import { discover, MAX_BYTES, readBytes } from './files.js';
import { VERSION } from '../version.js';

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** colour on a terminal unless NO_COLOR; FORCE_COLOR forces it */
  color: boolean;
  /** how to show progress of long OCR runs: an updating line on a terminal, plain lines otherwise, or not at all */
  progress?: 'tty' | 'lines' | 'none';
}

const nodeIo = (): Io => ({
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  color: process.env.FORCE_COLOR ? process.env.FORCE_COLOR !== '0' : Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
  progress: process.stderr.isTTY ? 'tty' : 'lines',
});

export async function main(argv: readonly string[], io: Io = nodeIo()): Promise<number> {
  let code = 0;
  const program = new Command();
  program
    .name('gongkai')
    .description('政府信息公开工作年度报告：读取、解析、检查（离线、确定、可解释）')
    .version(VERSION, '-v, --version', '显示版本号')
    .helpOption('-h, --help', '显示帮助')
    .helpCommand('help [command]', '显示某个命令的帮助')
    .exitOverride()
    .configureOutput({
      writeOut: io.stdout,
      writeErr: io.stderr,
      outputError: (s, write) => write(translateCommanderError(s)),
    });

  program
    .command('parse')
    .description('解析一份报告，输出报告模型（JSON，见 docs/report-json.md）')
    .argument('<file>', '报告文件')
    .option('--no-rules', '只解析，不运行检查规则')
    .addOption(new Option('--preset <name>', '规则预设').choices(Object.keys(PRESETS)).default('recommended'))
    .option('--compact', '输出单行 JSON')
    .addOption(maxSizeOption())
    .option('--no-ocr', '不对扫描件和图片做文字识别')
    .addOption(maxPagesOption())
    .action(async (file: string, opts: { rules: boolean; preset: 'recommended' | 'strict'; compact?: boolean; maxSize: number; ocr: boolean; maxPages: number }) => {
      const read = await readBytes(file, opts.maxSize * 1024 * 1024);
      if (!read.ok) {
        io.stderr(`${file}: ${read.error.message}（${read.error.rule}）\n`);
        code = 2;
        return;
      }
      const { report, diagnostics } = await analyse(read.bytes, file, {
        check: { preset: opts.preset },
        rules: opts.rules,
        extract: extractOptions(opts, file, io),
      });
      if (!report) {
        for (const d of diagnostics) io.stderr(`${file}: ${d.message}（${d.rule}）\n`);
        code = 2;
        return;
      }
      io.stdout(`${JSON.stringify(reportToJson(report, diagnostics), null, opts.compact ? undefined : 2)}\n`);
      code = diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
    });

  program
    .command('check')
    .description('检查报告（文件或目录，目录递归），按文件列出发现的问题')
    .argument('<paths...>', '报告文件或目录')
    .addOption(new Option('-f, --format <format>', '输出格式').choices(['text', 'json']).default('text'))
    .addOption(new Option('--preset <name>', '规则预设').choices(Object.keys(PRESETS)).default('recommended'))
    .option('-q, --quiet', '只显示错误')
    .option('--verbose', '同时显示提示（info）')
    .option('--exit-zero', '发现错误时也以 0 退出（无法读取的文件仍为 2）')
    .addOption(maxSizeOption())
    .option('--no-ocr', '不对扫描件和图片做文字识别')
    .addOption(maxPagesOption())
    .action(async (paths: string[], opts: { format: 'text' | 'json'; preset: 'recommended' | 'strict'; quiet?: boolean; verbose?: boolean; exitZero?: boolean; maxSize: number; ocr: boolean; maxPages: number }) => {
      const inputs = await discover(paths);
      const results: (FileResult & { report?: unknown })[] = [];
      let unreadable = false;
      for (const input of inputs) {
        if (input.error) {
          unreadable = true;
          results.push({ path: input.path, diagnostics: [input.error] });
          continue;
        }
        const read = await readBytes(input.path, opts.maxSize * 1024 * 1024);
        if (!read.ok) {
          unreadable = true;
          results.push({ path: input.path, diagnostics: [read.error] });
          continue;
        }
        const { report, diagnostics } = await analyse(read.bytes, input.path, { check: { preset: opts.preset }, extract: extractOptions(opts, input.path, io) });
        if (!report) unreadable = true;
        const r: FileResult & { report?: unknown } = { path: input.path, diagnostics };
        if (report) {
          r.summary = [report.organ ?? '（单位未识别）', report.year ? `${report.year} 年度` : null, report.template ? `${report.template} 格式` : '非统一格式']
            .filter(Boolean)
            .join(' · ');
          if (opts.format === 'json') r.report = { organ: report.organ, year: report.year, template: report.template, publishedOn: report.publishedOn };
        }
        results.push(r);
      }
      if (opts.format === 'json') io.stdout(`${JSON.stringify(results.map(jsonResult), null, 2)}\n`);
      else io.stdout(renderText(results, { color: io.color, verbose: Boolean(opts.verbose), quiet: Boolean(opts.quiet) }));
      const errors = results.some((r) => r.diagnostics.some((d: Diagnostic) => d.severity === 'error'));
      code = unreadable ? 2 : errors && !opts.exitZero ? 1 : 0;
    });

  try {
    await program.parseAsync(argv as string[], { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end here with code 0
      return e.exitCode === 0 ? 0 : 2;
    }
    throw e;
  } finally {
    // the OCR workers, if any were started, would keep the process alive
    await closeOcr();
  }
  return code;
}

function maxPagesOption(): Option {
  return new Option('--max-pages <n>', 'PDF 最多读取的页数')
    .default(MAX_PAGES)
    .argParser((v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('应为正整数');
      return n;
    });
}

/** What the extractors need from the command line, and OCR progress on stderr. */
function extractOptions(opts: { ocr: boolean; maxPages: number }, file: string, io: Io): AnalyseOptions['extract'] {
  return {
    pdf: { maxPages: opts.maxPages },
    ocr: opts.ocr
      ? {
          onProgress: (done, total) => {
            const line = `文字识别 ${file}：第 ${done}/${total} 页`;
            if (io.progress === 'tty') io.stderr(`\r${line}${done === total ? '\n' : ''}`);
            else if (io.progress === 'lines') io.stderr(`${line}\n`);
          },
        }
      : false,
  };
}

function maxSizeOption(): Option {
  return new Option('--max-size <MB>', '单个文件大小上限（MB），超过则跳过')
    .default(MAX_BYTES / 1024 / 1024)
    .argParser((v) => {
      const n = Number(v);
      if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('应为正数');
      return n;
    });
}

function jsonResult(r: FileResult & { report?: unknown }): unknown {
  return { file: r.path, report: r.report ?? null, diagnostics: r.diagnostics };
}

/** Commander's own messages, in Chinese. */
function translateCommanderError(s: string): string {
  return s
    .replace(/^error: unknown command '(.+)'/m, "错误：未知命令“$1”，可用命令：parse、check（gongkai --help 查看帮助）")
    .replace(/^error: missing required argument '(.+)'/m, '错误：缺少参数 $1')
    .replace(/^error: unknown option '(.+)'/m, '错误：未知选项 $1')
    .replace(/^error: option '(.+)' argument '(.+)' is invalid\. Allowed choices are (.+)\./m, '错误：选项 $1 的取值“$2”无效，可选：$3')
    .replace(/^error: too many arguments.*$/m, '错误：参数过多')
    .replace(/^error: option '(.+)' argument '(.+)' is invalid\. (.+)$/m, '错误：选项 $1 的取值“$2”无效：$3');
}
