/**
 * What kind of organ a report's author is, from its name. It decides the statutory
 * deadline (条例 第四十九条): 部门 by 1月31日, 县级以上地方人民政府 by 3月31日; the 条例
 * sets none for 乡镇 and 街道 (spec/template.md §1.2).
 */
export type OrganKind = 'government' | 'department' | 'township' | 'subdistrict';

export const ORGAN_KIND_LABEL: Record<OrganKind, string> = {
  government: '县级以上人民政府',
  department: '政府部门',
  township: '乡镇',
  subdistrict: '街道',
};

export function classifyOrgan(name: string | null | undefined): OrganKind | null {
  if (!name) return null;
  const n = name.replace(/[\s（(][^）)]*[）)]?$/, '').replace(/\s+/g, '');
  if (/街道(办事处|办|工委)?$/.test(n)) return 'subdistrict';
  if (/(镇|乡)(人民政府|政府)?$/.test(n)) return 'township';
  if (/(办公厅|办公室|局|委员会|委|厅|署|中心|办|管理处|总队|支队|大队)$/.test(n)) return 'department';
  if (/(省|自治区|市|县|区|旗|州|盟)(人民政府|政府)$/.test(n) || /管理委员会$|管委会$/.test(n)) return 'government';
  return null;
}

/** The 第四十九条 deadline for the report on `year`, or null where the 条例 sets none. */
export function statutoryDeadline(kind: OrganKind | null, year: number): string | null {
  if (kind === 'department') return `${year + 1}-01-31`;
  if (kind === 'government') return `${year + 1}-03-31`;
  return null;
}
