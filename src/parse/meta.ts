/**
 * Title, reporting year, organ, statistics period and the date the report is signed,
 * read from where reports put them: the title lines, the preamble, the signature.
 */
import { locAt, type Loc, type Paragraph } from '../document/model.js';
import type { Item } from './sections.js';

export interface Meta {
  title: string | null;
  titleLoc?: Loc;
  year: number | null;
  yearLoc?: Loc;
  organ: string | null;
  organLoc?: Loc;
  /** the organ named in the signature, as written, even when it is not the title's */
  signedBy: string | null;
  signedByLoc?: Loc;
  publishedOn: string | null;
  publishedLoc?: Loc;
  period: { start: string; end: string; raw: string; loc: Loc } | null;
}

const ORGAN_SUFFIX =
  /(人民政府|政府|办事处|街道|街道办|管委会|管理委员会|委员会|办公室|办公厅|局|厅|委|署|中心|院|所|站|队|镇|乡|区|县|市)$/;
const YEAR = /((?:19|20)\d{2})\s*年/;
const CN_DIGIT: Record<string, string> = { 〇: '0', 零: '0', O: '0', o: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };
const DATE_TEXT = '((?:19|20)\\d{2}|[一二〇零○O][〇零○O一二三四五六七八九]{3})\\s*年\\s*([0-9]{1,2}|[一二三四五六七八九十]{1,3})\\s*月\\s*([0-9]{1,2}|[一二三四五六七八九十]{1,3})\\s*日';
const STANDALONE_DATE = new RegExp(`^[（(]?\\s*${DATE_TEXT}\\s*[)）]?$`);
const TRAILING_DATE = new RegExp(`${DATE_TEXT}\\s*$`);
const PROSE = /[，。；：！？,;:!?]/;

