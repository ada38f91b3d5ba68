// Screenshots of every page of the web app for docs/images (Debian's chromium via playwright-core).
// Starts `gongkai serve` on a throwaway SQLite store, imports a few fixture reports (three years
// of one organ among them), and drives the pages as a reviewer would.
//   node scripts/screenshot-web.js [out-dir]      (default docs/images)
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumPath } from './chromium.js';

const root = join(import.meta.dirname, '..');
const out = process.argv[2] ?? join(root, 'docs', 'images');
const dir = mkdtempSync(join(tmpdir(), 'gongkai-shots-'));
const db = join(dir, 'shots.db');
const fx = (name, file = 'input.txt') => join('test', 'fixtures', name, file);
const cli = (...args) => spawnSync(process.execPath, [join(root, 'bin', 'gongkai.js'), ...args], { stdio: 'inherit', cwd: root });
cli('import', '--db', db, '--keep-originals', '--workers', '0', fx('pingtan-2020-text'), fx('pingtan-2021-text'), fx('pingtan-2022-text'), fx('township-buhai-2020'), fx('township-hongqi-2020'), fx('township-dayong-2020'));
const server = spawn(process.execPath, [join(root, 'bin', 'gongkai.js'), 'serve', '--db', db, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
const url = await new Promise((resolve) => {
  let text = '';
  server.stdout.on('data', (d) => {
    text += d;
    const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(text);
    if (m) resolve(m[1]);
  });
});
const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-background-networking'] });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 820 } });
  const shot = async (name) => {
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(out, `web-${name}.png`) });
    console.log(join(out, `web-${name}.png`));
  };
  const api = async (path) => (await fetch(`${url}${path}`)).json();
  const list = (await api('api/reports?limit=200&sort=id&order=asc')).items;
  const byOrgan = (re, year) => list.find((r) => re.test(r.organ ?? '') && (!year || r.year === year) && /input/.test(r.sourceName));

  // 检查: a report dropped on the page, checked in the browser
  await page.goto(url);
  await page.setInputFiles('#files', join(root, fx('subdistrict-chuankou-2020')));
  await page.waitForSelector('.audit');
  await shot('check');

  // 审核视图: a finding clicked, its cells lit; the source open
  const dayong = byOrgan(/大用/);
  await page.goto(`${url}reports/${dayong.id}`);
  await page.waitForSelector('.audit');
  await page.click('text=查看原文');
  await page.waitForSelector('.source-doc');
  await page.locator('li.finding[data-rule="cell-blank"]').first().click();
  await shot('audit');
  // 查看原文: the same finding's place in the source
  await page.locator('.source-doc .focus').first().scrollIntoViewIfNeeded();
  await shot('source');

  // 更正
  await page.locator('td.v.flag').first().dblclick();
  await page.fill('dialog input[name=value]', '0');
  await page.fill('dialog textarea[name=reason]', '与纸质原件核对，该格为 0');
  await shot('correct');
  await page.keyboard.press('Escape');

  // 报告库
  await page.goto(`${url}reports`);
  await page.waitForSelector('table.reports');
  await shot('library');

  // 单位
  const pingtan = byOrgan(/平潭/, 2021);
  await page.goto(`${url}organs/${pingtan.organId}`);
  await page.waitForSelector('#organ-chart canvas');
  await shot('organ');

  // 对比
  await page.goto(`${url}compare?a=${byOrgan(/平潭/, 2021).id}&b=${byOrgan(/平潭/, 2022).id}`);
  await page.waitForSelector('.diff');
  await shot('compare');

  // 填报: a new report for 2021, last year's in the store; a figure typed that breaks the balance
  await page.goto(`${url}write?organ=${encodeURIComponent('德惠市布海镇人民政府')}&year=2021`);
  await page.waitForSelector('td.v.input input');
  await page.fill('input[data-cell="requests.received.natural"]', '3');
  await page.fill('input[data-cell="requests.granted.natural"]', '2');
  await page.locator('table.form').nth(1).scrollIntoViewIfNeeded();
  await shot('write');

  // 汇总
  await page.goto(`${url}rollup?year=2020`);
  await page.waitForSelector('table.totals');
  await shot('rollup');
} finally {
  await browser.close();
  server.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
}
