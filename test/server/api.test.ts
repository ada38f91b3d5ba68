/**
 * The HTTP API in-process (Hono's app.request), against SQLite and PostgreSQL: upload real reports,
 * read them back, search, correct a cell, compare, roll up, export; bad requests get JSON errors
 * with stable codes; on any address but loopback, accounts, roles and area scopes hold.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { areaIndex } from '../../src/area/load.js';
import { addAccount } from '../../src/server/auth.js';
import { createApp } from '../../src/server/app.js';
import type { ImportSettings } from '../../src/store/importer.js';
import type { Store } from '../../src/store/index.js';
import { BACKENDS, freshStore } from '../helpers/store.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures');
const fixture = (name: string, file = 'input.txt') => new Uint8Array(readFileSync(join(fixtures, name, file)));
const settings: ImportSettings = { preset: 'recommended', rules: {}, extract: { ocr: false }, maxBytes: 50 * 1024 * 1024, reparse: true, keepOriginals: true };
const areas = areaIndex();

type App = ReturnType<typeof createApp>;
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function form(files: { name: string; bytes: Uint8Array }[]): FormData {
  const f = new FormData();
  for (const x of files) f.append('file', new File([x.bytes as Uint8Array<ArrayBuffer>], x.name));
  return f;
}

async function call(app: App, path: string, init: RequestInit & { csrf?: string | null; cookie?: string } = {}): Promise<{ status: number; body: Json; headers: Headers }> {
  const headers = new Headers(init.headers);
  headers.set('host', '127.0.0.1:8080');
  if (init.csrf) headers.set('x-csrf-token', init.csrf);
  if (init.cookie) headers.set('cookie', init.cookie);
  const res = await app.request(path, { ...init, headers });
  const type = res.headers.get('content-type') ?? '';
  return { status: res.status, body: type.includes('json') ? ((await res.json()) as Json) : { text: await res.text() }, headers: res.headers };
}

describe.each(BACKENDS)('HTTP API on $name (loopback, no accounts)', (backend) => {
  let store: Store;
  let app: App;
  let csrf: string;
  const ids = { chuankou: 0, buhai: 0, fgj: 0 };

  beforeAll(async () => {
    ({ store } = await freshStore(backend));
    app = createApp({ store, pool: null, settings, areas, accounts: false, webDir: null, allowedHosts: ['127.0.0.1', 'localhost'] });
    csrf = (await call(app, '/api/session')).body.csrf;
  });
  afterAll(async () => store.close());

  it('uploads reports (multipart, field file, several at once) and answers with ids and findings', async () => {
    const r = await call(app, '/api/reports', {
      method: 'POST',
      csrf,
      body: form([
        { name: '船口街道2020.txt', bytes: fixture('subdistrict-chuankou-2020') },
        { name: '布海镇2020.txt', bytes: fixture('township-buhai-2020') },
        { name: '沭阳发改局2023.docx', bytes: fixture('shuyang-fgj-2023-docx', 'input.docx') },
      ]),
    });
    expect(r.status).toBe(201);
    expect(r.body.results).toHaveLength(3);
    for (const x of r.body.results) {
      expect(x.status).toBe('imported');
      expect(x.id).toBeGreaterThan(0);
      expect(Array.isArray(x.findings)).toBe(true);
    }
    const [chuankou, buhai, fgj] = r.body.results;
    expect(chuankou.organ).toContain('船口街道');
    expect(chuankou.year).toBe(2020);
    expect(chuankou.template).toBe('2019');
    expect(chuankou.findings.some((f: Json) => f.rule === 'publication-date' && f.severity === 'error')).toBe(true);
    expect(fgj.template).toBe('2021');
    ids.chuankou = chuankou.id;
    ids.buhai = buhai.id;
    ids.fgj = fgj.id;
    // the same content again: not stored twice, the stored report answers
    const again = await call(app, '/api/reports', { method: 'POST', csrf, body: form([{ name: 'again.txt', bytes: fixture('subdistrict-chuankou-2020') }]) });
    expect(again.status).toBe(201);
    expect(again.body.results[0]).toMatchObject({ status: 'skipped', id: ids.chuankou });
    expect((await call(app, '/api/reports')).body.total).toBe(3);
  });

  it('a file that cannot be read is answered with its reason, and recorded', async () => {
    const r = await call(app, '/api/reports', { method: 'POST', csrf, body: form([{ name: 'x.pdf', bytes: new Uint8Array([0, 1, 2, 3, 255, 254, 0, 0, 9, 8, 7]) }]) });
    expect(r.status).toBe(422);
    expect(r.body.results[0].status).toBe('unreadable');
    expect(r.body.results[0].error.code).toMatch(/^file-/);
    expect((await store.unreadable()).map((u) => u.path)).toContain('x.pdf');
  });

  it('reads a report back: model, findings, cells with labels, the source at its locations', async () => {
    const r = await call(app, `/api/reports/${ids.chuankou}`);
    expect(r.status).toBe(200);
    expect(r.body.report.organ).toContain('船口街道');
    expect(r.body.organ.areaName).toContain('松北区');
    expect(r.body.hasSource).toBe(true);
    const findings = (await call(app, `/api/reports/${ids.chuankou}/findings`)).body.findings;
    expect(findings).toEqual(r.body.findings);
    const cells = (await call(app, `/api/reports/${ids.chuankou}/cells`)).body.cells;
    expect(cells['requests.received.total']).toMatchObject({ status: 'filled', label: expect.stringContaining('本年新收') });
    const blank = Object.entries(cells).find(([, c]) => (c as Json).status === 'blank');
    expect(blank).toBeDefined();
    expect((blank![1] as Json).value).toBeNull();
    const src = await call(app, `/api/reports/${ids.chuankou}/source`);
    expect(src.status).toBe(200);
    // the received cell's recorded line is a line of the source that holds its raw text
    const loc = cells['requests.received.total'].loc;
    const blocks: Json[] = src.body.document.blocks;
    const onLine = (x: Json) => x.loc.line === loc.line || (x.spans ?? []).some((s: Json) => s.loc.line === loc.line);
    const texts = blocks.flatMap((b) => (b.kind === 'paragraph' ? [b] : b.rows.flat())).filter(onLine);
    expect(texts.some((x: Json) => x.text.includes(cells['requests.received.total'].raw))).toBe(true);
    const original = await app.request(`/api/reports/${ids.chuankou}/original`, { headers: { host: '127.0.0.1' } });
    expect(new Uint8Array(await original.arrayBuffer())).toEqual(fixture('subdistrict-chuankou-2020'));
  });

  it('lists with filters, sorts and pages; searches section texts', async () => {
    const y2020 = await call(app, '/api/reports?year=2020&sort=organ&order=asc');
    expect(y2020.body.total).toBe(2);
    expect(y2020.body.items.map((x: Json) => x.id).sort()).toEqual([ids.chuankou, ids.buhai].sort());
    const area = await call(app, `/api/reports?area=${encodeURIComponent('德惠市')}`);
    expect(area.body.items.map((x: Json) => x.id)).toEqual([ids.buhai]);
    expect((await call(app, '/api/reports?kind=乡镇')).body.items.map((x: Json) => x.id)).toEqual([ids.buhai]);
    expect((await call(app, '/api/reports?template=2021')).body.items.map((x: Json) => x.id)).toEqual([ids.fgj]);
    const page = await call(app, '/api/reports?limit=1&offset=1&sort=id&order=asc');
    expect(page.body.items.map((x: Json) => x.id)).toEqual([ids.buhai]);
    const text = (await store.loadReport(ids.buhai))!.sections.find((s) => s.text.length > 40)!.text;
    const phrase = text.replace(/\s/g, '').slice(10, 18);
    const hits = await call(app, `/api/reports?q=${encodeURIComponent(phrase)}`);
    expect(hits.body.hits.some((x: Json) => x.reportId === ids.buhai)).toBe(true);
    // one character has no index entry: the database scans for it
    const one = await call(app, `/api/reports?q=${encodeURIComponent('镇')}`);
    expect(one.body.hits.some((x: Json) => x.reportId === ids.buhai)).toBe(true);
    expect(one.body.hits.every((x: Json) => x.snippet.includes('镇'))).toBe(true);
    // odd paging values are read as whole numbers, not passed to the database
    expect((await call(app, '/api/reports?limit=1.5&offset=0.7')).status).toBe(200);
  });

  it('a correction keeps the original, is versioned, re-runs the rules, and shows everywhere', async () => {
    const before = await call(app, `/api/reports/${ids.chuankou}`);
    const blankFinding = before.body.findings.find((f: Json) => f.rule === 'cell-blank');
    const cellId: string = blankFinding.cells[0];
    expect(before.body.report.cells[cellId].status).toBe('blank');
    const r1 = await call(app, `/api/reports/${ids.chuankou}/corrections`, { method: 'POST', csrf, body: JSON.stringify({ cell: cellId, value: 0, reason: '与原件核对，应为 0' }), headers: { 'content-type': 'application/json' } });
    expect(r1.status).toBe(201);
    expect(r1.body.correction).toMatchObject({ cellId, version: 1, previousValue: null, previousStatus: 'blank', value: 0 });
    // the finding about that cell is remade without it
    const after = r1.body.findings.filter((f: Json) => f.rule === 'cell-blank');
    expect(after.flatMap((f: Json) => f.cells)).not.toContain(cellId);
    const r2 = await call(app, `/api/reports/${ids.chuankou}/corrections`, { method: 'POST', csrf, body: JSON.stringify({ cell: cellId, value: 1, reason: '再次核对，应为 1' }), headers: { 'content-type': 'application/json' } });
    expect(r2.body.correction).toMatchObject({ version: 2, previousValue: 0, previousStatus: 'filled', value: 1 });
    const report = await call(app, `/api/reports/${ids.chuankou}`);
    expect(report.body.report.cells[cellId]).toMatchObject({ value: 1, status: 'filled' });
    expect(report.body.corrections.map((c: Json) => c.version)).toEqual([1, 2]);
    expect(report.body.counts.errors).toBe(report.body.findings.filter((f: Json) => f.severity === 'error').length);
    // the export carries the corrected value
    const csv = await app.request('/api/export?format=csv&layout=long&year=2020', { headers: { host: '127.0.0.1' } });
    const line = (await csv.text()).split('\r\n').find((l) => l.startsWith(`${ids.chuankou},`) && l.includes(`,${cellId},`));
    expect(line).toMatch(/,1,filled,/);
    const log = await call(app, '/api/audit-log');
    expect(log.body.entries.some((e: Json) => e.action === 'correct' && e.target === String(ids.chuankou))).toBe(true);
  });

  it('rejects bad corrections with stable codes', async () => {
    const post = (body: unknown) => call(app, `/api/reports/${ids.chuankou}/corrections`, { method: 'POST', csrf, body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
    expect((await post({ cell: 'requests.received.total', value: 'abc', reason: '理由写了' })).body.error.code).toBe('value-invalid');
    expect((await post({ cell: 'requests.received.total', value: 1.5, reason: '理由写了' })).body.error.code).toBe('value-invalid');
    expect((await post({ cell: 'requests.received.total', value: 1 })).body.error.code).toBe('reason-required');
    expect((await post({ cell: 'no.such.cell', value: 1, reason: '理由写了' })).body.error.code).toBe('cell-unknown');
  });

  it('compares two reports: changed cells and a sentence diff with a duplication rate', async () => {
    const same = await call(app, `/api/compare?a=${ids.buhai}&b=${ids.buhai}`);
    expect(same.body.cells).toEqual([]);
    expect(same.body.duplication).toBe(1);
    const r = await call(app, `/api/compare?a=${ids.buhai}&b=${ids.chuankou}`);
    expect(r.body.cells.length).toBeGreaterThan(0);
    expect(r.body.duplication).toBeGreaterThanOrEqual(0);
    expect(r.body.duplication).toBeLessThan(1);
    expect(r.body.sections.length).toBeGreaterThan(0);
  });

  it('rolls up an area and year, and shows an organ over the years', async () => {
    const r = await call(app, `/api/rollup?year=2020&area=${encodeURIComponent('德惠市')}`);
    expect(r.status).toBe(200);
    expect(r.body.organs.map((o: Json) => o.reportId)).toEqual([ids.buhai]);
    const buhai = (await store.loadReport(ids.buhai))!;
    const received = buhai.cells['requests.received.total']!;
    expect(r.body.totals['requests.received.total']).toEqual(received.status === 'filled' ? { sum: received.value, filled: 1, notFilled: 0 } : { sum: 0, filled: 0, notFilled: 1 });
    const organId = (await call(app, `/api/reports/${ids.buhai}`)).body.organ.id;
    const o = await call(app, `/api/organs/${organId}`);
    expect(o.body.years.map((y: Json) => y.year)).toEqual([2020]);
    expect((await call(app, '/api/rollup')).body.error.code).toBe('year-invalid');
  });

  it('exports the selection as CSV, XLSX and JSON Lines', async () => {
    const csv = await app.request('/api/export?format=csv&year=2020', { headers: { host: '127.0.0.1' } });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const rows = (await csv.text()).trim().split('\r\n');
    expect(rows).toHaveLength(4); // ids, labels, two reports
    const xlsx = await app.request('/api/export?format=xlsx', { headers: { host: '127.0.0.1' } });
    expect(new Uint8Array(await xlsx.arrayBuffer()).slice(0, 2)).toEqual(new Uint8Array([0x50, 0x4b]));
    const jsonl = await app.request('/api/export?format=jsonl&template=2021', { headers: { host: '127.0.0.1' } });
    const lines = (await jsonl.text()).trim().split('\n').map((l) => JSON.parse(l) as Json);
    expect(lines.map((l) => l.report_id)).toEqual([ids.fgj]);
  });

  it('checks a file without storing it', async () => {
    const before = (await call(app, '/api/reports')).body.total;
    const r = await call(app, '/api/check', { method: 'POST', csrf, body: form([{ name: '大拥.txt', bytes: fixture('township-dayong-2020') }]) });
    expect(r.status).toBe(200);
    expect(r.body.results[0].report.organ).toBeTruthy();
    expect(Array.isArray(r.body.results[0].findings)).toBe(true);
    expect((await call(app, '/api/reports')).body.total).toBe(before);
  });

  it('bad requests are JSON errors with stable codes, never stack traces', async () => {
    const cases: [string, RequestInit & { csrf?: string | null }, number, string][] = [
      ['/api/reports/999999', {}, 404, 'not-found'],
      ['/api/reports/abc', {}, 400, 'id-invalid'],
      ['/api/nothing', {}, 404, 'not-found'],
      ['/api/reports?year=20x', {}, 400, 'year-invalid'],
      ['/api/reports?area=' + encodeURIComponent('不存在的地方市'), {}, 400, 'area-unknown'],
      ['/api/reports?template=2020', {}, 400, 'template-invalid'],
      ['/api/reports', { method: 'POST', csrf, body: 'x', headers: { 'content-type': 'text/plain' } }, 415, 'multipart-required'],
      ['/api/reports', { method: 'POST', csrf, body: new FormData() }, 400, 'file-required'],
      ['/api/reports', { method: 'POST', body: form([{ name: 'a.txt', bytes: fixture('township-buhai-2020') }]) }, 403, 'csrf-invalid'],
      ['/api/reports', { method: 'POST', csrf: 'wrong', body: form([{ name: 'a.txt', bytes: fixture('township-buhai-2020') }]) }, 403, 'csrf-invalid'],
      ['/api/export?format=pdf', {}, 400, 'format-invalid'],
      ['/api/reports?year=1990-2100', {}, 400, 'year-invalid'],
      ['/api/reports?year=' + Array.from({ length: 60 }, (_, i) => 1991 + i).join(','), {}, 400, 'year-invalid'],
      ['/api/reports', { method: 'POST', csrf, body: form([{ name: 'a.txt', bytes: fixture('township-buhai-2020') }]), headers: { origin: 'http://evil.example' } }, 403, 'cross-site'],
      ['/api/reports', { method: 'POST', csrf, body: form([{ name: 'a.txt', bytes: fixture('township-buhai-2020') }]), headers: { 'sec-fetch-site': 'cross-site' } }, 403, 'cross-site'],
    ];
    for (const [path, init, status, code] of cases) {
      const r = await call(app, path, init);
      expect([path, r.status, r.body.error?.code]).toEqual([path, status, code]);
      expect(r.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
      expect(JSON.stringify(r.body)).not.toMatch(/at .*\.(ts|js):\d+/);
    }
    const tooMany = createApp({ store, pool: null, settings, areas, accounts: false, webDir: null, limits: { files: 1, fileBytes: 1000 } });
    const local = (await call(tooMany, '/api/session')).body.csrf;
    const many = await call(tooMany, '/api/reports', { method: 'POST', csrf: local, body: form([{ name: 'a.txt', bytes: fixture('township-buhai-2020') }, { name: 'b.txt', bytes: fixture('township-buhai-2020') }]) });
    expect([many.status, many.body.error.code]).toEqual([413, 'too-many-files']);
    const big = await call(tooMany, '/api/reports', { method: 'POST', csrf: local, body: form([{ name: 'a.txt', bytes: fixture('township-buhai-2020') }]) });
    expect([big.status, big.body.error.code]).toEqual([413, 'file-too-large']);
    // a body without a length is counted as it streams: too much is refused, not buffered
    const chunk = new Uint8Array(256 * 1024);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 8 * 1024 * 1024) return controller.close();
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const streamed = await tooMany.request('/api/reports', { method: 'POST', body: stream, headers: { host: '127.0.0.1', 'x-csrf-token': local, 'content-type': 'multipart/form-data; boundary=x' }, duplex: 'half' } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(((await streamed.json()) as Json).error.code).toBe('upload-too-large');
    expect(sent).toBeLessThan(8 * 1024 * 1024);
    // another host name on loopback (DNS rebinding) is refused
    const rebound = await app.request('/api/reports', { headers: { host: 'evil.example:8080' } });
    expect(rebound.status).toBe(403);
  });

  it('writes a report: a new draft prefilled from the stored year before, saved, rendered', async () => {
    const made = await call(app, `/api/drafts/new?organ=${encodeURIComponent('德惠市布海镇人民政府')}&year=2021`);
    expect(made.status).toBe(200);
    expect(made.body.previousReportId).toBe(ids.buhai);
    expect(made.body.data.template).toBe('2021');
    const stored = (await store.loadReport(ids.buhai))!;
    for (const c of made.body.carried as Json[]) expect(c.value).toBe(stored.cells[c.from]!.value);
    const data = made.body.data;
    // a long report: its text alone is well over 100 KB
    data.sections.overview = '我镇认真贯彻落实《中华人民共和国政府信息公开条例》，扎实推进主动公开和依申请公开工作。'.repeat(1500);
    const saved = await call(app, '/api/drafts', { method: 'POST', csrf, body: JSON.stringify({ data }), headers: { 'content-type': 'application/json' } });
    expect(saved.status).toBe(201);
    data.sections.other = '本年度未收取信息处理费。';
    const again = await call(app, '/api/drafts', { method: 'POST', csrf, body: JSON.stringify({ id: saved.body.id, data }), headers: { 'content-type': 'application/json' } });
    expect([again.status, again.body.id]).toEqual([200, saved.body.id]);
    expect((await call(app, `/api/drafts/${saved.body.id}`)).body.data.sections.other).toBe('本年度未收取信息处理费。');
    expect((await call(app, '/api/drafts')).body.drafts.map((d: Json) => d.id)).toContain(saved.body.id);
    // what last year did not give (2019 format: no 现行有效件数) and the date, before rendering
    const undated = await call(app, '/api/render?to=html', { method: 'POST', csrf, body: JSON.stringify(data), headers: { 'content-type': 'application/json' } });
    expect([undated.status, undated.body.error.code]).toEqual([422, 'data-cell-missing']);
    for (const id of made.body.notCarried as string[]) data.cells[id] = 0;
    data.publishedOn = '2022-01-20';
    const docx = await app.request('/api/render?to=docx', { method: 'POST', body: JSON.stringify(data), headers: { host: '127.0.0.1', 'content-type': 'application/json', 'x-csrf-token': csrf } });
    expect(docx.status).toBe(200);
    expect(new Uint8Array(await docx.arrayBuffer()).slice(0, 2)).toEqual(new Uint8Array([0x50, 0x4b]));
    // a draft with a cell taken out cannot be rendered: nothing blank leaves gongkai
    delete data.cells['requests.received.total'];
    const refused = await call(app, '/api/render?to=html', { method: 'POST', csrf, body: JSON.stringify(data), headers: { 'content-type': 'application/json' } });
    expect([refused.status, refused.body.error.code]).toEqual([422, 'data-cell-missing']);
    expect((await call(app, '/api/drafts', { method: 'POST', csrf, body: JSON.stringify({ data: { organ: 1 } }), headers: { 'content-type': 'application/json' } })).body.error.code).toBe('data-invalid');
  });

  it('serves the OpenAPI description and security headers', async () => {
    const r = await call(app, '/api/openapi.json');
    expect(r.body.openapi).toMatch(/^3\./);
    for (const p of ['/api/reports', '/api/reports/{id}', '/api/reports/{id}/findings', '/api/reports/{id}/corrections', '/api/compare', '/api/rollup', '/api/export']) expect(r.body.paths[p]).toBeDefined();
    expect(r.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(r.headers.get('content-security-policy')).not.toContain('unsafe-inline');
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe.each(BACKENDS)('HTTP API on $name with accounts (any address but loopback)', (backend) => {
  let store: Store;
  let app: App;

  beforeAll(async () => {
    ({ store } = await freshStore(backend));
    app = createApp({ store, pool: null, settings, areas, accounts: true, webDir: null });
    await addAccount(store, { name: 'admin', password: 'admin-password-1', role: 'admin', areaCode: null });
    await addAccount(store, { name: '德惠审核', password: 'reviewer-password', role: 'reviewer', areaCode: areas.resolve('吉林省长春市德惠市')!.place.code });
    await addAccount(store, { name: '填报员', password: 'clerk-password-1', role: 'clerk', areaCode: null });
  });
  afterAll(async () => store.close());

  const signIn = async (name: string, password: string) => {
    const r = await call(app, '/api/session', { method: 'POST', body: JSON.stringify({ name, password }), headers: { 'content-type': 'application/json' } });
    const cookie = r.headers.get('set-cookie') ?? '';
    return { status: r.status, body: r.body, cookie: cookie.split(';')[0]!, raw: cookie };
  };

  it('sign-in takes JSON only, and stops guessing after 10 failures', async () => {
    // an app of its own: its throttle must not block the other tests' sign-ins
    const own = createApp({ store, pool: null, settings, areas, accounts: true, webDir: null });
    const attempt = (name: string, password: string) => call(own, '/api/session', { method: 'POST', body: JSON.stringify({ name, password }), headers: { 'content-type': 'application/json' } });
    const form = await call(own, '/api/session', { method: 'POST', body: 'name=admin&password=x', headers: { 'content-type': 'text/plain' } });
    expect([form.status, form.body.error.code]).toEqual([415, 'json-required']);
    // typed names that are no account do not go in the log as they are
    await attempt('probably-a-password', 'x');
    const names = (await store.auditLog()).map((e) => e.actor);
    expect(names).not.toContain('probably-a-password');
    expect(names).toContain('（未知用户名）');
    for (let i = 0; i < 9; i++) expect((await attempt('填报员', `wrong-${i}`)).status).toBe(401);
    const blocked = await attempt('填报员', 'clerk-password-1');
    expect([blocked.status, blocked.body.error.code]).toEqual([429, 'sign-in-throttled']);
  });

  it('needs a session; a wrong password is refused; the cookie is HttpOnly', async () => {
    expect((await call(app, '/api/reports')).body.error.code).toBe('auth-required');
    expect((await signIn('admin', 'wrong-password')).body.error.code).toBe('sign-in-failed');
    expect((await signIn('nobody', 'wrong-password')).status).toBe(401);
    const ok = await signIn('admin', 'admin-password-1');
    expect(ok.status).toBe(200);
    expect(ok.raw).toMatch(/HttpOnly/i);
    expect(ok.raw).toMatch(/SameSite=Strict/i);
    expect((await call(app, '/api/reports', { cookie: ok.cookie })).status).toBe(200);
    // the database keeps no password and no session token
    const acc = await store.db.selectFrom('account').select('password_hash').where('name', '=', 'admin').executeTakeFirstOrThrow();
    expect(acc.password_hash).toMatch(/^scrypt\$/);
    const tokens = await store.db.selectFrom('session').select('token_hash').execute();
    expect(tokens.map((t) => t.token_hash)).not.toContain(ok.cookie.split('=')[1]);
  });

  it('roles and area scopes: a county reviewer sees only its organs; a clerk cannot correct', async () => {
    const admin = await signIn('admin', 'admin-password-1');
    const up = await call(app, '/api/reports', {
      method: 'POST',
      cookie: admin.cookie,
      csrf: admin.body.csrf,
      body: form([
        { name: '船口.txt', bytes: fixture('subdistrict-chuankou-2020') },
        { name: '布海.txt', bytes: fixture('township-buhai-2020') },
      ]),
    });
    expect(up.status).toBe(201);
    const [chuankou, buhai] = up.body.results.map((x: Json) => x.id as number);
    const reviewer = await signIn('德惠审核', 'reviewer-password');
    // an area account adds reports of its own area only
    const outside = await call(app, '/api/reports', { method: 'POST', cookie: reviewer.cookie, csrf: reviewer.body.csrf, body: form([{ name: '大用.txt', bytes: fixture('township-dayong-2020') }]) });
    expect([outside.status, outside.body.results[0].status, outside.body.results[0].error.code]).toEqual([422, 'rejected', 'out-of-scope']);
    // the same content as a stored report outside the area: no id, no findings given away
    const known = await call(app, '/api/reports', { method: 'POST', cookie: reviewer.cookie, csrf: reviewer.body.csrf, body: form([{ name: '船口.txt', bytes: fixture('subdistrict-chuankou-2020') }]) });
    expect(known.body.results[0].id).toBeUndefined();
    const list = await call(app, '/api/reports', { cookie: reviewer.cookie });
    expect(list.body.items.map((x: Json) => x.id)).toEqual([buhai]);
    expect((await call(app, `/api/reports/${chuankou}`, { cookie: reviewer.cookie })).status).toBe(404);
    // asking for another area does not widen the scope
    expect((await call(app, `/api/reports?area=${encodeURIComponent('松北区')}`, { cookie: reviewer.cookie })).body.items.map((x: Json) => x.id)).toEqual([buhai]);
    const scopedRollup = (await call(app, `/api/rollup?year=2020&area=${encodeURIComponent('吉林省')}`, { cookie: reviewer.cookie })).body;
    expect(scopedRollup.organs.map((o: Json) => o.reportId)).toEqual([buhai]);
    expect(scopedRollup.area).toContain('德惠市');
    const blank = (await call(app, `/api/reports/${buhai}/cells`, { cookie: reviewer.cookie })).body.cells;
    const cellId = Object.keys(blank).find((k) => blank[k].status === 'filled')!;
    const fix = { cell: cellId, value: 0, reason: '核对原件' };
    const ok = await call(app, `/api/reports/${buhai}/corrections`, { method: 'POST', cookie: reviewer.cookie, csrf: reviewer.body.csrf, body: JSON.stringify(fix), headers: { 'content-type': 'application/json' } });
    expect(ok.status).toBe(201);
    // another session's CSRF token does not do
    const crossed = await call(app, `/api/reports/${buhai}/corrections`, { method: 'POST', cookie: reviewer.cookie, csrf: admin.body.csrf, body: JSON.stringify(fix), headers: { 'content-type': 'application/json' } });
    expect(crossed.body.error.code).toBe('csrf-invalid');
    const clerk = await signIn('填报员', 'clerk-password-1');
    const denied = await call(app, `/api/reports/${buhai}/corrections`, { method: 'POST', cookie: clerk.cookie, csrf: clerk.body.csrf, body: JSON.stringify(fix), headers: { 'content-type': 'application/json' } });
    expect([denied.status, denied.body.error.code]).toEqual([403, 'forbidden']);
    expect((await call(app, '/api/audit-log', { cookie: clerk.cookie })).status).toBe(403);
    // the audit log names who uploaded and corrected, and holds no report text
    const log = (await call(app, '/api/audit-log', { cookie: admin.cookie })).body.entries as Json[];
    expect(log.filter((e) => e.action === 'upload').map((e) => e.actor)).toEqual(['德惠审核', '德惠审核', 'admin']);
    expect(log.find((e) => e.action === 'correct')?.actor).toBe('德惠审核');
    const text = (await store.loadReport(buhai))!.sections[0]!.text.slice(0, 20);
    expect(JSON.stringify(log)).not.toContain(text);
    // signed out: the session is gone
    await call(app, '/api/session', { method: 'DELETE', cookie: clerk.cookie, csrf: clerk.body.csrf });
    expect((await call(app, '/api/reports', { cookie: clerk.cookie })).status).toBe(401);
  });
});
