/**
 * The web app end to end: the built `gongkai serve` on a fresh SQLite store, driven in Debian's
 * Chromium (playwright-core, never a downloaded browser). A clerk drops a real report and it is
 * checked in the browser without leaving the computer; a finding lights up its cell; the report
 * is saved; a reviewer corrects a cell; the selection is exported.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const CHROMIUM = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => p && existsSync(p));
if (!CHROMIUM && process.env.CI) throw new Error('CI must have chromium (.ci/run installs it)');
const BUILT = existsSync(join(ROOT, 'dist', 'web', 'app.js'));
if (!BUILT && process.env.CI) throw new Error('the web app is not built (npm run build)');
const fixture = (name: string, file = 'input.txt') => join(ROOT, 'test', 'fixtures', name, file);

describe.skipIf(!CHROMIUM || !BUILT)('web app in Chromium', () => {
  let server: ChildProcess;
  let url: string;
  let browser: Browser;
  let page: Page;
  const apiCalls: string[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'gongkai-e2e-')), 'e2e.db');
    server = spawn(process.execPath, [join(ROOT, 'bin', 'gongkai.js'), 'serve', '--db', db, '--port', '0', '--no-samples', '--workers', '1'], { stdio: ['ignore', 'pipe', 'pipe'] });
    url = await new Promise<string>((resolve, reject) => {
      let out = '';
      server.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
        if (m) resolve(m[1]!);
      });
      server.stderr!.on('data', (d: Buffer) => (out += d.toString()));
      server.on('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
    });
    browser = await chromium.launch({ executablePath: CHROMIUM!, args: ['--no-sandbox', '--disable-background-networking', '--disable-dev-shm-usage'] });
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
    page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('request', (r) => {
      if (r.url().includes('/api/')) apiCalls.push(`${r.method()} ${new URL(r.url()).pathname}`);
    });
  });

  afterAll(async () => {
    await browser?.close();
    if (server && server.exitCode === null) {
      const exited = new Promise((r) => server.once('exit', r));
      server.kill('SIGTERM');
      await exited;
    }
  });

  it('checks a dropped report in the browser: nothing is sent, failing cells are marked', async () => {
    await page.goto(url);
    await page.waitForSelector('.drop');
    apiCalls.length = 0;
    await page.setInputFiles('#files', fixture('subdistrict-chuankou-2020'));
    await page.waitForSelector('.audit');
    expect(await page.textContent('.where')).toContain('本机浏览器');
    // the draft did not leave the computer: no upload or check request
    expect(apiCalls.filter((c) => c.startsWith('POST'))).toEqual([]);
    expect(await page.locator('table.form').count()).toBe(3);
    expect(await page.locator('td.v.flag').count()).toBeGreaterThan(0);
    expect(await page.locator('li.finding.error').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });

  it('a click on a finding highlights its cells', async () => {
    const finding = page.locator('li.finding[data-rule="cell-blank"]').first();
    await finding.click();
    const focused = page.locator('td.v.focus');
    expect(await focused.count()).toBeGreaterThan(0);
    expect(await focused.first().getAttribute('class')).toContain('blank');
    expect(await finding.getAttribute('class')).toContain('focus');
  });

  it('DOCX and a text-layer PDF are read in the browser too; a DOC goes to the server for checking, not storing', async () => {
    apiCalls.length = 0;
    await page.setInputFiles('#files', fixture('shuyang-fgj-2023-docx', 'input.docx'));
    await page.waitForSelector('.audit');
    expect(await page.textContent('.where')).toContain('本机浏览器');
    expect(await page.textContent('.summary h2')).toContain('2023');
    await page.setInputFiles('#files', fixture('hongze-2023-pdf', 'input.pdf'));
    await page.waitForSelector('.audit', { timeout: 30_000 });
    expect(await page.textContent('.where')).toContain('本机浏览器');
    expect(await page.locator('table.form').count()).toBe(3);
    expect(await page.locator('td.v:not(.missing):not(.blank)').count()).toBeGreaterThan(100);
    expect(apiCalls.filter((c) => c.startsWith('POST'))).toEqual([]);
    await page.setInputFiles('#files', fixture('shuyang-fgj-2023-doc', 'input.doc'));
    await page.waitForSelector('.audit', { timeout: 30_000 });
    expect(await page.textContent('.where')).toContain('服务器');
    expect(apiCalls).toContain('POST /api/check');
    expect(apiCalls).not.toContain('POST /api/reports');
    expect(errors).toEqual([]);
  });

  it('saves a report, shows its audit view with the source, and a reviewer corrects a cell', async () => {
    await page.goto(url);
    await page.setInputFiles('#files', fixture('subdistrict-chuankou-2020'));
    await page.waitForSelector('.audit');
    await page.click('text=保存到报告库');
    await page.waitForURL(/\/reports\/\d+$/);
    await page.waitForSelector('.audit');
    const id = Number(/(\d+)$/.exec(page.url())![1]);
    expect(id).toBeGreaterThan(0);
    // 查看原文: the finding's line is lit in the source
    await page.click('text=查看原文');
    await page.waitForSelector('.source-doc');
    await page.locator('li.finding[data-rule="publication-date"]').click();
    expect(await page.locator('.source-doc .focus').count()).toBe(1);
    expect(await page.locator('.source-doc .focus').textContent()).toMatch(/2020/);
    // correct the first blank cell
    const blank = page.locator('td.v.blank').first();
    const cellId = (await blank.getAttribute('data-cell'))!;
    await blank.dblclick();
    await page.fill('dialog input[name=value]', '0');
    await page.fill('dialog textarea[name=reason]', '与纸质原件核对，该格为 0');
    await page.click('dialog button[type=submit]');
    await page.waitForSelector(`td.v.corrected[data-cell="${cellId}"]`);
    expect(await page.textContent(`td[data-cell="${cellId}"]`)).toContain('0');
    expect(await page.textContent('table.corrections')).toContain('与纸质原件核对');
    const stored = (await (await fetch(`${url}api/reports/${id}`)).json()) as { report: { cells: Record<string, { value: number; status: string }> }; corrections: { previousStatus: string }[] };
    expect(stored.report.cells[cellId]).toMatchObject({ value: 0, status: 'filled' });
    expect(stored.corrections[0]!.previousStatus).toBe('blank');
    expect(errors).toEqual([]);
  });

  it('the library lists the stored report and exports the selection', async () => {
    await page.click('nav >> text=报告库');
    await page.waitForSelector('table.reports tbody tr');
    expect(await page.locator('table.reports tbody tr').count()).toBe(1);
    expect(await page.textContent('table.reports')).toContain('船口街道');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('text=CSV')]);
    const csv = readFileSync((await download.path())!, 'utf8');
    const [ids, , row] = csv.split('\r\n');
    expect(ids).toContain('requests.received.total');
    expect(row).toContain('船口街道');
    expect(errors).toEqual([]);
  });

  it('a clerk writes a report: live rules, a saved draft, a DOCX to download', async () => {
    await page.goto(`${url}write?organ=${encodeURIComponent('哈尔滨市松北区船口街道办事处')}&year=2021`);
    await page.waitForSelector('td.v.input input');
    // last year's report is in the store: the note says what was carried
    expect(await page.textContent('.summary')).toContain('已参照库中上一年度报告');
    await page.fill('input[data-cell="requests.received.natural"]', '3');
    await page.waitForSelector('li.finding[data-rule="requests-balance"]');
    expect(await page.locator('td.v.flag.error input[data-cell="requests.received.natural"]').count()).toBe(1);
    // the totals follow the parts
    await page.fill('input[data-cell="requests.granted.natural"]', '3');
    expect(await page.inputValue('input[data-cell="requests.granted.total"]')).toBe('3');
    expect(await page.inputValue('input[data-cell="requests.outcomeTotal.natural"]')).toBe('3');
    await page.waitForFunction('!document.querySelector(\'li.finding[data-rule="requests-balance"]\')');
    // last year's report was in the 2019 format: 现行有效件数 is left empty for the clerk, and marked
    expect(await page.inputValue('input[data-cell="active.rules.inForce"]')).toBe('');
    expect(await page.locator('td.v.flag input[data-cell="active.rules.inForce"]').count()).toBe(1);
    await page.fill('input[data-cell="active.rules.inForce"]', '0');
    await page.fill('input[data-cell="active.normativeDocs.inForce"]', '4');
    // last year's 结转下年度 was blank too: its 上年结转 waits for the clerk
    for (const input of await page.locator('input[data-cell^="requests.carriedOver."]:not([readonly])').all()) if ((await input.inputValue()) === '') await input.fill('0');
    await page.getByLabel('落款日期（YYYY-MM-DD）').fill('2022-01-20');
    await page.click('#save');
    await page.waitForURL(/\/write\/\d+$/);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#docx')]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 2)]).toEqual([0x50, 0x4b]);
    expect(errors).toEqual([]);
  });

  it('the organ, roll-up and compare pages draw from the API', async () => {
    await page.goto(`${url}reports`);
    await page.waitForSelector('table.reports tbody tr');
    await page.click('table.reports tbody tr td:nth-child(3) a');
    await page.waitForSelector('#organ-chart canvas');
    expect(await page.textContent('main h1')).toContain('船口街道');
    await page.goto(`${url}rollup?year=2020`);
    await page.waitForSelector('table.totals');
    expect(await page.textContent('main')).toContain('1 个单位参加汇总');
    expect(errors).toEqual([]);
  });
});
