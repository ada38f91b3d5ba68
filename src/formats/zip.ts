/**
 * Reading a few entries of a ZIP (DOCX is a ZIP) with a cap on what they may inflate to,
 * so a bomb or a truncated archive gives one clear message instead of eating the memory.
 */
import { unzipSync } from 'fflate';

export const MAX_ENTRY_BYTES = 64 * 1024 * 1024;

export type ZipRead = { ok: true; files: Record<string, Uint8Array> } | { ok: false; reason: 'corrupt' | 'too-large' };

export function readZipEntries(bytes: Uint8Array, wanted: (name: string) => boolean, cap = MAX_ENTRY_BYTES): ZipRead {
  let tooLarge = false;
  try {
    const files = unzipSync(bytes, {
      filter: (f) => {
        if (!wanted(f.name)) return false;
        // the declared size bounds the output buffer, so a lying entry is cut off, never grown
        if (f.originalSize > cap) {
          tooLarge = true;
          return false;
        }
        return true;
      },
    });
    if (tooLarge) return { ok: false, reason: 'too-large' };
    return { ok: true, files };
  } catch {
    return { ok: false, reason: tooLarge ? 'too-large' : 'corrupt' };
  }
}
