/** The web app: pages, routing, and the API calls behind them. */
import { ApiFailure, exportUrl, get, send, session, type Session } from './api.js';
import { auditView, type SourceDoc } from './audit.js';
import { writePage } from './write.js';
import type { Comparison } from '../../src/compare/index.js';
import type { Correction, ReportRow } from '../../src/store/index.js';
import { analyseLocally, type Diagnostic, type ParsedReport } from './core.js';
import { clear, h, KIND_LABEL, percent, SEVERITY_LABEL, STATUS_LABEL } from './dom.js';

const main = document.getElementById('app')!;
let me: Session;


// ---- routing: links inside the app change the page without reloading ----
const routes: [RegExp, (m: RegExpMatchArray, q: URLSearchParams) => Promise<void>][] = [
  [/^\/$/, () => checkPage()],
  [/^\/reports$/, (_m, q) => libraryPage(q)],
  [/^\/reports\/(\d+)$/, (m) => reportPage(Number(m[1]))],
  [/^\/organs\/(\d+)$/, (m) => organPage(Number(m[1]))],
  [/^\/compare$/, (_m, q) => comparePage(q)],
  [/^\/rollup$/, (_m, q) => rollupPage(q)],
  [/^\/write$/, (_m, q) => writePage(main, null, q, go, errorBox)],
  [/^\/write\/(\d+)$/, (m, q) => writePage(main, Number(m[1]), q, go, errorBox)],
  [/^\/login$/, () => loginPage()],
];

export function go(path: string): void {
  history.pushState(null, '', path);
  void render();
}

async function render(): Promise<void> {
  const url = new URL(location.href);
  for (const a of document.querySelectorAll('nav a')) a.classList.toggle('active', a.getAttribute('href') === url.pathname);
  clear(main);
  main.append(h('p', { class: 'loading' }, '加载中…'));
  if (me.accounts && !me.user && url.pathname !== '/login') return go('/login');
  for (const [re, page] of routes) {
    const m = url.pathname.match(re);
    if (!m) continue;
    try {
      await page(m, url.searchParams);
    } catch (e) {
      clear(main);
      main.append(errorBox(e));
    }
    return;
  }
  clear(main);
  main.append(h('p', null, '页面不存在。'));
}

function errorBox(e: unknown): HTMLElement {
  const code = e instanceof ApiFailure ? `（${e.code}）` : '';
  return h('div', { class: 'error-box', role: 'alert' }, `${(e as Error).message}${code}`);
}

function link(path: string, ...text: (string | Node)[]): HTMLAnchorElement {
  return h('a', { href: path, 'data-link': true }, ...text);
}

document.addEventListener('click', (e) => {
  const a = (e.target as Element).closest?.('a[data-link]');
  if (!a || (e as MouseEvent).ctrlKey || (e as MouseEvent).metaKey) return;
  e.preventDefault();
  go(a.getAttribute('href')!);
});
window.addEventListener('popstate', () => void render());

// ---- 检查 ----
async function checkPage(): Promise<void> {
  clear(main);
  const input = h('input', { type: 'file', multiple: true, id: 'files', accept: '.txt,.md,.html,.htm,.docx,.doc,.wps,.pdf,.png,.jpg,.jpeg' });
  const drop = h(
    'label',
    { class: 'drop', for: 'files' },
    h('strong', null, '把报告文件拖到这里，或点击选择'),
    h('span', null, '纯文本、网页、DOCX、有文字层的 PDF 在本机浏览器中检查，文件不离开你的电脑；DOC/WPS 和扫描件需要发送到服务器读取（只检查、不保存）。'),
  );
  const results = h('div', { class: 'results' });
  main.append(h('h1', null, '检查报告'), drop, input, results);
  const handle = async (files: FileList | File[]) => {
    clear(results);
    for (const f of Array.from(files)) results.append(await checkOne(f));
  };
  input.addEventListener('change', () => void handle(input.files ?? []));
  drop.addEventListener('dragover', (e) => {
    e.preventDefault();
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    if (e.dataTransfer?.files) void handle(e.dataTransfer.files);
  });
}

