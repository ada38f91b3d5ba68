/** The 2019 试行 format (国办公开办函〔2019〕60号), reporting years 2019–2020. spec/template.md §3.1. */
import { APPEALS_TABLE, REQUEST_ROW_OTHER_2019, SECTIONS, requestsTable } from './common.js';
import type { BlockDef, ColumnDef, RowDef, TableDef } from './types.js';
import { buildTemplate } from './build.js';

const col = (id: string, label: string, type: ColumnDef['type'], variants: string[] = []): ColumnDef => ({
  id,
  label,
  type,
  variants,
});

const DOCS_COLUMNS = [
  col('made', '本年新制作数量', 'count'),
  col('published', '本年新公开数量', 'count'),
  col('total', '对外公开总数量', 'count'),
];
const ITEM_COLUMNS = [
  col('lastYear', '上一年项目数量', 'count'),
  col('change', '本年增/减', 'signed', ['本年增减', '本年增（减）']),
  col('decisions', '处理决定数量', 'count'),
];
const FEE_COLUMNS = ITEM_COLUMNS.slice(0, 2);
const PROCUREMENT_COLUMNS = [
  col('count', '采购项目数量', 'count'),
  col('amount', '采购总金额', 'amount', ['采购总金额（万元）']),
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
      row('normativeDocs', '规范性文件', DOCS_COLUMNS, ['规范性文件', '行政规范性文件']),
    ],
  },
  {
    id: 'item5',
    title: '第二十条第（五）项',
    item: '五',
    columns: ITEM_COLUMNS,
    rows: [
      row('licensing', '行政许可', ITEM_COLUMNS, ['行政许可']),
      row('otherServices', '其他对外管理服务事项', ITEM_COLUMNS, ['其他对外管理服务事项']),
    ],
  },
  {
    id: 'item6',
    title: '第二十条第（六）项',
    item: '六',
    columns: ITEM_COLUMNS,
    rows: [
      row('penalty', '行政处罚', ITEM_COLUMNS, ['行政处罚']),
      row('coercion', '行政强制', ITEM_COLUMNS, ['行政强制']),
    ],
  },
  {
    id: 'item8',
    title: '第二十条第（八）项',
    item: '八',
    columns: FEE_COLUMNS,
    rows: [row('fees', '行政事业性收费', FEE_COLUMNS, ['行政事业性收费'])],
  },
  {
    id: 'item9',
    title: '第二十条第（九）项',
    item: '九',
    columns: PROCUREMENT_COLUMNS,
    rows: [row('procurement', '政府集中采购', PROCUREMENT_COLUMNS, ['政府集中采购'])],
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

export const T2019 = buildTemplate({
  id: '2019',
  name: '政府信息公开工作年度报告格式（试行）',
  notice: '国办公开办函〔2019〕60号',
  years: [2019, 2020],
  sections: SECTIONS,
  tables: { active: ACTIVE, requests: requestsTable([REQUEST_ROW_OTHER_2019]), appeals: APPEALS_TABLE },
  signals: [
    '本年新制作数量',
    '本年新公开数量',
    '对外公开总数量',
    '上一年项目数量',
    '本年增/减',
    '其他对外管理服务事项',
    '第二十条第（九）项',
    '政府集中采购',
    '采购总金额',
  ],
});
