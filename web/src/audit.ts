/**
 * The audit view of one report: the three tables drawn as the national format prints them with
 * failing cells highlighted, the findings beside them (click one: its cells, sentence and source
 * light up), the six sections with offending sentences marked, and the source ("查看原文").
 */
import type { Diagnostic } from '../../src/diagnostics/types.js';
import type { ParsedReport } from '../../src/parse/index.js';
import type { Correction } from '../../src/store/index.js';
import { tableGrids, type Grid, type GridCell } from '../../src/template/grid.js';
import { getTemplate } from './core.js';
import { clear, h, SEVERITY_LABEL, STATUS_LABEL } from './dom.js';


export interface AuditOptions {
  /** a stored report: corrections and the source are available */
  reportId?: number;
  corrections?: readonly Correction[];
  /** called when a reviewer corrects a cell; resolves when saved */
  onCorrect?: (cellId: string, label: string, current: string) => void;
  loadSource?: () => Promise<SourceDoc>;
}

export interface SourceDoc {
  name: string;
  format: string;
  document: { blocks: SourceBlock[] } | null;
}
type Loc = { line?: number; column?: number; page?: number; table?: number; row?: number; col?: number; para?: number };
type SourceSpan = { start: number; loc: Loc };
type SourceCell = { text: string; loc: Loc; spans?: SourceSpan[]; colSpan?: number; rowSpan?: number; merged?: boolean };
type SourceBlock = { kind: 'paragraph'; text: string; loc: Loc; spans?: SourceSpan[] } | { kind: 'table'; index: number; loc: Loc; rows: SourceCell[][] };

/** Every line a paragraph or cell was joined from, for finding it by a location's line. */
const linesOf = (x: { loc: Loc; spans?: SourceSpan[] }) => [...new Set([x.loc.line, ...(x.spans ?? []).map((s) => s.loc.line)].filter((n): n is number => n !== undefined))].join(' ') || null;

const ORDER = { error: 0, warning: 1, info: 2 } as const;

