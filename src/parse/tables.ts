/**
 * Reads the three statistical tables into cells. Structured tables (rows of cells, from any
 * extractor) are read row by row, matched to the template by their labels; a table that
 * only survives as flattened text is read label by label with the runs of digits between.
 * Nothing is shifted or guessed: a row that does not fit is reported and left unreadable.
 */
import type { Diagnostic } from '../diagnostics/types.js';
import { locAt, type Cell, type Loc, type Paragraph } from '../document/model.js';
import {
  APPLICANT_COLUMN_IDS,
  fold,
  leadingNumber,
  stripNumbering,
  type BlockDef,
  type CellType,
  type RowDef,
  type TableId,
  type TemplateDef,
} from '../template/index.js';
import { parseMessage, SPLIT_BASIS } from './messages.js';
import type { CellValue } from './model.js';
import type { Item, SectionRange } from './sections.js';
import { isEmptyCell, isValueLike, readValue, splitRun, type Piece } from './values.js';

type Cells = Record<string, CellValue>;

/** A row that needs the other rows to decide how its run splits (table 三 column relations). */
interface Pending {
  row: RowDef;
  run: string;
  solutions: Piece[][];
  at: (offset: number) => Loc;
  loc: Loc;
}

const TABLE_IDS = ['active', 'requests', 'appeals'] as const;

export class TableReader {
  readonly cells: Cells = {};
  readonly diagnostics: Diagnostic[] = [];
  private readonly found = new Set<string>();
  private readonly pending: Pending[] = [];
  private readonly other: TemplateDef | null;
  private readonly tableOfRow = new Map<string, TableId>();
  private readonly anchors: Record<TableId, string[]>;
  private readonly sectionTable = new Map<number, TableId>();
  /** table 三 rows in document order: labelled ones (their template index) and value rows without a usable label */
  private readonly sequence: ({ kind: 'label'; index: number } | { kind: 'bare'; values: Cell[]; loc: Loc })[] = [];

  constructor(
    private readonly template: TemplateDef,
    otherTemplate: TemplateDef | null,
    /** OCR confidence (0–100) below which a recognised number is not trusted */
    private readonly minConfidence = 80,
  ) {
    this.other = otherTemplate;
    for (const c of template.cells) this.cells[c.id] = { value: null, status: 'missing', raw: null, loc: null };
    for (const t of TABLE_IDS) {
      for (const r of template.tables[t].rows) this.tableOfRow.set(r.id, t);
      this.sectionTable.set(template.tables[t].section, t);
    }
    this.anchors = {
      active: template.tables.active.anchors.map(fold),
      requests: template.tables.requests.anchors.map(fold),
      appeals: template.tables.appeals.anchors.map(fold),
    };
  }

  private hasAnchor(table: TableId, joined: string): boolean {
    return this.anchors[table].some((a) => joined.includes(a));
  }

  /** The table 二 sub-block whose title is in the row: this format's, or null when only the other format has it. */
  private blockIn(joined: string): { block: BlockDef | null; foreign: boolean } | null {
    const own = this.template.tables.active.blocks!.find((b) => joined.includes(fold(b.title)));
    if (own) return { block: own, foreign: false };
    const other = this.other?.tables.active.blocks!.find((b) => joined.includes(fold(b.title)));
    return other ? { block: null, foreign: true } : null;
  }

  private requestGroupOf(joined: string): string | null {
    return this.template.tables.requests.groups!.find((g) => g.match.keywords!.every((k) => joined.includes(k)))?.id ?? null;
  }

  /** The table 四 group a label names; the more specific names (未经复议直接起诉) win over 行政复议. */
  private appealGroupOf(folded: string): string | null {
    const groups = [...this.template.tables.appeals.columnGroups!].sort((a, b) => b.keywords.join('').length - a.keywords.join('').length);
    return groups.find((g) => g.keywords.every((k) => folded.includes(k)))?.id ?? null;
  }

  /** The group named last in a stretch of text (the header just before a run of digits). */
  private lastGroupIn(folded: string): string | null {
    let best: string | null = null;
    let at = -1;
    for (const g of this.template.tables.appeals.columnGroups!) {
      if (!g.keywords.every((k) => folded.includes(k))) continue;
      const i = folded.lastIndexOf(g.keywords[g.keywords.length - 1]!);
      if (i > at) {
        at = i;
        best = g.id;
      }
    }
    return best;
  }

