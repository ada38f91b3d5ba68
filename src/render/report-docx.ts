/**
 * The report as a DOCX in the manner of a Chinese official document (GB/T 9704): A4; margins
 * 37 mm top, 35 mm bottom, 28 mm left, 26 mm right; title in 方正小标宋简体 二号, headings in
 * 黑体 三号, text in 仿宋_GB2312 三号 at a fixed 28-point line; tables with the national format's
 * merged header cells; page numbers "— n —" on the outer side. Where those fonts are not installed, Word and
 * LibreOffice substitute their own CJK fonts. Pure: returns the bytes.
 */
import { AlignmentType, BorderStyle, Document, Footer, LineRuleType, Packer, PageNumber, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextDirection, TextRun, VerticalAlign, WidthType } from 'docx';
import type { ReportData } from '../draft/data.js';
import type { Grid, GridCell } from '../template/grid.js';
import { cellText, layout } from './report.js';

const MM = 56.7; // twips per millimetre
const TITLE_FONT = '方正小标宋简体';
const HEADING_FONT = '黑体';
const BODY_FONT = '仿宋_GB2312';
const LATIN_FONT = 'Times New Roman';

/** The text width: A4 less the margins, in twips. */
const TEXT_WIDTH = Math.round((210 - 28 - 26) * MM);

/** Column widths that give the labels room and the numbers what they need. */
function columnWidths(grid: Grid): number[] {
  const n = grid.width;
  let labels: number[];
  if (grid.table.id === 'requests') labels = [560, 1300, 2500];
  else if (grid.table.id === 'active') labels = [2600];
  else labels = [];
  const rest = Math.floor((TEXT_WIDTH - labels.reduce((a, b) => a + b, 0)) / (n - labels.length));
  return [...labels, ...Array<number>(n - labels.length).fill(rest)];
}

function pageNumber(alignment: (typeof AlignmentType)[keyof typeof AlignmentType]): Footer {
  const indent = alignment === AlignmentType.RIGHT ? { right: 280 } : { left: 280 };
  return new Footer({ children: [new Paragraph({ alignment, indent, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: { ascii: LATIN_FONT, eastAsia: '宋体' }, size: 28 })] })] });
}

const run = (text: string, font: string, halfPoints: number, bold = false) => new TextRun({ text, font: { ascii: LATIN_FONT, hAnsi: LATIN_FONT, eastAsia: font }, size: halfPoints, bold });
const exactly = (points: number) => ({ line: points * 20, lineRule: LineRuleType.EXACT });

export async function renderReportDocx(data: ReportData): Promise<Uint8Array> {
  const { template, blocks } = layout(data);
  const defs = new Map(template.cells.map((c) => [c.id, c]));
  const value = (id: string) => cellText(defs.get(id), data.cells[id]);
  const children: (Paragraph | Table)[] = [];
  for (const b of blocks) {
    if (b.kind === 'title') {
      children.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { ...exactly(36), after: 28 * 20 }, children: [run(b.text, TITLE_FONT, 44)] }));
    } else if (b.kind === 'heading') {
      children.push(new Paragraph({ indent: { firstLine: 640 }, spacing: exactly(28), keepNext: true, children: [run(b.text, HEADING_FONT, 32)] }));
    } else if (b.kind === 'paragraph') {
      children.push(new Paragraph({ indent: { firstLine: 640 }, alignment: AlignmentType.JUSTIFIED, spacing: exactly(28), children: [run(b.text, BODY_FONT, 32)] }));
    } else if (b.kind === 'table') {
      const row = (cells: readonly GridCell[], header: boolean) =>
        new TableRow({
          tableHeader: header,
          cantSplit: true,
          children: cells.map((c) => {
            const vertical = c.kind === 'header' && c.role === 'vertical';
            const text = c.kind === 'header' ? c.text : value(c.cellId);
            const left = c.kind === 'header' && (c.role === 'label' || c.role === 'sub');
            return new TableCell({
              ...(c.colSpan && c.colSpan > 1 ? { columnSpan: c.colSpan } : {}),
              ...(c.kind === 'header' && c.rowSpan && c.rowSpan > 1 ? { rowSpan: c.rowSpan } : {}),
              verticalAlign: VerticalAlign.CENTER,
              ...(vertical ? { textDirection: TextDirection.TOP_TO_BOTTOM_RIGHT_TO_LEFT } : {}),
              margins: { left: 60, right: 60 },
              children: [new Paragraph({ alignment: left ? AlignmentType.LEFT : AlignmentType.CENTER, spacing: { line: 260 }, children: [run(text, BODY_FONT, 21)] })],
            });
          }),
        });
      const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
      children.push(
        new Table({
          width: { size: TEXT_WIDTH, type: WidthType.DXA },
          columnWidths: columnWidths(b.grid),
          layout: TableLayoutType.FIXED,
          borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
          rows: [...b.grid.head.map((r) => row(r, true)), ...b.grid.body.map((r) => row(r, false))],
        }),
      );
      children.push(new Paragraph({ spacing: exactly(14), children: [] }));
    } else {
      children.push(new Paragraph({ spacing: { before: 28 * 20 }, children: [] }));
      children.push(new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right: 640 }, spacing: exactly(28), children: [run(b.organ, BODY_FONT, 32)] }));
      if (b.date) children.push(new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right: 640 }, spacing: exactly(28), children: [run(b.date, BODY_FONT, 32)] }));
    }
  }
  const doc = new Document({
    creator: 'gongkai',
    evenAndOddHeaderAndFooters: true,
    title: blocks[0]?.kind === 'title' ? blocks[0].text : '',
    sections: [
      {
        properties: { page: { size: { width: Math.round(210 * MM), height: Math.round(297 * MM) }, margin: { top: Math.round(37 * MM), bottom: Math.round(35 * MM), left: Math.round(28 * MM), right: Math.round(26 * MM), footer: Math.round(20 * MM) } } },
        // GB/T 9704 §7.5: 4号 page numbers "— n —", odd pages on the right, even on the left, one character in
        footers: {
          default: pageNumber(AlignmentType.RIGHT),
          even: pageNumber(AlignmentType.LEFT),
        },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
