/**
 * 填报: write a report in the browser. The three tables as a form (totals filled in from their
 * parts), the sections with their guidance, the same rules as everywhere running as the clerk
 * types, a preview in the official layout, drafts saved in the store, DOCX/HTML to download.
 */
import type { ReportData } from '../../src/draft/data.js';
import { reportFromData } from '../../src/draft/model.js';
import { completeTotals, computedTotals } from '../../src/draft/totals.js';
import { layout, reportTitle } from '../../src/render/report.js';
import { check } from '../../src/rules/engine.js';
import { tableGrids } from '../../src/template/grid.js';
import { getTemplate } from '../../src/template/index.js';
import { csrfToken, get, send } from './api.js';
import { gridTable } from './audit.js';
import { clear, h, SEVERITY_LABEL } from './dom.js';

type Go = (path: string) => void;

export async function writePage(main: HTMLElement, id: number | null, q: URLSearchParams, go: Go, errorBox: (e: unknown) => HTMLElement): Promise<void> {
  clear(main);
  if (id === null && !q.get('organ')) return startForm(main, go);
  let data: ReportData;
  let note = '';
  if (id !== null) data = (await get<{ data: ReportData }>(`/api/drafts/${id}`)).data;
  else {
    const made = await get<{ data: ReportData; carried: { cell: string; value: number }[]; notCarried: string[]; previousReportId: number | null }>('/api/drafts/new', { organ: q.get('organ'), year: q.get('year'), template: q.get('template') });
    data = made.data;
    note = made.previousReportId ? `已参照库中上一年度报告（#${made.previousReportId}）：沿用 ${made.carried.length} 个数${made.notCarried.length ? `；${made.notCarried.length} 个格上一年度没有数，请核对` : ''}。` : '库中没有上一年度报告：上年结转等请自行填写。';
  }
  editor(main, data, id, note, errorBox);
}

function startForm(main: HTMLElement, go: Go): void {
  const organ = h('input', { name: 'organ', required: true, size: 30, placeholder: '如 德惠市布海镇人民政府' });
  const year = h('input', { name: 'year', required: true, size: 6, value: String(new Date().getFullYear() - 1) });
  const form = h('form', { class: 'filters' }, h('label', null, '机关名称', organ), h('label', null, '报告年度', year), h('button', { type: 'submit' }, '新建报告'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    go(`/write?${new URLSearchParams({ organ: organ.value.trim(), year: year.value.trim() })}`);
  });
  const list = h('div');
  main.append(h('h1', null, '填写年度报告'), h('p', null, '按统一格式逐格填写，规则随填随查；上年结转、现行有效件数自动沿用库中上一年度报告。'), form, h('h3', null, '草稿'), list);
  void get<{ drafts: { id: number; organ: string; year: number; updatedAt: string; author: string }[] }>('/api/drafts').then((r) => {
    list.append(r.drafts.length ? h('ul', null, r.drafts.map((d) => h('li', null, h('a', { href: `/write/${d.id}`, 'data-link': true }, `${d.organ} ${d.year} 年度`), ` · ${d.author} · ${d.updatedAt.slice(0, 16).replace('T', ' ')}`))) : h('p', null, '还没有草稿。'));
  });
}