  read(items: readonly Item[], ranges: readonly SectionRange[]): void {
    this.readStructured(items, ranges);
    for (const table of ['active', 'requests', 'appeals'] as const) {
      const rows = this.template.tables[table].rows;
      if (rows.some((r) => !this.found.has(r.id))) this.readFlat(table, items, ranges);
    }
    this.resolvePending();
  }

  // -------------------------------------------------------------------------
  // Structured tables

  private readStructured(items: readonly Item[], ranges: readonly SectionRange[]): void {
    const headingAt = new Map(ranges.map((r) => [r.headingItem, r.number]));
    let ctx: TableId | null = null;
    let block: BlockDef | null = null;
    let group: string | null = null;
    let lastRequestRow: RowDef | null = null;
    let appealsGroup: string | null = null;
    let sawRequestHeader = false;

    items.forEach((item, index) => {
      if (item.kind === 'p') {
        const section = headingAt.get(index);
        if (section !== undefined) {
          ctx = this.sectionTable.get(section) ?? null;
          block = null;
          group = null;
          appealsGroup = null;
        } else if (ctx === 'appeals' && item.p.text.length <= 30) {
          appealsGroup = this.appealGroupOf(fold(item.p.text)) ?? appealsGroup;
        }
        return;
      }
      for (const row of item.t.rows) {
        const labelIdx: number[] = [];
        row.forEach((c, i) => {
          if (!isValueLike(c.text)) labelIdx.push(i);
        });
        const labels = labelIdx.map((i) => fold(row[i]!.text));
        const joined = labels.join('');
        const titled = this.blockIn(joined);
        if (titled) {
          ctx = 'active';
          block = titled.block;
          if (titled.foreign) this.formatMismatch(row[labelIdx[0]!]!, joined);
          continue;
        }
        if (this.hasAnchor('active', joined)) {
          ctx = 'active';
          continue;
        }
        if (this.hasAnchor('requests', joined)) {
          ctx = 'requests';
          sawRequestHeader = true;
          continue;
        }
        if (this.hasAnchor('appeals', joined)) {
          ctx = 'appeals';
          continue;
        }
        if (labelIdx.length === 0) {
          if (ctx === 'appeals') this.appealsDataRow(row.filter((c) => !c.merged), appealsGroup);
          else if (ctx === 'requests') this.bareRow(row.filter((c) => !c.merged), row[0]!.loc);
          continue;
        }
        const lastLabel = labelIdx[labelIdx.length - 1]!;
        // copies of a merged cell (colspan) are one value, not several
        const values = row.slice(lastLabel + 1).filter((c) => !c.merged);
        const rowLoc = row[lastLabel]!.loc;
        const hasNumber = values.some((c) => !isEmptyCell(c.text));

        let def: RowDef | null = null;
        if (ctx === 'active' || ctx === null) {
          def = this.matchActive(labels[labels.length - 1]!, block);
          if (def && ctx === null) ctx = 'active';
          if (!def && ctx === 'active' && hasNumber && this.other && this.matchActiveIn(this.other, labels[labels.length - 1]!)) {
            this.formatMismatch(row[lastLabel]!, row[lastLabel]!.text);
            continue;
          }
        }
        if (!def && (ctx === 'requests' || ctx === null)) {
          const g = this.requestGroupOf(joined);
          if (g) group = g;
          def = this.matchRequest(joined, labels[labels.length - 1]!, group ?? lastRequestRow?.group ?? null, lastRequestRow);
          if (def) {
            if (ctx === null) ctx = 'requests';
            lastRequestRow = def;
            // the group a numbered row falls back to is that of the last row recognised
            group = g ?? def.group ?? null;
          } else if (ctx === 'requests' && hasNumber && this.isOtherFormatRow(joined)) {
            // e.g. the single （六）其他处理 row of the 2019 format in a 2021 report
            this.formatMismatch(row[lastLabel]!, row[lastLabel]!.text.trim());
            continue;
          } else if (ctx === 'requests' && labels.length > 0 && !hasNumber && !sawRequestHeader && !this.anyFound('requests')) {
            // a lone label tail at the top of a table cut at a page break (“卷”)
            if (labels.join('').length <= 4) {
              this.diagnostics.push(
                parseMessage('table-fragment', { table: this.template.tables.requests.numeral, text: row[lastLabel]!.text.trim() }, row[lastLabel]!.loc),
              );
              sawRequestHeader = true;
              continue;
            }
          }
        }
        if (!def && ctx === 'appeals') {
          const g = this.appealGroupOf(joined);
          if (g && hasNumber) def = this.template.tables.appeals.rows.find((r) => r.id === `appeals.${g}`) ?? null;
          else if (g) appealsGroup = g;
        }
        if (!def) {
          // in table 三, values under a label too garbled to match may still be placed by position
          if (ctx === 'requests' && hasNumber && this.bareRow(values, rowLoc, row[lastLabel]!.text)) continue;
          if (hasNumber && ctx !== null) {
            this.diagnostics.push(parseMessage('row-unrecognised', { text: row.map((c) => c.text.trim()).join(' ').slice(0, 60) }, rowLoc));
          }
          continue;
        }
        if (this.found.has(def.id)) {
          if (hasNumber) this.diagnostics.push(parseMessage('row-duplicate', { row: def.shortLabel }, rowLoc));
          continue;
        }
        if (this.tableOfRow.get(def.id) === 'requests') {
          this.sequence.push({ kind: 'label', index: this.template.tables.requests.rows.indexOf(def) });
        }
        this.assignCells(def, values, rowLoc);
      }
    });
    this.placeBareRows();
  }

