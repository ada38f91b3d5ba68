/**
 * The HTTP API (under /api, JSON, described at /api/openapi.json) and the static web app. The
 * app uses only this API. Parsing runs in worker threads (`pool`), so a slow or failing file
 * never holds up other requests; without a pool (tests) it runs in this thread.
 */
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { Readable } from 'node:stream';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { getCookie, setCookie, deleteCookie } from 'hono/cookie';
import type { AreaIndex } from '../area/index.js';
import { compareReports } from '../compare/index.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { extract } from '../formats/index.js';
import { check } from '../rules/engine.js';
import { analyseJob, CROSS_RULES, RULE_IDS } from '../store/analyse-job.js';
import { exportCells, exportReports, type ExportFormat, type ExportLayout } from '../store/export.js';
import { FilterError, filterFrom, areaCode } from '../store/filters.js';
import { organInfo, placeOrgans, processBatch, type ImportJob, type ImportSettings, type Outcome, type Pool } from '../store/importer.js';
import { INDICATORS, indicator } from '../store/indicators.js';
import type { ReportFilter, ReportSort, Store, StoredReport } from '../store/index.js';
import { rollup } from '../store/rollup.js';
import { cellDef, type TemplateId } from '../template/index.js';
import { VERSION } from '../version.js';
import { ReportDataSchema, validateData } from '../draft/data.js';
import { newReportData } from '../draft/new.js';
import { REPORT_FORMATS, renderReportAs, type ReportFormat } from '../render/report-file.js';
import { reportTitle } from '../render/report.js';
import { getConnInfo } from '@hono/node-server/conninfo';
import { CAN, ROLE_LABEL, sameToken, sessionActor, signIn, SignInThrottle, signOut, type Actor } from './auth.js';
import { ApiError, body, notFound } from './errors.js';
import { openapi } from './openapi.js';

export interface ServerOptions {
  store: Store;
  /** worker threads for parsing; null parses in this thread */
  pool: Pool | null;
  settings: ImportSettings;
  areas: AreaIndex | null;
  /** accounts required (any address but loopback) */
  accounts: boolean;
  /** where the built web app is (index.html, app.js, app.css); null serves the API only */
  webDir: string | null;
  limits?: { fileBytes?: number; files?: number };
  /** host names the app answers to on loopback (against DNS rebinding) */
  allowedHosts?: readonly string[];
  /** session cookies only over HTTPS (behind a TLS proxy) */
  secureCookies?: boolean;
  /** the server's own log (unexpected errors, with their cause) */
  log?: (line: string) => void;
  /** uploads waiting for a parsing worker beyond which the server answers 503 */
  maxQueue?: number;
}

function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // in-process requests (tests) have no socket
  }
}

type Env = { Variables: { actor: Actor } };

const SESSION_COOKIE = 'gongkai_session';
const STATIC_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.map': 'application/json',
  '.mjs': 'text/javascript; charset=utf-8',
  '.bcmap': 'application/octet-stream',
  '.pfb': 'application/octet-stream',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

