/**
 * Word's automatic numbering (numbering.xml): the “一、” or “（三）” Word draws before a list
 * paragraph is not in its text. This computes it the way Word does — counters per list and
 * level, lower levels restarting when a higher one advances — for the common formats.
 */
import type { Element } from 'domhandler';
import { find, kids } from './xml.js';

type El = Element;

interface Level {
  format: string;
  text: string;
  start: number;
}

const CN = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 12 → 十二, 20 → 二十, 105 → 一百零五 (Word's chineseCounting). */
export function chineseCounting(n: number): string {
  if (n <= 0) return String(n);
  if (n < 10) return CN[n]!;
  if (n < 20) return `十${n % 10 ? CN[n % 10] : ''}`;
  if (n < 100) return `${CN[Math.floor(n / 10)]}十${n % 10 ? CN[n % 10] : ''}`;
  if (n < 1000) {
    const rest = n % 100;
    return `${CN[Math.floor(n / 100)]}百${rest === 0 ? '' : rest < 10 ? `零${CN[rest]}` : rest < 20 ? `一${chineseCounting(rest)}` : chineseCounting(rest)}`;
  }
  return String(n);
}

export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'chineseLegalSimplified':
    case 'taiwaneseCounting':
    case 'japaneseCounting':
      return chineseCounting(n);
    case 'ideographDigital':
    case 'taiwaneseDigital':
      return [...String(n)].map((d) => CN[Number(d)]).join('');
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return [...String(n)].map((d) => String.fromCharCode(0xff10 + Number(d))).join('');
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case 'decimalEnclosedParen':
      return `(${n})`;
    case 'upperLetter':
      return String.fromCharCode(64 + (((n - 1) % 26) + 1));
    case 'lowerLetter':
      return String.fromCharCode(96 + (((n - 1) % 26) + 1));
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'bullet':
    case 'none':
      return '';
    default:
      return String(n);
  }
}

function roman(n: number): string {
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, s] of table) while (n >= v) {
    out += s;
    n -= v;
  }
  return out;
}

export class Numbering {
  /** numId → abstract levels */
  private readonly lists = new Map<string, { abstract: string; levels: Map<number, Level> }>();
  /** abstract id → counters by level */
  private readonly counters = new Map<string, number[]>();
  /** paragraph style → its numPr */
  private readonly styleNum = new Map<string, { numId: string; ilvl: number }>();

  constructor(numbering: El | null, styles: El | null) {
    const root = find(numbering, 'w:numbering');
    const abstracts = new Map<string, Map<number, Level>>();
    for (const a of kids(root).filter((e) => e.name === 'w:abstractNum')) {
      const levels = new Map<number, Level>();
      for (const lvl of kids(a).filter((e) => e.name === 'w:lvl')) {
        levels.set(Number(lvl.attribs['w:ilvl'] ?? 0), {
          format: find(lvl, 'w:numFmt', 1)?.attribs['w:val'] ?? 'decimal',
          text: find(lvl, 'w:lvlText', 1)?.attribs['w:val'] ?? '',
          start: Number(find(lvl, 'w:start', 1)?.attribs['w:val'] ?? 1),
        });
      }
      abstracts.set(a.attribs['w:abstractNumId'] ?? '', levels);
    }
    for (const num of kids(root).filter((e) => e.name === 'w:num')) {
      const abstract = find(num, 'w:abstractNumId', 1)?.attribs['w:val'] ?? '';
      const base = abstracts.get(abstract);
      if (!base) continue;
      const levels = new Map(base);
      // w:lvlOverride with a w:startOverride restarts a level for this list only
      for (const o of kids(num).filter((e) => e.name === 'w:lvlOverride')) {
        const ilvl = Number(o.attribs['w:ilvl'] ?? 0);
        const start = find(o, 'w:startOverride', 1)?.attribs['w:val'];
        const lvl = levels.get(ilvl);
        if (lvl && start !== undefined) levels.set(ilvl, { ...lvl, start: Number(start) });
      }
      this.lists.set(num.attribs['w:numId'] ?? '', { abstract: `${abstract}:${num.attribs['w:numId']}`, levels });
    }
    for (const st of kids(find(styles, 'w:styles')).filter((e) => e.name === 'w:style')) {
      const numPr = find(st, 'w:numPr', 2);
      const numId = find(numPr, 'w:numId', 1)?.attribs['w:val'];
      if (numId) this.styleNum.set(st.attribs['w:styleId'] ?? '', { numId, ilvl: Number(find(numPr, 'w:ilvl', 1)?.attribs['w:val'] ?? 0) });
    }
  }

  /** The number Word shows before this paragraph (advancing the counters), or ''. */
  labelFor(p: El): string {
    const pPr = find(p, 'w:pPr', 1);
    const numPr = find(pPr, 'w:numPr', 1);
    let numId = find(numPr, 'w:numId', 1)?.attribs['w:val'];
    let ilvl = Number(find(numPr, 'w:ilvl', 1)?.attribs['w:val'] ?? 0);
    if (numId === undefined) {
      const style = find(pPr, 'w:pStyle', 1)?.attribs['w:val'];
      const fromStyle = style ? this.styleNum.get(style) : undefined;
      if (!fromStyle) return '';
      numId = fromStyle.numId;
      ilvl = numPr ? ilvl : fromStyle.ilvl;
    }
    const list = this.lists.get(numId);
    if (!list || numId === '0') return '';
    const lvl = list.levels.get(ilvl);
    if (!lvl) return '';
    let counters = this.counters.get(list.abstract);
    if (!counters) {
      counters = [];
      this.counters.set(list.abstract, counters);
    }
    counters[ilvl] = counters[ilvl] === undefined ? lvl.start : counters[ilvl]! + 1;
    for (let k = ilvl + 1; k < counters.length; k++) counters[k] = undefined as unknown as number;
    return lvl.text.replace(/%(\d)/g, (_, d: string) => {
      const k = Number(d) - 1;
      const l = list.levels.get(k);
      const value = counters![k] ?? l?.start ?? 1;
      return formatNumber(value, k === ilvl ? lvl.format : (l?.format ?? 'decimal'));
    });
  }
}