  /** A table 三 row of seven values without a row label it can be matched by. */
  private bareRow(values: Cell[], loc: Loc, label?: string): boolean {
    const fitted = fitValues(values, this.template.tables.requests.rows[0]!.columns.length);
    if (fitted.kind !== 'ok' || !fitted.cells.some((c) => !isEmptyCell(c.text))) return false;
    void label;
    this.sequence.push({ kind: 'bare', values: fitted.cells, loc });
    return true;
  }

  /**
   * Value rows that lost their labels (a table cut into fragments, labels left as loose
   * text) are placed by order: between two labelled rows, the bare rows fill the rows of
   * the template that lie between them and were not found — only when the counts agree.
   */
  private placeBareRows(): void {
    const rows = this.template.tables.requests.rows;
    for (let i = 0; i < this.sequence.length; ) {
      if (this.sequence[i]!.kind !== 'bare') {
        i++;
        continue;
      }
      let j = i;
      while (j < this.sequence.length && this.sequence[j]!.kind === 'bare') j++;
      const before = this.sequence.slice(0, i).reverse().find((x) => x.kind === 'label') as { index: number } | undefined;
      const after = this.sequence.slice(j).find((x) => x.kind === 'label') as { index: number } | undefined;
      const from = before ? before.index + 1 : 0;
      const to = after ? after.index : rows.length;
      const slots = rows.slice(from, to).filter((r) => !this.found.has(r.id));
      const bare = this.sequence.slice(i, j) as { values: Cell[]; loc: Loc }[];
      if (slots.length === bare.length) {
        bare.forEach((b, k) => this.assignCells(slots[k]!, b.values, b.loc));
        this.diagnostics.push(
          parseMessage(
            'row-by-position',
            { count: bare.length, rows: slots.map((r) => `“${r.shortLabel}”`).join('、') },
            bare[0]!.loc,
            slots.flatMap((r) => r.columns.map((c) => `${r.id}.${c.id}`)),
          ),
        );
      } else {
        this.diagnostics.push(parseMessage('row-unplaced', { count: bare.length, slots: slots.length }, bare[0]!.loc));
      }
      i = j;
    }
  }

  /** A row labelled only with a group that is itself a row in the other format. */
  private isOtherFormatRow(joined: string): boolean {
    const g = this.requestGroupOf(joined);
    return g !== null && (this.other?.tables.requests.rows.some((r) => r.id === g) ?? false);
  }

  private anyFound(table: TableId): boolean {
    return this.template.tables[table].rows.some((r) => this.found.has(r.id));
  }

  private formatMismatch(cell: Cell, text: string): void {
    const other = this.template.id === '2019' ? '2021' : '2019';
    this.diagnostics.push(
      parseMessage('row-format-mismatch', { text: text.trim().slice(0, 40), other, template: this.template.id }, cell.loc),
    );
  }

  private matchActive(label: string, block: BlockDef | null): RowDef | null {
    const rows = block ? block.rows : this.template.tables.active.rows;
    const name = stripNumbering(label);
    return rows.find((r) => r.match.exact?.includes(name)) ?? (block ? this.matchActive(label, null) : null);
  }

  private matchActiveIn(t: TemplateDef, label: string): RowDef | null {
    const name = stripNumbering(label);
    return t.tables.active.rows.find((r) => r.match.exact?.includes(name)) ?? null;
  }

