/** An import worker thread: its own store connection; analyses and writes the batches it is sent. */
import { parentPort, workerData } from 'node:worker_threads';
import { closeOcr, extract } from '../formats/index.js';
import { analyseJob } from './analyse-job.js';
import { processBatch, type ImportJob, type ImportSettings } from './importer.js';
import { openStore, type Store } from './index.js';

const { dbUrl, settings, mutex } = workerData as { dbUrl: string; settings: ImportSettings; mutex: Int32Array };
let store: Promise<Store> | null = null;

type Message = { kind: 'batch'; jobs: ImportJob[] } | { kind: 'analyse'; job: ImportJob } | { kind: 'extract'; job: ImportJob } | { kind: 'close' };

parentPort!.on('message', (m: Message) => {
  if (m.kind === 'close') {
    void (async () => {
      if (store) await (await store).close();
      await closeOcr();
      parentPort!.close();
    })();
    return;
  }
  if (m.kind === 'extract') {
    extract(m.job.bytes ?? new Uint8Array(), { name: m.job.path, ocr: false }).then(
      (r) => parentPort!.postMessage(r),
      (e: unknown) => parentPort!.postMessage({ document: null, messages: [{ rule: 'file-not-readable', severity: 'error', message: String(e), location: null, fatal: true }] }),
    );
    return;
  }
  if (m.kind === 'analyse') {
    // no store: the web app's check page, nothing kept
    const bytes = m.job.bytes ?? new Uint8Array();
    analyseJob(bytes, m.job.path, settings).then(
      (r) => parentPort!.postMessage(r),
      (e: unknown) => parentPort!.postMessage({ report: null, diagnostics: [{ rule: 'import-failed', severity: 'error', message: `分析时出错：${e instanceof Error ? e.message : String(e)}`, location: null, fatal: true }] }),
    );
    return;
  }
  // the importing thread migrated the store already
  store ??= openStore(dbUrl, { migrate: false }).then((s) => {
    s.writeMutex = mutex;
    return s;
  });
  store
    .then((s) => processBatch(s, m.jobs, settings, null))
    .then(
      (reply) => parentPort!.postMessage(reply),
      (e: unknown) => parentPort!.postMessage({ outcomes: m.jobs.map((j) => ({ path: j.path, status: 'unreadable', rule: 'import-failed', message: `写入数据库时出错：${e instanceof Error ? e.message : String(e)}` })), newOrgans: [] }),
    );
});
