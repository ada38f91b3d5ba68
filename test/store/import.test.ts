/** Bulk import: idempotent, resumable, cross-year aware, honest about what it could not read. */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { areaIndex } from '../../src/area/load.js';
import { PARSER_VERSION } from '../../src/parse/index.js';
import { importReports, type ImportJob } from '../../src/store/importer.js';
import { CROSS_RULES } from '../../src/store/analyse-job.js';
import { check } from '../../src/rules/engine.js';
import { RULES } from '../../src/rules/registry.js';
import { getTemplate, type TemplateId } from '../../src/template/index.js';
import { openStore, type Store } from '../../src/store/index.js';
import { fixtureText } from '../helpers/rule-tester.js';
import { BACKENDS, freshStore } from '../helpers/store.js';

const settings = { preset: 'recommended' as const, rules: {}, extract: { ocr: false }, maxBytes: 1 << 26, reparse: false };
const areas = areaIndex();
const source = (path: string, text: string | Uint8Array): ImportJob => ({ path, bytes: typeof text === 'string' ? new TextEncoder().encode(text) : text });
const run = (store: Store, jobs: ImportJob[], extra: { reparse?: boolean } = {}) => importReports(store, jobs, { workers: 0, settings: { ...settings, reparse: Boolean(extra.reparse) }, areas });

/** 布海镇's 2020 report turned into its 2021 report: years changed, 五 left as it was. */
function buhai2021(): string {
  const lines = fixtureText('township-buhai-2020').split('\n');
  const one = lines.findIndex((l) => l.startsWith('1、'));
  const two = lines.findIndex((l, i) => i > one && /^二、|^2、/.test(l));
  return [...lines.slice(0, one + 1), '今年我镇围绕主动公开、依申请公开、政府信息管理、平台建设和监督保障五个方面推进工作，新设了公开专栏，培训了全镇村干部。', ...lines.slice(two)].join('\n').replaceAll('2020', '2021');
}

describe.each(BACKENDS)('import into $name', (backend) => {
  it('imports once; the same content again is skipped; an older parser\'s reading is redone on request', async () => {
    const { store } = await freshStore(backend);
    const files = [source('a.txt', fixtureText('township-buhai-2020')), source('b.txt', fixtureText('township-liuhe-2022')), source('a-copy.txt', fixtureText('township-buhai-2020'))];
    const first = await run(store, files);
    expect(first).toMatchObject({ imported: 2, skipped: 1, reparsed: 0, unreadable: [] });
    expect(await run(store, files)).toMatchObject({ imported: 0, skipped: 3 });
    // pretend an older parser read them
    await store.db.updateTable('file').set({ parser_version: '0.0.1' }).execute();
    expect(await run(store, files)).toMatchObject({ imported: 0, skipped: 3 });
    const again = await run(store, files, { reparse: true });
    expect(again).toMatchObject({ reparsed: 2, skipped: 1 });
    expect((await store.summary()).reports).toBe(2);
    expect((await store.fileStatus((await store.reportRow(again.reportIds[0]!))!.content_hash))!.parserVersion).toBe(PARSER_VERSION);
    await store.close();
  });

  it('a re-parse keeps the reviewers\' corrections and checks the corrected values', async () => {
    const { store } = await freshStore(backend);
    const first = await run(store, [source('chuankou.txt', fixtureText('subdistrict-chuankou-2020'))]);
    const id = first.reportIds[0]!;
    const blank = (await store.findings(id)).find((d) => d.rule === 'cell-blank')!;
    const cellId = blank.cells![0]!;
    const recheck = async (r: Awaited<ReturnType<Store['loadReport']>>) => check(r!, { rulesOnly: true });
    const ruleIds = new Set(RULES.map((r) => r.id));
    await store.correctCell(id, { cellId, value: 0, reason: '核对原件', author: '审核员' }, recheck, ruleIds, CROSS_RULES);
    await store.db.updateTable('file').set({ parser_version: '0.0.1' }).execute();
    const again = await run(store, [source('chuankou.txt', fixtureText('subdistrict-chuankou-2020'))], { reparse: true });
    expect(again.reparsed).toBe(1);
    const newId = again.reportIds[0]!;
    const report = (await store.loadReport(newId))!;
    expect(report.cells[cellId]).toMatchObject({ value: 0, status: 'filled' });
    expect((await store.corrections(newId)).map((c) => [c.cellId, c.version, c.previousStatus, c.value])).toEqual([[cellId, 1, 'blank', 0]]);
    // the findings were made from the corrected cell
    expect((await store.findings(newId)).flatMap((d) => (d.rule === 'cell-blank' ? (d.cells ?? []) : []))).not.toContain(cellId);
    await store.close();
  });

  it('records what it cannot read, and why', async () => {
    const { store } = await freshStore(backend);
    const r = await run(store, [source('x.pdf', '%PDF-1.7\n%\u00e2\n'), source('empty.txt', '')]);
    expect(r.unreadable.map((u) => [u.path, u.rule]).sort()).toEqual([
      ['empty.txt', 'file-empty'],
      ['x.pdf', 'pdf-corrupt'],
    ]);
    expect((await store.unreadable()).map((u) => u.reasonRule).sort()).toEqual(['file-empty', 'pdf-corrupt']);
    await store.close();
  });

  it('runs the cross-year rules when last year arrives, in either order', async () => {
    const { store } = await freshStore(backend);
    const r2021 = await run(store, [source('buhai-2021.txt', buhai2021())]);
    const id2021 = r2021.reportIds[0]!;
    expect((await store.findings(id2021)).filter((d) => d.rule === 'duplicate-text')).toEqual([]);
    await run(store, [source('buhai-2020.txt', fixtureText('township-buhai-2020'))]);
    const dup = (await store.findings(id2021)).filter((d) => d.rule === 'duplicate-text');
    expect(dup.map((d) => [d.messageId, d.data?.numeral, d.data?.prevYear])).toEqual([['previousYear', '五', 2020]]);
    expect((await store.reportRow(id2021))!.warnings).toBeGreaterThan(0);
    await store.close();
  });
});

