/**
 * The audit report as a reviewer sees it: opened in Debian's Chromium (playwright-core), it
 * lays out without errors, fits the page width, and its links land on the cells and marks.
 * CI installs chromium (.ci/run); elsewhere the test says it is skipped and why.
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/render/html.js';
import { check } from '../../src/rules/engine.js';
import { fixtureCase } from '../helpers/rule-tester.js';

const CHROMIUM = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => p && existsSync(p));
if (!CHROMIUM && process.env.CI) throw new Error('CI must have chromium (.ci/run installs it)');

describe.skipIf(!CHROMIUM)('HTML audit report in Chromium', () => {
  let browser: Browser;
  let file: string;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM!, args: ['--no-sandbox'] });
    const entries = [];
    for (const name of ['township-dayong-2020', 'subdistrict-chuankou-2020']) {
      const c = await fixtureCase(name);
      entries.push({ path: `${name}.txt`, report: c.report, diagnostics: check(c.report) });
    }
    file = join(mkdtempSync(join(tmpdir(), 'gongkai-html-')), 'audit.html');
    writeFileSync(file, renderHtml(entries, { version: 'test' }));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each([1280, 800])('lays out at %d px without errors or sideways scrolling', async (width) => {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('requestfailed', (r) => errors.push(`request ${r.url()}`));
    await page.goto(`file://${file}`);
    expect(errors).toEqual([]);
    const sizes = await page.evaluate('({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth, tables: document.querySelectorAll("table.form").length })');
    const { scroll, client, tables } = sizes as { scroll: number; client: number; tables: number };
    expect(tables).toBe(6);
    expect(scroll).toBeLessThanOrEqual(client);
    await page.close();
  });

  it('shows failing cells in colour and the findings list links to them', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`file://${file}`);
    // 大用镇: the blank 结转 row is flagged as a warning (amber outline)
    const outline = await page.locator('#r1-cell-requests-carriedForward-total').evaluate((td) => td.ownerDocument.defaultView!.getComputedStyle(td).outlineColor);
    expect(outline).toBe('rgb(224, 161, 0)');
    // the finding's location link scrolls to its cell
    const link = page.locator('#r1 table.findings tr', { hasText: 'cell-blank' }).locator('td.loc a');
    await link.click();
    const top = await page.locator('#r1-cell-requests-carriedForward-natural').evaluate((td) => td.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(-30);
    expect(top).toBeLessThan(900);
    // the 我局 sentence is marked and visible
    const mark = page.locator('#r1 mark', { hasText: '我局' });
    await expect(mark.count()).resolves.toBe(1);
    expect(await mark.isVisible()).toBe(true);
    await page.close();
  });
});
