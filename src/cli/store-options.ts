/** The store the commands use: --db, else GONGKAI_DB, else ./gongkai.db; its errors as messages. */
import { ConfigError } from '../config/index.js';
import { DEFAULT_DB, openStore, StoreError, type Store } from '../store/index.js';
import type { Io } from './options.js';

export function dbUrl(option: string | undefined): string {
  return option ?? process.env.GONGKAI_DB ?? DEFAULT_DB;
}

/** Opens the store, runs `work`, closes it; a store or configuration problem is a message and exit 2. */
export async function withStore(url: string, io: Io, work: (store: Store) => Promise<number>): Promise<number> {
  let store: Store;
  try {
    store = await openStore(url);
  } catch (e) {
    if (e instanceof StoreError) {
      io.stderr(`${e.message}（${e.rule}）\n`);
      return 2;
    }
    throw e;
  }
  try {
    return await work(store);
  } catch (e) {
    if (e instanceof StoreError || e instanceof ConfigError) {
      io.stderr(`${e.message}（${e.rule}）\n`);
      return 2;
    }
    throw e;
  } finally {
    await store.close();
  }
}
