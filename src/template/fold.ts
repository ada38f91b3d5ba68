/**
 * Folding of labels before they are compared: reports write the same label with
 * full- or half-width punctuation, stray spaces, line breaks inside words and
 * any kind of quote. Matching always happens on folded text.
 */

const QUOTES = /[“”„‟"'‘’「」『』〝〞]/g;
const DASHES = /[—–－−‐‑‒―]/g;
const WS = /[\s\u00a0\u3000\u200b\ufeff]+/g;

/** NFKC, no whitespace, no quotes, one dash. Keeps CJK punctuation such as 、 */
export function fold(text: string): string {
  return text.normalize('NFKC').replace(WS, '').replace(QUOTES, '').replace(DASHES, '-');
}

/**
 * A cheaper fold for searching labels in long text: no whitespace, ASCII brackets and slash,
 * no quotes. Enough for the labels the format is detected by; NFKC on a whole report is slow.
 */
export function foldForSearch(text: string): string {
  return text
    .replace(WS, '')
    .replace(QUOTES, '')
    .replace(/[（）／]/g, (c) => (c === '（' ? '(' : c === '）' ? ')' : '/'));
}

const CN_NUM = '一二三四五六七八九十';
const NUMBERING = new RegExp(
  `^(?:[${CN_NUM}]+[、.,]|\\([${CN_NUM}]+\\)[、.]?|\\d{1,2}(?:[、.](?!\\d)|\\))|\\(\\d{1,2}\\)|[①②③④⑤⑥⑦⑧⑨⑩])`,
);

/** Removes leading list numbering (一、 （三） 1. 2、 (4)), repeatedly. Input must be folded. */
export function stripNumbering(folded: string): string {
  let s = folded;
  for (let i = 0; i < 4; i++) {
    const m = NUMBERING.exec(s);
    if (!m) break;
    s = s.slice(m[0].length);
  }
  return s;
}

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** Parses a Chinese numeral up to 十 (一…十); returns null otherwise. */
export function chineseNumeral(s: string): number | null {
  return CN_DIGITS[s] ?? null;
}

export const CHINESE_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'] as const;

/** Leading numbering of a folded label: {kind, n} or null. */
export function leadingNumber(folded: string): { kind: 'cn' | 'cnParen' | 'arabic' | 'arabicParen'; n: number } | null {
  let m = /^([一二三四五六七八九十])[、.,]/.exec(folded);
  if (m?.[1]) return { kind: 'cn', n: CN_DIGITS[m[1]]! };
  m = /^\(([一二三四五六七八九十])\)/.exec(folded);
  if (m?.[1]) return { kind: 'cnParen', n: CN_DIGITS[m[1]]! };
  m = /^(\d{1,2})(?:[、.](?!\d)|\))/.exec(folded);
  if (m?.[1]) return { kind: 'arabic', n: Number(m[1]) };
  m = /^\((\d{1,2})\)/.exec(folded);
  if (m?.[1]) return { kind: 'arabicParen', n: Number(m[1]) };
  return null;
}
