/**
 * Reading one cell's text as a value, and splitting a run of digits that lost its cell
 * separators (`行政规范性文件693665`) into cells — only where the template's arithmetic
 * leaves exactly one way to do it.
 */
import type { CellType } from '../template/index.js';

export type ValueRead =
  | { kind: 'blank' }
  | { kind: 'number'; value: number; unit: '万元' | '元' | null; note?: string }
  | { kind: 'text' };

const BLANK_MARK = /^(?:[-—–－−‐/／\\_…·.。]+|无|空|\/|n\/a|null)$/i;
const NUMBER =
  /^(增加?|减少?|[+\-−﹣])?\s*(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*(万元|元|万|件|条|个|项|次|宗|份)?\s*(?:[(（]([^()（）]*)[)）])?$/;
const WS = /[\s\u00a0\u3000\u200b\ufeff]+/g;
const SPACE_NOT_BETWEEN_DIGITS = /(?<!\d)[\s\u00a0\u3000\u200b\ufeff]+|[\s\u00a0\u3000\u200b\ufeff]+(?!\d)/g;

/** Reads a cell. Amount cells are returned in 万元 (元 converted exactly); `unit` says what was written. */
export function readValue(raw: string, type: CellType): ValueRead {
  // spaces go, except between two digits: “1 2” is two numbers in one cell, never 12
  const t = raw.normalize('NFKC').replace(SPACE_NOT_BETWEEN_DIGITS, '');
  if (t === '' || BLANK_MARK.test(t)) return { kind: 'blank' };
  const m = NUMBER.exec(t);
  if (!m) return { kind: 'text' };
  const [, sign, int, frac, unit, note] = m;
  const negative = sign !== undefined && /^[-−﹣减]/.test(sign);
  const digits = `${int!.replace(/,/g, '')}${frac ?? ''}`;
  let unitOut: '万元' | '元' | null = null;
  let text = digits;
  if (unit === '元') {
    unitOut = '元';
    if (type === 'amount') text = shiftDecimal(digits, 4);
  } else if (unit === '万元' || unit === '万') {
    unitOut = '万元';
  }
  const value = Number(text) * (negative ? -1 : 1);
  const out: ValueRead = { kind: 'number', value: Object.is(value, -0) ? 0 : value, unit: unitOut };
  if (note) out.note = note;
  return out;
}

/** "73802895.90" shifted 4 places left → "7380.289590": exact decimal division by 10^n. */
export function shiftDecimal(digits: string, places: number): string {
  const [int = '0', frac = ''] = digits.split('.');
  const padded = int.padStart(places + 1, '0');
  return `${padded.slice(0, padded.length - places)}.${padded.slice(padded.length - places)}${frac}`;
}

/** A cell that holds a value (number or blank mark) rather than a label. */
export function isValueLike(raw: string): boolean {
  const t = raw.normalize('NFKC').replace(WS, '');
  // “?” is what OCR leaves where it saw ink but could not read it: a value cell, not a label
  if (t === '' || t === '?' || BLANK_MARK.test(t)) return true;
  return NUMBER.test(t);
}

export function isEmptyCell(raw: string): boolean {
  return raw.replace(WS, '') === '';
}

// ---------------------------------------------------------------------------
// Runs of digits without separators

export interface Piece {
  text: string;
  /** offset in the run */
  start: number;
  value: number | null;
  blank: boolean;
  unit: '万元' | '元' | null;
}

export interface SplitResult {
  /** every way of cutting the run into the row's cells that the cell types allow */
  partitions: number;
  /** those that also satisfy the row's arithmetic */
  solutions: Piece[][];
  /** solutions before the arithmetic filter, capped */
  candidates: Piece[][];
}

const MAX_PARTITIONS = 20000;

/**
 * All ways to cut `run` into exactly `types.length` cells. Whitespace always separates
 * cells; inside a token the cut may fall between any two characters, but no piece may
 * have a leading zero (`07`), a dangling sign, or a misplaced decimal point or unit.
 */
export function splitRun(run: string, types: readonly CellType[], accept?: (values: (number | null)[]) => boolean): SplitResult {
  // full-width digits and signs → ASCII one for one, so offsets stay those of `run`
  const norm = run.replace(/[０-９－＋．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  const tokens: { text: string; start: number }[] = [];
  const re = /[^\s\u00a0\u3000]+/g;
  for (let m = re.exec(norm); m; m = re.exec(norm)) tokens.push({ text: m[0], start: m.index });
  const n = types.length;
  const candidates: Piece[][] = [];
  let partitions = 0;
  const solutions: Piece[][] = [];
  const current: Piece[] = [];
  // characters left from token i on, to prune cuts that leave too few or too many per cell
  const after: number[] = [];
  for (let i = tokens.length - 1, acc = 0; i >= 0; i--) after[i] = acc += tokens[i]!.text.length;

  const walk = (ti: number, offset: number): void => {
    if (partitions >= MAX_PARTITIONS) return;
    const cell = current.length;
    if (ti === tokens.length) {
      if (cell === n) {
        partitions++;
        const copy = current.slice();
        if (candidates.length < 50) candidates.push(copy);
        if (!accept || accept(copy.map((p) => p.value))) solutions.push(copy);
      }
      return;
    }
    const left = n - cell;
    // remaining tokens need at least one cell each, and every cell at least one character
    if (left < tokens.length - ti || left > after[ti]! - offset) return;
    const tok = tokens[ti]!;
    const rest = tok.text.length - offset;
    for (let len = 1; len <= rest; len++) {
      const whole = offset === 0 && len === rest;
      const piece = pieceOf(run.slice(tok.start + offset, tok.start + offset + len), tok.text.slice(offset, offset + len), tok.start + offset, types[cell]!, whole);
      if (!piece) continue;
      current.push(piece);
      if (len === rest) walk(ti + 1, 0);
      else walk(ti, offset + len);
      current.pop();
    }
  };
  walk(0, 0);
  return { partitions, solutions, candidates };
}

const COUNT_PIECE = /^(0|[1-9]\d*)$/;
const SIGNED_PIECE = /^([+\-−]?)(0|[1-9]\d*)$/;
const AMOUNT_PIECE = /^((?:0|[1-9]\d*)(?:\.\d+)?)(万元|元)?$/;

/** One candidate cell of a split. A blank mark (— / -) stands alone; inside a token a dash is a minus sign. */
function pieceOf(text: string, t: string, start: number, type: CellType, whole: boolean): Piece | null {
  if (t.length === 1 && '-—–/'.includes(t)) return whole ? { text, start, value: null, blank: true, unit: null } : null;
  if (type === 'amount') {
    const m = AMOUNT_PIECE.exec(t);
    if (!m) return null;
    const unit = (m[2] as '万元' | '元' | undefined) ?? null;
    return { text, start, value: Number(unit === '元' ? shiftDecimal(m[1]!, 4) : m[1]), blank: false, unit };
  }
  const m = (type === 'signed' ? SIGNED_PIECE : COUNT_PIECE).exec(t);
  if (!m) return null;
  const v = type === 'signed' ? Number(m[2]) * (m[1] === '-' || m[1] === '−' ? -1 : 1) : Number(m[1]);
  return { text, start, value: Object.is(v, -0) ? 0 : v, blank: false, unit: null };
}