async function checkOne(file: File): Promise<HTMLElement> {
  const box = h('div', { class: 'checked' }, h('p', { class: 'loading' }, `正在检查 ${file.name}…`));
  const bytes = new Uint8Array(await file.arrayBuffer());
  let report: ParsedReport | null;
  let findings: Diagnostic[];
  let where: string;
  const local = await analyseLocally(bytes, file.name);
  try {
    if (local) {
      ({ report, findings } = local);
      where = '已在本机浏览器中检查，文件没有离开你的电脑。';
    } else {
      const form = new FormData();
      form.append('file', file);
      const r = await send<{ results: { report: ParsedReport | null; findings: Diagnostic[] }[] }>('POST', '/api/check', form);
      ({ report, findings } = r.results[0]!);
      where = '此格式在浏览器中无法读取，已发送到服务器检查（没有保存）。';
    }
  } catch (e) {
    clear(box);
    box.append(errorBox(e));
    return box;
  }
  clear(box);
  box.append(h('p', { class: 'where' }, `${file.name}：${where}`));
  if (!report) {
    box.append(h('div', { class: 'error-box' }, findings.map((d) => h('p', null, `${d.message}（${d.rule}）`))));
    return box;
  }
  const save = h('button', { type: 'button' }, '保存到报告库');
  save.addEventListener('click', async () => {
    save.disabled = true;
    try {
      const form = new FormData();
      form.append('file', file);
      const r = await send<{ results: { id?: number; status: string; error?: { message: string } }[] }>('POST', '/api/reports', form);
      const first = r.results[0]!;
      if (first.id) go(`/reports/${first.id}`);
      else throw new Error(first.error?.message ?? '保存失败');
    } catch (e) {
      save.after(errorBox(e));
      save.disabled = false;
    }
  });
  box.append(save, auditView(report, findings));
  return box;
}

// ---- 审核视图 ----
interface ReportAnswer {
  id: number;
  report: ParsedReport;
  findings: Diagnostic[];
  corrections: Correction[];
  organ: { id: number; name: string; areaName: string | null; areaHow: string | null } | null;
  hasSource: boolean;
}

async function reportPage(id: number): Promise<void> {
  const r = await get<ReportAnswer>(`/api/reports/${id}`);
  clear(main);
  const canCorrect = !me.accounts || me.user?.role !== 'clerk';
  const nav = h(
    'p',
    { class: 'crumbs' },
    link('/reports', '报告库'),
    ' › ',
    r.organ ? link(`/organs/${r.organ.id}`, r.organ.name) : (r.report.organ ?? ''),
    r.organ?.areaName ? ` · ${r.organ.areaName}` : '',
    ` · `,
    h('a', { href: `/api/reports/${id}/original`, download: '' }, '下载原文件'),
  );
  main.append(nav);
  const view = auditView(r.report, r.findings, {
    reportId: id,
    corrections: r.corrections,
    ...(canCorrect ? { onCorrect: (cellId: string, label: string, current: string) => correctionDialog(id, cellId, label, current) } : {}),
    ...(r.hasSource ? { loadSource: () => get<SourceDoc>(`/api/reports/${id}/source`) } : {}),
  });
  main.append(view);
  if (r.corrections.length > 0) {
    main.append(
      h('h3', null, '更正记录'),
      h(
        'table',
        { class: 'list corrections' },
        h('thead', null, h('tr', null, ['单元格', '版本', '原值', '更正为', '理由', '更正人', '时间'].map((t) => h('th', null, t)))),
        h(
          'tbody',
          null,
          r.corrections.map((c) => h('tr', null, h('td', null, c.cellId), h('td', null, String(c.version)), h('td', null, c.previousValue ?? STATUS_LABEL[c.previousStatus] ?? c.previousStatus), h('td', null, c.value ?? ''), h('td', null, c.reason), h('td', null, c.author), h('td', null, c.createdAt.slice(0, 19).replace('T', ' ')))),
        ),
      ),
    );
  }
}

