/**
 * The `gongkai` command. `main` returns the exit code and never exits the process:
 * 0 no errors, 1 errors found, 2 usage error or unreadable input.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { analyse } from '../analyse.js';
import { extractOptions, type Io } from './options.js';

export type { Io } from './options.js';
import { checkCommand, collect, renderRules, type CheckCliOptions } from './check.js';
import { importCommand, type ImportCliOptions } from './import.js';
import { exportCommand, statsCommand, type ExportCliOptions, type StatsCliOptions } from './export.js';
import { serveCommand, userAddCommand, type ServeCliOptions, type UserCliOptions } from './serve.js';
import { newCommand, renderCommand, type NewCliOptions, type RenderCliOptions } from './draft.js';
import { REPORT_FORMATS } from '../render/report-file.js';
import { CONFIG_FILE } from '../config/index.js';
import { MAX_PAGES } from '../formats/pdf/index.js';
import { closeOcr } from '../formats/index.js';
import { reportToJson } from '../render/json.js';

import { PRESETS } from '../rules/presets.js';
import { MAX_BYTES, readBytes } from './files.js';
import { VERSION } from '../version.js';


const nodeIo = (): Io => ({
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  color: process.env.FORCE_COLOR ? process.env.FORCE_COLOR !== '0' : Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
  progress: process.stderr.isTTY ? 'tty' : 'lines',
  writeBytes: (b) => process.stdout.write(b),
  stdoutIsTTY: Boolean(process.stdout.isTTY),
  untilStopped: () => new Promise<void>((resolve) => ['SIGINT', 'SIGTERM'].forEach((sig) => process.once(sig, () => resolve()))),
  readSecret: async () => {
    if (process.env.GONGKAI_PASSWORD) return process.env.GONGKAI_PASSWORD;
    const stdin = process.stdin;
    if (!stdin.isTTY) {
      const chunks: Buffer[] = [];
      for await (const chunk of stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
    }
    // typed at a terminal: read without echo, Enter ends, Ctrl+C gives up
    process.stderr.write('密码（至少 8 个字符，输入时不显示）：');
    stdin.setRawMode(true);
    stdin.resume();
    try {
      return await new Promise<string>((resolve) => {
        let typed = '';
        const onData = (chunk: Buffer) => {
          for (const ch of chunk.toString('utf8')) {
            if (ch === '\r' || ch === '\n' || ch === '\u0003') {
              stdin.off('data', onData);
              process.stderr.write('\n');
              resolve(ch === '\u0003' ? '' : typed);
              return;
            }
            if (ch === '\u007f' || ch === '\b') typed = typed.slice(0, -1);
            else typed += ch;
          }
        };
        stdin.on('data', onData);
      });
    } finally {
      stdin.setRawMode(false);
      stdin.pause();
    }
  },
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
    .description('检查报告（文件或目录，目录递归）；同一机关相邻年度的报告一并对照')
    .argument('<paths...>', '报告文件或目录')
    .addOption(new Option('-f, --format <format>', '输出格式').choices(['text', 'json', 'sarif', 'html', 'csv']).default('text'))
    .option('-o, --output <file>', '写入文件而不是标准输出')
    .option('--out-dir <dir>', 'HTML：每份报告一个审核意见文件，另加 index.html')
    .addOption(new Option('--preset <name>', '规则预设（覆盖配置文件）').choices(Object.keys(PRESETS)))
    .option('-c, --config <file>', `配置文件（默认当前目录的 ${CONFIG_FILE}）`)
    .option('--rule <id=level>', '设置某条规则：off、info、warning、error（可多次使用）', collect, [])
    .option('-q, --quiet', '只显示错误')
    .option('--verbose', '同时显示提示（info）')
    .option('--exit-zero', '发现错误时也以 0 退出（无法读取的文件仍为 2）')
    .addOption(maxSizeOption())
    .option('--no-ocr', '不对扫描件和图片做文字识别')
    .addOption(maxPagesOption())
    .action(async (paths: string[], opts: CheckCliOptions) => {
      code = await checkCommand(paths, opts, io);
    });

  program
    .command('import')
    .description('把报告导入数据库（文件、目录、ZIP 压缩包）；同一内容不重复导入，中断后再次运行即可继续')
    .argument('<paths...>', '报告文件、目录或 ZIP')
    .addOption(dbOption())
    .option('--reparse', '用新版本解析器重新解析以前导入的报告')
    .option('--keep-originals', '把原文件也存入数据库（网页上可以查看原文、下载原文件）')
    .addOption(new Option('--workers <n>', '并行解析的线程数').argParser(positiveInt))
    .option('-c, --config <file>', `配置文件（默认当前目录的 ${CONFIG_FILE}）`)
    .addOption(maxSizeOption())
    .option('--no-ocr', '不对扫描件和图片做文字识别')
    .addOption(maxPagesOption())
    .action(async (paths: string[], opts: ImportCliOptions) => {
      code = await importCommand(paths, opts, io);
    });

  program
    .command('export')
    .description('从数据库导出报告：CSV、XLSX 或 JSON Lines；宽表（一份报告一行）或长表（一个单元格一行）')
    .addOption(dbOption())
    .addOption(new Option('-f, --format <format>', '输出格式').choices(['csv', 'xlsx', 'jsonl']).default('csv'))
    .addOption(new Option('--layout <layout>', '宽表或长表').choices(['wide', 'long']).default('wide'))
    .option('-o, --output <file>', '写入文件（XLSX 必须指定）')
    .option('--no-labels', '不要第二行中文表头')
    .option('--year <years>', '报告年度：2022、2021,2022 或 2019-2022')
    .option('--area <area>', '地区：名称（如 德惠市、吉林省长春市德惠市）或行政区划代码，含其下辖地区')
    .option('--kind <kind>', '机关类别：人民政府、部门、乡镇、街道')
    .addOption(new Option('--template <id>', '只导出该格式的报告和单元格').choices(['2019', '2021']))
    .option('--has-errors', '只导出有错误的报告')
    .option('--rule <id>', '只导出有该规则发现的报告')
    .action(async (opts: ExportCliOptions) => {
      code = await exportCommand(opts, io);
    });

  program
    .command('stats')
    .description('汇总一个地区、一个年度：各单元格合计、指标、各机关排名、缺报的机关')
    .addOption(dbOption())
    .requiredOption('--year <year>', '报告年度')
    .option('--area <area>', '地区：名称或行政区划代码（默认全部）')
    .option('--kind <kind>', '机关类别：人民政府、部门、乡镇、街道')
    .addOption(new Option('-f, --format <format>', '输出格式').choices(['text', 'json', 'csv']).default('text'))
    .action(async (opts: StatsCliOptions) => {
      code = await statsCommand(opts, io);
    });

  program
    .command('new')
    .description('生成一份年度报告数据文件（JSON）：全部单元格为 0，上年结转等沿用上一年度报告，各部分附填写提示')
    .requiredOption('--organ <name>', '机关名称，如 德惠市布海镇人民政府')
    .requiredOption('--year <year>', '报告年度', (v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 2008 || n > 2100) throw new InvalidArgumentError('应为 2008 至 2100 之间的年份');
      return n;
    })
    .addOption(new Option('--template <id>', '格式（默认按年度：2019–2020 年为 2019 格式，2021 年起为 2021 格式）').choices(['2019', '2021']))
    .option('--from <file>', '上一年度报告文件（任何能读的格式）；不指定时在数据库中查找')
    .addOption(dbOption())
    .option('-o, --output <file>', '写入文件（默认标准输出）')
    .action(async (opts: NewCliOptions) => {
      code = await newCommand(opts, io);
    });

  program
    .command('render')
    .description('把报告数据文件画成统一格式的报告：DOCX（公文格式）、HTML、Markdown 或纯文本')
    .argument('<file>', '报告数据文件（gongkai new 生成）')
    .addOption(new Option('--to <format>', '输出格式').choices([...REPORT_FORMATS]).default('docx'))
    .option('-o, --output <file>', '写入文件（默认标准输出；DOCX 输出到终端时必须指定）')
    .action(async (file: string, opts: RenderCliOptions) => {
      code = await renderCommand(file, opts, io);
    });

  program
    .command('serve')
    .description('启动网页应用与 HTTP API（默认只在本机 127.0.0.1 上）')
    .addOption(dbOption())
    .option('--host <host>', '监听地址；不是本机地址时必须先用 gongkai user add 建立账号', '127.0.0.1')
    .addOption(new Option('--port <port>', '端口').default(8080).argParser(positiveInt))
    .addOption(new Option('--workers <n>', '解析线程数').argParser(positiveInt))
    .option('-c, --config <file>', `配置文件（默认当前目录的 ${CONFIG_FILE}）`)
    .option('--no-samples', '数据库为空时不导入示例报告')
    .option('--secure-cookies', '会话 Cookie 只经 HTTPS 发送（在 HTTPS 反向代理之后对外服务时使用）')
    .action(async (opts: ServeCliOptions) => {
      code = await serveCommand(opts, io, io.untilStopped?.() ?? new Promise<void>(() => undefined));
    });

  const user = program.command('user').description('管理账号（对外提供服务时需要）');
  user
    .command('add')
    .description('添加账号或重设密码；密码从环境变量 GONGKAI_PASSWORD 或标准输入读取')
    .argument('<name>', '用户名')
    .addOption(dbOption())
    .requiredOption('--role <role>', '角色：管理员、审核员、填报员')
    .option('--area <area>', '只能查看该地区（名称或行政区划代码）的单位')
    .action(async (name: string, opts: UserCliOptions) => {
      code = await userAddCommand(name, opts, io, io.readSecret ?? (async () => process.env.GONGKAI_PASSWORD ?? ''));
    });

  program
    .command('rules')
    .description('列出全部检查规则及其在各预设中的级别')
    .addOption(new Option('-f, --format <format>', '输出格式').choices(['text', 'json']).default('text'))
    .action((opts: { format: 'text' | 'json' }) => {
      io.stdout(renderRules(opts.format));
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

export function maxPagesOption(): Option {
  return new Option('--max-pages <n>', 'PDF 最多读取的页数')
    .default(MAX_PAGES)
    .argParser((v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('应为正整数');
      return n;
    });
}


function positiveInt(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('应为非负整数');
  return n;
}

export function dbOption(): Option {
  return new Option('--db <url>', '数据库：SQLite 文件路径或 postgres://…（默认环境变量 GONGKAI_DB，或 ./gongkai.db）');
}

export function maxSizeOption(): Option {
  return new Option('--max-size <MB>', '单个文件大小上限（MB），超过则跳过')
    .default(MAX_BYTES / 1024 / 1024)
    .argParser((v) => {
      const n = Number(v);
      if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('应为正数');
      return n;
    });
}


/** Commander's own messages, in Chinese. */
function translateCommanderError(s: string): string {
  return s
    .replace(/^error: unknown command '(.+)'/m, "错误：未知命令“$1”，可用命令：parse、check、new、render、import、export、stats、serve、user、rules（gongkai --help 查看帮助）")
    .replace(/^error: missing required argument '(.+)'/m, '错误：缺少参数 $1')
    .replace(/^error: unknown option '(.+)'/m, '错误：未知选项 $1')
    .replace(/^error: option '(.+)' argument '(.+)' is invalid\. Allowed choices are (.+)\./m, '错误：选项 $1 的取值“$2”无效，可选：$3')
    .replace(/^error: too many arguments.*$/m, '错误：参数过多')
    .replace(/^error: option '(.+)' argument '(.+)' is invalid\. (.+)$/m, '错误：选项 $1 的取值“$2”无效：$3');
}
