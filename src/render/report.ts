/**
 * A report drawn from its data file in the official layout: title, preamble, the six headings,
 * tables 二/三/四 under their headings with the national format's merged headers, the signature and date. One layout,
 * several outputs: plain text, Markdown and HTML here, DOCX in report-docx.ts. Pure: no I/O.
 */
import type { ReportData } from '../draft/data.js';
import { tableGrids, type Grid } from '../template/grid.js';
import { esc, gridHtml } from './html.js';
import { getTemplate, SECTIONS, type CellDef, type TemplateDef } from '../template/index.js';

export type Block =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'table'; grid: Grid }
  | { kind: 'signature'; organ: string; date: string | null };

/** The value a cell shows: amounts as written (万元, up to four decimals), counts as integers. */
export function cellText(def: CellDef | undefined, v: number | undefined): string {
  if (v === undefined) return '';
  if (def?.type === 'amount') {
    const n = String(Math.round(v * 10000) / 10000);
    // a column whose header prints no unit (2019 采购总金额) says it in the cell
    return def.printedUnit || v === 0 ? n : `${n}万元`;
  }
  return String(v);
}

export function defaultPreamble(data: ReportData): string {
  const parts = [
    `本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《中华人民共和国政府信息公开工作年度报告格式》要求，由${data.organ}编制。`,
    '全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项。',
    `本报告中所列数据的统计期限自${data.year}年1月1日起至${data.year}年12月31日止。`,
  ];
  if (data.preamble.publishedWhere?.trim()) parts.push(`本报告电子版可在${data.preamble.publishedWhere.trim()}查阅或下载。`);
  if (data.preamble.contact?.trim()) parts.push(`如对本报告有疑问，请与${data.preamble.contact.trim()}联系。`);
  return parts.join('');
}

/** 2024-01-20 → 2024年1月20日 */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** The title a report has when its data file gives none. */
export function reportTitle(organ: string, year: number): string {
  return `${organ}${year}年政府信息公开工作年度报告`;
}

/** A section's official heading with its numeral, as this format prints it. */
export function sectionHeading(template: TemplateDef, s: (typeof SECTIONS)[number]): string {
  return `${s.numeral}、${template.sections.find((x) => x.number === s.number)?.heading ?? s.heading}`;
}

export function layout(data: ReportData): { template: TemplateDef; blocks: Block[] } {
  const template = getTemplate(data.template);
  const grids = tableGrids(template);
  const blocks: Block[] = [{ kind: 'title', text: data.title ?? reportTitle(data.organ, data.year) }];
  for (const p of paragraphs(data.preamble.text ?? defaultPreamble(data))) blocks.push({ kind: 'paragraph', text: p });
  for (const s of SECTIONS) {
    blocks.push({ kind: 'heading', text: sectionHeading(template, s) });
    // the data file's section keys are the template's section ids
    for (const p of paragraphs(data.sections[s.id] ?? '')) blocks.push({ kind: 'paragraph', text: p });
    const grid = grids.find((g) => g.table.section === s.number);
    if (grid) blocks.push({ kind: 'table', grid });
  }
  blocks.push({ kind: 'signature', organ: data.signedBy ?? data.organ, date: data.publishedOn ? chineseDate(data.publishedOn) : null });
  return { template, blocks };
}

function paragraphs(text: string): string[] {
  return (
    text
      .split(/\n+/)
      // a tab or a pipe would make a line of prose read as a table row: a space, a full-width bar
      .map((p) => p.replace(/\t/g, ' ').replace(/\|/g, '｜').trim())
      .filter(Boolean)
  );
}

/**
 * A grid as rows of plain strings, merged cells spread out: a header's text in its first
 * position, the positions it spans empty — how a table reads once its lines are gone.
 */
export function flatRows(grid: Grid, value: (cellId: string) => string): string[][] {
  const rows = [...grid.head, ...grid.body];
  const out: string[][] = rows.map(() => Array<string>(grid.width).fill(''));
  const taken = rows.map(() => Array<boolean>(grid.width).fill(false));
  rows.forEach((row, r) => {
    let col = 0;
    for (const cell of row) {
      while (col < grid.width && taken[r]![col]) col++;
      const colSpan = cell.colSpan ?? 1;
      const rowSpan = cell.kind === 'header' ? (cell.rowSpan ?? 1) : 1;
      for (let dr = 0; dr < rowSpan; dr++) for (let dc = 0; dc < colSpan; dc++) if (taken[r + dr]) taken[r + dr]![col + dc] = true;
      out[r]![col] = cell.kind === 'header' ? cell.text : value(cell.cellId);
      col += colSpan;
    }
  });
  return out;
}

