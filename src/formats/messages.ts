/** Messages of the extractors and the file reader: one fatal diagnostic per unreadable file. */
import type { Diagnostic } from '../diagnostics/types.js';
import { fill } from '../diagnostics/format.js';

export const FILE_MESSAGES = {
  'file-not-found': '文件不存在：{path}',
  'file-not-readable': '无法读取文件：{path}（{reason}）',
  'file-empty': '文件为空，没有可读取的内容',
  'file-binary': '这不是文本文件（含二进制内容），无法作为文本读取',
  'file-encoding': '无法识别文件的字符编码（已尝试 UTF-8、UTF-16、GB18030）',
  'file-too-large': '文件过大（{size}），超过上限 {limit}，已跳过',
  'file-unsupported': '暂不支持读取{kind}文件',
  'file-directory-empty': '目录中没有可检查的报告文件：{path}',
  'zip-corrupt': '文件已损坏或不完整，无法作为 DOCX（ZIP）打开',
  'zip-too-large': 'DOCX 文件解压后过大，可能是恶意构造的压缩包，已跳过',
  'zip-not-docx': '这是一个 ZIP 压缩包，但不是 Word 文档（DOCX）',
  'doc-unreadable': '无法读取 DOC/WPS 文件（{reason}）',
  'pdf-encrypted': 'PDF 文件已加密（需要密码），无法读取',
  'pdf-corrupt': 'PDF 文件已损坏，无法读取（{reason}）',
  'pdf-scanned-no-ocr': '这是扫描件（PDF 没有文字层），未启用文字识别（OCR），无法读取',
  'image-no-ocr': '这是图片，未启用文字识别（OCR），无法读取',
  'ocr-failed': '文字识别（OCR）失败：{reason}',
  'image-corrupt': '图片已损坏，无法读取（{reason}）',
} as const;

export type FileMessageId = keyof typeof FILE_MESSAGES;

/** Things an extractor says about a file it could read: pages left out, structure lost. */
export const NOTICES = {
  'pdf-pages-capped': { severity: 'warning', text: 'PDF 共 {total} 页，只读取了前 {max} 页' },
  'pdf-timeout': { severity: 'warning', text: '读取 PDF 超过 {seconds} 秒，只读取了 {done}/{total} 页' },
  'pdf-page-unreadable': { severity: 'warning', text: 'PDF 第 {page} 页无法读取（{reason}），已跳过' },
  'pdf-scanned-pages-skipped': { severity: 'warning', text: 'PDF 第 {pages} 页是扫描图像，未启用文字识别，已跳过' },
  'doc-no-tables': {
    severity: 'warning',
    text: '未安装 LibreOffice，DOC/WPS 文件只能提取纯文本，表格结构已丢失，表格数据可能无法读取（安装 LibreOffice 后可完整读取）',
  },
  'file-type-mismatch': { severity: 'warning', text: '文件名是 {ext}，但内容实际是 {kind}，已按实际内容读取' },
  'ocr-used': { severity: 'info', text: '第 {pages} 页为扫描图像，已用文字识别（OCR）读取，平均置信度 {confidence}' },
} as const satisfies Record<string, { severity: Diagnostic['severity']; text: string }>;

export type NoticeId = keyof typeof NOTICES;

export function notice(id: NoticeId, data: Record<string, string | number> = {}): Diagnostic {
  return { rule: id, severity: NOTICES[id].severity, message: fill(NOTICES[id].text, data), messageId: id, data, location: null };
}

export function fatal(id: FileMessageId, data: Record<string, string | number> = {}): Diagnostic {
  return { rule: id, severity: 'error', message: fill(FILE_MESSAGES[id], data), messageId: id, data, location: null, fatal: true };
}
