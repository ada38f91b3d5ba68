/**
 * Bytes → text for plain-text reports: BOM first (UTF-8, UTF-16LE/BE), then strict UTF-8,
 * then GB18030 (a superset of GBK and GB2312, common on Chinese government sites).
 */

export type DecodeResult = { ok: true; text: string; encoding: string } | { ok: false; reason: 'binary' | 'encoding' };

export function decodeText(bytes: Uint8Array): DecodeResult {
  let encoding: string;
  let body = bytes;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    encoding = 'utf-8';
    body = bytes.subarray(3);
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    encoding = 'utf-16le';
    body = bytes.subarray(2);
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    encoding = 'utf-16be';
    body = bytes.subarray(2);
  } else {
    const utf16 = utf16WithoutBom(bytes);
    if (utf16) encoding = utf16;
    else if (bytes.includes(0)) return { ok: false, reason: 'binary' };
    else encoding = 'utf-8';
  }
  let text: string | null = tryDecode(encoding, body);
  if (text === null && encoding === 'utf-8' && body === bytes) {
    // not UTF-8: the Chinese legacy encodings
    encoding = 'gb18030';
    text = tryDecode(encoding, body);
  }
  if (text === null) return { ok: false, reason: encoding === 'gb18030' ? 'encoding' : 'binary' };
  if (looksBinary(text)) return { ok: false, reason: 'binary' };
  return { ok: true, text, encoding };
}

function tryDecode(encoding: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** UTF-16 text of CJK and ASCII without a BOM: many zero bytes on one parity. */
function utf16WithoutBom(bytes: Uint8Array): string | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 8) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const half = n / 2;
  if (oddZero > half * 0.3 && evenZero < half * 0.05) return 'utf-16le';
  if (evenZero > half * 0.3 && oddZero < half * 0.05) return 'utf-16be';
  return null;
}

/** Control characters other than tab, newline, carriage return and form feed mark binary data. */
function looksBinary(text: string): boolean {
  const sample = text.length > 65536 ? text.slice(0, 65536) : text;
  let bad = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) bad++;
  }
  return bad > 8 && bad / Math.max(1, sample.length) > 0.002;
}
