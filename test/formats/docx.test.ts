import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readDocx } from '../../src/formats/docx/index.js';
import { chineseCounting } from '../../src/formats/docx/numbering.js';
import { extract } from '../../src/formats/index.js';
import type { Paragraph, Table } from '../../src/document/model.js';
import { FIXTURES } from '../helpers/fixtures.js';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const p = (text: string, numId?: number, ilvl = 0) =>
  `<w:p>${numId ? `<w:pPr><w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr></w:pPr>` : ''}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const tc = (text: string, props = '') => `<w:tc><w:tcPr>${props}</w:tcPr>${p(text)}</w:tc>`;

function docx(body: string, numbering?: string): Uint8Array {
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`),
  };
  if (numbering) files['word/numbering.xml'] = strToU8(`<?xml version="1.0"?><w:numbering ${W}>${numbering}</w:numbering>`);
  return zipSync(files);
}

// Word's outline numbering: level 0 “一、”, level 1 “（一）”
const NUMBERING = `<w:abstractNum w:abstractNumId="0">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
</w:abstractNum><w:num w:numId="5"><w:abstractNumId w:val="0"/></w:num>`;

describe('DOCX', () => {
  it('shows the numbers Word generates (自动编号), restarting lower levels', () => {
    const doc = readDocx(docx([p('总体情况', 5), p('主动公开方面', 5, 1), p('依申请公开方面', 5, 1), p('主动公开政府信息情况', 5), p('说明', 5, 1)].join(''), NUMBERING)).document!;
    expect(doc.blocks.map((b) => (b as Paragraph).text)).toEqual(['一、总体情况', '（一）主动公开方面', '（二）依申请公开方面', '二、主动公开政府信息情况', '（一）说明']);
    expect(doc.blocks[3]!.loc).toEqual({ para: 4 });
  });

  it('counts in Chinese the way Word does', () => {
    expect([1, 10, 11, 20, 21, 99, 100, 105, 110].map(chineseCounting)).toEqual(['一', '十', '十一', '二十', '二十一', '九十九', '一百', '一百零五', '一百一十']);
  });

  it('reads gridSpan and vMerge into the grid as merged copies', () => {
    const table = `<w:tbl>
      <w:tr>${tc('三、本年度办理结果', '<w:vMerge w:val="restart"/>')}${tc('（一）予以公开', '<w:gridSpan w:val="2"/>')}${tc('5')}</w:tr>
      <w:tr>${tc('', '<w:vMerge/>')}${tc('（三）不予公开')}${tc('1.属于国家秘密')}${tc('0')}</w:tr>
    </w:tbl>`;
    const t = readDocx(docx(table)).document!.blocks[0] as Table;
    expect(t.rows.map((r) => r.map((c) => `${c.merged ? '~' : ''}${c.text}`))).toEqual([
      ['三、本年度办理结果', '（一）予以公开', '~（一）予以公开', '5'],
      ['~三、本年度办理结果', '（三）不予公开', '1.属于国家秘密', '0'],
    ]);
    expect(t.rows[1]![3]!.loc).toMatchObject({ table: 1, row: 2, col: 4 });
  });

  it('splits a paragraph at line breaks (a signature and its date)', () => {
    const sig = `<w:p><w:r><w:t>某县发展和改革局</w:t><w:br/><w:t>2024年1月17日</w:t></w:r></w:p>`;
    expect(readDocx(docx(sig)).document!.blocks.map((b) => (b as Paragraph).text)).toEqual(['某县发展和改革局', '2024年1月17日']);
  });

  it('a LibreOffice-made DOCX of a real report keeps its tables', async () => {
    const bytes = readFileSync(join(FIXTURES, 'shuyang-fgj-2023-docx', 'input.docx'));
    const r = await extract(new Uint8Array(bytes), { name: 'report.docx' });
    const tables = r.document!.blocks.filter((b): b is Table => b.kind === 'table');
    expect(tables.length).toBe(4);
    expect(tables[2]!.rows[3]!.filter((c) => !c.merged).map((c) => c.text)).toEqual(['一、本年新收政府信息公开申请数量', '26', '', '', '', '', '', '26']);
  });
});

describe('bad DOCX', () => {
  it('a truncated file', () => {
    const bytes = readFileSync(join(FIXTURES, 'shuyang-fgj-2023-docx', 'input.docx'));
    expect(readDocx(new Uint8Array(bytes.subarray(0, 4000))).messages[0]).toMatchObject({ rule: 'zip-corrupt', fatal: true });
  });

  it('a zip bomb is refused before it is inflated', () => {
    const bytes = docx(p('一、总体情况'));
    // claim a 3 GB document.xml in the central directory and the local header
    const view = new DataView(bytes.buffer);
    for (let i = 0; i < bytes.length - 4; i++) {
      const sig = view.getUint32(i, true);
      if (sig === 0x02014b50) view.setUint32(i + 24, 3_000_000_000, true);
      if (sig === 0x04034b50) view.setUint32(i + 22, 3_000_000_000, true);
    }
    expect(readDocx(bytes).messages[0]).toMatchObject({ rule: 'zip-too-large', fatal: true });
  });

  it('a ZIP that is not a Word document', () => {
    expect(readDocx(zipSync({ 'a.txt': strToU8('hello') })).messages[0]).toMatchObject({ rule: 'zip-not-docx' });
  });

  it('an image renamed .docx is read as what it is, and the name is called out', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10, 0, 0, 0, 13]);
    const r = await extract(png, { name: '年报.docx' });
    expect(r.messages.map((m) => m.rule)).toEqual(['file-type-mismatch', 'image-corrupt']);
    expect(r.messages[0]!.message).toBe('文件名是 .docx，但内容实际是 PNG 图片，已按实际内容读取');
  });
});
