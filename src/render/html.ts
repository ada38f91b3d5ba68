/**
 * The audit report a reviewer sends back to the organ: one self-contained HTML file (no
 * scripts, no external resources) with a summary, the list of findings, the three tables
 * drawn as the national format prints them with the failing cells highlighted, and the
 * report's text with the sentences at fault marked. Pure: the caller passes the time.
 */
import { formatLoc, SEVERITY_LABEL, SEVERITY_RANK } from '../diagnostics/format.js';
import type { Diagnostic, Severity } from '../diagnostics/types.js';
import type { Paragraph } from '../document/model.js';
import type { CellValue, ParsedReport } from '../parse/index.js';
import { getTemplate, SECTIONS, type TemplateDef } from '../template/index.js';
import { tableGrids, type Grid, type GridCell } from '../template/grid.js';
import { countBySeverity } from './text.js';

export interface AuditEntry {
  path: string;
  report: ParsedReport | null;
  diagnostics: Diagnostic[];
  previous?: { path: string; year: number; organ: string } | null;
}

export interface HtmlOptions {
  version: string;
  /** when the report was made, as people read it (the renderer does not read the clock) */
  generatedAt?: string;
}

export const esc = (s: string | number): string =>
  String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const SEV_ORDER: Severity[] = ['error', 'warning', 'info'];
const worst = (list: readonly Diagnostic[]): Severity | null =>
  list.reduce<Severity | null>((a, d) => (!a || SEVERITY_RANK[d.severity] > SEVERITY_RANK[a] ? d.severity : a), null);