export function createApp(options: ServerOptions): Hono<Env> {
  const { store, pool, settings, areas } = options;
  const maxFileBytes = options.limits?.fileBytes ?? 50 * 1024 * 1024;
  const maxFiles = options.limits?.files ?? 20;
  // on loopback one person uses the app: one CSRF token for the process
  const localCsrf = randomBytes(24).toString('base64url');
  const throttle = new SignInThrottle();
  const maxQueue = options.maxQueue ?? 200;
  const analyseFile = (job: { path: string; bytes: Uint8Array }) => (pool ? pool.analyse(job) : analyseJob(job.bytes, job.path, settings));
  const ensureCapacity = () => {
    if (pool && pool.queued > maxQueue) throw new ApiError(503, 'server-busy', '服务器正在处理大量文件，请稍后再上传');
  };
  const app = new Hono<Env>();

  app.onError((e, c) => {
    if (e instanceof ApiError) return c.json(body(e), e.status);
    if (e instanceof FilterError) return c.json({ error: { code: e.rule, message: e.message } }, 400);
    // an unexpected failure: a fixed message, never a stack trace or the database's words; the
    // operator finds the cause in the server's own log
    options.log?.(`内部错误 ${c.req.method} ${c.req.path}：${(e as Error).stack ?? String(e)}`);
    return c.json({ error: { code: 'internal', message: '服务器内部错误，请稍后重试；如一再出现，请联系管理员' } }, 500);
  });
  app.notFound((c) => (c.req.path.startsWith('/api/') ? c.json(body(notFound('接口')), 404) : c.text('404', 404)));

  app.use('*', async (c, next) => {
    await next();
    c.header('Content-Security-Policy', CSP);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('X-Frame-Options', 'DENY');
    c.header('Cross-Origin-Opener-Policy', 'same-origin');
  });

  // bodies are counted as they stream in, so a chunked or lying upload cannot fill memory
  const tooLarge = () => {
    throw new ApiError(413, 'upload-too-large', `请求体过大：一次最多上传 ${maxFiles} 个文件，每个不超过 ${Math.round(maxFileBytes / 1048576)} MB`);
  };
  app.use('/api/reports', bodyLimit({ maxSize: maxFileBytes * maxFiles + 1024 * 1024, onError: tooLarge }));
  app.use('/api/check', bodyLimit({ maxSize: maxFileBytes * maxFiles + 1024 * 1024, onError: tooLarge }));
  // a draft or a data file to render carries a whole report's text (a long one is 100 KB and more)
  app.use('/api/drafts', bodyLimit({ maxSize: 4 * 1024 * 1024, onError: tooLarge }));
  app.use('/api/render', bodyLimit({ maxSize: 4 * 1024 * 1024, onError: tooLarge }));
  app.use('/api/*', async (c, next) => {
    if (['/api/reports', '/api/check', '/api/drafts', '/api/render'].includes(c.req.path)) return next();
    return bodyLimit({ maxSize: 64 * 1024, onError: tooLarge })(c, next);
  });

  // a change must come from this site's own pages: another site's form or script is refused
  app.use('/api/*', async (c, next) => {
    if (!['GET', 'HEAD'].includes(c.req.method)) {
      const site = c.req.header('sec-fetch-site');
      const origin = c.req.header('origin');
      const host = c.req.header('host');
      if ((site && site !== 'same-origin' && site !== 'none') || (origin && host && origin !== 'null' && new URL(origin).host !== host)) {
        throw new ApiError(403, 'cross-site', '拒绝来自其他网站的请求');
      }
    }
    await next();
  });

  // who is asking; changes need the CSRF token (a header a cross-site form cannot send)
  app.use('/api/*', async (c, next) => {
    if (options.allowedHosts && !options.accounts) {
      const host = (c.req.header('host') ?? '').replace(/:\d+$/, '');
      if (!options.allowedHosts.includes(host)) throw new ApiError(403, 'host-not-allowed', `不接受主机名“${host}”的请求`);
    }
    let actor: Actor | null;
    if (options.accounts) actor = await sessionActor(store, getCookie(c, SESSION_COOKIE));
    else actor = { id: null, name: '本机用户', role: 'admin', areaCode: null, csrf: localCsrf };
    const open = c.req.path === '/api/session' || c.req.path === '/api/openapi.json' || c.req.path === '/api/health';
    if (!actor && !open) throw new ApiError(401, 'auth-required', '请先登录');
    if (actor) c.set('actor', actor);
    if (!['GET', 'HEAD'].includes(c.req.method) && !(c.req.path === '/api/session' && c.req.method === 'POST')) {
      if (!actor || !sameToken(c.req.header('x-csrf-token'), actor.csrf)) throw new ApiError(403, 'csrf-invalid', '请求缺少有效的 CSRF 令牌，请刷新页面后重试');
    }
    await next();
  });

  const can = (c: Context<Env>, what: keyof typeof CAN) => {
    const actor = c.get('actor');
    if (!(CAN[what] as readonly string[]).includes(actor.role)) throw new ApiError(403, 'forbidden', `${ROLE_LABEL[actor.role]}没有这项权限`);
    return actor;
  };

  /** Whether an organ is within the account's area (an account without one sees everything). */
  const organInScope = async (actor: Actor, organId: number | null): Promise<boolean> => {
    if (!actor.areaCode) return true;
    const organ = organId !== null ? await store.organ(organId) : null;
    return Boolean(organ?.area_code?.startsWith(actor.areaCode));
  };
  const canSee = async (actor: Actor, reportId: number): Promise<boolean> => organInScope(actor, (await store.reportRow(reportId))?.organ_id ?? null);

  /** The report, if the asker may see it (an account limited to an area sees only its organs). */
  const visibleReport = async (c: Context<Env>, idText: string) => {
    const id = Number(idText);
    if (!Number.isInteger(id) || id <= 0) throw new ApiError(400, 'id-invalid', `报告编号“${idText}”无效`);
    const found = await store.reportRow(id);
    if (!found) throw notFound(`编号为 ${id} 的报告`);
    if (!(await organInScope(c.get('actor'), found.organ_id))) throw notFound(`编号为 ${id} 的报告`);
    return { ...found, id };
  };

  const scoped = (c: Context<Env>, filter: ReportFilter): ReportFilter => {
    const scope = c.get('actor').areaCode;
    if (!scope) return filter;
    // within the account's area only: a narrower area inside it, or the area itself
    if (filter.areaCode && filter.areaCode.startsWith(scope)) return filter;
    return { ...filter, areaCode: scope };
  };

  const filterOf = (c: Context<Env>): ReportFilter => {
    const q = c.req.query();
    const template = q.template === '2019' || q.template === '2021' ? (q.template as TemplateId) : undefined;
    if (q.template && !template) throw new ApiError(400, 'template-invalid', `格式“${q.template}”无效，应为 2019 或 2021`);
    const { filter } = filterFrom({
      ...(q.year ? { year: q.year } : {}),
      ...(q.area ? { area: q.area } : {}),
      ...(q.kind ? { kind: q.kind } : {}),
      ...(template ? { template } : {}),
      ...(q.hasErrors === 'true' || q.hasErrors === '1' ? { hasErrors: true } : {}),
      ...(q.rule ? { rule: q.rule } : {}),
    });
    return scoped(c, filter);
  };

  // ---- session ----
  app.get('/api/session', (c) => {
    const actor = c.get('actor') as Actor | undefined;
    return c.json({ accounts: options.accounts, user: actor ? { name: actor.name, role: actor.role, roleLabel: ROLE_LABEL[actor.role], areaCode: actor.areaCode } : null, csrf: actor?.csrf ?? null, version: VERSION });
  });
  app.post('/api/session', async (c) => {
    if (!options.accounts) throw new ApiError(400, 'accounts-off', '本机使用无需登录');
    if (!(c.req.header('content-type') ?? '').startsWith('application/json')) throw new ApiError(415, 'json-required', '请以 JSON 提交用户名和密码');
    const b = (await c.req.json().catch(() => null)) as { name?: unknown; password?: unknown } | null;
    if (typeof b?.name !== 'string' || typeof b.password !== 'string' || b.name.length > 100 || b.password.length > 200) throw new ApiError(400, 'body-invalid', '请提供用户名和密码');
    const ip = clientAddress(c);
    if (throttle.blocked(ip, b.name)) throw new ApiError(429, 'sign-in-throttled', '登录失败次数过多，请 15 分钟后再试');
    const r = await signIn(store, b.name, b.password);
    if (!r) {
      throttle.failed(ip, b.name);
      // a mistyped name is often a password: only names of real accounts go in the log
      const known = await store.db.selectFrom('account').select('name').where('name', '=', b.name).executeTakeFirst();
      await store.audit(known ? known.name : '（未知用户名）', 'sign-in-failed', null);
      throw new ApiError(401, 'sign-in-failed', '用户名或密码不正确');
    }
    throttle.succeeded(ip, b.name);
    setCookie(c, SESSION_COOKIE, r.token, { httpOnly: true, sameSite: 'Strict', path: '/', maxAge: 12 * 3600, secure: options.secureCookies ?? false });
    await store.audit(r.actor.name, 'sign-in', null);
    return c.json({ user: { name: r.actor.name, role: r.actor.role, roleLabel: ROLE_LABEL[r.actor.role], areaCode: r.actor.areaCode }, csrf: r.actor.csrf });
  });
  app.delete('/api/session', async (c) => {
    await signOut(store, getCookie(c, SESSION_COOKIE));
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.json({ ok: true });
  });

  app.get('/api/health', (c) => c.json({ ok: true, version: VERSION }));
  app.get('/api/openapi.json', (c) => c.json(openapi()));

  // ---- check without storing (DOC/WPS and scans, which the browser cannot read) ----
  app.post('/api/check', async (c) => {
    can(c, 'upload');
    ensureCapacity();
    const files = await uploadedFiles(c);
    const results = [];
    for (const f of files) {
      // every rule but the cross-year ones, which have nothing to compare with here
      const { report, diagnostics: findings } = await analyseFile({ path: f.name, bytes: f.bytes });
      if (report) delete (report as { diagnostics?: unknown }).diagnostics;
      results.push({ file: f.name, report, findings });
    }
    return c.json({ results });
  });

  // ---- upload and store ----
  app.post('/api/reports', async (c) => {
    const actor = can(c, 'upload');
    ensureCapacity();
    const files = await uploadedFiles(c);
    // re-uploading stored content answers with the stored report; re-parsing is `gongkai import --reparse`
    const uploadSettings = { ...settings, keepOriginals: true, reparse: false };
    const results: Record<string, unknown>[] = [];
    let jobs: ImportJob[] = files.map((f) => ({ path: f.name, bytes: f.bytes }));
    if (actor.areaCode) {
      // an account limited to an area adds reports of organs in that area only
      const inScope: ImportJob[] = [];
      for (const job of jobs) {
        const r = await analyseFile({ path: job.path, bytes: job.bytes! });
        const area = r.report ? organInfo(r.report, areas)?.area : null;
        if (!r.report || area?.code.startsWith(actor.areaCode)) inScope.push(job);
        else results.push({ file: job.path, status: 'rejected', error: { code: 'out-of-scope', message: `这份报告的单位（${r.report.organ ?? '未识别'}${area ? `，${area.name}` : ''}）不在你的账号可管理的地区内` } });
      }
      jobs = inScope;
    }
    let outcomes: Outcome[] = [];
    if (jobs.length > 0 && pool) {
      for (let i = 0; i < jobs.length; i += 16) {
        const r = await pool.run(jobs.slice(i, i + 16));
        outcomes.push(...r.outcomes);
        await placeOrgans(store, areas, r.newOrgans);
      }
    } else if (jobs.length > 0) outcomes = (await processBatch(store, jobs, uploadSettings, areas)).outcomes;
    for (const o of outcomes) {
      const entry: Record<string, unknown> = { file: o.path, status: o.status };
      if (o.reportId !== undefined && (await canSee(actor, o.reportId))) {
        const row = (await store.reportRow(o.reportId))!;
        Object.assign(entry, { id: o.reportId, organ: row.organ_name, year: row.year, template: row.template, errors: row.errors, warnings: row.warnings, infos: row.infos, findings: await store.findings(o.reportId) });
      }
      if (o.status === 'unreadable') entry.error = { code: o.rule ?? 'file-not-readable', message: o.message ?? '' };
      results.push(entry);
    }
    // who uploaded what; file names and counts only, never the text
    await store.audit(actor.name, 'upload', results.map((r) => r.id ?? '-').join(','), { files: results.map((r) => ({ name: r.file, status: r.status })) });
    const ok = results.some((r) => r.status !== 'unreadable' && r.status !== 'rejected');
    return c.json({ results }, ok ? 201 : 422);
  });

  // ---- list, search ----
  app.get('/api/reports', async (c) => {
    can(c, 'read');
    const q = c.req.query();
    const filter = filterOf(c);
    const limit = Math.min(200, Math.max(1, Math.trunc(Number(q.limit ?? 50)) || 50));
    const offset = Math.min(1e9, Math.max(0, Math.trunc(Number(q.offset ?? 0)) || 0));
    if (q.q && q.q.trim()) {
      const hits = await store.search(q.q, filter, 500);
      return c.json({ total: hits.length, query: q.q, hits: hits.slice(offset, offset + limit) });
    }
    const sorts: ReportSort[] = ['id', 'year', 'organ', 'errors', 'warnings', 'imported'];
    const sort = sorts.includes(q.sort as ReportSort) ? (q.sort as ReportSort) : 'id';
    const [total, items] = await Promise.all([store.countReports(filter), store.listReports(filter, { sort, desc: q.order !== 'asc', limit, offset })]);
    return c.json({ total, offset, limit, items });
  });

  app.get('/api/reports/:id', async (c) => {
    can(c, 'read');
    const row = await visibleReport(c, c.req.param('id'));
    const [report, findings, corrections, organ, original] = await Promise.all([
      store.loadReport(row.id),
      store.findings(row.id),
      store.corrections(row.id),
      row.organ_id !== null ? store.organ(row.organ_id) : null,
      store.db.selectFrom('original').select('content_hash').where('content_hash', '=', row.content_hash).executeTakeFirst(),
    ]);
    return c.json({
      id: row.id,
      report,
      findings,
      corrections,
      organ: organ ? organJson(organ) : null,
      counts: { errors: row.errors, warnings: row.warnings, infos: row.infos },
      importedAt: row.imported_at,
      hasSource: Boolean(original),
    });
  });

  app.get('/api/reports/:id/cells', async (c) => {
    can(c, 'read');
    const row = await visibleReport(c, c.req.param('id'));
    const report = (await store.loadReport(row.id))!;
    const template = report.template;
    const cells = Object.fromEntries(Object.entries(report.cells).map(([id, v]) => [id, { ...v, label: template ? (cellDef(template, id)?.label ?? null) : null }]));
    return c.json({ id: row.id, template, cells });
  });

  app.get('/api/reports/:id/findings', async (c) => {
    can(c, 'read');
    const row = await visibleReport(c, c.req.param('id'));
    return c.json({ id: row.id, findings: await store.findings(row.id) });
  });

  app.get('/api/reports/:id/source', async (c) => {
    can(c, 'read');
    const row = await visibleReport(c, c.req.param('id'));
    const original = await store.original(row.content_hash);
    if (!original) throw new ApiError(404, 'source-not-kept', '这份报告导入时没有保存原文件（命令行导入默认不保存；网页上传的报告会保存）');
    const job = { path: original.name, bytes: original.bytes };
    const r = pool ? await pool.extract(job) : await extract(original.bytes, { name: original.name, ocr: false });
    return c.json({ id: row.id, name: original.name, format: row.format, document: r.document });
  });

  app.get('/api/reports/:id/original', async (c) => {
    can(c, 'read');
    const row = await visibleReport(c, c.req.param('id'));
    const original = await store.original(row.content_hash);
    if (!original) throw new ApiError(404, 'source-not-kept', '这份报告导入时没有保存原文件');
    c.header('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(original.name.split(/[\\/]/).pop() ?? 'report')}`);
    c.header('Content-Type', 'application/octet-stream');
    return c.body(original.bytes as Uint8Array<ArrayBuffer>);
  });

  // ---- corrections ----
  app.get('/api/reports/:id/corrections', async (c) => {
    can(c, 'read');
    const row = await visibleReport(c, c.req.param('id'));
    return c.json({ id: row.id, corrections: await store.corrections(row.id) });
  });

  app.post('/api/reports/:id/corrections', async (c) => {
    const actor = can(c, 'correct');
    const row = await visibleReport(c, c.req.param('id'));
    const b = (await c.req.json().catch(() => null)) as { cell?: unknown; value?: unknown; reason?: unknown } | null;
    if (typeof b?.cell !== 'string') throw new ApiError(400, 'body-invalid', '请指明要更正的单元格（cell）');
    const value = typeof b.value === 'string' && b.value.trim() !== '' ? Number(b.value) : b.value;
    if (typeof value !== 'number' || !Number.isFinite(value)) throw new ApiError(400, 'value-invalid', '更正后的数值必须是数字');
    if (typeof b.reason !== 'string' || b.reason.trim().length < 2) throw new ApiError(400, 'reason-required', '请写明更正理由');
    const def = row.template ? cellDef(row.template as TemplateId, b.cell) : undefined;
    if (!def) throw new ApiError(400, 'cell-unknown', `这份报告的格式中没有单元格“${b.cell}”`);
    if (def.type === 'count' && (!Number.isInteger(value) || value < 0)) throw new ApiError(400, 'value-invalid', `“${def.label}”是件数，应为非负整数`);
    const correction = await store.correctCell(
      row.id,
      { cellId: b.cell, value, reason: b.reason.trim().slice(0, 500), author: actor.name },
      async (report, tx) => {
        const previous = report.organId !== null && report.year !== null ? await store.reportOf(report.organId, report.year - 1, tx) : null;
        return check(report, { rulesOnly: true, previous, preset: settings.preset, rules: settings.rules });
      },
      RULE_IDS,
      CROSS_RULES,
    );
    if (!correction) throw notFound(`单元格“${b.cell}”`);
    await store.audit(actor.name, 'correct', String(row.id), { cell: b.cell, version: correction.version, from: correction.previousValue, to: correction.value });
    const after = (await store.reportRow(row.id))!;
    return c.json({ correction, counts: { errors: after.errors, warnings: after.warnings, infos: after.infos }, findings: await store.findings(row.id) }, 201);
  });

  // ---- organ over years ----
  app.get('/api/organs/:id', async (c) => {
    can(c, 'read');
    const id = Number(c.req.param('id'));
    const organ = Number.isInteger(id) ? await store.organ(id) : null;
    if (!organ || !(await organInScope(c.get('actor'), organ.id))) throw notFound('单位');
    const reports = await store.listReports({ organId: id }, { sort: 'year', desc: false, limit: 1000 });
    const cells = await store.cellsOf(reports.map((r) => r.id));
    const years = [];
    for (const r of reports) {
      const mine = cells.get(r.id) ?? new Map();
      const lookup = (cid: string) => mine.get(cid);
      const value = (cid: string) => {
        const x = mine.get(cid);
        return x?.status === 'filled' ? x.value : null;
      };
      const all = await store.findings(r.id);
      years.push({
        reportId: r.id,
        year: r.year,
        template: r.template,
        errors: r.errors,
        warnings: r.warnings,
        received: value('requests.received.total'),
        carriedOver: value('requests.carriedOver.total'),
        carriedForward: value('requests.carriedForward.total'),
        indicators: Object.fromEntries(INDICATORS.map((d) => [d.id, indicator(d, lookup)])),
        crossYear: all.filter((d) => CROSS_RULES.has(d.rule)),
      });
    }
    return c.json({ organ: organJson(organ), years, indicators: INDICATOR_DEFS });
  });

  // ---- compare ----
  app.get('/api/compare', async (c) => {
    can(c, 'read');
    const a = await visibleReport(c, c.req.query('a') ?? '');
    const b = await visibleReport(c, c.req.query('b') ?? '');
    const [ra, rb] = await Promise.all([store.loadReport(a.id), store.loadReport(b.id)]);
    const cmp = compareReports(ra!, rb!);
    const label = (id: string) => (rb!.template ? cellDef(rb!.template, id)?.label : undefined) ?? (ra!.template ? cellDef(ra!.template, id)?.label : undefined) ?? id;
    return c.json({ a: brief(ra!), b: brief(rb!), ...cmp, cells: cmp.cells.map((x) => ({ ...x, label: label(x.id) })) });
  });

  // ---- roll-up ----
  app.get('/api/rollup', async (c) => {
    can(c, 'read');
    const q = c.req.query();
    if (!q.year || !/^\d{4}$/.test(q.year)) throw new ApiError(400, 'year-invalid', '请指定一个报告年度，如 year=2022');
    let area = q.area ? areaCode(q.area) : null;
    const filter = scoped(c, area ? { areaCode: area.code } : {});
    // an account's scope replaces a wider area: say which area the figures are for
    if (filter.areaCode && filter.areaCode !== area?.code) area = areaCode(filter.areaCode);
    const { filter: kindFilter } = filterFrom(q.kind ? { kind: q.kind } : {});
    const r = await rollup(store, { year: Number(q.year), ...(filter.areaCode ? { areaCode: filter.areaCode } : {}), ...(kindFilter.kind ? { kind: kindFilter.kind } : {}) });
    const labels = Object.fromEntries(exportCells().map((d) => [d.id, d.label]));
    return c.json({ area: area?.name ?? null, ...r, labels, indicatorDefs: INDICATOR_DEFS });
  });

  // ---- export ----
  app.get('/api/export', async (c) => {
    can(c, 'read');
    const q = c.req.query();
    const format = (q.format ?? 'csv') as ExportFormat;
    const layout = (q.layout ?? 'wide') as ExportLayout;
    if (!['csv', 'xlsx', 'jsonl'].includes(format)) throw new ApiError(400, 'format-invalid', '导出格式应为 csv、xlsx 或 jsonl');
    if (!['wide', 'long'].includes(layout)) throw new ApiError(400, 'layout-invalid', '表格布局应为 wide 或 long');
    const filter = filterOf(c);
    const dir = await mkdtemp(join(tmpdir(), 'gongkai-export-'));
    const file = join(dir, `gongkai.${format}`);
    try {
      await exportReports(store, file, { format, layout, filter, labels: q.labels !== 'false' });
    } catch (e) {
      await rm(dir, { recursive: true, force: true });
      throw e;
    }
    const size = (await stat(file)).size;
    const stream = createReadStream(file);
    stream.on('close', () => void rm(dir, { recursive: true, force: true }));
    const types = { csv: 'text/csv; charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', jsonl: 'application/x-ndjson; charset=utf-8' };
    c.header('Content-Type', types[format]);
    c.header('Content-Length', String(size));
    c.header('Content-Disposition', `attachment; filename="gongkai-${layout}.${format}"`);
    return c.body(Readable.toWeb(stream) as ReadableStream);
  });

  // ---- writing a report: drafts, a new one prefilled, rendering ----
  const ownDraft = (c: Context<Env>, author: string) => {
    const actor = c.get('actor');
    return !options.accounts || actor.role === 'admin' || actor.name === author;
  };

  app.get('/api/drafts', async (c) => {
    const actor = can(c, 'upload');
    return c.json({ drafts: await store.drafts(!options.accounts || actor.role === 'admin' ? undefined : actor.name) });
  });

  app.get('/api/drafts/new', async (c) => {
    can(c, 'upload');
    const q = c.req.query();
    const year = Number(q.year);
    if (!q.organ || q.organ.trim().length < 2) throw new ApiError(400, 'organ-required', '请填写机关名称');
    if (!Number.isInteger(year) || year < 2008 || year > 2100) throw new ApiError(400, 'year-invalid', '请填写报告年度，如 2023');
    const template = q.template === '2019' || q.template === '2021' ? q.template : undefined;
    // last year's report of the organ, if the store has it and the asker may see it
    let previous = await store.reportOfOrgan(q.organ, year - 1);
    if (previous && !(await canSee(c.get('actor'), previous.id))) previous = null;
    const made = newReportData({ organ: q.organ.trim(), year, ...(template ? { template } : {}), previous });
    return c.json({ ...made, previousReportId: previous?.id ?? null });
  });

  app.get('/api/drafts/:id', async (c) => {
    can(c, 'upload');
    const d = await store.draft(Number(c.req.param('id')));
    if (!d || !ownDraft(c, d.author)) throw notFound('草稿');
    return c.json(d);
  });

  app.post('/api/drafts', async (c) => {
    const actor = can(c, 'upload');
    const b = (await c.req.json().catch(() => null)) as { id?: unknown; data?: unknown } | null;
    const parsed = ReportDataSchema.safeParse(b?.data);
    if (!parsed.success) throw new ApiError(400, 'data-invalid', `草稿内容无效：${parsed.error.issues[0]?.path.join('.') ?? ''} ${parsed.error.issues[0]?.message ?? ''}`);
    let id: number | undefined;
    let author = actor.name;
    if (b?.id !== undefined && b.id !== null) {
      id = Number(b.id);
      const existing = Number.isInteger(id) ? await store.draft(id) : null;
      if (!existing || !ownDraft(c, existing.author)) throw notFound('草稿');
      // an administrator's edit leaves the draft its author's
      author = existing.author;
    }
    const saved = await store.saveDraft({ ...(id !== undefined ? { id } : {}), organ: parsed.data.organ, year: parsed.data.year, template: parsed.data.template, data: parsed.data, author });
    await store.audit(actor.name, 'draft', String(saved), { organ: parsed.data.organ, year: parsed.data.year });
    return c.json({ id: saved }, id === undefined ? 201 : 200);
  });

  app.post('/api/render', async (c) => {
    can(c, 'upload');
    const to = (c.req.query('to') ?? 'docx') as ReportFormat;
    if (!REPORT_FORMATS.includes(to)) throw new ApiError(400, 'format-invalid', '输出格式应为 docx、html、md 或 txt');
    const checked = validateData(await c.req.json().catch(() => null));
    if (!checked.data) throw new ApiError(422, checked.problems[0]!.rule, `数据不完整，不能生成报告：${checked.problems.slice(0, 5).map((p) => p.message).join('；')}${checked.problems.length > 5 ? `；另有 ${checked.problems.length - 5} 处` : ''}`);
    const data = checked.data;
    const name = encodeURIComponent(`${reportTitle(data.organ, data.year)}.${to}`);
    const types = { docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', html: 'text/html; charset=utf-8', md: 'text/markdown; charset=utf-8', txt: 'text/plain; charset=utf-8' } as const;
    c.header('Content-Disposition', `attachment; filename*=UTF-8''${name}`);
    c.header('Content-Type', types[to]);
    const out = await renderReportAs(data, to);
    return c.body(out as string | Uint8Array<ArrayBuffer>);
  });

  app.get('/api/audit-log', async (c) => {
    can(c, 'audit');
    return c.json({ entries: await store.auditLog(200) });
  });

  // ---- the web app: static files, one page for every path ----
  if (options.webDir) {
    const dir = options.webDir;
    app.get('*', async (c) => {
      const path = c.req.path;
      const ext = extname(path);
      const file = ext && STATIC_TYPES[ext] && !path.includes('..') ? join(dir, path) : join(dir, 'index.html');
      try {
        const data = await readFile(file);
        c.header('Content-Type', STATIC_TYPES[extname(file)] ?? 'application/octet-stream');
        c.header('Cache-Control', extname(file) === '.html' ? 'no-cache' : 'max-age=300');
        return c.body(data);
      } catch {
        return c.text('404', 404);
      }
    });
  }

  async function uploadedFiles(c: Context<Env>): Promise<{ name: string; bytes: Uint8Array }[]> {
    const type = c.req.header('content-type') ?? '';
    if (!type.startsWith('multipart/form-data')) throw new ApiError(415, 'multipart-required', '请以 multipart/form-data 上传，文件字段名为 file');
    let form: Record<string, string | File | (string | File)[]>;
    try {
      form = await c.req.parseBody({ all: true });
    } catch {
      throw new ApiError(400, 'multipart-invalid', '上传的表单无法读取');
    }
    const raw = form.file ?? form['file[]'];
    const list = (Array.isArray(raw) ? raw : raw ? [raw] : []).filter((f): f is File => typeof f !== 'string');
    if (list.length === 0) throw new ApiError(400, 'file-required', '没有收到文件（字段名应为 file）');
    if (list.length > maxFiles) throw new ApiError(413, 'too-many-files', `一次最多上传 ${maxFiles} 个文件`);
    const out = [];
    for (const f of list) {
      if (f.size > maxFileBytes) throw new ApiError(413, 'file-too-large', `文件“${f.name}”超过 ${Math.round(maxFileBytes / 1048576)} MB`);
      // the name only labels the report; what the file is comes from its bytes
      out.push({ name: (f.name || 'upload').split(/[\\/]/).pop()!.slice(0, 200), bytes: new Uint8Array(await f.arrayBuffer()) });
    }
    return out;
  }

  return app;
}

const INDICATOR_DEFS = INDICATORS.map(({ id, label, formula }) => ({ id, label, formula }));

function organJson(organ: NonNullable<Awaited<ReturnType<Store['organ']>>>) {
  return { id: organ.id, name: organ.name, kind: organ.kind, areaCode: organ.area_code, areaName: organ.area_name, areaHow: organ.area_how, names: organ.names };
}

function brief(r: StoredReport) {
  return { id: r.id, organ: r.organ, year: r.year, template: r.template, source: r.source.name };
}

export type { Diagnostic };
