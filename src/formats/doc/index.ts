/**
 * Legacy binary Word (.doc) and Kingsoft WPS (.wps) files, both OLE compound documents.
 * With LibreOffice installed they are converted to DOCX (a separate profile directory per
 * conversion, so parallel runs do not collide) and read with the DOCX reader, tables and all.
 * Without it only the text can be extracted (word-extractor), and the user is told that the
 * table structure was lost.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readDocx } from '../docx/index.js';
import { fatal, notice } from '../messages.js';
import { extractText } from '../text/extract.js';
import type { Extraction } from '../text/index.js';

export interface DocOptions {
  /** path of the soffice binary, false to never use it; default: found on PATH */
  soffice?: string | false;
  timeoutMs?: number;
}

let found: string | null | undefined;

/** soffice on PATH (or GONGKAI_SOFFICE), looked up once. */
export function findSoffice(): string | null {
  if (found !== undefined) return found;
  const candidates = [process.env.GONGKAI_SOFFICE, 'soffice', 'libreoffice'].filter((c): c is string => Boolean(c));
  for (const c of candidates) {
    const r = spawnSync(c, ['--version'], { encoding: 'utf8', timeout: 20_000 });
    if (r.status === 0) return (found = c);
  }
  return (found = null);
}

export async function readDoc(bytes: Uint8Array, options: DocOptions = {}): Promise<Extraction> {
  const soffice = options.soffice === false ? null : (options.soffice ?? findSoffice());
  if (soffice) {
    const converted = await convert(bytes, soffice, options.timeoutMs ?? 120_000);
    if (converted) return readDocx(converted, 'doc');
  }
  return textOnly(bytes);
}

async function convert(bytes: Uint8Array, soffice: string, timeoutMs: number): Promise<Uint8Array | null> {
  const dir = await mkdtemp(join(tmpdir(), 'gongkai-doc-'));
  try {
    const input = join(dir, 'input.doc');
    await writeFile(input, bytes);
    const args = [
      '--headless',
      '--norestore',
      '--nologo',
      '--nolockcheck',
      `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`,
      '--convert-to',
      'docx:MS Word 2007 XML',
      '--outdir',
      join(dir, 'out'),
      input,
    ];
    const ok = await new Promise<boolean>((resolve) => {
      const child = spawn(soffice, args, { stdio: 'ignore' });
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        resolve(false);
      }, timeoutMs);
      child.on('error', () => {
        clearTimeout(timer);
        resolve(false);
      });
      child.on('exit', (code) => {
        clearTimeout(timer);
        resolve(code === 0);
      });
    });
    if (!ok) return null;
    return new Uint8Array(await readFile(join(dir, 'out', 'input.docx')));
  } catch {
    return null;
  } finally {
    await rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
}

async function textOnly(bytes: Uint8Array): Promise<Extraction> {
  try {
    const { default: WordExtractor } = await import('word-extractor');
    const extracted = await new WordExtractor().extract(Buffer.from(bytes));
    const body = extracted.getBody();
    const document = extractText(body, { format: 'text' });
    document.format = 'doc';
    if (document.blocks.length === 0) return { document: null, messages: [fatal('file-empty')] };
    return { document, messages: [notice('doc-no-tables')] };
  } catch (e) {
    return { document: null, messages: [fatal('doc-unreadable', { reason: e instanceof Error ? e.message.slice(0, 80) : String(e) })] };
  }
}
