import { mkdtempSync, writeFileSync, mkdirSync, copyFileSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { FIXTURES } from './helpers/fixtures.js';

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { stdout: (s) => (out += s), stderr: (s) => (err += s), color: false });
  return { code, out, err };
}

const fx = (name: string) => join(FIXTURES, name, 'input.txt');
const tmp = mkdtempSync(join(tmpdir(), 'gongkai-cli-'));

describe('gongkai check', () => {
  it('prints line:col, severity, message and rule per file, and a summary; 1 when errors', async () => {
    const r = await run('check', fx('subdistrict-chuankou-2020'));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^.*subdistrict-chuankou-2020\/input\.txt {2}哈尔滨市松北区船口街道办事处 · 2020 年度 · 2019 格式$/m);
    expect(r.out).toMatch(/^ {2}475:2 {2}错误 {2}落款日期 2020-01-31 .* {2}publication-date$/m);
    expect(r.out).toContain('✖ 1 个错误，5 个警告，0 条提示');
    expect(r.out).not.toContain('\u001b[');
  });

  it('0 when there is no error', async () => {
    const r = await run('check', fx('township-buhai-2020'));
    expect(r.code).toBe(0);
    expect(r.out).toContain('✔ 0 个错误，2 个警告，0 条提示');
  });

  it('walks directories and totals', async () => {
    const dir = join(tmp, 'batch');
    mkdirSync(join(dir, 'sub'), { recursive: true });
    copyFileSync(fx('township-buhai-2020'), join(dir, 'a.txt'));
    copyFileSync(fx('township-hongqi-2020'), join(dir, 'sub', 'b.txt'));
    writeFileSync(join(dir, 'notes.json'), '{}');
    const r = await run('check', dir);
    expect(r.code).toBe(1);
    expect(r.out).toContain('合计 2 个文件：✖ 1 个错误，5 个警告，0 条提示');
  });

  it('--format json lists every finding with its cells and location', async () => {
    const r = await run('check', '--format', 'json', fx('township-hongqi-2020'));
    const json = JSON.parse(r.out) as { file: string; report: { organ: string }; diagnostics: { rule: string; cells?: string[]; location: unknown }[] }[];
    expect(json[0]!.report.organ).toBe('红旗满族乡人民政府');
    const missing = json[0]!.diagnostics.find((d) => d.rule === 'cell-missing')!;
    expect(missing.cells).toHaveLength(77);
    expect(missing.location).toMatchObject({ line: 44 });
  });

  it('--quiet shows errors only; --verbose adds the hints', async () => {
    const q = await run('check', '--quiet', fx('pingtan-2020-text'));
    expect(q.out).not.toContain('警告  ');
    const v = await run('check', '--verbose', fx('pingtan-2020-text'));
    expect(v.out).toContain('提示  “（七）总计”一行的数字连在一起');
  });
});

