/** An import worker thread: its own store connection; analyses and writes the batches it is sent. */
import { parentPort, workerData } from 'node:worker_threads';
import { closeOcr } from '../formats/index.js';
import { processBatch, type ImportJob, type ImportSettings } from './importer.js';
import { openStore, type Store } from './index.js';

const { dbUrl, settings, mutex } = workerData as { dbUrl: string; settings: ImportSettings; mutex: Int32Array };
let store: Promise<Store> | null = null;

type Message = { kind: 'batch'; jobs: ImportJob[] } | { kind: 'close' };

parentPort!.on('message', (m: Message) => {
  if (m.kind === 'close') {
    void (async () => {
      if (store) await (await store).close();
      await closeOcr();
      parentPort!.close();
    })();
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
