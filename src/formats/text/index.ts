import type { Diagnostic } from '../../diagnostics/types.js';
import type { SourceDocument } from '../../document/model.js';
import { decodeText } from './decode.js';
import { extractText } from './extract.js';
import { fatal } from '../messages.js';

export { decodeText } from './decode.js';
export { extractText } from './extract.js';

export interface Extraction {
  document: SourceDocument | null;
  messages: Diagnostic[];
}

/** Bytes of a plain-text or Markdown report → source document, or one fatal message. */
export function readText(bytes: Uint8Array, format: 'text' | 'markdown' = 'text'): Extraction {
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { document: null, messages: [fatal(decoded.reason === 'binary' ? 'file-binary' : 'file-encoding')] };
  const document = extractText(decoded.text, { encoding: decoded.encoding, format });
  const messages: Diagnostic[] = [];
  if (!document.blocks.some((b) => b.kind === 'table' || b.text.trim().length > 0)) messages.push(fatal('file-empty'));
  return { document, messages };
}
