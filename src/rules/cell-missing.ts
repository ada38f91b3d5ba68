import { nearestLoc, rowRuns, rowSpan } from './rows.js';
import type { Rule } from './types.js';

/** Template cells the document does not contain: a row or a whole table is not there. */
export const rule: Rule = {
  id: 'cell-missing',
  meta: {
    description: '统一格式的单元格在文档中不存在（整行或整张表缺失，常见于跨页截断）',
    templates: ['2019', '2021'],
    messages: {
      table: '缺少表{table}“{title}”：文档中没有找到这张表（{count} 个单元格）',
      rows: '表{table}缺少{rows}（{count} 个单元格）',
      cells: '表{table}“{row}”一行缺少{columns}',
    },
  },
  check(ctx) {
    const runs = rowRuns(ctx, (row) =>
      row.columns.filter((c) => ctx.cell(`${row.id}.${c.id}`)?.status === 'missing').map((c) => c.id),
    );
    for (const run of runs) {
      const { table, rows, cells } = run;
      const whole = rows.length === table.rows.length && cells.length === table.rows.reduce((n, r) => n + r.columns.length, 0);
      const allColumns = rows.every((r) => run.key === r.columns.map((c) => c.id).join(','));
      const location = nearestLoc(ctx, table, rows);
      const leading = table.rows.indexOf(rows[0]!) === 0 && !whole;
      const hint = leading
        ? '表格开头的行不在文档中，可能在分页处被截断，请对照原文补全'
        : '请对照原文补全缺少的行；空白请填写 0';
      if (whole) {
        ctx.report({ messageId: 'table', data: { table: table.numeral, title: table.title, count: cells.length }, cells, location, hint });
      } else if (allColumns) {
        ctx.report({ messageId: 'rows', data: { table: table.numeral, rows: rowSpan(rows), count: cells.length }, cells, location, hint });
      } else {
        for (const row of rows) {
          const columns = row.columns.filter((c) => run.key.split(',').includes(c.id)).map((c) => `“${c.label}”`).join('、');
          ctx.report({
            messageId: 'cells',
            data: { table: table.numeral, row: row.shortLabel, columns },
            cells: cells.filter((id) => id.startsWith(`${row.id}.`) && id.split('.').length === row.id.split('.').length + 1),
            location,
            hint,
          });
        }
      }
    }
  },
};
