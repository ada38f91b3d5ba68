/** Messages the parser itself reports (zh-CN). Ids are public; see docs/rules/README.md. */
import type { Diagnostic, Severity } from '../diagnostics/types.js';
import { fill } from '../diagnostics/format.js';
import type { Loc } from '../document/model.js';

export const PARSE_MESSAGES = {
  'template-unknown': {
    severity: 'warning',
    text: '未识别出国家统一格式（2019 试行格式或 2021 格式）的统计表{detail}，表格数据未按统一格式读取',
  },
  'template-inferred': {
    severity: 'info',
    text: '表格标签不足以判断格式，按报告年度 {year} 采用 {template} 格式读取',
  },
  'year-unknown': { severity: 'warning', text: '未能从标题或统计期限中确定报告年度' },
  'run-split': {
    severity: 'info',
    text: '“{row}”一行的数字连在一起（“{run}”），依据{basis}只有一种拆分：{split}',
  },
  'run-ambiguous': {
    severity: 'warning',
    text: '“{row}”一行的数字连在一起（“{run}”），有 {count} 种拆分方式（如 {examples}），{cells} 无法确定，标为无法识读',
  },
  'row-shape': {
    severity: 'warning',
    text: '“{row}”一行应有 {expected} 个数值，读到 {actual} 个，无法确定各数值对应的列，标为无法识读',
  },
  'row-by-position': {
    severity: 'info',
    text: '表三有 {count} 行数值没有可辨认的行标签，按表格行序对应为 {rows}',
  },
  'row-unplaced': {
    severity: 'warning',
    text: '表三有 {count} 行数值没有可辨认的行标签，而按行序可对应的空缺行有 {slots} 行，无法确定对应关系，未采用',
  },
  'row-unrecognised': { severity: 'info', text: '无法对应到统计表任何一行的内容“{text}”，已忽略' },
  'row-duplicate': { severity: 'warning', text: '“{row}”一行出现不止一次，采用第一次出现的数值' },
  'table-fragment': {
    severity: 'warning',
    text: '表{table}从残缺的行标签“{text}”开始，前面的行不在文档中（可能在分页处被截断）',
  },
  'cell-text': { severity: 'warning', text: '{cell} 的内容“{raw}”不是数值，标为无法识读' },
  'cell-low-confidence': {
    severity: 'warning',
    text: '{cell} 识别为“{raw}”，但文字识别置信度只有 {confidence}，标为无法识读，请对照原件',
  },
  'row-format-mismatch': {
    severity: 'warning',
    text: '“{text}”是{other}格式的行，与本报告的{template}格式不符，其数值未计入',
  },
} as const satisfies Record<string, { severity: Severity; text: string }>;

/** What decided a split of a run of digits (the {basis} of run-split). */
export const SPLIT_BASIS = {
  count: '单元格个数',
  row: '本行的合计关系',
  columns: '本行合计及各列的勾稽关系',
} as const;

export type ParseMessageId = keyof typeof PARSE_MESSAGES;

export function parseMessage(
  id: ParseMessageId,
  data: Record<string, string | number>,
  location: Loc | null,
  cells?: string[],
): Diagnostic {
  const def = PARSE_MESSAGES[id];
  const d: Diagnostic = { rule: id, severity: def.severity, message: fill(def.text, data), messageId: id, data, location };
  if (cells && cells.length > 0) d.cells = cells;
  return d;
}
