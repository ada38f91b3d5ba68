/** What a file is, from its bytes (magic numbers and markup), never from its name. */

export type Sniffed = 'pdf' | 'zip' | 'ole' | 'png' | 'jpeg' | 'tiff' | 'gif' | 'bmp' | 'rtf' | 'html' | 'text' | 'binary' | 'empty';

const startsWith = (b: Uint8Array, sig: number[], at = 0): boolean => sig.every((x, i) => b[at + i] === x);

export function sniff(bytes: Uint8Array): Sniffed {
  if (bytes.length === 0) return 'empty';
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return 'pdf'; // %PDF
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return 'zip';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38])) return 'gif';
  if (startsWith(bytes, [0x42, 0x4d]) && bytes.length > 26 && bytes[14] !== undefined && bytes[14] <= 124 && bytes[15] === 0)
    return 'bmp';
  if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66])) return 'rtf'; // {\rtf
  // %PDF may follow a few junk bytes (allowed by the PDF spec within the first 1024 bytes)
  const head = latin1(bytes.subarray(0, 1024));
  if (head.includes('%PDF-')) return 'pdf';
  // markup needs a '<' (in UTF-16 too: 0x3C next to a NUL); most text reports have none
  if (!bytes.subarray(0, 8192).includes(0x3c)) return 'text';
  const lower = asciiHead(bytes).toLowerCase();
  if (/^\s*(<!doctype\s+html|<html|<head|<meta|<body|<\?xml[^>]*>\s*<html)/.test(lower) || /<html[\s>]/.test(lower.slice(0, 4096)))
    return 'html';
  return 'text';
}

function latin1(b: Uint8Array): string {
  return new TextDecoder('latin1').decode(b);
}

/** The first 8 KB with non-ASCII bytes blanked (NULs of UTF-16 dropped), for markup sniffing in any encoding. */
function asciiHead(bytes: Uint8Array): string {
  return latin1(bytes.subarray(0, 8192)).replace(/\0/g, '').replace(/[\x80-\xff]/g, ' ');
}