function editor(main: HTMLElement, data: ReportData, draftId: number | null, note: string, errorBox: (e: unknown) => HTMLElement): void {
  const template = getTemplate(data.template);
  const defs = new Map(template.cells.map((c) => [c.id, c]));
  // totals are computed: the clerk types the parts
  const totals = computedTotals(template);
  const inputs = new Map<string, HTMLInputElement>();
  const findingsBox = h('ol', { class: 'findings' });
  const status = h('span', { class: 'save-status' });
  let id = draftId;

  const header = h(
    'div',
    { class: 'summary' },
    h('h2', null, `${data.organ} ${data.year} 年度 · ${data.template} 格式`),
    note ? h('p', { class: 'hint' }, note) : null,
    h('div', { class: 'toolbar' }, h('button', { type: 'button', id: 'save' }, '保存草稿'), h('button', { type: 'button', class: 'secondary', id: 'preview' }, '预览'), h('button', { type: 'button', class: 'secondary', id: 'docx' }, '下载 DOCX'), h('button', { type: 'button', class: 'secondary', id: 'html' }, '下载 HTML'), status),
  );

  const field = (label: string, value: string, onInput: (v: string) => void, rows = 0) => {
    const el = rows ? h('textarea', { rows }) : h('input', { size: 50 });
    el.value = value;
    el.addEventListener('input', () => {
      onInput(el.value);
      refresh();
    });
    return h('label', { class: 'field' }, label, el);
  };
  const meta = h(
    'div',
    { class: 'sections' },
    h('h3', null, '基本信息'),
    field('发布网站（开头段落“本报告电子版可在……查阅”）', data.preamble.publishedWhere ?? '', (v) => (data.preamble.publishedWhere = v)),
    field('联系方式', data.preamble.contact ?? '', (v) => (data.preamble.contact = v)),
    field('落款日期（YYYY-MM-DD）', data.publishedOn ?? '', (v) => (data.publishedOn = /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined)),
  );

  const section = (title: string, key: 'overview' | 'problems' | 'other') =>
    h('div', { class: 'report-section' }, field(title, data.sections[key], (v) => (data.sections[key] = v), 8));

  const tables = h('div', { class: 'tables' }, h('h3', null, '统计表'), h('p', { class: 'hint' }, '没有数据的填 0；灰色的合计格自动计算。'));
  for (const g of tableGrids(template)) {
    tables.append(
      gridTable(g, (cellId, colSpan = 1) => {
        const def = defs.get(cellId);
        const input = h('input', { type: 'number', 'data-cell': cellId, 'aria-label': def?.label ?? cellId, step: def?.type === 'amount' ? 'any' : '1', min: def?.type === 'signed' ? null : 0, readonly: totals.has(cellId) });
        input.value = String(data.cells[cellId] ?? '');
        input.addEventListener('input', () => {
          const v = input.value.trim() === '' ? NaN : Number(input.value);
          if (Number.isFinite(v)) data.cells[cellId] = v;
          else delete data.cells[cellId];
          refresh();
        });
        inputs.set(cellId, input);
        return h('td', { class: `v input${totals.has(cellId) ? ' computed' : ''}`, colspan: colSpan > 1 ? colSpan : null }, input);
      }),
    );
  }

  const preview = h('div', { class: 'preview', hidden: true });
  main.append(
    header,
    h(
      'div',
      { class: 'columns' },
      h('div', { class: 'left' }, meta, h('div', { class: 'sections' }, h('h3', null, '正文'), section('一、总体情况', 'overview'), tables, section('五、存在的主要问题及改进情况', 'problems'), section('六、其他需要报告的事项', 'other')), preview),
      h('aside', { class: 'right' }, h('h3', null, '检查结果'), findingsBox),
    ),
  );

  function refresh(): void {
    // totals from their parts, then the rules on the draft as the report it will become
    const before = { ...data.cells };
    const full = completeTotals(template, Object.fromEntries(Object.entries(before).filter(([, v]) => Number.isFinite(v))));
    for (const t of totals) {
      data.cells[t] = full[t]!;
      const el = inputs.get(t);
      if (el) el.value = String(full[t]);
    }
    const findings = check(reportFromData(data)).filter((d) => d.rule !== 'all-zero');
    for (const el of inputs.values()) el.parentElement!.classList.remove('flag', 'error', 'warning', 'info');
    clear(findingsBox);
    if (findings.length === 0) findingsBox.append(h('li', { class: 'none' }, '没有发现问题。'));
    for (const d of findings) {
      for (const cellId of d.cells ?? []) inputs.get(cellId)?.parentElement!.classList.add('flag', d.severity);
      const item = h('li', { class: `finding ${d.severity}`, tabIndex: 0, 'data-rule': d.rule }, h('span', { class: `sev ${d.severity}` }, SEVERITY_LABEL[d.severity] ?? ''), ' ', d.message, h('div', { class: 'meta' }, h('code', null, d.rule)));
      item.addEventListener('click', () => {
        const first = d.cells?.map((c) => inputs.get(c)).find(Boolean);
        first?.focus();
      });
      findingsBox.append(item);
    }
  }

  header.querySelector('#save')!.addEventListener('click', async () => {
    try {
      const r = await send<{ id: number }>('POST', '/api/drafts', { id, data });
      status.textContent = `已保存（草稿 #${r.id}）`;
      if (id === null) {
        id = r.id;
        history.replaceState(null, '', `/write/${r.id}`);
      }
    } catch (e) {
      status.textContent = '';
      header.append(errorBox(e));
    }
  });
  header.querySelector('#preview')!.addEventListener('click', () => {
    clear(preview);
    preview.append(h('h3', null, '预览（统一格式）'), previewOf(data));
    preview.hidden = false;
    preview.scrollIntoView({ behavior: 'smooth' });
  });
  for (const to of ['docx', 'html'] as const) {
    header.querySelector(`#${to}`)!.addEventListener('click', async () => {
      try {
        const res = await fetch(`/api/render?to=${to}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrfToken() }, body: JSON.stringify(data) });
        if (!res.ok) throw new Error(((await res.json()) as { error: { message: string } }).error.message);
        const a = h('a', { href: URL.createObjectURL(await res.blob()), download: `${reportTitle(data.organ, data.year)}.${to}` });
        document.body.append(a);
        a.click();
        a.remove();
      } catch (e) {
        header.append(errorBox(e));
      }
    });
  }
  refresh();
}

/** The report as it will print: title, preamble, headings, tables — drawn from the same layout as the DOCX. */
function previewOf(data: ReportData): HTMLElement {
  const { blocks } = layout(data);
  const box = h('div', { class: 'official' });
  for (const b of blocks) {
    if (b.kind === 'title') box.append(h('h1', null, b.text));
    else if (b.kind === 'heading') box.append(h('h2', null, b.text));
    else if (b.kind === 'paragraph') box.append(h('p', null, b.text));
    else if (b.kind === 'signature') box.append(h('div', { class: 'signature' }, h('p', null, b.organ), b.date ? h('p', null, b.date) : null));
    else box.append(gridTable(b.grid, (cellId, colSpan = 1) => h('td', { colspan: colSpan > 1 ? colSpan : null }, data.cells[cellId] === undefined ? '' : String(data.cells[cellId])), ''));
  }
  return box;
}
