/**
 * Bytes → source document, whatever the format. The format is read from the bytes
 * (magic numbers, markup), never from the file name; the name only tells Markdown from text.
 */
import { fatal, notice } from './messages.js';
import { sniff, type Sniffed } from './sniff.js';
import { readText, type Extraction } from './text/index.js';
import { readHtml } from './html/index.js';
import { readDocx } from './docx/index.js';
import { readPdf, type PdfOptions } from './pdf/index.js';
import { readDoc, type DocOptions } from './doc/index.js';
import { pdfOcr, readImage, type OcrOptions } from './ocr/index.js';

export type { Extraction } from './text/index.js';
export { sniff, type Sniffed } from './sniff.js';
export { closeOcr } from './ocr/index.js';
export { FILE_MESSAGES, NOTICES, fatal, notice } from './messages.js';

export interface ExtractOptions {
  /** file name, used only to tell Markdown from plain text */
  name?: string;
  pdf?: PdfOptions;
  doc?: DocOptions;
  /** OCR for scans and images; false refuses them with one clear message */
  ocr?: OcrOptions | false;
}

const KIND_LABEL: Partial<Record<Sniffed, string>> = {
  pdf: ' PDF ',
  zip: ' DOCX/ZIP ',
  ole: ' DOC/WPS ',
  png: '图片（PNG）',
  jpeg: '图片（JPEG）',
  tiff: '图片（TIFF）',
  gif: '图片（GIF）',
  bmp: '图片（BMP）',
  rtf: ' RTF ',
  html: ' HTML ',
};

const KIND_NAME: Partial<Record<Sniffed, string>> = {
  pdf: 'PDF 文件',
  zip: 'DOCX（ZIP）文件',
  ole: 'DOC/WPS 文件',
  png: 'PNG 图片',
  jpeg: 'JPEG 图片',
  tiff: 'TIFF 图片',
  gif: 'GIF 图片',
  bmp: 'BMP 图片',
  rtf: 'RTF 文件',
  html: 'HTML 网页',
  text: '纯文本',
};

const BY_EXTENSION: Record<string, Sniffed[]> = {
  txt: ['text'],
  text: ['text'],
  md: ['text'],
  markdown: ['text'],
  html: ['html', 'text'],
  htm: ['html', 'text'],
  shtml: ['html', 'text'],
  docx: ['zip'],
  doc: ['ole', 'rtf', 'html'],
  wps: ['ole'],
  pdf: ['pdf'],
  png: ['png'],
  jpg: ['jpeg'],
  jpeg: ['jpeg'],
  tif: ['tiff'],
  tiff: ['tiff'],
  bmp: ['bmp'],
  gif: ['gif'],
};

export async function extract(bytes: Uint8Array, options: ExtractOptions = {}): Promise<Extraction> {
  const kind = sniff(bytes);
  const result = await extractKind(kind, bytes, options);
  // the content decides how a file is read; a misleading name is worth saying
  const ext = /\.([a-z0-9]+)$/i.exec(options.name ?? '')?.[1]?.toLowerCase();
  const expected = ext ? BY_EXTENSION[ext] : undefined;
  if (expected && !expected.includes(kind) && kind !== 'empty' && kind !== 'binary') {
    result.messages.unshift(notice('file-type-mismatch', { ext: `.${ext}`, kind: KIND_NAME[kind] ?? kind }));
  }
  return result;
}

async function extractKind(kind: Sniffed, bytes: Uint8Array, options: ExtractOptions): Promise<Extraction> {
  switch (kind) {
    case 'empty':
      return { document: null, messages: [fatal('file-empty')] };
    case 'text':
      return readText(bytes, /\.(md|markdown)$/i.test(options.name ?? '') ? 'markdown' : 'text');
    case 'html':
      return readHtml(bytes);
    case 'zip':
      return readDocx(bytes);
    case 'pdf':
      return readPdf(bytes, { ...options.pdf, ocr: options.ocr === false ? false : pdfOcr(options.ocr ?? {}) });
    case 'png':
    case 'jpeg':
      if (options.ocr === false) return { document: null, messages: [fatal('image-no-ocr')] };
      return readImage(bytes, kind, options.ocr ?? {});
    case 'ole':
      return readDoc(bytes, options.doc);
    case 'binary':
      return { document: null, messages: [fatal('file-binary')] };
    default:
      return { document: null, messages: [fatal('file-unsupported', { kind: KIND_LABEL[kind] ?? kind })] };
  }
}