  /** Table 三 row by keywords; by its number inside the current group when the label is garbled. */
  private matchRequest(joined: string, lastLabel: string, group: string | null, last: RowDef | null = null): RowDef | null {
    let best: RowDef | null = null;
    let bestLen = 0;
    const name = stripNumbering(lastLabel);
    const lead = leadingNumber(lastLabel);
    for (const r of this.template.tables.requests.rows) {
      const kw = r.match.keywords ?? [];
      const byKeywords = kw.length > 0 && kw.every((k) => joined.includes(k));
      // “其他” alone is also a column heading: only the numbered row inside its group counts
      const byExact = (r.match.exact?.includes(name) ?? false) && (lead?.n === r.number || group === r.group);
      if (!byKeywords && !byExact) continue;
      const len = byExact ? 100 : kw.join('').length;
      if (len > bestLen) {
        best = r;
        bestLen = len;
      }
    }
    if (best) return best;
    // by number inside the current group, and only going forward: a number that restarts
    // (1. after 5.) belongs to a group whose label was not read
    if (lead?.kind === 'arabic' && group && (last?.group !== group || lead.n > (last.number ?? 0))) {
      return this.template.tables.requests.rows.find((r) => r.group === group && r.number === lead.n) ?? null;
    }
    return null;
  }

  private appealsDataRow(row: Cell[], pendingGroup: string | null): void {
    const all = this.template.tables.appeals.rows;
    if (all.every((r) => this.found.has(r.id))) return;
    const nonEmpty = row.filter((c) => !isEmptyCell(c.text)).length;
    if (nonEmpty === 0 && (row.length < 15 || this.anyFound('appeals'))) return;
    const cols15 = all.flatMap((r) => r.columns.map((c) => ({ row: r, col: c })));
    if (row.length >= 15 || (nonEmpty > 5 && !pendingGroup)) {
      const fitted = fitValues(row, 15);
      if (fitted.kind === 'ok') {
        fitted.cells.forEach((c, i) => this.setRead(`${cols15[i]!.row.id}.${cols15[i]!.col.id}`, c, cols15[i]!.col.type));
        for (const r of all) this.found.add(r.id);
        return;
      }
      const label = `表${this.template.tables.appeals.numeral}`;
      if (this.trySplit(all, row, row[0]!.loc, label)) return;
      this.shape(label, 15, nonEmpty, row[0]!.loc, all);
      return;
    }
    const target = pendingGroup ? all.find((r) => r.id === `appeals.${pendingGroup}`) : all.find((r) => !this.found.has(r.id));
    if (!target || this.found.has(target.id)) return;
    this.assignCells(target, row, row[0]!.loc);
  }

  // -------------------------------------------------------------------------
  // Values of one row

  private assignCells(def: RowDef, values: Cell[], rowLoc: Loc): void {
    const n = def.columns.length;
    const fitted = fitValues(values, n);
    if (fitted.kind === 'ok') {
      fitted.cells.forEach((c, i) => this.setRead(`${def.id}.${def.columns[i]!.id}`, c, def.columns[i]!.type));
      this.found.add(def.id);
      return;
    }
    if (fitted.kind === 'blank') {
      for (const col of def.columns) {
        this.cells[`${def.id}.${col.id}`] = { value: null, status: 'blank', raw: '', loc: values[0]?.loc ?? rowLoc };
      }
      this.found.add(def.id);
      return;
    }
    if (this.trySplit([def], values, rowLoc, def.shortLabel)) return;
    this.shape(def.shortLabel, n, values.filter((c) => !isEmptyCell(c.text)).length, rowLoc, [def], values);
  }

  /** Cells of the row(s) hold fewer values than columns, separated by spaces or not at all. */
  private trySplit(defs: readonly RowDef[], values: Cell[], rowLoc: Loc, label: string): boolean {
    const parts = values.filter((c) => !isEmptyCell(c.text));
    if (parts.length === 0 || parts.length !== values.length) return false;
    let run = '';
    const origins: { start: number; cell: Cell }[] = [];
    for (const c of parts) {
      if (run) run += ' ';
      origins.push({ start: run.length, cell: c });
      run += c.text;
    }
    const at = (offset: number): Loc => {
      let o = origins[0]!;
      for (const x of origins) if (x.start <= offset) o = x;
      return locAt(o.cell, offset - o.start);
    };
    return this.splitInto(defs, run, at, rowLoc, label);
  }

