/**
 * Types of the national template description. The data itself lives in
 * `t2019.ts`, `t2021.ts` and `common.ts`; everything else in gongkai reads it
 * through `index.ts` and never spells a label or a cell id on its own.
 */

export type TemplateId = '2019' | '2021';

/** count: non-negative integer; signed: integer that may be negative; amount: 万元, decimals allowed. */
export type CellType = 'count' | 'signed' | 'amount';

export type TableId = 'active' | 'requests' | 'appeals';

export interface ColumnDef {
  /** column id as in spec/cells.md, e.g. `natural`, `made` */
  id: string;
  /** official label */
  label: string;
  /** other spellings seen in real reports (already folded or not: they are folded on use) */
  variants?: readonly string[];
  type: CellType;
  /** a unit printed in the official header, e.g. 万元 */
  printedUnit?: string;
}

export interface RowMatch {
  /** every keyword must occur in the folded label */
  keywords?: readonly string[];
  /** or the folded label (numbering stripped) equals one of these */
  exact?: readonly string[];
}

export interface RowDef {
  /** row id as in spec/cells.md, e.g. `requests.denied.stateSecret` */
  id: string;
  /** official label, verbatim */
  label: string;
  /** short label used in messages, e.g. （三）1.属于国家秘密 */
  shortLabel: string;
  /** numbering printed before the label inside its group: 1, 2, … (level-3 rows only) */
  number?: number;
  /** group the row sits in (table 三: denied, unavailable, rejected, otherHandling) */
  group?: string;
  match: RowMatch;
  /** numbering that is part of the label and must be present in flattened text, e.g. （七） (总计 also heads a column) */
  prefix?: string;
  /** columns of this row; table 二 rows differ by sub-block */
  columns: readonly ColumnDef[];
}

/** A sub-block of table 二 (第二十条第（X）项). */
export interface BlockDef {
  id: string;
  /** verbatim title, e.g. 第二十条第（一）项 */
  title: string;
  /** the article item in Chinese numerals: 一, 五, 六, 八, 九 */
  item: string;
  columns: readonly ColumnDef[];
  rows: readonly RowDef[];
}

export interface GroupDef {
  id: string;
  label: string;
  match: RowMatch;
}

export interface TableDef {
  id: TableId;
  /** section number the table belongs to (2, 3, 4) */
  section: number;
  /** the number in the national format, 二/三/四 */
  numeral: string;
  title: string;
  rows: readonly RowDef[];
  /** table 二 only */
  blocks?: readonly BlockDef[];
  /** table 三: the group labels (merged cells without numbers) */
  groups?: readonly GroupDef[];
  /** table 四: column groups of the single data row */
  columnGroups?: readonly { id: string; label: string; keywords: readonly string[] }[];
  /** header labels that are not rows or columns (notes, captions) */
  headerLabels: readonly string[];
  /** the same captions by role, for drawing the table as printed (renderers) */
  captions: Readonly<Record<string, string>>;
  /** labels of the table's header: seeing one means the table starts here */
  anchors: readonly string[];
}

export interface SectionDef {
  number: number;
  numeral: string;
  id: 'overview' | 'active' | 'requests' | 'appeals' | 'problems' | 'other';
  heading: string;
  /** heading texts accepted verbatim (after folding) */
  variants: readonly string[];
  /** keywords that identify a numbered heading line */
  keywords: readonly (readonly string[])[];
}

export interface CellDef {
  id: string;
  table: TableId;
  rowId: string;
  columnId: string;
  type: CellType;
  /** Chinese label for exports and messages: row label · column label */
  label: string;
  rowLabel: string;
  columnLabel: string;
  printedUnit?: string;
}

/** `sum` relation: Σ lhs = Σ rhs. `total` names the cell that is the printed total (may be derived if blank). */
export interface RelationDef {
  /** relation family from spec/template.md §6: R1, R2, R3, R6 */
  family: 'R1' | 'R2' | 'R3' | 'R6';
  /** id of this instance, e.g. R1:natural */
  id: string;
  lhs: readonly string[];
  rhs: readonly string[];
  /** the cell that is a printed total in this relation, derivable when blank */
  total?: string;
  /** what the relation is about, for messages: a column or row label */
  scopeLabel: string;
}

export interface TemplateDef {
  id: TemplateId;
  name: string;
  /** the notice that issued the format */
  notice: string;
  /** reporting years the format applies to: [from, to] inclusive (to = null: open) */
  years: readonly [number, number | null];
  sections: readonly SectionDef[];
  tables: Readonly<Record<TableId, TableDef>>;
  /** every cell, in table/row/column order */
  cells: readonly CellDef[];
  relations: readonly RelationDef[];
  /** labels whose presence indicates this format */
  signals: readonly string[];
}
