import type { Extraction } from '../text/index.js';
import { fatal } from '../messages.js';
import { readZipEntries } from '../zip.js';
import { extractDocx } from './extract.js';

export { extractDocx } from './extract.js';

const PARTS = ['word/document.xml', 'word/numbering.xml', 'word/styles.xml'];

/** DOCX bytes → source document, or one fatal message (corrupt, too large, not a Word document). */
export function readDocx(bytes: Uint8Array, format: 'docx' | 'doc' = 'docx'): Extraction {
  const zip = readZipEntries(bytes, (name) => PARTS.includes(name));
  if (!zip.ok) return { document: null, messages: [fatal(zip.reason === 'too-large' ? 'zip-too-large' : 'zip-corrupt')] };
  const main = zip.files['word/document.xml'];
  if (!main) return { document: null, messages: [fatal('zip-not-docx')] };
  const dec = new TextDecoder('utf-8');
  const parts: Parameters<typeof extractDocx>[0] = { document: dec.decode(main) };
  if (zip.files['word/numbering.xml']) parts.numbering = dec.decode(zip.files['word/numbering.xml']);
  if (zip.files['word/styles.xml']) parts.styles = dec.decode(zip.files['word/styles.xml']);
  const document = extractDocx(parts, format);
  if (document.blocks.length === 0) return { document: null, messages: [fatal('file-empty')] };
  return { document, messages: [] };
}