  private shape(label: string, expected: number, actual: number, loc: Loc, defs: readonly RowDef[], values?: Cell[]): void {
    const ids = defs.flatMap((d) => d.columns.map((c) => `${d.id}.${c.id}`));
    const raw = values ? values.map((c) => c.text.trim()).filter(Boolean).join(' ') : null;
    for (const id of ids) this.cells[id] = { value: null, status: 'unreadable', raw, loc };
    for (const d of defs) this.found.add(d.id);
    this.diagnostics.push(parseMessage('row-shape', { row: label, expected, actual }, loc, ids));
  }

  private setRead(id: string, cell: Cell, type: CellType): void {
    const read = readValue(cell.text, type);
    const loc = cell.loc;
    if (read.kind === 'blank') {
      this.cells[id] = { value: null, status: 'blank', raw: cell.text, loc };
      return;
    }
    if (read.kind === 'text') {
      this.cells[id] = { value: null, status: 'unreadable', raw: cell.text, loc };
      this.diagnostics.push(parseMessage('cell-text', { cell: this.labelOf(id), raw: cell.text.trim().slice(0, 30) }, loc, [id]));
      return;
    }
    if (cell.confidence !== undefined && cell.confidence < this.minConfidence) {
      // a recognised number the recogniser itself doubts is never passed on as a value
      this.cells[id] = { value: null, status: 'unreadable', raw: cell.text, loc, confidence: cell.confidence };
      this.diagnostics.push(
        parseMessage('cell-low-confidence', { cell: this.labelOf(id), raw: cell.text.trim().slice(0, 20), confidence: Math.round(cell.confidence) }, loc, [id]),
      );
      return;
    }
    const cv: CellValue = { value: read.value, status: 'filled', raw: cell.text, loc };
    if (type === 'amount') cv.unit = read.unit;
    if (read.note) cv.note = read.note;
    if (cell.confidence !== undefined) cv.confidence = cell.confidence;
    this.cells[id] = cv;
  }

  private labelOf(id: string): string {
    return this.template.cells.find((c) => c.id === id)?.label ?? id;
  }

  // -------------------------------------------------------------------------
  // Runs of digits

  /**
   * Splits `run` over the cells of `defs` (one row, or table 四's three groups). A single
   * way is used; several leave the cells that differ between them unreadable — except in
   * table 三, where the column relations with the other rows may still decide.
   */
  private splitInto(defs: readonly RowDef[], run: string, at: (o: number) => Loc, loc: Loc, label: string): boolean {
    const cols = defs.flatMap((d) => d.columns.map((c) => ({ id: `${d.id}.${c.id}`, type: c.type })));
    const accept = rowRelation(this.tableOfRow.get(defs[0]!.id)!, defs.length);
    const result = splitRun(run, cols.map((c) => c.type), accept ?? undefined);
    if (result.partitions === 0) return false;
    let solutions = result.solutions;
    let basis = accept ? SPLIT_BASIS.row : SPLIT_BASIS.count;
    if (result.partitions === 1) {
      solutions = result.candidates;
      basis = SPLIT_BASIS.count;
    }
    for (const d of defs) this.found.add(d.id);
    if (solutions.length === 1) {
      this.applySplit(cols, solutions[0]!, at);
      this.diagnostics.push(
        parseMessage('run-split', { row: label, run: run.trim(), basis, split: solutions[0]!.map((p) => p.text).join('|') }, loc, cols.map((c) => c.id)),
      );
      return true;
    }
    if (solutions.length > 1 && defs.length === 1 && this.tableOfRow.get(defs[0]!.id) === 'requests') {
      this.pending.push({ row: defs[0]!, run, solutions, at, loc });
      for (const c of cols) this.cells[c.id] = { value: null, status: 'unreadable', raw: run.trim(), loc };
      return true;
    }
    this.applyAgreement(cols, solutions.length > 0 ? solutions : result.candidates, run, at, loc, label, result.partitions);
    return true;
  }

  private applySplit(cols: { id: string; type: CellType }[], pieces: Piece[], at: (o: number) => Loc): void {
    pieces.forEach((p, i) => {
      const col = cols[i]!;
      const loc = at(p.start);
      if (p.blank) this.cells[col.id] = { value: null, status: 'blank', raw: p.text, loc, via: 'split' };
      else {
        const cv: CellValue = { value: p.value, status: 'filled', raw: p.text, loc, via: 'split' };
        if (col.type === 'amount') cv.unit = p.unit;
        this.cells[col.id] = cv;
      }
    });
  }

