import { rowRuns, rowSpan } from './rows.js';
import type { Rule } from './types.js';

/** Cells that are in the document but empty or a dash: blank is not 0. */
export const rule: Rule = {
  id: 'cell-blank',
  meta: {
    description: '单元格存在但为空白或填写“—”“/”“无”：空白不等于 0',
    templates: ['2019', '2021'],
    messages: {
      blank: '表{table}{rows}的{columns}为空白（{count} 个单元格）；没有数据应填写 0',
    },
  },
  check(ctx) {
    const runs = rowRuns(ctx, (row) =>
      row.columns.filter((c) => ctx.cell(`${row.id}.${c.id}`)?.status === 'blank').map((c) => c.id),
    );
    for (const { table, rows, cells, key } of runs) {
      const ids = key.split(',');
      const columns = rows[0]!.columns.filter((c) => ids.includes(c.id)).map((c) => `“${c.label}”`);
      const all = columns.length === rows[0]!.columns.length;
      ctx.report({
        messageId: 'blank',
        data: {
          table: table.numeral,
          rows: rowSpan(rows),
          columns: all ? '各列' : columns.join('、'),
          count: cells.length,
        },
        cells,
        location: ctx.cell(cells[0]!)?.loc ?? null,
        hint: '统一格式要求没有发生的事项填写 0，请勿留空或填写“—”',
      });
    }
  },
};
