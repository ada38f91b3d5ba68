/** The 2021 format (国办公开办函〔2021〕30号), reporting years 2021 onward. spec/template.md §3.2. */
import { APPEALS_TABLE, REQUEST_ROWS_OTHER_2021, SECTIONS, requestsTable } from './common.js';
import type { BlockDef, ColumnDef, RowDef, TableDef } from './types.js';
import { buildTemplate } from './build.js';

const DOCS_COLUMNS: readonly ColumnDef[] = [
  { id: 'issued', label: '本年制发件数', type: 'count' },
  { id: 'repealed', label: '本年废止件数', type: 'count' },
  { id: 'inForce', label: '现行有效件数', type: 'count' },
];
const DECISION_COLUMNS: readonly ColumnDef[] = [
  { id: 'decisions', label: '本年处理决定数量', type: 'count', variants: ['处理决定数量'] },
];
const FEE_COLUMNS: readonly ColumnDef[] = [
  {
    id: 'amount',
    label: '本年收费金额（单位：万元）',
    type: 'amount',
    printedUnit: '万元',
    variants: ['本年收费金额', '本年收费金额(万元)'],
  },
];

const row = (id: string, label: string, columns: readonly ColumnDef[], exact: string[]): RowDef => ({
  id: `active.${id}`,
  label,
  shortLabel: label,
  match: { exact },
  columns,
});

const BLOCKS: readonly BlockDef[] = [
  {
    id: 'item1',
    title: '第二十条第（一）项',
    item: '一',
    columns: DOCS_COLUMNS,
    rows: [
      row('rules', '规章', DOCS_COLUMNS, ['规章']),
      row('normativeDocs', '行政规范性文件', DOCS_COLUMNS, ['行政规范性文件', '规范性文件']),
    ],
  },
  {
    id: 'item5',
    title: '第二十条第（五）项',
    item: '五',
    columns: DECISION_COLUMNS,
    rows: [row('licensing', '行政许可', DECISION_COLUMNS, ['行政许可'])],
  },
  {
    id: 'item6',
    title: '第二十条第（六）项',
    item: '六',
    columns: DECISION_COLUMNS,
    rows: [
      row('penalty', '行政处罚', DECISION_COLUMNS, ['行政处罚']),
      row('coercion', '行政强制', DECISION_COLUMNS, ['行政强制']),
    ],
  },
  {
    id: 'item8',
    title: '第二十条第（八）项',
    item: '八',
    columns: FEE_COLUMNS,
    rows: [row('fees', '行政事业性收费', FEE_COLUMNS, ['行政事业性收费'])],
  },
];

const ACTIVE: TableDef = {
  id: 'active',
  section: 2,
  numeral: '二',
  title: '主动公开政府信息情况',
  rows: BLOCKS.flatMap((b) => b.rows),
  blocks: BLOCKS,
  captions: { content: '信息内容' },
  get headerLabels() {
    return Object.values(this.captions);
  },
  anchors: ['第二十条', '信息内容'],
};

export const T2021 = buildTemplate({
  id: '2021',
  name: '中华人民共和国政府信息公开工作年度报告格式',
  notice: '国办公开办函〔2021〕30号',
  years: [2021, null],
  sections: SECTIONS,
  tables: { active: ACTIVE, requests: requestsTable(REQUEST_ROWS_OTHER_2021), appeals: APPEALS_TABLE },
  signals: [
    '本年制发件数',
    '本年废止件数',
    '现行有效件数',
    '本年处理决定数量',
    '本年收费金额',
    '逾期不补正',
    '缴纳费用',
  ],
});