  /** Cells on which every remaining split agrees are read; the others are unreadable. */
  private applyAgreement(
    cols: { id: string; type: CellType }[],
    solutions: Piece[][],
    run: string,
    at: (o: number) => Loc,
    loc: Loc,
    label: string,
    partitions: number,
  ): void {
    const unsure: string[] = [];
    cols.forEach((col, i) => {
      const first = solutions[0]![i]!;
      const same = solutions.every((s) => s[i]!.text === first.text && s[i]!.start === first.start);
      if (same) this.applySplit([col], [first], at);
      else {
        this.cells[col.id] = { value: null, status: 'unreadable', raw: run.trim(), loc };
        unsure.push(col.id);
      }
    });
    if (unsure.length === 0) return;
    const examples = solutions
      .slice(0, 3)
      .map((s) => s.map((p) => p.text).join('|'))
      .join('、');
    this.diagnostics.push(
      parseMessage(
        'run-ambiguous',
        { row: label, run: run.trim(), count: partitions, examples, cells: unsure.map((id) => this.labelOf(id)).join('、') },
        loc,
        unsure,
      ),
    );
  }

  /** Table 三 rows that split several ways: try the column relations (R1, R3) with the other rows. */
  private resolvePending(): void {
    if (this.pending.length === 0) return;
    const relations = this.template.relations.filter((r) => r.family === 'R1' || r.family === 'R3');
    const pendingCells = new Set(this.pending.flatMap((p) => p.row.columns.map((c) => `${p.row.id}.${c.id}`)));
    const involved = relations.filter((r) => [...r.lhs, ...r.rhs].some((id) => pendingCells.has(id)));
    const combos: number[][] = [];
    const total = this.pending.reduce((n, p) => n * p.solutions.length, 1);
    if (total <= 4096) {
      const walk = (i: number, acc: number[]): void => {
        if (i === this.pending.length) {
          combos.push(acc.slice());
          return;
        }
        for (let k = 0; k < this.pending[i]!.solutions.length; k++) walk(i + 1, [...acc, k]);
      };
      walk(0, []);
    }
    const survivors = combos.filter((combo) => {
      const values = new Map<string, number | null>();
      combo.forEach((k, i) => {
        const p = this.pending[i]!;
        p.solutions[k]!.forEach((piece, j) => values.set(`${p.row.id}.${p.row.columns[j]!.id}`, piece.value));
      });
      return involved.every((rel) => {
        const side = (ids: readonly string[]): number | null => {
          let s = 0;
          for (const id of ids) {
            const v = values.has(id) ? values.get(id)! : this.known(id);
            if (v === undefined) return null;
            s += v ?? 0;
          }
          return s;
        };
        const l = side(rel.lhs);
        const r = side(rel.rhs);
        return l === null || r === null || l === r;
      });
    });
    this.pending.forEach((p, i) => {
      const cols = p.row.columns.map((c) => ({ id: `${p.row.id}.${c.id}`, type: c.type }));
      const sols = [...new Set(survivors.map((combo) => combo[i]!))].map((k) => p.solutions[k]!);
      if (sols.length === 1) {
        this.applySplit(cols, sols[0]!, p.at);
        this.diagnostics.push(
          parseMessage(
            'run-split',
            { row: p.row.shortLabel, run: p.run.trim(), basis: SPLIT_BASIS.columns, split: sols[0]!.map((x) => x.text).join('|') },
            p.loc,
            cols.map((c) => c.id),
          ),
        );
      } else {
        this.applyAgreement(cols, sols.length > 0 ? sols : p.solutions, p.run, p.at, p.loc, p.row.shortLabel, p.solutions.length);
      }
    });
  }

  /** A cell's value for the column check: a number, 0 for blank (null), undefined if unknown. */
  private known(id: string): number | null | undefined {
    const c = this.cells[id];
    if (!c) return undefined;
    if (c.status === 'filled') return c.value;
    if (c.status === 'blank') return null;
    return undefined;
  }

  // -------------------------------------------------------------------------
  // Flattened text

