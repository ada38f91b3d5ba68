// Screenshot of an HTML audit report in headless Chromium (Debian's chromium, via playwright-core):
//   node scripts/screenshot.js report.html out.png [width] [height] [scrollY]
// Used to look at `gongkai check -f html` output as a reviewer sees it.
import { chromium } from 'playwright-core';
import { resolve } from 'node:path';
import { chromiumPath } from './chromium.js';

const [file, out, width = '1200', height = '1600', y = '0'] = process.argv.slice(2);
if (!file || !out) {
  console.error('用法：node scripts/screenshot.js 报告.html 输出.png [宽] [高] [起始纵坐标]');
  process.exit(2);
}
const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox'] });
try {
  const page = await browser.newPage({ viewport: { width: Number(width), height: Number(height) } });
  await page.goto(`file://${resolve(file)}`);
  const total = await page.evaluate('document.body.scrollHeight');
  await page.screenshot({ path: out, fullPage: true, clip: { x: 0, y: Number(y), width: Number(width), height: Math.min(Number(height), total - Number(y)) } });
  console.log(`${out}（页面高 ${total} 像素）`);
} finally {
  await browser.close();
}