function correctionDialog(reportId: number, cellId: string, label: string, current: string): void {
  const value = h('input', { type: 'number', step: 'any', min: 0, required: true, value: current, name: 'value' });
  const reason = h('textarea', { required: true, name: 'reason', rows: 3, placeholder: '例如：与原件核对，该格应为 3' });
  const message = h('div');
  const dialog = h(
    'dialog',
    { class: 'correct' },
    h(
      'form',
      { method: 'dialog' },
      h('h3', null, '更正单元格'),
      h('p', null, label, h('br'), h('code', null, cellId)),
      h('label', null, '更正后的数值', value),
      h('label', null, '更正理由', reason),
      h('p', { class: 'hint' }, '原值保留在更正记录中；更正后重新运行全部规则。'),
      message,
      h('div', { class: 'buttons' }, h('button', { type: 'submit', value: 'ok' }, '保存更正'), h('button', { type: 'button', class: 'secondary', value: 'cancel', onclick: () => dialog.close() }, '取消')),
    ),
  );
  dialog.querySelector('form')!.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      await send('POST', `/api/reports/${reportId}/corrections`, { cell: cellId, value: value.value, reason: reason.value });
      dialog.close();
      dialog.remove();
      await render();
    } catch (err) {
      clear(message);
      message.append(errorBox(err));
    }
  });
  document.body.append(dialog);
  dialog.showModal();
  value.focus();
}

// ---- filter forms ----
function areaAndKind(params: Record<string, string>): HTMLElement[] {
  return [
    h('label', null, '地区', h('input', { name: 'area', value: params.area ?? '', placeholder: '名称或区划代码', size: 14 })),
    h('label', null, '类别', h('select', { name: 'kind' }, h('option', { value: '' }, '全部'), Object.entries(KIND_LABEL).map(([k, v]) => h('option', { value: k, selected: params.kind === k }, v)))),
  ];
}

/** A filter form goes to its page with the filled fields as the query. */
function submitTo(form: HTMLFormElement, path: string): void {
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const next = new URLSearchParams();
    for (const [k, v] of new FormData(form).entries()) if (typeof v === 'string' && v) next.set(k, v);
    go(`${path}?${next}`);
  });
}

