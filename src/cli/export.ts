/**
 * `gongkai export` and `gongkai stats`: the store's reports as CSV/XLSX/JSON Lines, and the
 * roll-up of an area and year.
 */
import { rename, rm, mkdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { tmpdir } from 'node:os';
import { readFile } from 'node:fs/promises';
import { csvField } from '../render/csv.js';
import { padDisplay, displayWidth } from '../render/text.js';
import { exportReports, type ExportFormat, type ExportLayout } from '../store/export.js';
import { INDICATORS } from '../store/indicators.js';
import { ORGAN_KIND_LABEL, type OrganKind } from '../organ/kind.js';
import { areaCode, FilterError as UsageError, filterFrom, type FilterOptions } from '../store/filters.js';
import { rollup, type Rollup } from '../store/rollup.js';
import { cellDef } from '../template/index.js';
import type { Io } from './options.js';
import { dbUrl, withStore } from './store-options.js';

export interface FilterCliOptions extends FilterOptions {
  db?: string;
}

export interface ExportCliOptions extends FilterCliOptions {
  format: ExportFormat;
  layout: ExportLayout;
  output?: string;
  labels: boolean;
}

async function guarded(io: Io, work: () => Promise<number>): Promise<number> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`${e.message}（${e.rule}）\n`);
      return 2;
    }
    throw e;
  }
}

export async function exportCommand(opts: ExportCliOptions, io: Io): Promise<number> {
  return guarded(io, async () => {
    const { filter, described } = filterFrom(opts);
    if (opts.format === 'xlsx' && !opts.output) throw new UsageError('export-needs-output', 'XLSX 是二进制文件，请用 -o 指定输出文件');
    return withStore(dbUrl(opts.db), io, async (store) => {
      // written beside the target (or in a temporary folder for standard output), then moved: never half a file
      const target = opts.output;
      const tmp = target ? join(dirname(target), `.${basename(target)}.${process.pid}.tmp`) : join(tmpdir(), `gongkai-export-${process.pid}.${opts.format}`);
      if (target) await mkdir(dirname(target), { recursive: true });
      try {
        const started = Date.now();
        const n = await exportReports(store, tmp, { format: opts.format, layout: opts.layout, filter, ...(opts.template ? { template: opts.template } : {}), labels: opts.labels });
        if (target) {
          await rename(tmp, target);
          io.stderr(`已导出 ${n.reports} 份报告（${n.rows} 行${described.length ? `，${described.join('、')}` : ''}）到 ${target}，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒\n`);
        } else {
          io.stdout(await readFile(tmp, 'utf8'));
        }
      } finally {
        await rm(tmp, { force: true });
      }
      return 0;
    });
  });
}

export interface StatsCliOptions extends FilterCliOptions {
  format: 'text' | 'json' | 'csv';
}

export async function statsCommand(opts: StatsCliOptions, io: Io): Promise<number> {
  return guarded(io, async () => {
    if (!opts.year || !/^\d{4}$/.test(opts.year)) throw new UsageError('year-invalid', '请用 --year 指定一个报告年度，如 --year 2022');
    const area = opts.area ? areaCode(opts.area) : null;
    const { kind } = filterFrom(opts.kind ? { kind: opts.kind } : {}).filter;
    return withStore(dbUrl(opts.db), io, async (store) => {
      const r = await rollup(store, { year: Number(opts.year), ...(area ? { areaCode: area.code } : {}), ...(kind ? { kind } : {}) });
      if (opts.format === 'json') io.stdout(`${JSON.stringify({ area: area?.name ?? null, ...r }, null, 2)}\n`);
      else if (opts.format === 'csv') io.stdout(rollupCsv(r));
      else io.stdout(rollupText(r, area?.name ?? '全部地区'));
      return 0;
    });
  });
}

const pct = (v: number | null | undefined): string => (v === null || v === undefined ? '—' : `${(v * 100).toFixed(1)}%`);

function rollupCsv(r: Rollup): string {
  const lines = [['cell_id', 'label', 'sum', 'organs_filled', 'organs_not_filled'].join(',')];
  for (const [id, t] of Object.entries(r.totals)) {
    lines.push([id, cellDef('2021', id)?.label ?? cellDef('2019', id)?.label ?? '', t.sum, t.filled, t.notFilled].map(csvField).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

function table(head: string[], rows: string[][], right: Set<number>): string {
  const widths = head.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))));
  const line = (cells: string[]) => cells.map((c, i) => padDisplay(c, widths[i]!, right.has(i) ? 'right' : 'left')).join('  ').trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function rollupText(r: Rollup, areaName: string): string {
  const out: string[] = [];
  const kind = r.kind ? `（${ORGAN_KIND_LABEL[r.kind as OrganKind]}）` : '';
  out.push(`${areaName}${kind} ${r.year} 年度：${r.organs.length} 个机关有报告${r.missing.length ? `，${r.missing.length} 个机关往年有报告而本年没有` : ''}`);
  if (r.duplicates.length) out.push(`（${r.duplicates.length} 份是同一机关同一年度的另一份文件，未重复计入）`);
  out.push('');
  out.push('指标（全部机关合计）：');
  for (const d of INDICATORS) {
    const v = r.indicators[d.id]!;
    out.push(`  ${d.label} ${pct(v.value)}${v.value === null ? (v.reason === 'incomplete' ? '（有机关未填写或无法识读，不计算）' : '（分母为 0）') : `（${v.numerator}/${v.denominator}）`}  ${d.formula}`);
  }
  out.push('');
  const key = ['requests.received.total', 'requests.carriedOver.total', 'requests.granted.total', 'requests.partial.total', 'requests.outcomeTotal.total', 'requests.carriedForward.total', 'appeals.review.total', 'appeals.suitDirect.total', 'appeals.suitAfterReview.total'];
  out.push('主要数字（合计；未填写或无法识读的机关数另计，不按 0 计入）：');
  out.push(
    table(
      ['单元格', '合计', '已填', '未填/无法识读'],
      key.filter((id) => r.totals[id]).map((id) => [cellDef('2021', id)?.label ?? id, String(r.totals[id]!.sum), String(r.totals[id]!.filled), String(r.totals[id]!.notFilled)]),
      new Set([1, 2, 3]),
    ),
  );
  out.push('（全部单元格的合计：-f csv 或 -f json）');
  out.push('');
  if (r.organs.length) {
    out.push('各机关：');
    out.push(
      table(
        ['机关', '新收申请', '公开率', '复议纠错率', '错误', '警告'],
        [...r.organs].sort((a, b) => (b.received ?? -1) - (a.received ?? -1) || a.organ.localeCompare(b.organ)).map((o) => [o.organ, o.received === null ? '—' : String(o.received), pct(o.indicators.disclosureRate?.value), pct(o.indicators.reviewCorrectionRate?.value), String(o.errors), String(o.warnings)]),
        new Set([1, 2, 3, 4, 5]),
      ),
    );
    out.push('');
  }
  if (r.missing.length) {
    out.push('往年有报告、本年没有的机关：');
    for (const m of r.missing) out.push(`  ${m.organ}（最近一份：${m.lastYear} 年度）`);
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
