/**
 * `gongkai serve` (and `npm start`): the web app and API, on 127.0.0.1 unless --host says
 * otherwise. `gongkai user add`: accounts for serving beyond this computer.
 */
import { ConfigError, loadConfig } from '../config/index.js';
import { addAccount, ROLES } from '../server/auth.js';
import { ServeError, startServer } from '../server/serve.js';
import { areaCode, FilterError } from '../store/filters.js';
import { defaultWorkers } from '../store/importer.js';
import type { Io } from './options.js';
import { dbUrl, withStore } from './store-options.js';
import { StoreError } from '../store/index.js';

export interface ServeCliOptions {
  db?: string;
  host: string;
  port: number;
  config?: string;
  workers?: number;
  samples: boolean;
  secureCookies?: boolean;
}

export async function serveCommand(opts: ServeCliOptions, io: Io, until: Promise<void>): Promise<number> {
  try {
    const config = await loadConfig(opts.config);
    const running = await startServer({
      dbUrl: dbUrl(opts.db),
      host: opts.host,
      port: opts.port,
      config,
      workers: opts.workers ?? defaultWorkers(),
      samples: opts.samples,
      secureCookies: Boolean(opts.secureCookies),
      log: (line) => io.stderr(`${line}\n`),
    });
    io.stdout(`gongkai 已启动：${running.url}（数据库 ${running.store.location}；按 Ctrl+C 停止）\n`);
    await until;
    await running.close();
    io.stderr('已停止\n');
    return 0;
  } catch (e) {
    if (e instanceof ServeError || e instanceof StoreError || e instanceof ConfigError) {
      io.stderr(`${e.message}（${e.rule}）\n`);
      return 2;
    }
    throw e;
  }
}

export interface UserCliOptions {
  db?: string;
  role: string;
  area?: string;
}

/** Adds an account, or resets its password and role; the password comes from GONGKAI_PASSWORD or standard input, never argv. */
export async function userAddCommand(name: string, opts: UserCliOptions, io: Io, readPassword: () => Promise<string>): Promise<number> {
  const role = ROLES[opts.role];
  if (!role) {
    io.stderr(`角色“${opts.role}”无效，可选：管理员、审核员、填报员（user-role-invalid）\n`);
    return 2;
  }
  let area: string | null = null;
  try {
    area = opts.area ? areaCode(opts.area).code : null;
  } catch (e) {
    if (!(e instanceof FilterError)) throw e;
    io.stderr(`${e.message}（${e.rule}）\n`);
    return 2;
  }
  const password = (await readPassword()).replace(/\r?\n$/, '');
  if (password.length < 8) {
    io.stderr('密码至少 8 个字符（user-password-short）\n');
    return 2;
  }
  return withStore(dbUrl(opts.db), io, async (store) => {
    await addAccount(store, { name, password, role, areaCode: area });
    await store.audit('命令行', 'account', name, { role, area });
    io.stdout(`账号“${name}”已保存（${opts.role}${area ? `，范围 ${area}` : ''}）\n`);
    return 0;
  });
}
