/**
 * The backends every store test runs against: SQLite always; PostgreSQL when GONGKAI_TEST_PG names
 * a server (.ci/run starts a throwaway one; CI must have it). Each test gets an empty database.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '../../src/store/index.js';

export const PG = process.env.GONGKAI_TEST_PG;
if (!PG && process.env.CI) throw new Error('CI must run the store tests against PostgreSQL (GONGKAI_TEST_PG, see .ci/run)');

export interface Backend {
  name: 'sqlite' | 'postgres';
  /** a URL for a new, empty database */
  fresh(): Promise<string>;
}

let n = 0;
const sqlite: Backend = {
  name: 'sqlite',
  fresh: async () => join(mkdtempSync(join(tmpdir(), 'gongkai-store-')), 'test.db'),
};

const postgres: Backend = {
  name: 'postgres',
  async fresh() {
    const { default: pg } = await import('pg');
    const name = `gongkai_test_${process.pid}_${Date.now()}_${n++}`;
    const client = new pg.Client({ connectionString: PG });
    await client.connect();
    await client.query(`create database ${name}`);
    await client.end();
    return PG!.replace(/\/[^/?]*(\?|$)/, `/${name}$1`);
  },
};

export const BACKENDS: Backend[] = PG ? [sqlite, postgres] : [sqlite];

export async function freshStore(b: Backend): Promise<{ store: Store; url: string }> {
  const url = await b.fresh();
  return { store: await openStore(url), url };
}
