/**
 * The parts both national formats share: the six sections, table 三 (except row （六）)
 * and table 四. Source: spec/template.md §2, §4, §5; ids: spec/cells.md.
 */
import type { ColumnDef, GroupDef, RowDef, SectionDef, TableDef } from './types.js';

export const SECTIONS: readonly SectionDef[] = [
  {
    number: 1,
    numeral: '一',
    id: 'overview',
    heading: '总体情况',
    variants: ['总体情况', '概述', '基本情况'],
    keywords: [['总体情况'], ['概述']],
  },
  {
    number: 2,
    numeral: '二',
    id: 'active',
    heading: '主动公开政府信息情况',
    variants: ['主动公开政府信息情况', '主动公开政府信息的情况', '行政机关主动公开政府信息情况'],
    keywords: [['主动公开', '情况']],
  },
  {
    number: 3,
    numeral: '三',
    id: 'requests',
    heading: '收到和处理政府信息公开申请情况',
    variants: ['收到和处理政府信息公开申请情况', '收到和处理政府信息公开申请的情况'],
    keywords: [['收到', '处理', '申请'], ['依申请公开', '情况']],
  },
  {
    number: 4,
    numeral: '四',
    id: 'appeals',
    heading: '政府信息公开行政复议、行政诉讼情况',
    variants: [
      '政府信息公开行政复议、行政诉讼情况',
      '因政府信息公开工作被申请行政复议、提起行政诉讼情况',
      '因政府信息公开工作被申请行政复议、提起行政诉讼的情况',
      '因政府信息公开申请行政复议、提起行政诉讼的情况',
      '政府信息公开行政复议和行政诉讼情况',
      '政府信息公开行政法复议、行政诉讼情况',
    ],
    keywords: [['复议', '诉讼']],
  },
  {
    number: 5,
    numeral: '五',
    id: 'problems',
    heading: '存在的主要问题及改进情况',
    variants: [
      '存在的主要问题及改进情况',
      '存在的问题及改进情况',
      '存在的主要问题及改进措施',
      '政府信息公开工作存在的主要问题及改进情况',
      '存在问题及改进情况',
      '存在的主要问题及整改措施',
      '存在的主要问题及整改情况',
    ],
    keywords: [['问题', '改进'], ['问题', '整改']],
  },
  {
    number: 6,
    numeral: '六',
    id: 'other',
    heading: '其他需要报告的事项',
    variants: ['其他需要报告的事项', '其他事项', '其他需要说明的事项'],
    keywords: [['其他', '事项']],
  },
];

const c = (id: string, label: string, variants: readonly string[] = []): ColumnDef => ({
  id,
  label,
  variants,
  type: 'count',
});

/** Table 三 columns, identical in both formats. */
export const REQUEST_COLUMNS: readonly ColumnDef[] = [
  c('natural', '自然人'),
  c('commercial', '商业企业'),
  c('research', '科研机构'),
  c('social', '社会公益组织', ['社会公益']),
  c('legal', '法律服务机构'),
  c('other', '其他'),
  c('total', '总计'),
];

/** The six applicant columns that add up to 总计 (spec/template.md §6, R2). */
export const APPLICANT_COLUMN_IDS = ['natural', 'commercial', 'research', 'social', 'legal', 'other'] as const;

export const REQUEST_GROUPS: readonly GroupDef[] = [
  { id: 'requests.denied', label: '（三）不予公开', match: { keywords: ['不予公开'] } },
  { id: 'requests.unavailable', label: '（四）无法提供', match: { keywords: ['无法提供'] } },
  { id: 'requests.rejected', label: '（五）不予处理', match: { keywords: ['不予处理'] } },
  { id: 'requests.otherHandling', label: '（六）其他处理', match: { keywords: ['其他处理'] } },
];

const r = (
  id: string,
  label: string,
  shortLabel: string,
  match: RowDef['match'],
  extra: Partial<RowDef> = {},
): RowDef => ({ id, label, shortLabel, match, columns: REQUEST_COLUMNS, ...extra });

const g = (group: string, number: number, id: string, label: string, keywords: string[], exact?: string[]): RowDef =>
  r(`${group}.${id}`, label, `${groupShort(group)}${number}.${label}`, exact ? { keywords, exact } : { keywords }, {
    group,
    number,
  });

function groupShort(group: string): string {
  const def = REQUEST_GROUPS.find((x) => x.id === group);
  return def ? def.label.slice(0, 3) : '';
}