export function auditView(report: ParsedReport, findings: readonly Diagnostic[], options: AuditOptions = {}): HTMLElement {
  const sorted = [...findings].sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
  const numbered = sorted.map((d, i) => ({ n: i + 1, d }));
  const byCell = new Map<string, { n: number; d: Diagnostic }[]>();
  for (const x of numbered) for (const c of x.d.cells ?? []) byCell.set(c, [...(byCell.get(c) ?? []), x]);
  const corrected = new Map<string, Correction>();
  for (const c of options.corrections ?? []) corrected.set(c.cellId, c);

  const root = h('div', { class: 'audit' });
  const counts = { error: 0, warning: 0, info: 0 };
  for (const d of findings) counts[d.severity]++;
  root.append(
    h(
      'div',
      { class: 'summary' },
      h('h2', null, report.organ ?? '（未识别机关）', ' ', report.year ? `${report.year} 年度` : '（年度未识别）'),
      h('p', null, `格式：${report.template ? `${report.template} 格式` : '未识别'} · 来源：${report.source.name} · `, h('span', { class: 'sev error' }, `${counts.error} 个错误`), ' ', h('span', { class: 'sev warning' }, `${counts.warning} 个警告`), ' ', h('span', { class: 'sev info' }, `${counts.info} 条提示`)),
      corrected.size > 0 ? h('p', { class: 'corrected-note' }, `有 ${corrected.size} 个单元格经过审核人员更正（标记为“已更正”，原值保留）`) : null,
    ),
  );

  const tablesBox = h('div', { class: 'tables' });
  const list = h('ol', { class: 'findings' });
  const sectionsBox = h('div', { class: 'sections' });
  const sourceBox = h('div', { class: 'source', hidden: true });
  root.append(h('div', { class: 'columns' }, h('div', { class: 'left' }, tablesBox, sectionsBox, sourceBox), h('aside', { class: 'right' }, h('h3', null, '问题清单'), list)));

  // ---- tables ----
  const cellEl = new Map<string, HTMLTableCellElement>();
  const cell = (cellId: string, colspan = 1): HTMLTableCellElement => {
    const v = report.cells[cellId];
    const fs = byCell.get(cellId) ?? [];
    const worst = fs.map((x) => x.d.severity).sort((a, b) => ORDER[a] - ORDER[b])[0];
    let shown = '';
    let cls = 'v';
    if (!v || v.status === 'missing') {
      shown = '缺';
      cls += ' missing';
    } else if (v.status === 'blank') cls += ' blank';
    else if (v.status === 'unreadable') {
      shown = '？';
      cls += ' unreadable';
    } else shown = v.value === null ? '' : String(v.value);
    if (worst) cls += ` flag ${worst}`;
    const fix = corrected.get(cellId);
    if (fix) cls += ' corrected';
    const tip = [
      v?.raw && v.raw !== String(v.value) ? `原文：${v.raw}` : '',
      v && v.status !== 'filled' ? `状态：${STATUS_LABEL[v.status] ?? v.status}` : '',
      fix ? `已更正（第 ${fix.version} 版，${fix.author}）：原值 ${fix.previousValue ?? STATUS_LABEL[fix.previousStatus] ?? fix.previousStatus}，理由：${fix.reason}` : '',
      ...fs.map((x) => `${x.n}. ${x.d.message}`),
    ]
      .filter(Boolean)
      .join('\n');
    const td = h('td', { class: cls, 'data-cell': cellId, colspan: colspan > 1 ? colspan : null, title: tip || null }, shown, fs.length ? h('sup', null, fs.map((x) => x.n).join(',')) : null);
    if (options.onCorrect) {
      td.tabIndex = 0;
      td.classList.add('editable');
      const open = () => options.onCorrect!(cellId, labelOf(cellId), shown);
      td.addEventListener('dblclick', open);
      td.addEventListener('keydown', (e) => {
        if ((e as KeyboardEvent).key === 'Enter') open();
      });
    }
    cellEl.set(cellId, td);
    return td;
  };
  const template = report.template ? getTemplate(report.template) : null;
  const labelOf = (cellId: string) => template?.cells.find((c) => c.id === cellId)?.label ?? cellId;
  if (template) {
    tablesBox.append(h('h3', null, '统计表'), h('p', { class: 'hint', hidden: !options.onCorrect }, '双击单元格（或选中后按回车）可更正数值。'), ...tableGrids(template).map((g) => gridTable(g, cell)));
  } else tablesBox.append(h('p', { class: 'empty' }, '没有识别出统一格式，无法画出统计表。'));

  // ---- sections, with quoted sentences marked ----
  const marks: HTMLElement[][] = numbered.map(() => []);
  sectionsBox.append(h('h3', null, '报告正文'));
  for (const s of report.sections) {
    const box = h('section', { class: 'report-section' }, h('h4', null, s.heading));
    const paras = s.paragraphs.length > 0 ? s.paragraphs.map((p) => p.text) : s.text.split('\n');
    for (const text of paras) {
      if (!text.trim()) continue;
      box.append(markedParagraph(text, numbered, marks));
    }
    sectionsBox.append(box);
  }
  for (const x of numbered) {
    if (!x.d.quote || marks[x.n - 1]!.length > 0 || x.d.cells?.length) continue;
    // headings and preamble: mark them where they stand in the sections' headings
    for (const h4 of sectionsBox.querySelectorAll('h4')) if (h4.textContent?.includes(x.d.quote)) marks[x.n - 1]!.push(h4 as HTMLElement);
  }

  // ---- findings ----
  if (numbered.length === 0) list.append(h('li', { class: 'none' }, '没有发现问题。'));
  let focused: Element[] = [];
  const focus = (x: { n: number; d: Diagnostic }, item: HTMLElement) => {
    for (const el of focused) el.classList.remove('focus');
    focused = [item, ...(x.d.cells ?? []).map((c) => cellEl.get(c)).filter((e): e is HTMLTableCellElement => Boolean(e)), ...marks[x.n - 1]!];
    const src = sourceTarget(sourceBox, x.d.location as Loc | null);
    if (src) focused.push(src);
    for (const el of focused) el.classList.add('focus');
    const first = focused[1] ?? null;
    first?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  };
  for (const x of numbered) {
    const loc = x.d.location as Loc | null;
    const where = loc ? [loc.page ? `第 ${loc.page} 页` : '', loc.line ? `第 ${loc.line} 行` : '', loc.table && loc.row ? `表 ${loc.table} 第 ${loc.row} 行` : ''].filter(Boolean).join(' ') : '';
    const item = h(
      'li',
      { class: `finding ${x.d.severity}`, tabIndex: 0, 'data-rule': x.d.rule, value: x.n },
      h('span', { class: `sev ${x.d.severity}` }, SEVERITY_LABEL[x.d.severity] ?? x.d.severity),
      ' ',
      x.d.message,
      h('div', { class: 'meta' }, h('code', null, x.d.rule), where ? ` · ${where}` : '', x.d.hint ? h('div', { class: 'hint' }, x.d.hint) : null),
    );
    item.addEventListener('click', () => focus(x, item));
    item.addEventListener('keydown', (e) => {
      if ((e as KeyboardEvent).key === 'Enter') focus(x, item);
    });
    list.append(item);
  }

  // ---- the source ----
  if (options.loadSource) {
    const button = h('button', { type: 'button', class: 'secondary' }, '查看原文');
    button.addEventListener('click', async () => {
      if (!sourceBox.hidden) {
        sourceBox.hidden = true;
        button.textContent = '查看原文';
        return;
      }
      button.disabled = true;
      try {
        const src = await options.loadSource!();
        clear(sourceBox);
        sourceBox.append(h('h3', null, `原文：${src.name}`), renderSource(src));
        sourceBox.hidden = false;
        button.textContent = '隐藏原文';
      } catch (e) {
        clear(sourceBox);
        sourceBox.append(h('p', { class: 'error-text' }, (e as Error).message));
        sourceBox.hidden = false;
      } finally {
        button.disabled = false;
      }
    });
    root.querySelector('.summary')!.append(button);
  }
  return root;
}