describe('bad input: one clear message, exit 2, never a stack trace', () => {
  const cases: [string, () => string, RegExp, string][] = [
    ['a missing file', () => join(tmp, 'nope.txt'), /文件不存在/, 'file-not-found'],
    ['an empty file', () => (writeFileSync(join(tmp, 'empty.txt'), ''), join(tmp, 'empty.txt')), /文件为空/, 'file-empty'],
    ['a file of blank lines', () => (writeFileSync(join(tmp, 'blank.txt'), '\n \n\t\n'), join(tmp, 'blank.txt')), /文件为空/, 'file-empty'],
    ['a binary file', () => (writeFileSync(join(tmp, 'x.txt'), new Uint8Array([0, 1, 2, 3, 255, 0, 7, 8])), join(tmp, 'x.txt')), /二进制/, 'file-binary'],
    ['a corrupt PDF', () => (writeFileSync(join(tmp, 'r.pdf'), '%PDF-1.7\n%\u00e2\n'), join(tmp, 'r.pdf')), /PDF 文件已损坏/, 'pdf-corrupt'],
    ['a broken image renamed .txt', () => (writeFileSync(join(tmp, 'img.txt'), new Uint8Array([0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10])), join(tmp, 'img.txt')), /内容实际是 PNG 图片[\s\S]*图片已损坏/, 'image-corrupt'],
    ['a TIFF', () => (writeFileSync(join(tmp, 'scan.tif'), new Uint8Array([0x49, 0x49, 0x2a, 0, 8, 0, 0, 0])), join(tmp, 'scan.tif')), /暂不支持读取图片（TIFF）文件/, 'file-unsupported'],
    ['a directory with no reports', () => (mkdirSync(join(tmp, 'none'), { recursive: true }), join(tmp, 'none')), /目录中没有可检查的报告文件/, 'file-directory-empty'],
  ];
  it.each(cases)('%s', async (_name, make, message, rule) => {
    const r = await run('check', make());
    expect(r.code).toBe(2);
    expect(r.out).toMatch(message);
    expect(r.out).toContain(rule);
    expect(r.out + r.err).not.toMatch(/\n\s+at /);
  });

  it('an enormous file is skipped before it is read', async () => {
    const big = join(tmp, 'big.txt');
    writeFileSync(big, Buffer.alloc(2 * 1024 * 1024, 0x30));
    const r = await run('check', '--max-size', '1', big);
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/文件过大（2\.0 MB），超过上限 1\.0 MB/);
  });

  it('the run goes on to the next file', async () => {
    const r = await run('check', join(tmp, 'nope.txt'), fx('township-buhai-2020'));
    expect(r.code).toBe(2);
    expect(r.out).toContain('德惠市布海镇人民政府');
  });

  it('usage errors in Chinese', async () => {
    expect((await run('frobnicate')).err).toContain('未知命令“frobnicate”');
    expect((await run('frobnicate')).code).toBe(2);
    const r = await run('check', '--format', 'yaml', fx('township-buhai-2020'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('无效');
    expect((await run('check')).err).toContain('缺少参数');
  });

  it('--help and --version exit 0', async () => {
    expect((await run('--help')).code).toBe(0);
    expect((await run('--version')).out.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe('gongkai check: batches, formats, configuration', () => {
  const batch = join(tmp, 'pingtan');
  mkdirSync(batch, { recursive: true });
  for (const y of [2020, 2021, 2022]) copyFileSync(fx(`pingtan-${y}-text`), join(batch, `平潭${y}.txt`));

  it('matches an organ\'s years and says so; a table per file and a total', async () => {
    const r = await run('check', batch);
    expect(r.out).toContain(`与 2021 年度报告对照：${join(batch, '平潭2021.txt')}`);
    expect(r.out).toMatch(/按机关名称归并的报告.*\n {2}平潭综合实验区：2020（.*平潭2020\.txt），2021（.*），2022（.*）/);
    expect(r.out).toMatch(/^文件 +机关 +年度 +错误 +警告 +提示$/m);
    expect(r.out).toMatch(/^合计 3 个文件 +\d+ +\d+ +\d+$/m);
  });

  it('--format sarif', async () => {
    const r = await run('check', '-f', 'sarif', fx('subdistrict-chuankou-2020'));
    const sarif = JSON.parse(r.out);
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results.some((x: { ruleId: string; level: string }) => x.ruleId === 'publication-date' && x.level === 'error')).toBe(true);
    expect(r.code).toBe(1);
  });

  it('--format csv', async () => {
    const r = await run('check', '-f', 'csv', fx('subdistrict-chuankou-2020'));
    const lines = r.out.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('file,organ,year,severity,rule,message_id,location,cells,expected,actual,message,hint');
    expect(lines.some((l) => l.includes(',错误,publication-date,beforePeriodEnd,475:2,'))).toBe(true);
  });

  it('--format html -o writes the whole file (and only then)', async () => {
    const out = join(tmp, 'out', 'audit.html');
    const r = await run('check', '-f', 'html', '-o', out, fx('township-dayong-2020'));
    expect(r.out).toBe('');
    expect(r.err).toContain('已写入');
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('呼兰区大用镇政府 2020 年度政府信息公开工作年度报告审核意见');
    expect(readdirSync(join(tmp, 'out'))).toEqual(['audit.html']);
  });

  it('--out-dir: one audit per report and an index', async () => {
    const dir = join(tmp, 'audits');
    const r = await run('check', '-f', 'html', '--out-dir', dir, batch);
    expect(r.err).toContain('已写入 3 份审核意见和 index.html');
    expect(readdirSync(dir).sort()).toEqual(['index.html', '平潭2020.html', '平潭2021.html', '平潭2022.html']);
    expect((await run('check', '--out-dir', dir, batch)).err).toContain('--out-dir 只用于 --format html');
  });

  it('an output file that cannot be written: exit 2, a message, nothing left behind', async () => {
    writeFileSync(join(tmp, 'plainfile'), 'x');
    const r = await run('check', '-f', 'json', '-o', join(tmp, 'plainfile', 'x.json'), fx('township-buhai-2020'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/无法写入输出文件.*output-not-writable/);
  });

  it('reads gongkai.config.json and --config; --rule overrides', async () => {
    const cfg = join(tmp, 'quiet.json');
    writeFileSync(cfg, JSON.stringify({ rules: { 'publication-date': 'off', 'cell-blank': 'off' } }));
    const r = await run('check', '--config', cfg, fx('subdistrict-chuankou-2020'));
    expect(r.out).not.toContain('publication-date');
    expect(r.code).toBe(0);
    const back = await run('check', '--config', cfg, '--rule', 'publication-date=warning', fx('subdistrict-chuankou-2020'));
    expect(back.out).toMatch(/警告 {2}落款日期 2020-01-31/);
  });

  it('a bad configuration stops with a message, not a stack trace', async () => {
    const cfg = join(tmp, 'bad.json');
    writeFileSync(cfg, JSON.stringify({ rules: { 'no-such-rule': 'off' } }));
    const r = await run('check', '--config', cfg, fx('township-buhai-2020'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/规则 no-such-rule 不存在.*（config-invalid）/);
    const bad = await run('check', '--rule', 'period', fx('township-buhai-2020'));
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('应为 规则=级别');
  });

  it('gongkai rules lists every rule with its levels', async () => {
    const r = await run('rules');
    expect(r.out).toMatch(/^personal-info +错误 +错误 +报告中出现公民身份号码或个人手机号码$/m);
    expect(r.out).toMatch(/^carry-over +警告 +错误 +.*（跨报告）$/m);
    const json = JSON.parse((await run('rules', '-f', 'json')).out) as { id: string }[];
    expect(json.length).toBeGreaterThanOrEqual(27);
  });
});

describe('gongkai import, export, stats', () => {
  const db = join(tmp, 'cli.db');
  const dir = join(tmp, 'store-input');
  mkdirSync(dir, { recursive: true });
  copyFileSync(fx('subdistrict-chuankou-2020'), join(dir, 'chuankou.txt'));
  copyFileSync(fx('township-dayong-2020'), join(dir, 'dayong.txt'));
  copyFileSync(fx('township-liuhe-2022'), join(dir, 'liuhe.txt'));

  it('imports, then exports and rolls up by area name', async () => {
    const imp = await run('import', '--db', db, '--workers', '0', dir);
    expect(imp.code).toBe(0);
    expect(imp.out).toContain('新导入 3 份');
    const csv = await run('export', '--db', db, '--area', '哈尔滨市', '--year', '2020', '--layout', 'long');
    expect(csv.out.split('\r\n').filter((l) => l.startsWith('1,') || l.startsWith('2,')).length).toBeGreaterThan(300);
    const stats = await run('stats', '--db', db, '--area', '黑龙江省哈尔滨市', '--year', '2022');
    expect(stats.out).toContain('黑龙江省哈尔滨市 2022 年度：1 个机关有报告，2 个机关往年有报告而本年没有');
    expect(stats.out).toMatch(/往年有报告、本年没有的机关：\n {2}(呼兰区大用镇政府|哈尔滨市松北区船口街道办事处)（最近一份：2020 年度）/);
    const json = JSON.parse((await run('stats', '--db', db, '--year', '2020', '-f', 'json')).out);
    expect(json.organs).toHaveLength(2);
  });

  it('says what is wrong with an area, a year, a kind, or a missing -o', async () => {
    expect((await run('stats', '--db', db, '--year', '2020', '--area', '朝阳区')).err).toMatch(/有多个同名地区.*（area-unknown）/);
    expect((await run('stats', '--db', db, '--year', '20x0')).err).toContain('year-invalid');
    expect((await run('export', '--db', db, '--kind', '公司')).err).toContain('kind-invalid');
    expect((await run('export', '--db', db, '-f', 'xlsx')).err).toContain('export-needs-output');
  });
});

describe('gongkai parse', () => {
  it('prints the report model as JSON', async () => {
    const r = await run('parse', fx('township-hongqi-2020'));
    expect(r.code).toBe(1);
    const m = JSON.parse(r.out);
    expect(m).toMatchObject({ template: '2019', year: 2020, organ: '红旗满族乡人民政府', publishedOn: '2021-01-26' });
    expect(m.cells['active.procurement.amount']).toEqual({ value: 6874.6408, status: 'filled', raw: '6874.6408 万元', loc: { line: 39, column: 10, table: 1, row: 19, col: 3 }, unit: '万元' });
    expect(m.cells['requests.received.natural']).toEqual({ value: null, status: 'missing', raw: null, loc: null });
    expect(m.sections[0]).toMatchObject({ number: 1, heading: '一、总体情况', loc: { line: 7, column: 1 } });
    expect(m.sections[0].paragraphs).toBeUndefined();
  });

  it('--no-rules leaves the rules out', async () => {
    const m = JSON.parse((await run('parse', '--no-rules', fx('township-hongqi-2020'))).out);
    expect(m.diagnostics.map((d: { rule: string }) => d.rule)).toEqual(['table-fragment']);
  });

  it('an unreadable file: message on stderr, exit 2', async () => {
    const r = await run('parse', join(tmp, 'nope.txt'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('文件不存在');
    expect(r.out).toBe('');
  });
});

describe('the installed command', () => {
  it('bin/gongkai.js runs the built CLI and sets the exit code', () => {
    const r = spawnSync(process.execPath, ['bin/gongkai.js', 'check', fx('township-hongqi-2020')], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('cell-missing');
  });
});

describe('gongkai serve and user add', () => {
  const io = (secret: string) => {
    const out: string[] = [];
    const err: string[] = [];
    return { out, err, io: { stdout: (s: string) => void out.push(s), stderr: (s: string) => void err.push(s), color: false, readSecret: async () => secret, untilStopped: () => Promise.resolve() } };
  };

  it('refuses to serve beyond loopback without accounts, then serves once one exists', async () => {
    const db = join(tmp, 'serve.db');
    const a = io('');
    expect(await main(['serve', '--db', db, '--host', '0.0.0.0', '--port', '0', '--no-samples'], a.io)).toBe(2);
    expect(a.err.join('')).toContain('accounts-required');
    const bad = io('short');
    expect(await main(['user', 'add', '审核员甲', '--db', db, '--role', '审核员'], bad.io)).toBe(2);
    expect(bad.err.join('')).toContain('user-password-short');
    const role = io('long-enough-password');
    expect(await main(['user', 'add', '审核员甲', '--db', db, '--role', '局长'], role.io)).toBe(2);
    expect(role.err.join('')).toContain('user-role-invalid');
    const ok = io('long-enough-password');
    expect(await main(['user', 'add', '审核员甲', '--db', db, '--role', '审核员', '--area', '德惠市'], ok.io)).toBe(0);
    expect(ok.out.join('')).toContain('审核员甲');
    // with an account it starts (and stops at once: untilStopped has resolved)
    const served = io('');
    expect(await main(['serve', '--db', db, '--host', '0.0.0.0', '--port', '0', '--no-samples', '--workers', '0'], served.io)).toBe(0);
    expect(served.out.join('')).toMatch(/已启动：http:\/\/0\.0\.0\.0:\d+\//);
  });
});