  private readFlat(table: TableId, items: readonly Item[], ranges: readonly SectionRange[]): void {
    const section = this.template.tables[table].section;
    const range = ranges.find((r) => r.number === section);
    const paragraphs: Paragraph[] = [];
    items.forEach((it, i) => {
      if (it.kind !== 'p') return;
      if (range ? i > range.headingItem && i < range.end : true) paragraphs.push(it.p);
    });
    if (paragraphs.length === 0) return;
    const flat = joinFlat(paragraphs);
    const anchor = this.flatAnchor(table).exec(flat.text);
    if (!anchor) return;
    if (table === 'appeals') {
      this.flatAppeals(flat, anchor.index);
      return;
    }
    let pos = anchor.index;
    const rows = this.template.tables[table].rows;
    for (let i = 0; i < rows.length; i++) {
      const def = rows[i]!;
      if (this.found.has(def.id)) continue;
      const re = labelPattern(def);
      re.lastIndex = pos;
      let m = re.exec(flat.text);
      while (m) {
        const runStart = m.index + m[0].length;
        const end = runEnd(flat.text, runStart);
        const run = flat.text.slice(runStart, end);
        // an empty run is not read as a blank row: in fragmented text the values may sit elsewhere
        if (/\d|[—/]/.test(run)) {
          pos = end;
          this.flatRow(def, run, runStart, flat);
          break;
        }
        m = re.exec(flat.text);
      }
    }
  }

  /** A table's header labels, or its first row's label, in flattened text. */
  private flatAnchor(table: TableId): RegExp {
    const def = this.template.tables[table];
    const labels = [...def.anchors.map((a) => [...a].map(charClass).join(SPACE)), labelPattern(def.rows[0]!).source];
    return new RegExp(labels.join('|'));
  }

  private flatRow(def: RowDef, run: string, runStart: number, flat: Flat): void {
    const at = (o: number): Loc => flat.at(runStart + o);
    const loc = at(Math.max(0, run.search(/\S/)));
    if (!/\S/.test(run)) {
      for (const col of def.columns) this.cells[`${def.id}.${col.id}`] = { value: null, status: 'blank', raw: '', loc };
      this.found.add(def.id);
      return;
    }
    if (!this.splitInto([def], run, at, loc, def.shortLabel)) {
      this.shape(def.shortLabel, def.columns.length, run.trim().split(/\s+/).length, loc, [def]);
      for (const col of def.columns) this.cells[`${def.id}.${col.id}`]!.raw = run.trim();
    }
  }

  private flatAppeals(flat: Flat, from: number): void {
    const all = this.template.tables.appeals.rows;
    const re = /\d/g;
    re.lastIndex = from;
    const runs: { start: number; run: string; group: string | null }[] = [];
    let pos = from;
    for (let k = 0; k < 3; k++) {
      re.lastIndex = pos;
      const m = re.exec(flat.text);
      if (!m) break;
      const end = runEnd(flat.text, m.index);
      const between = fold(flat.text.slice(pos, m.index));
      runs.push({ start: m.index, run: flat.text.slice(m.index, end), group: this.lastGroupIn(between) });
      pos = end;
      const next = /\S/.exec(flat.text.slice(end));
      if (!next || !this.template.tables.appeals.headerLabels.some((l) => l.startsWith(flat.text[end + next.index]!))) break;
    }
    if (runs.length === 0) return;
    const first = runs[0]!;
    const at0 = (o: number): Loc => flat.at(first.start + o);
    const label = `表${this.template.tables.appeals.numeral}`;
    if (this.splitInto(all, first.run, at0, at0(0), label)) return;
    for (const r of runs) {
      const def = all.find((d) => d.id === `appeals.${r.group}`);
      if (!def || this.found.has(def.id)) continue;
      const at = (o: number): Loc => flat.at(r.start + o);
      if (!this.splitInto([def], r.run, at, at(0), def.shortLabel)) this.shape(def.shortLabel, 5, 0, at(0), [def]);
    }
    if (!this.anyFound('appeals')) this.shape(label, 15, first.run.trim().split(/\s+/).length, at0(0), all);
  }
}

// ---------------------------------------------------------------------------

/** Fits the cells after a row label to `n` columns. */
export function fitValues(values: Cell[], n: number): { kind: 'ok'; cells: Cell[] } | { kind: 'blank' } | { kind: 'fail' } {
  const len = values.length;
  const idx: number[] = [];
  values.forEach((c, i) => {
    if (!isEmptyCell(c.text)) idx.push(i);
  });
  if (len === n) return { kind: 'ok', cells: values };
  // no cell at all after the label: the values are not in the document, which is not blank
  if (len === 0) return { kind: 'fail' };
  if (idx.length === 0) return { kind: 'blank' };
  if (len > n) {
    // the empty cells around the values are padding from merged cells: one window only
    const windows: number[] = [];
    for (let s = 0; s + n <= len; s++) if (idx[0]! >= s && idx[idx.length - 1]! < s + n) windows.push(s);
    if (windows.length === 1) return { kind: 'ok', cells: values.slice(windows[0]!, windows[0]! + n) };
    if (windows.length === 0 && idx.length === n) return { kind: 'ok', cells: idx.map((i) => values[i]!) };
  }
  return { kind: 'fail' };
}

