// npm run eval: every corpus file (../shared/corpus, or --corpus DIR) and every format fixture
// made from it, parsed and compared cell by cell with values written down by reading the
// documents. A cell is right when its value and status are those printed; wrong when a number
// or a blank is claimed that is not there; unreadable or missing cells are neither.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { analyse } from '../dist/analyse.js';
import { closeOcr } from '../dist/formats/index.js';

const args = process.argv.slice(2);
const corpus = resolve(args[args.indexOf('--corpus') + 1] && args.includes('--corpus') ? args[args.indexOf('--corpus') + 1] : join(import.meta.dirname, '..', '..', 'shared', 'corpus'));
const asJson = args.includes('--json');
const fixtures = join(import.meta.dirname, '..', 'test', 'fixtures');

const formatOf = (path) => {
  const ext = path.split('.').pop().toLowerCase();
  if (path.includes('-scan')) return 'scanned PDF';
  return { txt: 'text', md: 'markdown', html: 'HTML', docx: 'DOCX', doc: 'DOC', pdf: 'PDF' }[ext] ?? ext;
};

/** expected values: [value, status] with status filled | blank | missing | unreadable | unfilled */
const jobs = [];
if (existsSync(join(corpus, 'MANIFEST.tsv'))) {
  const lines = readFileSync(join(corpus, 'MANIFEST.tsv'), 'utf8').trim().split('\n').slice(1);
  for (const line of lines) {
    const [file, organ, level, year, template] = line.split('\t');
    const name = file.split('/').pop().replace(/\.[^.]+$/, '');
    let expected = null;
    const corpusExpected = join(corpus, 'expected', `${name}.json`);
    if (existsSync(corpusExpected)) expected = JSON.parse(readFileSync(corpusExpected, 'utf8'));
    else {
      // the text reports whose expected values this project wrote (test/fixtures)
      for (const dir of readdirSync(fixtures)) {
        const p = join(fixtures, dir, 'expected.json');
        if (!existsSync(p)) continue;
        const e = JSON.parse(readFileSync(p, 'utf8'));
        if (e.source === `../shared/corpus/${file}`) expected = e;
      }
    }
    jobs.push({ path: join(corpus, file), label: file, format: formatOf(file), manifest: { organ, level, year, template }, expected });
  }
} else {
  console.error(`corpus not found at ${corpus}; only the fixtures are evaluated`);
}
// format fixtures made from corpus reports (DOCX, DOC, scan), which have no corpus file of their own
for (const dir of readdirSync(fixtures)) {
  const p = join(fixtures, dir, 'expected.json');
  if (!existsSync(p)) continue;
  const input = readdirSync(join(fixtures, dir)).find((f) => f.startsWith('input.'));
  const e = JSON.parse(readFileSync(p, 'utf8'));
  if (!/^made from/.test(e.source ?? '')) continue;
  jobs.push({ path: join(fixtures, dir, input), label: `test/fixtures/${dir}/${input}`, format: formatOf(`${dir}/${input}`), manifest: null, expected: e });
}

const results = [];
for (const job of jobs) {
  const bytes = new Uint8Array(readFileSync(job.path));
  const t0 = performance.now();
  const a = await analyse(bytes, job.path);
  const ms = performance.now() - t0;
  const r = a.report;
  const row = { file: job.label, format: job.format, ms, fatal: a.diagnostics.find((d) => d.fatal)?.message ?? null, template: r?.template ?? null, cells: 0, expected: 0, right: 0, wrong: 0, unreadable: 0, missing: 0, wrongCells: [] };
  if (r) row.cells = Object.values(r.cells).filter((c) => c.status === 'filled' || c.status === 'blank').length;
  if (r && job.expected?.cells) {
    for (const [id, [value, status]] of Object.entries(job.expected.cells)) {
      const got = r.cells[id];
      row.expected++;
      const printed = status === 'filled';
      if (!got) {
        row.missing++;
        continue;
      }
      if (got.status === 'unreadable') row.unreadable++;
      else if (printed && got.status === 'filled' && Math.abs(got.value - value) < 1e-6) row.right++;
      else if (!printed && got.status !== 'filled' && (status === 'unfilled' || status === got.status)) row.right++;
      else if (printed && got.status === 'missing') row.missing++;
      else {
        row.wrong++;
        row.wrongCells.push(`${id}: ${printed ? value : status} → ${got.status === 'filled' ? got.value : got.status}`);
      }
    }
  }
  results.push(row);
}

await closeOcr();
if (asJson) {
  console.log(JSON.stringify(results, null, 2));
  process.exit(0);
}

const byFormat = new Map();
for (const r of results) {
  const f = byFormat.get(r.format) ?? { files: 0, parsed: 0, national: 0, cells: 0, expected: 0, right: 0, wrong: 0, unreadable: 0, missing: 0, ms: [] };
  f.files++;
  if (!r.fatal) f.parsed++;
  if (r.template) f.national++;
  f.cells += r.cells;
  f.expected += r.expected;
  f.right += r.right;
  f.wrong += r.wrong;
  f.unreadable += r.unreadable;
  f.missing += r.missing;
  f.ms.push(r.ms);
  byFormat.set(r.format, f);
}
const pct = (a, b) => (b === 0 ? '–' : `${((100 * a) / b).toFixed(1)}%`);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log('| format | files | read | national format | template cells found | cells with expected values | right | wrong | unreadable | missing | accuracy | median time |');
console.log('|---|---|---|---|---|---|---|---|---|---|---|---|');
const total = { files: 0, parsed: 0, national: 0, cells: 0, expected: 0, right: 0, wrong: 0, unreadable: 0, missing: 0 };
for (const [format, f] of byFormat) {
  for (const k of Object.keys(total)) total[k] += f[k];
  console.log(`| ${format} | ${f.files} | ${f.parsed} | ${f.national} | ${f.cells} | ${f.expected} | ${f.right} | ${f.wrong} | ${f.unreadable} | ${f.missing} | ${pct(f.right, f.expected)} | ${median(f.ms).toFixed(0)} ms |`);
}
console.log(`| **all** | ${total.files} | ${total.parsed} | ${total.national} | ${total.cells} | ${total.expected} | ${total.right} | **${total.wrong}** | ${total.unreadable} | ${total.missing} | **${pct(total.right, total.expected)}** | |`);
console.log('');
console.log('| file | format | template | cells found | right / expected | wrong | unreadable | missing | note |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const r of results) {
  const note = r.fatal ?? (r.template ? '' : '非国家统一格式（无单元格）');
  console.log(`| ${r.file} | ${r.format} | ${r.template ?? '–'} | ${r.cells} | ${r.expected ? `${r.right} / ${r.expected}` : '–'} | ${r.wrong} | ${r.unreadable} | ${r.missing} | ${note} |`);
}
const wrong = results.flatMap((r) => r.wrongCells.map((c) => `${r.file}: ${c}`));
if (wrong.length) {
  console.log('\nWrong cells:');
  for (const w of wrong) console.log(`- ${w}`);
}
