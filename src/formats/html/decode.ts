/**
 * Bytes of a web page → text. The BOM decides first, then a charset declared in the first
 * bytes (<meta charset> or http-equiv Content-Type), then strict UTF-8, then GB18030
 * (a superset of GBK and GB2312, the common legacy encodings of Chinese portals).
 */

const ALIASES: Record<string, string> = {
  gb2312: 'gb18030',
  gbk: 'gb18030',
  'x-gbk': 'gb18030',
  gb18030: 'gb18030',
  cp936: 'gb18030',
  big5: 'big5',
  'utf-8': 'utf-8',
  utf8: 'utf-8',
};

export function decodeHtml(bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: decode('utf-8', bytes.subarray(3)), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: decode('utf-16le', bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: decode('utf-16be', bytes.subarray(2)), encoding: 'utf-16be' };
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096)).toLowerCase();
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/.exec(head);
  const declared = m?.[1] ? ALIASES[m[1]] : undefined;
  // a page saved as UTF-8 often keeps its original gb2312 declaration, and GBK text is almost
  // never valid UTF-8: bytes that decode as UTF-8 are UTF-8
  const utf8 = tryDecode('utf-8', bytes);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
  const enc = declared && declared !== 'utf-8' ? declared : 'gb18030';
  return { text: decode(enc, bytes), encoding: enc };
}

function tryDecode(encoding: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function decode(encoding: string, bytes: Uint8Array): string {
  return new TextDecoder(encoding).decode(bytes);
}
