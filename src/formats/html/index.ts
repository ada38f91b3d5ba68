import type { Extraction } from '../text/index.js';
import { decodeHtml } from './decode.js';
import { extractHtml } from './extract.js';
import { fatal } from '../messages.js';

export { decodeHtml } from './decode.js';
export { extractHtml } from './extract.js';

export function readHtml(bytes: Uint8Array): Extraction {
  const { text, encoding } = decodeHtml(bytes);
  const document = extractHtml(text, { encoding });
  if (document.blocks.length === 0) return { document: null, messages: [fatal('file-empty')] };
  return { document, messages: [] };
}