/** The arithmetic a row must satisfy when its run is split: R2 for table 三, R6 for each table 四 group. */
function rowRelation(table: TableId, groups: number): ((v: (number | null)[]) => boolean) | null {
  if (table === 'requests') {
    const n = APPLICANT_COLUMN_IDS.length;
    return (v) => (v[n] ?? 0) === v.slice(0, n).reduce<number>((a, b) => a + (b ?? 0), 0);
  }
  if (table === 'appeals') {
    return (v) => {
      for (let g = 0; g < groups; g++) {
        const b = g * 5;
        if ((v[b + 4] ?? 0) !== (v[b] ?? 0) + (v[b + 1] ?? 0) + (v[b + 2] ?? 0) + (v[b + 3] ?? 0)) return false;
      }
      return true;
    };
  }
  return null;
}

// ---------------------------------------------------------------------------
// Flat text helpers

interface Flat {
  text: string;
  at: (offset: number) => Loc;
}

function joinFlat(paragraphs: Paragraph[]): Flat {
  let text = '';
  const parts: { start: number; p: Paragraph }[] = [];
  for (const p of paragraphs) {
    if (text) text += '\n';
    parts.push({ start: text.length, p });
    text += p.text;
  }
  return {
    text,
    at: (offset) => {
      let part = parts[0]!;
      for (const x of parts) if (x.start <= offset) part = x;
      return locAt(part.p, offset - part.start);
    },
  };
}


const SPACE = '[\\s\\u00a0\\u3000]*';
const patternCache = new Map<string, RegExp>();

function charClass(ch: string): string {
  if ('、，,'.includes(ch)) return '[、，,]';
  if ('（('.includes(ch)) return '[（(]';
  if ('）)'.includes(ch)) return '[）)]';
  if ('“”"‘’'.includes(ch)) return '["“”‘’\']?';
  if ('：:'.includes(ch)) return '[：:]';
  return ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** The row label as written in flat text: tolerant of spaces and punctuation width. */
function labelPattern(def: RowDef): RegExp {
  const cached = patternCache.get(def.id + def.label);
  if (cached) return cached;
  let label = def.label.replace(/^[一二三四五六七八九十]、/, '');
  const paren = /^[（(][一二三四五六七八九十][）)]/.exec(label);
  let prefix = '';
  if (paren) {
    label = label.slice(paren[0].length);
    // a number that is part of the label (（七）总计: 总计 also heads a column) must be there
    if (def.prefix) prefix = [...def.prefix].map(charClass).join(SPACE) + SPACE;
  }
  const note = /[（(][^（()）]*[）)]$/.exec(label);
  if (note) label = label.slice(0, note.index);
  if (def.number !== undefined) {
    const num = `${def.number}${SPACE}[.．、]${SPACE}`;
    prefix = def.match.exact ? num : `(?:${num})?`;
  }
  const body = [...label].map(charClass).join(SPACE);
  const re = new RegExp(`${prefix}${body}(?:${SPACE}[（(][^（()）]{0,40}[）)])?`, 'g');
  patternCache.set(def.id + def.label, re);
  return re;
}


/** End of the run of value characters starting at `from`; a trailing label number (“2.”) is left out. */
function runEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    const c = text[i]!;
    if (/[0-9０-９\s\u00a0\u3000.．+\-−－—–/／%]/.test(c)) i++;
    else if (c === ',' && /\d/.test(text[i - 1] ?? '') && /\d/.test(text[i + 1] ?? '')) i++;
    else if (c === '万' && text[i + 1] === '元') i += 2;
    else if (c === '元' && /[\d\s]/.test(text[i - 1] ?? '')) i++;
    else break;
  }
  // label numbers inside a group are single digits (1.–8.)
  const tail = /(\d)[\s\u00a0]*[.．、][\s\u00a0]*$/.exec(text.slice(from, i));
  if (tail && i < text.length && /[\u4e00-\u9fff]/.test(text[i]!)) i = from + tail.index;
  return i;
}
