// npm run bench: parse + check speed and memory on the text fixtures, one core, built code.
// Figures go into the README by hand; tests never assert timings.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { cpus } from 'node:os';
import { analyse } from '../dist/analyse.js';

const root = join(import.meta.dirname, '..', 'test', 'fixtures');
const inputs = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) => readdirSync(join(root, d.name)).filter((f) => /^input\.(txt|md)$/.test(f)).map((f) => join(root, d.name, f)))
  .map((path) => ({ path, bytes: new Uint8Array(readFileSync(path)) }));

const seconds = Number(process.env.BENCH_SECONDS ?? 5);

// warm up the JIT
for (let i = 0; i < 50; i++) for (const f of inputs) await analyse(f.bytes, f.path);

const times = [];
let count = 0;
let bytes = 0;
const start = performance.now();
while (performance.now() - start < seconds * 1000) {
  for (const f of inputs) {
    const t0 = performance.now();
    await analyse(f.bytes, f.path);
    times.push(performance.now() - t0);
    count++;
    bytes += f.bytes.length;
  }
}
const elapsed = (performance.now() - start) / 1000;
times.sort((a, b) => a - b);
const q = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))];
const rss = process.resourceUsage().maxRSS / 1024;

console.log(`gongkai bench — text reports, parse + check, one core (${cpus()[0]?.model ?? 'cpu'}, Node ${process.version})`);
console.log(`${inputs.length} fixture reports, ${(inputs.reduce((n, f) => n + f.bytes.length, 0) / inputs.length / 1024).toFixed(1)} KB on average, ${seconds} s`);
console.log('');
console.log('| measure | value |');
console.log('|---|---|');
console.log(`| reports per second | ${Math.round(count / elapsed)} |`);
console.log(`| median time per report | ${q(0.5).toFixed(3)} ms |`);
console.log(`| 95th percentile | ${q(0.95).toFixed(3)} ms |`);
console.log(`| throughput | ${(bytes / elapsed / 1024 / 1024).toFixed(1)} MB/s |`);
console.log(`| peak memory (RSS) | ${rss.toFixed(0)} MB |`);