// ---- 报告库 ----
async function libraryPage(q: URLSearchParams): Promise<void> {
  const params = Object.fromEntries(q.entries());
  const form = h(
    'form',
    { class: 'filters' },
    h('label', null, '年度', h('input', { name: 'year', value: params.year ?? '', placeholder: '2022 或 2019-2022', size: 12 })),
    areaAndKind(params),
    h('label', null, '格式', h('select', { name: 'template' }, h('option', { value: '' }, '全部'), ['2019', '2021'].map((t) => h('option', { value: t, selected: params.template === t }, `${t} 格式`)))),
    h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'hasErrors', value: 'true', checked: params.hasErrors === 'true' }), '有错误'),
    h('label', null, '全文检索', h('input', { name: 'q', value: params.q ?? '', placeholder: '正文中的词句', size: 16 })),
    h('button', { type: 'submit' }, '筛选'),
  );
  submitTo(form, '/reports');
  const filters = { year: params.year, area: params.area, kind: params.kind, template: params.template, hasErrors: params.hasErrors };
  clear(main);
  main.append(h('h1', null, '报告库'), form);
  if (params.q) {
    const r = await get<{ total: number; hits: { reportId: number; organ: string | null; year: number | null; heading: string; snippet: string }[] }>('/api/reports', { ...filters, q: params.q, limit: 100 });
    main.append(h('p', null, `“${params.q}”出现在 ${r.total} 个章节中`), h('ul', { class: 'hits' }, r.hits.map((x) => h('li', null, link(`/reports/${x.reportId}`, `${x.organ ?? '?'} ${x.year ?? ''}`), ` · ${x.heading}：`, h('span', { class: 'snippet' }, `…${x.snippet}…`)))));
    return;
  }
  const limit = 50;
  const offset = Number(params.offset ?? 0);
  const sort = params.sort ?? 'id';
  const order = params.order ?? 'desc';
  const r = await get<{ total: number; items: ReportRow[] }>('/api/reports', { ...filters, sort, order, offset, limit });
  const chosen = new Set<number>();
  const compare = h('button', { type: 'button', disabled: true, class: 'secondary' }, '对比所选两份');
  compare.addEventListener('click', () => {
    const [a, b] = [...chosen];
    go(`/compare?a=${a}&b=${b}`);
  });
  const sortLink = (key: string, text: string) => {
    const next = new URLSearchParams(q);
    next.set('sort', key);
    next.set('order', sort === key && order === 'desc' ? 'asc' : 'desc');
    next.delete('offset');
    return link(`/reports?${next}`, text, sort === key ? (order === 'desc' ? ' ▼' : ' ▲') : '');
  };
  const table = h(
    'table',
    { class: 'list reports' },
    h('thead', null, h('tr', null, h('th', null, '对比'), h('th', null, sortLink('id', '编号')), h('th', null, sortLink('organ', '单位')), h('th', null, '地区'), h('th', null, '类别'), h('th', null, sortLink('year', '年度')), h('th', null, '格式'), h('th', null, sortLink('errors', '错误')), h('th', null, sortLink('warnings', '警告')), h('th', null, '来源'))),
    h(
      'tbody',
      null,
      r.items.map((x) => {
        const box = h('input', { type: 'checkbox', 'aria-label': `选择 ${x.id}` });
        box.addEventListener('change', () => {
          if (box.checked) chosen.add(x.id);
          else chosen.delete(x.id);
          compare.disabled = chosen.size !== 2;
        });
        return h(
          'tr',
          null,
          h('td', null, box),
          h('td', null, link(`/reports/${x.id}`, String(x.id))),
          h('td', null, x.organId ? link(`/organs/${x.organId}`, x.organ ?? '') : (x.organ ?? '（未识别）')),
          h('td', null, x.areaName ?? ''),
          h('td', null, x.kind ? (KIND_LABEL[x.kind] ?? x.kind) : ''),
          h('td', null, x.year ?? ''),
          h('td', null, x.template ?? '未识别'),
          h('td', { class: x.errors ? 'num bad' : 'num' }, String(x.errors)),
          h('td', { class: 'num' }, String(x.warnings)),
          h('td', { class: 'source-name' }, x.sourceName),
        );
      }),
    ),
  );
  const page = (to: number, text: string) => {
    const next = new URLSearchParams(q);
    next.set('offset', String(to));
    return link(`/reports?${next}`, text);
  };
  main.append(
    h('p', { class: 'toolbar' }, `共 ${r.total} 份报告`, ' · 导出所选：', h('a', { href: exportUrl({ ...filters, format: 'csv' }) }, 'CSV'), ' ', h('a', { href: exportUrl({ ...filters, format: 'xlsx' }) }, 'XLSX'), ' ', h('a', { href: exportUrl({ ...filters, format: 'jsonl' }) }, 'JSON Lines'), ' ', compare),
    table,
    h('p', { class: 'pager' }, offset > 0 ? page(Math.max(0, offset - limit), '‹ 上一页') : null, ` 第 ${r.total ? offset + 1 : 0}–${Math.min(offset + limit, r.total)} 份 `, offset + limit < r.total ? page(offset + limit, '下一页 ›') : null),
  );
}