describe('gongkai import (the command)', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'gongkai-import-'));

  it('reads ZIP archives, entry by entry', () => {
    const zip = join(tmp, 'reports.zip');
    writeFileSync(zip, zipSync({ 'a/布海镇.txt': strToU8(fixtureText('township-buhai-2020')), 'b/柳河镇.txt': strToU8(fixtureText('township-liuhe-2022')), 'notes.json': strToU8('{}') }));
    const db = join(tmp, 'zip.db');
    const r = spawnSync(process.execPath, ['bin/gongkai.js', 'import', '--db', db, zip], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('新导入 2 份');
  });

  it('a bad configuration or database is a message, not a stack trace', () => {
    const r = spawnSync(process.execPath, ['bin/gongkai.js', 'import', '--db', 'mysql://x/y', tmp], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/不支持的数据库地址.*（store-invalid-url）/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it.each(BACKENDS)('killed halfway on $name, run again: nothing lost, nothing twice', async (backend) => {
    const dir = join(tmp, `many-${backend.name}`);
    mkdirSync(dir, { recursive: true });
    const texts = ['township-buhai-2020', 'township-liuhe-2022', 'subdistrict-chuankou-2020', 'pingtan-2022-text'].map(fixtureText);
    const N = 400;
    for (let i = 0; i < N; i++) writeFileSync(join(dir, `r${String(i).padStart(3, '0')}.txt`), `${texts[i % texts.length]}\n（副本 ${i}）\n`);
    const url = await backend.fresh();
    const watcher = await openStore(url);
    const child = spawn(process.execPath, ['bin/gongkai.js', 'import', '--db', url, '--workers', '2', dir], { stdio: 'ignore' });
    // kill it once some reports are in, well before the end
    for (let i = 0; i < 600; i++) {
      const n = (await watcher.summary()).reports;
      if (n >= 30) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const partial = (await watcher.summary()).reports;
    expect(partial).toBeGreaterThanOrEqual(30);
    expect(partial).toBeLessThan(N);
    const again = spawnSync(process.execPath, ['bin/gongkai.js', 'import', '--db', url, dir], { encoding: 'utf8' });
    expect(again.status).toBe(0);
    expect(again.stdout).toContain(`新导入 ${N - partial} 份，已在库中跳过 ${partial} 份`);
    const after = await watcher.summary();
    expect(after.reports).toBe(N);
    // every report whole: its cells and its sections
    const counts = await watcher.db
      .selectFrom('report')
      .leftJoin('cell', 'cell.report_id', 'report.id')
      .select(['report.id', 'report.template', (eb) => eb.fn.count<string | number>('cell.cell_id').as('cells')])
      .groupBy(['report.id', 'report.template'])
      .execute();
    for (const c of counts) expect(Number(c.cells), `report ${c.id}`).toBe(getTemplate(c.template as TemplateId).cells.length);
    const files = await watcher.db.selectFrom('file').select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(files.n)).toBe(N);
    await watcher.close();
  }, 120_000);
});