export function readMeta(items: readonly Item[], firstSectionItem: number, header?: Record<string, string>, docTitle?: string): Meta {
  const paragraphs: { p: Paragraph; index: number }[] = [];
  items.forEach((it, index) => {
    if (it.kind === 'p') paragraphs.push({ p: it.p, index });
  });
  const meta: Meta = { title: null, year: null, organ: null, signedBy: null, publishedOn: null, period: null };

  // --- title: the last title-like line before the first section (page chrome comes earlier)
  const head = paragraphs.filter((x) => x.index < Math.max(firstSectionItem, 1)).slice(0, 120);
  let titleIdx = -1;
  let titleText = '';
  let titleFrom = -1;
  for (let i = 0; i < head.length; i++) {
    const t = head[i]!.p.text;
    if (!/(年度?报告|年报)\s*$/.test(t) || t.length > 70 || PROSE.test(t.replace(/[（(][^)）]*[)）]/g, ''))) continue;
    // lines before it that belong to the title: the organ, or the part with the year
    let k = i;
    let title = t;
    while (k > 0) {
      const prev = head[k - 1]!.p.text;
      if (prev.length > 40 || PROSE.test(prev)) break;
      if (YEAR.test(title) && !ORGAN_SUFFIX.test(prev.replace(/\s+/g, ''))) break;
      title = prev + title;
      k--;
    }
    if (!YEAR.test(title)) continue;
    titleIdx = i;
    titleText = title;
    titleFrom = k;
  }
  if (titleIdx >= 0) {
    meta.title = titleText.replace(/\s+/g, ' ').trim();
    meta.titleLoc = head[titleFrom]!.p.loc;
  } else {
    // a page flattened to one line: the title is at its start, perhaps after page chrome;
    // else the page's own title (crawler header or <title>), without a site name after a dash
    const first = paragraphs[0];
    const m = first
      ? /([^\s，。：；、“”《》]{2,40}?)\s*((?:19|20)\d{2})\s*年\s*度?\s*(?:政府信息公开|政务公开)[^\s，。]{0,12}?(?:年度报告|年报)/.exec(
          first.p.text.slice(0, 800),
        )
      : null;
    const pageTitle = header?.['标题'] ?? docTitle;
    const before = first && m ? first.p.text.slice(0, m.index) : '';
    // not the title of a document the preamble cites: 《…关于编制公布2021年政府信息公开工作年度报告有关事项的通知》
    const insideTitle = (before.match(/《/g)?.length ?? 0) > (before.match(/》/g)?.length ?? 0);
    if (first && m && !insideTitle && !/[，。；]/.test(before.slice(-30))) {
      meta.title = m[0];
      meta.titleLoc = locAt(first.p, m.index);
    } else if (pageTitle) {
      meta.title = pageTitle.split(/\s*[-—|_]\s*/).find((part) => /年度?报告|年报/.test(part)) ?? pageTitle;
    }
  }

  // --- organ and year from the title
  let titleOrgan: string | null = null;
  if (meta.title) {
    const y = YEAR.exec(meta.title);
    if (y) {
      meta.year = Number(y[1]);
      meta.yearLoc = meta.titleLoc;
      const before = meta.title.slice(0, y.index).replace(/\s+/g, '').trim();
      if (before.length >= 2) titleOrgan = before;
      else {
        const after = /年度?\s*(.{2,30}?)\s*(?:政府信息公开|政务公开)/.exec(meta.title.slice(y.index));
        if (after?.[1]) titleOrgan = after[1].replace(/\s+/g, '');
      }
    }
  }

  // --- period
  const periodRe = new RegExp(
    `统计[^。；]{0,24}?${DATE_TEXT}\\s*(?:起)?\\s*(?:至|到|—|－|-|~|～)\\s*(?:((?:19|20)\\d{2})\\s*年\\s*)?([0-9]{1,2}|[一二三四五六七八九十]{1,3})\\s*月\\s*([0-9]{1,2}|[一二三四五六七八九十]{1,3})\\s*日`,
  );
  for (const { p } of paragraphs) {
    const m = periodRe.exec(p.text);
    if (!m) continue;
    const startYear = year4(m[1]!);
    const endYear = m[4] ? year4(m[4]) : startYear;
    const pm = /\d{4}|[一二〇零○O][〇零○O一二三四五六七八九]{3}/.exec(m[0])!;
    meta.period = {
      start: isoDate(startYear, num(m[2]!), num(m[3]!)),
      end: isoDate(endYear, num(m[5]!), num(m[6]!)),
      raw: m[0].slice(pm.index),
      loc: locAt(p, m.index + pm.index),
    };
    break;
  }
  if (meta.year === null && meta.period) {
    meta.year = Number(meta.period.start.slice(0, 4));
    meta.yearLoc = meta.period.loc;
  }

  // --- signature at the end: "organ" then "date", or both on one line
  let signOrgan: string | null = null;
  let signOrganLoc: Loc | undefined;
  const tail = paragraphs.slice(-6);
  for (let i = tail.length - 1; i >= 0; i--) {
    const { p } = tail[i]!;
    const text = p.text.trim();
    let dm = STANDALONE_DATE.exec(text);
    let organText: string | null = null;
    if (!dm && text.length <= 50) {
      const tm = TRAILING_DATE.exec(text);
      const before = tm ? text.slice(0, tm.index).trim() : '';
      if (tm && before && !PROSE.test(before) && ORGAN_SUFFIX.test(before)) {
        dm = tm;
        organText = before;
      }
    }
    if (!dm) continue;
    meta.publishedOn = isoDate(year4(dm[1]!), num(dm[2]!), num(dm[3]!));
    meta.publishedLoc = locAt(p, dm.index + (p.text.length - p.text.trimStart().length));
    if (organText) {
      signOrgan = organText;
      signOrganLoc = p.loc;
    } else {
      const prev = tail[i - 1]?.p;
      if (prev && prev.text.length <= 40 && !PROSE.test(prev.text) && ORGAN_SUFFIX.test(prev.text.trim())) {
        signOrgan = prev.text.trim().replace(/\s+/g, '');
        signOrganLoc = prev.loc;
      }
    }
    break;
  }
  // a date line right under the title
  if (meta.publishedOn === null && titleIdx >= 0) {
    for (const { p } of head.slice(titleIdx + 1, titleIdx + 4)) {
      const dm = STANDALONE_DATE.exec(p.text.trim());
      if (dm) {
        meta.publishedOn = isoDate(year4(dm[1]!), num(dm[2]!), num(dm[3]!));
        meta.publishedLoc = p.loc;
        break;
      }
    }
  }

  if (signOrgan) {
    meta.signedBy = signOrgan;
    if (signOrganLoc) meta.signedByLoc = signOrganLoc;
  }
  // --- organ: the signature when it is the fuller form of the title's name, else the title's
  if (signOrgan && (!titleOrgan || signOrgan.includes(titleOrgan) || titleOrgan.includes(signOrgan))) {
    meta.organ = signOrgan.length >= (titleOrgan?.length ?? 0) ? signOrgan : titleOrgan;
    meta.organLoc = signOrgan.length >= (titleOrgan?.length ?? 0) ? signOrganLoc : meta.titleLoc;
  } else if (titleOrgan) {
    meta.organ = titleOrgan;
    meta.organLoc = meta.titleLoc;
  } else if (signOrgan) {
    meta.organ = signOrgan;
    meta.organLoc = signOrganLoc;
  } else {
    for (const { p } of paragraphs.slice(0, 4)) {
      const m = /请(?:与|联系)\s*([^\s，。；、（(：:]{2,30}?(?:人民政府|政府|办事处|管委会|委员会|办公室|办公厅|局|委))/.exec(p.text);
      if (m?.[1]) {
        meta.organ = m[1];
        meta.organLoc = locAt(p, m.index + m[0].indexOf(m[1]));
        break;
      }
    }
  }
  return meta;
}

function year4(s: string): number {
  if (/^\d{4}$/.test(s)) return Number(s);
  return Number([...s].map((c) => CN_DIGIT[c] ?? '0').join(''));
}

/** 1–31 from Arabic digits or Chinese numerals (十二, 二十六, 三十一). */
function num(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  const d = (c: string | undefined): number => (c ? Number(CN_DIGIT[c] ?? 0) : 0);
  if (s === '十') return 10;
  const i = s.indexOf('十');
  if (i < 0) return d(s[0]);
  return (i === 0 ? 1 : d(s[0])) * 10 + d(s[i + 1]);
}

/** YYYY-MM-DD exactly as written, even when the day does not exist. */
export function isoDate(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