// ---- 单位 ----
interface OrganAnswer {
  organ: { id: number; name: string; kind: string | null; areaName: string | null; areaHow: string | null; names: string[] };
  years: { reportId: number; year: number | null; template: string | null; errors: number; warnings: number; received: number | null; carriedOver: number | null; carriedForward: number | null; indicators: Record<string, { value: number | null; reason?: string }>; crossYear: Diagnostic[] }[];
  indicators: { id: string; label: string; formula: string }[];
}

async function organPage(id: number): Promise<void> {
  const r = await get<OrganAnswer>(`/api/organs/${id}`);
  clear(main);
  const o = r.organ;
  main.append(
    h('h1', null, o.name),
    h('p', null, [o.kind ? KIND_LABEL[o.kind] : null, o.areaName ? `${o.areaName}${o.areaHow ? `（${o.areaHow}）` : ''}` : '地区未确定', o.names.length > 1 ? `报告中的名称：${o.names.join('、')}` : null].filter(Boolean).join(' · ')),
  );
  const chart = h('div', { class: 'chart', id: 'organ-chart' });
  main.append(
    h(
      'table',
      { class: 'list' },
      h('thead', null, h('tr', null, ['年度', '报告', '格式', '错误', '警告', '本年新收', '上年结转', '结转下年度', ...r.indicators.map((i) => i.label)].map((t) => h('th', null, t)))),
      h(
        'tbody',
        null,
        r.years.map((y) =>
          h(
            'tr',
            null,
            h('td', null, y.year ?? ''),
            h('td', null, link(`/reports/${y.reportId}`, `#${y.reportId}`)),
            h('td', null, y.template ?? ''),
            h('td', { class: 'num' }, String(y.errors)),
            h('td', { class: 'num' }, String(y.warnings)),
            h('td', { class: 'num' }, y.received ?? '—'),
            h('td', { class: 'num' }, y.carriedOver ?? '—'),
            h('td', { class: 'num' }, y.carriedForward ?? '—'),
            r.indicators.map((i) => h('td', { class: 'num', title: i.formula }, percent(y.indicators[i.id]?.value))),
          ),
        ),
      ),
    ),
    h('h3', null, '历年变化'),
    chart,
  );
  const cross = r.years.flatMap((y) => y.crossYear.map((d) => ({ year: y.year, d })));
  main.append(h('h3', null, '跨年度发现'), cross.length === 0 ? h('p', null, '没有跨年度问题。') : h('ul', { class: 'cross' }, cross.map((x) => h('li', null, h('span', { class: `sev ${x.d.severity}` }, SEVERITY_LABEL[x.d.severity] ?? ''), ` ${x.year} 年度：${x.d.message}`))));
  await drawChart(chart, r);
}

interface ECharts {
  init(el: HTMLElement): { setOption(o: unknown): void };
}

