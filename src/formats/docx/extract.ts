/**
 * DOCX → source document, read from `word/document.xml` directly: it keeps what an HTML
 * conversion loses — merged cells (gridSpan, vMerge) and the numbering Word generates
 * (自动编号: a heading typed as a list item shows “一、” only through numbering.xml).
 * Locations are body paragraph numbers and table/row/column indexes.
 */
import type { Element } from 'domhandler';
import type { Block, Cell, Loc, Paragraph, SourceDocument, Table } from '../../document/model.js';
import { Numbering } from './numbering.js';
import { find, kids, textOf, xml } from './xml.js';

type El = Element;

export interface DocxParts {
  document: string;
  numbering?: string;
  styles?: string;
}

export function extractDocx(parts: DocxParts, format: SourceDocument['format'] = 'docx'): SourceDocument {
  const numbering = new Numbering(parts.numbering ? xml(parts.numbering) : null, parts.styles ? xml(parts.styles) : null);
  const root = xml(parts.document);
  const body = find(root, 'w:body');
  const doc: SourceDocument = { format, blocks: [], meta: {} };
  if (!body) return doc;
  const state = { para: 0, tables: 0, numbering };
  doc.blocks = blocksOf(body, state);
  return doc;
}

interface State {
  para: number;
  tables: number;
  numbering: Numbering;
}

function blocksOf(container: El, state: State): Block[] {
  const out: Block[] = [];
  for (const child of kids(container)) {
    if (child.name === 'w:p') out.push(...paragraphs(child, state));
    else if (child.name === 'w:tbl') out.push(table(child, state));
    else if (child.name === 'w:sdt') {
      const content = find(child, 'w:sdtContent');
      if (content) out.push(...blocksOf(content, state));
    } else if (child.name === 'w:customXml' || child.name === 'w:ins') out.push(...blocksOf(child, state));
  }
  return out;
}

/** A w:p, split at line breaks (a signature “单位<w:br/>日期” is two lines). */
function paragraphs(p: El, state: State): Paragraph[] {
  state.para++;
  const para = state.para;
  const prefix = state.numbering.labelFor(p);
  const lines = runsText(p);
  lines[0] = prefix + (lines[0] ?? '');
  const out: Paragraph[] = [];
  for (const line of lines) {
    const text = line.replace(/[\s\u00a0\u3000]+$/, '').replace(/^[\s\u00a0\u3000]+/, '');
    if (text) out.push({ kind: 'paragraph', text, loc: { para } });
  }
  const style = find(p, 'w:pStyle')?.attribs['w:val'] ?? '';
  const h = /^(?:Heading|heading|标题)\s*(\d)$/.exec(style);
  if (h && out[0]) out[0].headingLevel = Number(h[1]);
  return out;
}

/** The text of a paragraph's runs, one string per line. Deleted text and field codes are left out. */
function runsText(p: El): string[] {
  const lines = [''];
  const visit = (el: El): void => {
    for (const c of kids(el)) {
      switch (c.name) {
        case 'w:t':
          lines[lines.length - 1] += textOf(c);
          break;
        case 'w:tab':
          lines[lines.length - 1] += ' ';
          break;
        case 'w:br':
        case 'w:cr':
          lines.push('');
          break;
        case 'w:del':
        case 'w:instrText':
        case 'w:delText':
        case 'w:pPr':
        case 'w:rPr':
          break;
        case 'w:sym':
          lines[lines.length - 1] += String.fromCharCode(Number.parseInt(c.attribs['w:char'] ?? '20', 16));
          break;
        default:
          visit(c);
      }
    }
  };
  visit(p);
  return lines;
}

function table(tbl: El, state: State): Table {
  const index = ++state.tables;
  const rows: Cell[][] = [];
  const above: (Cell | undefined)[] = []; // the cell that started a vertical merge, by grid column
  let r = 0;
  for (const tr of kids(tbl).filter((c) => c.name === 'w:tr')) {
    r++;
    const row: Cell[] = [];
    let col = 0;
    const trPr = find(tr, 'w:trPr', 1);
    const before = Number(find(trPr, 'w:gridBefore')?.attribs['w:val'] ?? 0);
    for (let k = 0; k < before; k++) row.push({ text: '', loc: { table: index, row: r, col: ++col } });
    for (const tc of kids(tr).filter((c) => c.name === 'w:tc' || c.name === 'w:sdt')) {
      const cellEl = tc.name === 'w:sdt' ? find(tc, 'w:tc') : tc;
      if (!cellEl) continue;
      const tcPr = find(cellEl, 'w:tcPr', 1);
      const span = Math.max(1, Math.min(64, Number(find(tcPr, 'w:gridSpan')?.attribs['w:val'] ?? 1) || 1));
      const vMerge = find(tcPr, 'w:vMerge');
      const continues = vMerge !== null && (vMerge.attribs['w:val'] ?? 'continue') === 'continue';
      const firstPara = state.para + 1;
      const inner = blocksOf(cellEl, state);
      const text = inner.map((b) => (b.kind === 'paragraph' ? b.text : b.rows.map((x) => x.map((c) => c.text).join(' ')).join(' '))).join(' ');
      const loc: Loc = { table: index, row: r, col: col + 1, para: firstPara };
      let cell: Cell;
      if (continues && above[col]) cell = { ...above[col]!, loc, merged: true };
      else {
        cell = { text, loc };
        if (span > 1) cell.colSpan = span;
        if (vMerge) above[col] = cell;
        else above[col] = undefined;
      }
      for (let k = 0; k < span; k++) {
        row.push(k === 0 ? cell : { ...cell, merged: true });
        if (!vMerge) above[col] = undefined;
        col++;
      }
    }
    rows.push(row);
  }
  return { kind: 'table', index, rows, loc: { table: index, para: state.para } };
}

// ---------------------------------------------------------------------------