export function renderHtml(entries: readonly AuditEntry[], options: HtmlOptions): string {
  const many = entries.length > 1;
  const title = many
    ? `政府信息公开工作年度报告审核意见（${entries.length} 份）`
    : `${entries[0]?.report?.organ ?? baseName(entries[0]?.path ?? '')}${entries[0]?.report?.year ? ` ${entries[0].report.year} 年度` : ''}政府信息公开工作年度报告审核意见`;
  const body: string[] = [];
  body.push(`<header class="top"><h1>${esc(title)}</h1><p class="meta">gongkai ${esc(options.version)} 离线检查${options.generatedAt ? ` · ${esc(options.generatedAt)}` : ''}</p></header>`);
  if (many) body.push(indexTable(entries));
  entries.forEach((e, i) => body.push(reportSection(e, many ? `r${i + 1}` : 'r1', many)));
  body.push(legend());
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="gongkai ${esc(options.version)}">
<title>${esc(title)}</title>
<style>${CSS}</style>
</head>
<body>
${body.join('\n')}
</body>
</html>
`;
}

function baseName(p: string): string {
  return p.split(/[\\/]/).pop() ?? p;
}

function countBadges(list: readonly Diagnostic[]): string {
  const n = countBySeverity(list);
  return SEV_ORDER.map((s) => `<span class="badge ${s}${n[s] === 0 ? ' zero' : ''}">${n[s]} ${s === 'info' ? '条' : '个'}${SEVERITY_LABEL[s]}</span>`).join(' ');
}

function indexTable(entries: readonly AuditEntry[]): string {
  const rows = entries.map((e, i) => {
    const n = countBySeverity(e.diagnostics);
    const r = e.report;
    return `<tr><td><a href="#r${i + 1}">${esc(r?.organ ?? '（单位未识别）')}</a></td><td>${esc(r?.year ?? '—')}</td><td class="file">${esc(e.path)}</td><td class="num ${n.error ? 'error' : ''}">${n.error}</td><td class="num ${n.warning ? 'warning' : ''}">${n.warning}</td><td class="num">${n.info}</td></tr>`;
  });
  const all = entries.flatMap((e) => e.diagnostics);
  const t = countBySeverity(all);
  return `<section class="index"><h2>汇总</h2><table class="list"><thead><tr><th>机关</th><th>年度</th><th>文件</th><th>错误</th><th>警告</th><th>提示</th></tr></thead><tbody>${rows.join('')}</tbody><tfoot><tr><th colspan="3">合计 ${entries.length} 份</th><th class="num">${t.error}</th><th class="num">${t.warning}</th><th class="num">${t.info}</th></tr></tfoot></table></section>`;
}

interface Numbered {
  n: number;
  d: Diagnostic;
}

function reportSection(entry: AuditEntry, id: string, many: boolean): string {
  const r = entry.report;
  // errors first, then warnings, then infos; in the order of the document within each
  const sorted = [...entry.diagnostics].sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity]);
  const list: Numbered[] = sorted.map((d, i) => ({ n: i + 1, d }));
  const out: string[] = [];
  out.push(`<section class="report" id="${id}">`);
  const heading = r ? `${r.organ ?? '（单位未识别）'}${r.year ? ` ${r.year} 年度` : ''}` : baseName(entry.path);
  if (many) out.push(`<h2 class="report-title">${esc(heading)}</h2>`);
  out.push(summary(entry, list));
  out.push(findingsList(list, id));
  if (r) {
    const template = r.template ? getTemplate(r.template) : null;
    if (template) out.push(tables(r, template, list, id));
    out.push(texts(r, list, id));
  }
  out.push('</section>');
  return out.join('\n');
}

function summary(entry: AuditEntry, list: readonly Numbered[]): string {
  const r = entry.report;
  const n = countBySeverity(list.map((x) => x.d));
  const verdict = !r
    ? '文件无法读取，未能检查'
    : n.error > 0
      ? `发现 ${n.error} 个错误，建议修改后重新发布`
      : n.warning > 0
        ? `未发现错误；有 ${n.warning} 个警告，请逐项核实`
        : '未发现错误或警告';
  const rows: [string, string][] = [['文件', entry.path]];
  if (r) {
    rows.push(['机关', r.organ ?? '未识别']);
    rows.push(['报告年度', r.year ? `${r.year} 年` : '未识别']);
    rows.push(['格式', r.template ? (r.template === '2021' ? '2021 年格式（国办公开办函〔2021〕30号）' : '2019 年格式（试行）') : '不是统一格式']);
    if (r.period) rows.push(['统计期限', r.period.raw]);
    rows.push(['落款日期', r.publishedOn ?? '未写明']);
    if (entry.previous) rows.push(['对照', `${entry.previous.organ} ${entry.previous.year} 年度报告（${entry.previous.path}）`]);
  }
  const cls = !r || n.error > 0 ? 'error' : n.warning > 0 ? 'warning' : 'ok';
  return `<div class="summary"><p class="verdict ${cls}">${esc(verdict)}</p><p>${countBadges(list.map((x) => x.d))}</p><table class="facts">${rows.map(([k, v]) => `<tr><th>${esc(k)}</th><td>${esc(v)}</td></tr>`).join('')}</table></div>`;
}

function findingsList(list: readonly Numbered[], id: string): string {
  if (list.length === 0) return '<h3>问题清单</h3><p class="none">没有发现问题。</p>';
  const rows = list.map(({ n, d }) => {
    const where = formatLoc(d.location);
    const shown = d.cells?.slice(0, CELLS_LISTED) ?? [];
    const more = (d.cells?.length ?? 0) - shown.length;
    const cells = shown.length
      ? `<div class="cells">涉及：${shown.map((c) => `<a href="#${id}-cell-${cssId(c)}"><code>${esc(c)}</code></a>`).join(' ')}${more > 0 ? ` 等共 ${d.cells!.length} 个单元格（见统计表中的标记）` : ''}</div>`
      : '';
    const hint = d.hint ? `<div class="hint">${esc(d.hint)}</div>` : '';
    return `<tr id="${id}-f${n}" class="${d.severity}"><td class="num">${n}</td><td><span class="sev ${d.severity}">${SEVERITY_LABEL[d.severity]}</span></td><td class="loc">${d.quote || d.cells?.length || d.location ? `<a href="#${id}-m${n}">${esc(where)}</a>` : esc(where)}</td><td>${esc(d.message)}${hint}${cells}</td><td><code>${esc(d.rule)}</code></td></tr>`;
  });
  return `<h3>问题清单</h3><table class="list findings"><thead><tr><th>#</th><th>级别</th><th>位置</th><th>说明</th><th>规则</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** a finding about many cells lists a few; the table shows them all */
const CELLS_LISTED = 8;

const cssId = (s: string): string => s.replace(/[^A-Za-z0-9_-]/g, '-');

/** finding numbers by cell id */
function cellFindings(list: readonly Numbered[]): Map<string, Numbered[]> {
  const m = new Map<string, Numbered[]>();
  for (const x of list) for (const c of x.d.cells ?? []) m.set(c, [...(m.get(c) ?? []), x]);
  return m;
}

function tables(r: ParsedReport, t: TemplateDef, list: readonly Numbered[], id: string): string {
  const byCell = cellFindings(list);
  // the first finding that names a cell is where the list's link lands
  const anchored = new Set<number>();
  const cell = (cellId: string, colspan = 1): string => {
    const v: CellValue | undefined = r.cells[cellId];
    const fs = byCell.get(cellId) ?? [];
    const sev = worst(fs.map((x) => x.d));
    const anchors = fs
      .filter((x) => !anchored.has(x.n))
      .map((x) => {
        anchored.add(x.n);
        return `<a id="${id}-m${x.n}"></a>`;
      })
      .join('');
    const refs = fs.length ? `<sup>${fs.map((x) => `<a href="#${id}-f${x.n}">${x.n}</a>`).join(',')}</sup>` : '';
    const tip = [v?.raw && v.raw !== String(v.value) ? `原文：${v.raw}` : '', ...fs.map((x) => `${x.n}. ${x.d.message}`)].filter(Boolean).join('\n');
    let shown: string;
    let cls = 'v';
    if (!v || v.status === 'missing') {
      shown = '缺';
      cls += ' missing';
    } else if (v.status === 'blank') {
      shown = '';
      cls += ' blank';
    } else if (v.status === 'unreadable') {
      shown = '？';
      cls += ' unreadable';
    } else shown = v.value === null ? '' : String(v.value);
    if (sev) cls += ` flag ${sev}`;
    return `<td id="${id}-cell-${cssId(cellId)}" class="${cls}"${colspan > 1 ? ` colspan="${colspan}"` : ''}${tip ? ` title="${esc(tip)}"` : ''}>${anchors}${esc(shown)}${refs}</td>`;
  };
  return `<h3>统计表</h3>${tableGrids(t).map((g) => gridHtml(g, (id, colSpan) => cell(id, colSpan))).join('')}`;
}

const CLASS: Record<string, string> = { active: 'form', requests: 'form requests', appeals: 'form appeals' };

/** A table of the national format as HTML, value cells drawn by `cell`; `caption: false` where a heading stands above it. */
export function gridHtml(g: Grid, cell: (cellId: string, colSpan: number) => string, options: { caption?: boolean } = {}): string {
  const draw = (row: readonly GridCell[]) =>
    `<tr>${row
      .map((c) => {
        if (c.kind === 'value') return cell(c.cellId, c.colSpan ?? 1);
        const span = `${c.colSpan && c.colSpan > 1 ? ` colspan="${c.colSpan}"` : ''}${c.rowSpan && c.rowSpan > 1 ? ` rowspan="${c.rowSpan}"` : ''}`;
        const cls = c.role === 'vertical' ? 'label vertical' : c.role === 'sub' ? 'label sub' : c.role ?? '';
        return `<th${span}${cls ? ` class="${cls}"` : ''}>${esc(c.text)}</th>`;
      })
      .join('')}</tr>`;
  const head = g.head.length ? `<thead>${g.head.map(draw).join('')}</thead>` : '';
  const caption = options.caption === false ? '' : `<caption>${esc(g.caption)}</caption>`;
  return `<table class="${CLASS[g.table.id] ?? 'form'}">${caption}${head}<tbody>${g.body.map(draw).join('')}</tbody></table>`;
}

interface Mark {
  start: number;
  end: number;
  items: Numbered[];
  mask?: string;
}

/** Which paragraph a quoted finding is about: the one that contains the quote, nearest its location. */
function placeQuotes(r: ParsedReport, list: readonly Numbered[], extra: readonly Paragraph[]): Map<Paragraph, Mark[]> {
  const paras: Paragraph[] = [...extra];
  for (const s of r.sections) paras.push(...s.paragraphs);
  const marks = new Map<Paragraph, Mark[]>();
  const same = (a: Paragraph, d: Diagnostic): boolean => {
    const l = d.location;
    if (!l) return false;
    if (l.line !== undefined) return a.loc.line === l.line || (a.spans ?? []).some((s) => s.loc.line === l.line);
    if (l.para !== undefined) return a.loc.para === l.para;
    if (l.page !== undefined) return a.loc.page === l.page || (a.spans ?? []).some((s) => s.loc.page === l.page);
    return false;
  };
  for (const x of list) {
    const q = x.d.quote;
    if (x.d.cells?.length) continue;
    if (!q) {
      // no words to mark: a numbered pointer where the finding is, if it is in the text
      const p = paras.find((c) => same(c, x.d));
      if (!p) continue;
      const l = x.d.location!;
      const at = l.line !== undefined && p.loc.line === l.line && !p.spans ? Math.min(p.text.length, Math.max(0, (l.column ?? 1) - (p.loc.column ?? 1))) : 0;
      marks.set(p, [...(marks.get(p) ?? []), { start: at, end: at, items: [x] }]);
      continue;
    }
    const candidates = paras.filter((p) => p.text.includes(q));
    const p = candidates.find((c) => same(c, x.d)) ?? candidates[0];
    if (!p) continue;
    const start = p.text.indexOf(q);
    const m: Mark = { start, end: start + q.length, items: [x] };
    if (x.d.rule === 'personal-info') m.mask = String(x.d.data?.masked ?? '');
    marks.set(p, [...(marks.get(p) ?? []), m]);
  }
  // overlapping marks become one, with every finding
  for (const [p, ms] of marks) {
    ms.sort((a, b) => a.start - b.start);
    const merged: Mark[] = [];
    for (const m of ms) {
      const prev = merged.at(-1);
      if (prev && (m.start < prev.end || (m.start === prev.start && m.end === prev.end)) && !m.mask && !prev.mask) {
        prev.end = Math.max(prev.end, m.end);
        prev.items.push(...m.items);
      } else merged.push(m);
    }
    marks.set(p, merged);
  }
  return marks;
}

function paragraphHtml(p: Paragraph, marks: readonly Mark[], id: string, tag = 'p'): string {
  let html = '';
  let at = 0;
  for (const m of marks) {
    if (m.start < at) continue;
    html += esc(p.text.slice(at, m.start));
    const sev = worst(m.items.map((x) => x.d))!;
    const anchors = m.items.map((x) => `<a id="${id}-m${x.n}"></a>`).join('');
    const refs = `<sup>${m.items.map((x) => `<a href="#${id}-f${x.n}">${x.n}</a>`).join(',')}</sup>`;
    const tip = m.items.map((x) => `${x.n}. ${x.d.message}`).join('\n');
    if (m.start === m.end) {
      html += `${anchors}<sup class="${sev}" title="${esc(tip)}">${m.items.map((x) => `<a href="#${id}-f${x.n}">${x.n}</a>`).join(',')}</sup>`;
      at = m.end;
      continue;
    }
    html += `${anchors}<mark class="${sev}" title="${esc(tip)}">${esc(m.mask ?? p.text.slice(m.start, m.end))}</mark>${refs}`;
    at = m.end;
  }
  return `<${tag}>${html}${esc(p.text.slice(at))}</${tag}>`;
}

function texts(r: ParsedReport, list: readonly Numbered[], id: string): string {
  // the preamble and the headings can be what a finding quotes, like any paragraph
  const preamble: Paragraph | null = r.preamble ? { kind: 'paragraph', text: r.preamble.text, loc: r.preamble.loc } : null;
  const headings = new Map<number, Paragraph>(r.sections.map((s) => [s.number, { kind: 'paragraph', text: s.heading, loc: s.loc }]));
  const marks = placeQuotes(r, list, [...(preamble ? [preamble] : []), ...headings.values()]);
  const out: string[] = ['<h3>正文</h3><div class="text">'];
  if (r.title) out.push(`<p class="title">${esc(r.title)}</p>`);
  if (preamble) out.push(paragraphHtml(preamble, marks.get(preamble) ?? [], id));
  for (const def of SECTIONS) {
    const s = r.sections.find((x) => x.number === def.number);
    if (!s) {
      out.push(`<h4 class="absent">${esc(`${def.numeral}、${def.heading}`)}（未找到）</h4>`);
      continue;
    }
    const h = headings.get(s.number)!;
    out.push(paragraphHtml(h, marks.get(h) ?? [], id, 'h4'));
    const tableSection = def.number >= 2 && def.number <= 4;
    let skipped = 0;
    for (const p of s.paragraphs) {
      const ms = marks.get(p) ?? [];
      // the table sections' own text is the table drawn above; keep only what a finding is about
      if (tableSection && ms.length === 0) {
        skipped++;
        continue;
      }
      out.push(paragraphHtml(p, ms, id));
    }
    if (tableSection) out.push(`<p class="see">（见上方${esc(`表${def.numeral}`)}${skipped ? `；其余 ${skipped} 段文字从略` : ''}）</p>`);
  }
  out.push('</div>');
  return out.join('\n');
}

function legend(): string {
  return `<footer><p>说明：<span class="sev error">错误</span> 与统一格式或勾稽关系不符，应当改正；<span class="sev warning">警告</span> 很可能有问题，请核实；<span class="sev info">提示</span> 供参考。表中“缺”表示报告中没有这一格，空白表示原文未填写，“？”表示原文无法辨认。每条问题的规则说明见 gongkai 文档 docs/rules/&lt;规则&gt;.md。</p></footer>`;
}

const CSS = `
:root{--err:#b3261e;--err-bg:#fdecea;--warn:#8a5300;--warn-bg:#fff3d6;--info:#0b5cad;--info-bg:#e8f1fb;--line:#9a9a9a}
*{box-sizing:border-box}
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei","PingFang SC",sans-serif;color:#1d1d1d;max-width:1180px;margin:0 auto;padding:24px;line-height:1.6;font-size:15px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:19px;border-bottom:2px solid #333;padding-bottom:4px;margin-top:40px}h3{font-size:17px;margin:28px 0 10px;border-left:4px solid #555;padding-left:8px}h4{font-size:16px;margin:18px 0 6px}
.meta{color:#666;margin:0}
.summary{background:#fafafa;border:1px solid #ddd;padding:12px 16px;margin:16px 0}
.verdict{font-size:18px;font-weight:bold;margin:0 0 6px}.verdict.error{color:var(--err)}.verdict.warning{color:var(--warn)}.verdict.ok{color:#1b7f3b}
.facts th{text-align:left;font-weight:normal;color:#555;padding:1px 16px 1px 0;white-space:nowrap;vertical-align:top}.facts td{padding:1px 0}
.badge{display:inline-block;padding:1px 10px;border-radius:10px;font-size:14px;margin-right:6px}
.badge.error{background:var(--err);color:#fff}.badge.warning{background:#e0a100;color:#1d1d1d}.badge.info{background:var(--info);color:#fff}.badge.zero{background:#e6e6e6;color:#777}
.sev{display:inline-block;padding:0 6px;border-radius:3px;font-size:13px;white-space:nowrap}
.sev.error{background:var(--err-bg);color:var(--err);border:1px solid var(--err)}.sev.warning{background:var(--warn-bg);color:var(--warn);border:1px solid #e0a100}.sev.info{background:var(--info-bg);color:var(--info);border:1px solid var(--info)}
table{border-collapse:collapse}
table.list{width:100%;font-size:14px}table.list th,table.list td{border-bottom:1px solid #ddd;padding:5px 8px;text-align:left;vertical-align:top}
table.list thead th{background:#f0f0f0}
.findings td.loc{white-space:nowrap}.hint{color:#555;font-size:13px;margin-top:2px}.cells{font-size:12px;color:#666}
td code{white-space:nowrap}code{font-family:"Noto Sans Mono",Consolas,monospace;font-size:12px;color:#444}
td.num,th.num{text-align:right}td.num.error{color:var(--err);font-weight:bold}td.num.warning{color:var(--warn);font-weight:bold}
.file{font-size:12px;color:#666;word-break:break-all}
table.form{width:100%;margin:10px 0 22px;font-size:13.5px;table-layout:auto}
table.form caption{text-align:left;font-weight:bold;font-size:15px;padding:4px 0}
table.form th,table.form td{border:1px solid var(--line);padding:4px 6px}
table.form th{background:#f4f4f4;font-weight:normal;text-align:center}
table.form th.label{text-align:left;background:#fbfbfb}table.form th.sub{font-size:13px}table.form th.block{text-align:left;background:#ececec;font-weight:bold}
table.form th.note{font-size:12px;color:#555}
table.form th.vertical{writing-mode:vertical-rl;letter-spacing:2px;width:2.2em}
table.form td.v{text-align:right;min-width:3.2em;font-variant-numeric:tabular-nums}
td.blank{background:repeating-linear-gradient(135deg,#fff,#fff 4px,#f0f0f0 4px,#f0f0f0 8px)}
td.missing{color:#999;text-align:center!important;background:#f3f3f3}
td.unreadable{color:var(--warn);text-align:center!important}
td.flag.error{background:var(--err-bg);outline:2px solid var(--err);outline-offset:-2px}
td.flag.warning{background:var(--warn-bg);outline:2px solid #e0a100;outline-offset:-2px}
td.flag.info{background:var(--info-bg)}
sup{font-size:10px;margin-left:2px}sup.error a{color:var(--err);font-weight:bold}sup.warning a{color:var(--warn);font-weight:bold}sup a{text-decoration:none}
.text p{margin:6px 0;text-indent:2em}.text p.title{text-indent:0;text-align:center;font-weight:bold;font-size:17px}.text p.see{color:#777;text-indent:0;font-size:13px}
h4.absent{color:var(--err)}
mark{padding:0 1px;border-radius:2px}mark.error{background:#f8c9c5;box-shadow:0 2px 0 var(--err)}mark.warning{background:#ffe39a;box-shadow:0 2px 0 #e0a100}mark.info{background:#d3e5fa}
footer{margin-top:40px;border-top:1px solid #ddd;color:#666;font-size:13px}
.none{color:#1b7f3b}
@media print{body{max-width:none;padding:0;font-size:12px}h2{page-break-before:always}section.report:first-of-type h2{page-break-before:auto}a{color:inherit;text-decoration:none}table.form{page-break-inside:avoid}}
`;