const valueOf = (template: TemplateDef, data: ReportData) => {
  const defs = new Map(template.cells.map((c) => [c.id, c]));
  return (id: string) => cellText(defs.get(id), data.cells[id]);
};

/** Plain text: paragraphs indented, tables as tab-separated rows. */
export function renderReportText(data: ReportData): string {
  const { template, blocks } = layout(data);
  const value = valueOf(template, data);
  const out: string[] = [];
  for (const b of blocks) {
    if (b.kind === 'title') out.push(b.text, '');
    else if (b.kind === 'heading') out.push(b.text);
    else if (b.kind === 'paragraph') out.push(`\u3000\u3000${b.text}`);
    else if (b.kind === 'table') out.push(...flatRows(b.grid, value).map((r) => r.join('\t')), '');
    else out.push('', b.organ, ...(b.date ? [b.date] : []));
  }
  return `${out.join('\n')}\n`;
}

/** Markdown: headings, paragraphs, pipe tables (merged cells spread out). */
export function renderReportMarkdown(data: ReportData): string {
  const { template, blocks } = layout(data);
  const value = valueOf(template, data);
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const out: string[] = [];
  for (const b of blocks) {
    if (b.kind === 'title') out.push(`# ${b.text}`, '');
    else if (b.kind === 'heading') out.push(`## ${b.text}`, '');
    else if (b.kind === 'paragraph') out.push(b.text.replace(/^#/, '＃').replace(/^>/, '＞'), '');
    else if (b.kind === 'table') {
      const rows = flatRows(b.grid, value);
      out.push(`| ${rows[0]!.map(esc).join(' | ')} |`, `|${rows[0]!.map(() => ' --- ').join('|')}|`, ...rows.slice(1).map((r) => `| ${r.map(esc).join(' | ')} |`), '');
    } else out.push(b.organ, '', ...(b.date ? [b.date, ''] : []));
  }
  return `${out.join('\n').trimEnd()}\n`;
}

const HTML_STYLE = `body{max-width:210mm;margin:0 auto;padding:20mm 26mm 20mm 28mm;font-family:"FangSong","仿宋_GB2312","仿宋","Noto Serif CJK SC","Source Han Serif SC",serif;font-size:16pt;line-height:1.8;color:#000}
h1{font-family:"FZXiaoBiaoSong-B05S","方正小标宋简体","Noto Serif CJK SC",serif;font-size:22pt;font-weight:normal;text-align:center;line-height:1.5;margin:0 0 1em}
h2{font-family:"SimHei","黑体","Noto Sans CJK SC",sans-serif;font-size:16pt;font-weight:normal;margin:.6em 0 .2em;text-indent:2em}
p{margin:0;text-indent:2em;text-align:justify}
table{border-collapse:collapse;width:100%;margin:.5em 0 1em;font-size:10.5pt;line-height:1.4}
caption{font-size:12pt;font-weight:bold;padding:.3em}
th,td{border:1px solid #000;padding:2px 4px;font-weight:normal;text-align:center}
th.vertical{writing-mode:vertical-rl}
.signature{text-align:right;margin-top:2em}
.signature p{text-indent:0;text-align:right}
@page{size:A4;margin:37mm 26mm 35mm 28mm}
@media print{body{padding:0;max-width:none}}`;

/** HTML: one self-contained page, laid out like the printed report. */
export function renderReportHtml(data: ReportData): string {
  const { template, blocks } = layout(data);
  const value = valueOf(template, data);
  const title = blocks[0]?.kind === 'title' ? blocks[0].text : '';
  const body = blocks
    .map((b) => {
      if (b.kind === 'title') return `<h1>${esc(b.text)}</h1>`;
      if (b.kind === 'heading') return `<h2>${esc(b.text)}</h2>`;
      if (b.kind === 'paragraph') return `<p>${esc(b.text)}</p>`;
      // the section's heading stands right above: the table needs no caption of its own
      if (b.kind === 'table') return gridHtml(b.grid, (id, colSpan) => `<td${colSpan > 1 ? ` colspan="${colSpan}"` : ''}>${esc(value(id))}</td>`, { caption: false });
      return `<div class="signature"><p>${esc(b.organ)}</p>${b.date ? `<p>${esc(b.date)}</p>` : ''}</div>`;
    })
    .join('\n');
  return `<!doctype html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n<title>${esc(title)}</title>\n<style>${HTML_STYLE}</style>\n</head>\n<body>\n${body}\n</body>\n</html>\n`;
}
