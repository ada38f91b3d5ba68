/** Finding the report files under the paths given on the command line, and reading them safely. */
import { readdir, stat, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fatal } from '../formats/index.js';
import type { Diagnostic } from '../diagnostics/types.js';

export const REPORT_EXTENSIONS = /\.(txt|text|md|markdown|html?|shtml|xhtml|docx|doc|wps|wpsx|pdf|png|jpe?g|tiff?|bmp|gif)$/i;
/** Larger than any real report; keeps a stray dump file from exhausting memory. */
export const MAX_BYTES = 200 * 1024 * 1024;

export interface Input {
  path: string;
  /** the path could not be used at all */
  error?: Diagnostic;
}

/** Files are taken as given; directories are walked (hidden entries and node_modules skipped). */
export async function discover(paths: readonly string[], also?: RegExp): Promise<Input[]> {
  const out: Input[] = [];
  for (const p of paths) {
    let s;
    try {
      s = await stat(p);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      out.push({ path: p, error: code === 'ENOENT' ? fatal('file-not-found', { path: p }) : fatal('file-not-readable', { path: p, reason: code ?? String(e) }) });
      continue;
    }
    if (s.isDirectory()) {
      const found = await walk(p, also);
      if (found.length === 0) out.push({ path: p, error: fatal('file-directory-empty', { path: p }) });
      out.push(...found.map((f) => ({ path: f })));
    } else out.push({ path: p });
  }
  return out;
}

async function walk(dir: string, also?: RegExp): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  const files: string[] = [];
  for (const e of entries) {
    // hidden entries, dependencies, and a folder's own documentation are not reports
    if (e.name.startsWith('.') || e.name === 'node_modules' || /^(readme|license|changelog)(\.|$)/i.test(e.name)) continue;
    const full = join(dir, e.name);
    if (e.isDirectory()) files.push(...(await walk(full, also)));
    else if (e.isFile() && (REPORT_EXTENSIONS.test(e.name) || also?.test(e.name))) files.push(full);
  }
  return files;
}

export type ReadResult = { ok: true; bytes: Uint8Array } | { ok: false; error: Diagnostic };

export async function readBytes(path: string, maxBytes = MAX_BYTES): Promise<ReadResult> {
  try {
    const s = await stat(path);
    if (s.isDirectory()) return { ok: false, error: fatal('file-not-readable', { path, reason: '这是一个目录' }) };
    if (s.size > maxBytes) {
      return { ok: false, error: fatal('file-too-large', { size: humanSize(s.size), limit: humanSize(maxBytes) }) };
    }
    return { ok: true, bytes: new Uint8Array(await readFile(path)) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, error: fatal('file-not-found', { path }) };
    return { ok: false, error: fatal('file-not-readable', { path, reason: code ?? String(e) }) };
  }
}

export function humanSize(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} B`;
}
