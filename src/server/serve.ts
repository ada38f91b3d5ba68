/**
 * Starts the web app: the store, the parsing worker threads, the HTTP server. On first start
 * with an empty store it imports the sample reports shipped in examples/, so a newcomer sees
 * something real.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve as listen, type ServerType } from '@hono/node-server';
import { areaIndex } from '../area/load.js';
import type { Config } from '../config/index.js';
import { Pool, importReports, type ImportSettings } from '../store/importer.js';
import { openStore, type Store } from '../store/index.js';
import { countAccounts } from './auth.js';
import { createApp } from './app.js';

export interface ServeOptions {
  dbUrl: string;
  host: string;
  port: number;
  config: Config;
  workers: number;
  /** import examples/ into an empty store */
  samples: boolean;
  /** session cookies marked Secure (behind an HTTPS proxy) */
  secureCookies?: boolean;
  log: (line: string) => void;
}

export interface Running {
  url: string;
  store: Store;
  close(): Promise<void>;
}

const ROOT = join(import.meta.dirname, '..', '..');
const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

export class ServeError extends Error {
  constructor(
    readonly rule: string,
    message: string,
  ) {
    super(message);
  }
}

export async function startServer(options: ServeOptions): Promise<Running> {
  const accounts = !LOOPBACK.has(options.host);
  const store = await openStore(options.dbUrl);
  try {
    if (accounts && (await countAccounts(store)) === 0) {
      throw new ServeError('accounts-required', `在 ${options.host} 上对外提供服务必须先建立账号：gongkai user add 用户名 --role 管理员（只在本机使用请去掉 --host）`);
    }
    const settings: ImportSettings = { preset: options.config.preset, rules: options.config.rules, extract: { ocr: true, maxPages: 60 }, maxBytes: 50 * 1024 * 1024, reparse: false, keepOriginals: true };
    const areas = areaIndex();
    if (options.samples && (await store.countReports()) === 0) {
      const dir = join(ROOT, 'examples');
      const files = existsSync(dir) ? readdirSync(dir).filter((f) => /\.(txt|md|html?|docx|pdf)$/i.test(f) && !/^readme/i.test(f)) : [];
      if (files.length > 0) {
        options.log(`数据库是空的：导入 examples/ 中的 ${files.length} 份示例报告`);
        await importReports(
          store,
          files.map((f) => ({ path: f, bytes: new Uint8Array(readFileSync(join(dir, f))) })),
          { workers: 0, areas, settings },
        );
      }
    }
    // a file that takes more than 5 minutes (a huge scan) is stopped; other requests never wait on it
    // workers 0: everything in this thread (tests, a tiny machine)
    const pool = options.workers > 0 ? new Pool(options.workers, options.dbUrl, settings, 5 * 60_000) : null;
    // the main thread writes too (corrections): it takes the same SQLite write lock as the workers
    if (pool) store.writeMutex = pool.mutex;
    const webDir = join(ROOT, 'dist', 'web');
    const app = createApp({
      store,
      pool,
      settings,
      areas,
      accounts,
      webDir: existsSync(join(webDir, 'index.html')) ? webDir : null,
      allowedHosts: ['127.0.0.1', 'localhost', '[::1]', '::1'],
      secureCookies: options.secureCookies ?? false,
      log: options.log,
    });
    const server = await new Promise<ServerType>((resolve, reject) => {
      const s = listen({ fetch: app.fetch, hostname: options.host, port: options.port }, () => resolve(s));
      s.once('error', (e: NodeJS.ErrnoException) => reject(new ServeError('listen-failed', e.code === 'EADDRINUSE' ? `端口 ${options.port} 已被占用，请用 --port 换一个` : `无法在 ${options.host}:${options.port} 上监听：${e.message}`)));
    });
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : options.port;
    const host = options.host.includes(':') ? `[${options.host}]` : options.host;
    return {
      url: `http://${host}:${port}/`,
      store,
      async close() {
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await pool?.close();
        await store.close();
      },
    };
  } catch (e) {
    await store.close();
    throw e;
  }
}
