/**
 * `gongkai import PATH…`: files, directories (recursively) and ZIP archives into the store,
 * with a progress bar on a terminal and plain lines elsewhere. Running it again resumes.
 */
import { readFile, stat } from 'node:fs/promises';
import { areaIndex } from '../area/load.js';
import { ConfigError, loadConfig, type Config } from '../config/index.js';
import { fatal } from '../formats/index.js';
import { readZipEntries } from '../formats/zip.js';
import { defaultWorkers, importReports, type ImportJob, type ImportProgress } from '../store/importer.js';
import { discover, humanSize, REPORT_EXTENSIONS } from './files.js';
import type { Io } from './options.js';
import { dbUrl, withStore } from './store-options.js';

export interface ImportCliOptions {
  db?: string;
  reparse?: boolean;
  keepOriginals?: boolean;
  workers?: number;
  config?: string;
  maxSize: number;
  ocr: boolean;
  maxPages: number;
}

/** A ZIP's report files as jobs, read once; an archive that cannot be read is one unreadable job. */
export async function zipJobs(path: string, maxBytes: number): Promise<ImportJob[]> {
  const info = await stat(path);
  if (info.size > maxBytes) return [{ path, error: fatal('file-too-large', { size: humanSize(info.size), limit: humanSize(maxBytes) }) }];
  const bytes = new Uint8Array(await readFile(path));
  const zip = readZipEntries(bytes, (name) => REPORT_EXTENSIONS.test(name) && !name.endsWith('/') && !/(^|\/)(__MACOSX|\.)/.test(name), maxBytes);
  if (!zip.ok) return [{ path, error: fatal(zip.reason === 'too-large' ? 'zip-too-large' : 'zip-corrupt') }];
  const names = Object.keys(zip.files).sort();
  if (names.length === 0) return [{ path, error: fatal('file-directory-empty', { path }) }];
  return names.map((name) => ({ path: `${path}!/${name}`, bytes: zip.files[name]! }));
}

export async function importCommand(paths: string[], opts: ImportCliOptions, io: Io): Promise<number> {
  const maxBytes = opts.maxSize * 1024 * 1024;
  const jobs: ImportJob[] = [];
  for (const input of await discover(paths, /\.zip$/i)) {
    if (input.error) jobs.push({ path: input.path, error: input.error });
    else if (/\.zip$/i.test(input.path)) jobs.push(...(await zipJobs(input.path, maxBytes)));
    else jobs.push({ path: input.path });
  }
  let config: Config;
  try {
    config = await loadConfig(opts.config);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    io.stderr(`${e.message}（${e.rule}）\n`);
    return 2;
  }
  const url = dbUrl(opts.db);
  return withStore(url, io, async (store) => {
    const started = Date.now();
    const show = progressPrinter(io);
    const result = await importReports(store, jobs, {
      workers: opts.workers ?? defaultWorkers(),
      dbUrl: url,
      areas: areaIndex(),
      settings: { preset: config.preset, rules: config.rules, extract: { ocr: opts.ocr, maxPages: opts.maxPages }, maxBytes, reparse: Boolean(opts.reparse), keepOriginals: Boolean(opts.keepOriginals) },
      onProgress: show,
    });
    show(null);
    const seconds = (Date.now() - started) / 1000;
    const done = result.imported + result.reparsed;
    io.stdout(
      `导入 ${jobs.length} 个文件，用时 ${seconds.toFixed(1)} 秒：新导入 ${result.imported} 份${result.reparsed ? `，重新解析 ${result.reparsed} 份` : ''}，已在库中跳过 ${result.skipped} 份，无法读取 ${result.unreadable.length} 个` +
        (done > 0 && seconds > 0 ? `（${Math.round(done / seconds)} 份/秒）` : '') +
        `\n数据库：${store.location}\n`,
    );
    for (const u of result.unreadable) io.stdout(`  无法读取 ${u.path}：${u.message}（${u.rule}）\n`);
    return result.unreadable.length > 0 ? 2 : 0;
  });
}

/** A bar that redraws itself on a terminal; a line every 2 seconds elsewhere; `null` ends it. */
function progressPrinter(io: Io): (p: ImportProgress | null) => void {
  let last = 0;
  let drawn = false;
  return (p) => {
    if (io.progress === 'none') return;
    if (p === null) {
      if (drawn && io.progress === 'tty') io.stderr('\n');
      return;
    }
    const t = Date.now();
    const final = p.done === p.total;
    if (io.progress === 'tty') {
      if (t - last < 100 && !final) return;
      const width = 30;
      const filled = Math.round((p.done / Math.max(1, p.total)) * width);
      io.stderr(`\r导入 [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${p.done}/${p.total}  新导入 ${p.imported}  跳过 ${p.skipped}  无法读取 ${p.unreadable}  `);
      drawn = true;
    } else {
      if (t - last < 2000 && !final) return;
      io.stderr(`导入 ${p.done}/${p.total}：新导入 ${p.imported}，跳过 ${p.skipped}，无法读取 ${p.unreadable}\n`);
    }
    last = t;
  };
}