function markedParagraph(text: string, numbered: readonly { n: number; d: Diagnostic }[], marks: HTMLElement[][]): HTMLElement {
  const hits: { start: number; end: number; n: number; sev: string }[] = [];
  for (const x of numbered) {
    const q = x.d.quote;
    if (!q || x.d.cells?.length) continue;
    const at = text.indexOf(q);
    if (at >= 0) hits.push({ start: at, end: at + q.length, n: x.n, sev: x.d.severity });
  }
  hits.sort((a, b) => a.start - b.start);
  const p = h('p');
  let pos = 0;
  for (const hit of hits) {
    if (hit.start < pos) continue; // overlapping quotes: the first one is marked
    p.append(text.slice(pos, hit.start));
    const m = h('mark', { class: `quote ${hit.sev}`, 'data-finding': hit.n }, text.slice(hit.start, hit.end), h('sup', null, String(hit.n)));
    marks[hit.n - 1]!.push(m);
    p.append(m);
    pos = hit.end;
  }
  p.append(text.slice(pos));
  return p;
}

function renderSource(src: SourceDoc): HTMLElement {
  const box = h('div', { class: 'source-doc' });
  if (!src.document) {
    box.append(h('p', null, '原文无法读取。'));
    return box;
  }
  let page = 0;
  for (const b of src.document.blocks) {
    if (b.loc.page && b.loc.page !== page) {
      page = b.loc.page;
      box.append(h('div', { class: 'page-mark', 'data-page': page }, `— 第 ${page} 页 —`));
    }
    if (b.kind === 'paragraph') {
      box.append(h('p', { 'data-lines': linesOf(b), 'data-para': b.loc.para ?? null, 'data-page': b.loc.page ?? null }, b.loc.line ? h('span', { class: 'line-no' }, String(b.loc.line)) : null, b.text));
    } else {
      const t = h('table', { class: 'source-table', 'data-table': b.index });
      for (const r of b.rows) {
        // a merged cell is drawn once, spanning; its copies are not drawn
        t.append(h('tr', null, r.filter((c) => !c.merged).map((c) => h('td', { 'data-lines': linesOf(c), 'data-table': c.loc.table ?? b.index, 'data-row': c.loc.row ?? null, 'data-col': c.loc.col ?? null, colspan: c.colSpan && c.colSpan > 1 ? c.colSpan : null, rowspan: c.rowSpan && c.rowSpan > 1 ? c.rowSpan : null }, c.text))));
      }
      box.append(t);
    }
  }
  return box;
}

/** The element of the source at a finding's location: a table cell, a line, a paragraph, a page. */
function sourceTarget(box: HTMLElement, loc: Loc | null): HTMLElement | null {
  if (!loc || box.hidden) return null;
  const q = (sel: string) => box.querySelector<HTMLElement>(sel);
  if (loc.table && loc.row && loc.col) {
    const c = q(`td[data-table="${loc.table}"][data-row="${loc.row}"][data-col="${loc.col}"]`);
    if (c) return c;
  }
  if (loc.line) {
    const c = q(`[data-lines~="${loc.line}"]`);
    if (c) return c;
  }
  if (loc.para !== undefined) {
    const c = q(`p[data-para="${loc.para}"]`);
    if (c) return c;
  }
  if (loc.page) return q(`.page-mark[data-page="${loc.page}"]`);
  return null;
}

// ---- the three tables as the national format prints them ----
const CLASS: Record<string, string> = { active: 'form', requests: 'form requests', appeals: 'form appeals' };

/** A table of the national format as DOM; value cells made by `cell`. */
export function gridTable(g: Grid, cell: (cellId: string, colSpan?: number) => HTMLTableCellElement, className = CLASS[g.table.id] ?? 'form'): HTMLElement {
  const draw = (row: readonly GridCell[]) =>
    h(
      'tr',
      null,
      row.map((c) => {
        if (c.kind === 'value') return cell(c.cellId, c.colSpan ?? 1);
        const cls = c.role === 'vertical' ? 'label vertical' : c.role === 'sub' ? 'label sub' : (c.role ?? null);
        return h('th', { colspan: c.colSpan && c.colSpan > 1 ? c.colSpan : null, rowspan: c.rowSpan && c.rowSpan > 1 ? c.rowSpan : null, class: cls }, c.text);
      }),
    );
  return h('table', { class: className }, h('caption', null, g.caption), g.head.length ? h('thead', null, g.head.map(draw)) : null, h('tbody', null, g.body.map(draw)));
}