/** Rows before （六）. */
export const REQUEST_ROWS_HEAD: readonly RowDef[] = [
  r('requests.received', '一、本年新收政府信息公开申请数量', '一、本年新收', { keywords: ['本年新收'] }),
  r('requests.carriedOver', '二、上年结转政府信息公开申请数量', '二、上年结转', { keywords: ['上年结转'] }),
  r('requests.granted', '（一）予以公开', '（一）予以公开', { keywords: ['予以公开'] }),
  r('requests.partial', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '（二）部分公开', {
    keywords: ['部分公开'],
  }),
  g('requests.denied', 1, 'stateSecret', '属于国家秘密', ['国家秘密']),
  g('requests.denied', 2, 'prohibitedByLaw', '其他法律行政法规禁止公开', ['禁止公开']),
  g('requests.denied', 3, 'threeSecurities', '危及“三安全一稳定”', ['三安全']),
  g('requests.denied', 4, 'thirdParty', '保护第三方合法权益', ['第三方']),
  g('requests.denied', 5, 'internal', '属于三类内部事务信息', ['内部事务']),
  g('requests.denied', 6, 'process', '属于四类过程性信息', ['过程性']),
  g('requests.denied', 7, 'enforcementCase', '属于行政执法案卷', ['执法案卷']),
  g('requests.denied', 8, 'queryMatter', '属于行政查询事项', ['查询事项']),
  g('requests.unavailable', 1, 'notHeld', '本机关不掌握相关政府信息', ['不掌握']),
  g('requests.unavailable', 2, 'needsCreation', '没有现成信息需要另行制作', ['另行制作']),
  g('requests.unavailable', 3, 'unclear', '补正后申请内容仍不明确', ['补正后']),
  g('requests.rejected', 1, 'complaint', '信访举报投诉类申请', ['信访']),
  g('requests.rejected', 2, 'duplicate', '重复申请', ['重复申请']),
  g('requests.rejected', 3, 'publication', '要求提供公开出版物', ['出版物']),
  g('requests.rejected', 4, 'excessive', '无正当理由大量反复申请', ['大量反复']),
  g('requests.rejected', 5, 'confirmation', '要求行政机关确认或重新出具已获取信息', ['重新出具']),
];

export const REQUEST_ROW_OTHER_2019: RowDef = r('requests.otherHandling', '（六）其他处理', '（六）其他处理', {
  keywords: ['其他处理'],
});

export const REQUEST_ROWS_OTHER_2021: readonly RowDef[] = [
  g(
    'requests.otherHandling',
    1,
    'noCorrection',
    '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    ['逾期不补正'],
  ),
  g(
    'requests.otherHandling',
    2,
    'noFee',
    '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    ['缴纳费用'],
  ),
  g('requests.otherHandling', 3, 'other', '其他', [], ['其他']),
];

export const REQUEST_ROWS_TAIL: readonly RowDef[] = [
  r('requests.outcomeTotal', '（七）总计', '（七）总计', { keywords: ['七', '总计'] }, { prefix: '（七）' }),
  r('requests.carriedForward', '四、结转下年度继续办理', '四、结转下年度继续办理', { keywords: ['结转下年'] }),
];

/** Rows whose outcomes add up to （七）总计 (R3), given the template's （六） rows. */
export function outcomeRowIds(rows: readonly RowDef[]): string[] {
  const first = rows.findIndex((x) => x.id === 'requests.granted');
  const last = rows.findIndex((x) => x.id === 'requests.outcomeTotal');
  return rows.slice(first, last).map((x) => x.id);
}

export function requestsTable(other: readonly RowDef[]): TableDef {
  return {
    id: 'requests',
    section: 3,
    numeral: '三',
    title: '收到和处理政府信息公开申请情况',
    rows: [...REQUEST_ROWS_HEAD, ...other, ...REQUEST_ROWS_TAIL],
    groups: REQUEST_GROUPS,
    captions: {
      balance: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
      applicants: '申请人情况',
      organisations: '法人或其他组织',
      outcomes: '三、本年度办理结果',
    },
    get headerLabels() {
      return Object.values(this.captions);
    },
    anchors: ['勾稽关系', '申请人情况'],
  };
}

const APPEAL_COLUMNS: readonly ColumnDef[] = [
  c('upheld', '结果维持'),
  c('corrected', '结果纠正'),
  c('other', '其他结果'),
  c('pending', '尚未审结'),
  c('total', '总计'),
];

export const APPEAL_GROUPS = [
  { id: 'review', label: '行政复议', keywords: ['行政复议'] },
  { id: 'suitDirect', label: '行政诉讼·未经复议直接起诉', keywords: ['未经复议', '直接起诉'] },
  { id: 'suitAfterReview', label: '行政诉讼·复议后起诉', keywords: ['复议后起诉'] },
] as const;

export const APPEALS_TABLE: TableDef = {
  id: 'appeals',
  section: 4,
  numeral: '四',
  title: '政府信息公开行政复议、行政诉讼情况',
  rows: APPEAL_GROUPS.map((grp) => ({
    id: `appeals.${grp.id}`,
    label: grp.label,
    shortLabel: grp.label,
    match: { keywords: grp.keywords },
    columns: APPEAL_COLUMNS,
  })),
  columnGroups: APPEAL_GROUPS,
  captions: { review: '行政复议', suit: '行政诉讼', suitDirect: '未经复议直接起诉', suitAfterReview: '复议后起诉' },
  get headerLabels() {
    return Object.values(this.captions);
  },
  anchors: ['结果维持', '尚未审结'],
};