async function drawChart(el: HTMLElement, r: OrganAnswer): Promise<void> {
  const w = window as unknown as { echarts?: ECharts };
  if (!w.echarts) {
    await new Promise<void>((resolve, reject) => {
      const s = document.createElement('script');
      s.src = '/echarts.min.js';
      s.onload = () => resolve();
      s.onerror = () => reject(new Error('图表库加载失败'));
      document.head.append(s);
    });
  }
  const years = r.years.map((y) => String(y.year ?? '?'));
  w.echarts!.init(el).setOption({
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { data: ['本年新收申请', '公开率'] },
    xAxis: { type: 'category', data: years },
    yAxis: [
      { type: 'value', name: '件', minInterval: 1 },
      { type: 'value', name: '公开率', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    ],
    series: [
      { name: '本年新收申请', type: 'bar', data: r.years.map((y) => y.received) },
      { name: '公开率', type: 'line', yAxisIndex: 1, data: r.years.map((y) => (y.indicators.disclosureRate?.value == null ? null : Math.round(y.indicators.disclosureRate.value * 1000) / 10)) },
    ],
  });
}

// ---- 对比 ----
interface Brief {
  id: number;
  organ: string | null;
  year: number | null;
}

async function comparePage(q: URLSearchParams): Promise<void> {
  const a = q.get('a');
  const b = q.get('b');
  clear(main);
  main.append(h('h1', null, '对比两份报告'));
  if (!a || !b) {
    main.append(h('p', null, '在报告库中勾选两份报告，再点“对比所选两份”。'));
    return;
  }
  const cmp = await get<Omit<Comparison, 'cells'> & { a: Brief; b: Brief; cells: (Comparison['cells'][number] & { label: string })[] }>('/api/compare', { a, b });
  const name = (r: Brief) => `${r.organ ?? '?'} ${r.year ?? ''}（#${r.id}）`;
  const show = (c: { value: number | null; status: string } | null) => (!c ? '（无此格）' : c.status === 'filled' ? String(c.value) : (STATUS_LABEL[c.status] ?? c.status));
  main.append(
    h('p', null, 'A：', link(`/reports/${a}`, name(cmp.a)), '　B：', link(`/reports/${b}`, name(cmp.b))),
    h('p', { class: 'dup' }, `正文重复率（B 中与 A 逐句相同的文字所占比例）：${percent(cmp.duplication)}`),
    h('h3', null, `数值不同的单元格（${cmp.cells.length} 个）`),
    h('table', { class: 'list' }, h('thead', null, h('tr', null, h('th', null, '单元格'), h('th', null, 'A'), h('th', null, 'B'))), h('tbody', null, cmp.cells.map((c) => h('tr', null, h('td', { title: c.id }, c.label), h('td', { class: 'num' }, show(c.a)), h('td', { class: 'num' }, show(c.b)))))),
    h('h3', null, '正文逐句对比'),
  );
  for (const s of cmp.sections) {
    main.append(h('h4', null, `${s.heading}（重复率 ${percent(s.duplication)}）`), h('p', { class: 'diff' }, s.parts.map((p) => (p.kind === 'same' ? h('span', null, p.text) : h(p.kind === 'added' ? 'ins' : 'del', null, p.text)))));
  }
}

// ---- 汇总 ----
interface RollupAnswer {
  area: string | null;
  year: number;
  organs: { organId: number; organ: string; kind: string | null; areaName: string | null; reportId: number; errors: number; warnings: number; received: number | null; indicators: Record<string, { value: number | null }> }[];
  missing: { organId: number; organ: string; lastYear: number }[];
  totals: Record<string, { sum: number; filled: number; notFilled: number }>;
  indicators: Record<string, { value: number | null; reason?: string }>;
  indicatorDefs: { id: string; label: string; formula: string }[];
  rankings: Record<string, { organ: string; value: number }[]>;
  labels: Record<string, string>;
}

async function rollupPage(q: URLSearchParams): Promise<void> {
  const params = Object.fromEntries(q.entries());
  const form = h(
    'form',
    { class: 'filters' },
    h('label', null, '年度', h('input', { name: 'year', value: params.year ?? '', placeholder: '2022', size: 6, required: true })),
    areaAndKind(params),
    h('button', { type: 'submit' }, '汇总'),
  );
  submitTo(form, '/rollup');
  clear(main);
  main.append(h('h1', null, '地区汇总'), form);
  if (!params.year) {
    main.append(h('p', null, '选择年度（和地区）后汇总。口径：未填写的单元格不计入合计而单独计数；数据不全或分母为 0 时指标为“未知”。'));
    return;
  }
  const r = await get<RollupAnswer>('/api/rollup', { year: params.year, area: params.area, kind: params.kind });
  const keys = Object.keys(r.totals);
  main.append(
    h('p', { class: 'toolbar' }, `${r.area ?? '全部地区'} · ${r.year} 年度 · ${r.organs.length} 个单位参加汇总 · 缺报 ${r.missing.length} 个`),
    h('h3', null, '参加汇总的单位'),
    h('table', { class: 'list' }, h('thead', null, h('tr', null, ['单位', '地区', '错误', '警告', '本年新收', '公开率'].map((t) => h('th', null, t)))), h('tbody', null, r.organs.map((o) => h('tr', null, h('td', null, link(`/reports/${o.reportId}`, o.organ)), h('td', null, o.areaName ?? ''), h('td', { class: o.errors ? 'num bad' : 'num' }, String(o.errors)), h('td', { class: 'num' }, String(o.warnings)), h('td', { class: 'num' }, o.received ?? '—'), h('td', { class: 'num' }, percent(o.indicators.disclosureRate?.value)))))),
    h('h3', null, `缺报单位（以前年度有报告、本年度没有：${r.missing.length} 个）`),
    r.missing.length ? h('ul', null, r.missing.map((m) => h('li', null, link(`/organs/${m.organId}`, m.organ), `（最近一次：${m.lastYear} 年度）`))) : h('p', null, '没有。'),
    h('h3', null, '指标'),
    h('table', { class: 'list' }, h('tbody', null, r.indicatorDefs.map((d) => h('tr', null, h('th', null, d.label), h('td', { class: 'num' }, percent(r.indicators[d.id]?.value)), h('td', { class: 'formula' }, d.formula))))),
    h('h3', null, '排名'),
    h('div', { class: 'rankings' }, ([['received', '本年新收申请'], ['disclosureRate', '公开率'], ['errors', '错误数']] as const).map(([k, t]) => h('div', null, h('h4', null, t), h('ol', null, (r.rankings[k] ?? []).slice(0, 10).map((x) => h('li', null, `${x.organ}：${k === 'disclosureRate' ? percent(x.value) : x.value}`)))))),
    h('h3', null, '各单元格合计'),
    h('p', { class: 'hint' }, '未填写（空白、缺失、无法识读）的单元格不计入合计，只计数；有未填写单位的合计标为“不全”，是已知部分之和。'),
    h(
      'table',
      { class: 'list totals' },
      h('thead', null, h('tr', null, ['单元格', '合计', '已填写单位', '未填写单位'].map((t) => h('th', null, t)))),
      h(
        'tbody',
        null,
        keys.map((k) => {
          const t = r.totals[k]!;
          return h('tr', null, h('td', { title: k }, r.labels[k] ?? k), h('td', { class: 'num' }, String(t.sum), t.notFilled ? h('span', { class: 'partial' }, '（不全）') : null), h('td', { class: 'num' }, String(t.filled)), h('td', { class: t.notFilled ? 'num bad' : 'num' }, String(t.notFilled)));
        }),
      ),
    ),
  );
}

// ---- 登录 ----
async function loginPage(): Promise<void> {
  clear(main);
  const name = h('input', { name: 'name', required: true, autocomplete: 'username' });
  const password = h('input', { name: 'password', type: 'password', required: true, autocomplete: 'current-password' });
  const message = h('div');
  const form = h('form', { class: 'login' }, h('h1', null, '登录'), h('label', null, '用户名', name), h('label', null, '密码', password), message, h('button', { type: 'submit' }, '登录'));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      await send('POST', '/api/session', { name: name.value, password: password.value });
      me = await session();
      renderUser();
      go('/');
    } catch (err) {
      clear(message);
      message.append(errorBox(err));
    }
  });
  main.append(form);
}

function renderUser(): void {
  const box = document.getElementById('user')!;
  clear(box);
  if (!me.accounts) return void box.append('本机使用');
  if (!me.user) return;
  const out = h('button', { type: 'button', class: 'link' }, '退出');
  out.addEventListener('click', async () => {
    await send('DELETE', '/api/session');
    me = await session();
    renderUser();
    go('/login');
  });
  box.append(`${me.user.name}（${me.user.roleLabel}）`, out);
}

async function start(): Promise<void> {
  try {
    me = await session();
  } catch (e) {
    main.append(errorBox(e));
    return;
  }
  renderUser();
  await render();
}

void start();
