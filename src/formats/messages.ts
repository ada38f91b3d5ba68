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
} as const;

export type FileMessageId = keyof typeof FILE_MESSAGES;

export function fatal(id: FileMessageId, data: Record<string, string | number> = {}): Diagnostic {
  return { rule: id, severity: 'error', message: fill(FILE_MESSAGES[id], data), messageId: id, data, location: null, fatal: true };
}
