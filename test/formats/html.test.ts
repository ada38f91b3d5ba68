import { describe, expect, it } from 'vitest';
import { readHtml } from '../../src/formats/html/index.js';
import { extract } from '../../src/formats/index.js';
import type { Table } from '../../src/document/model.js';
import { parseDocument } from '../../src/parse/index.js';

/** GB18030 bytes for a string, built from the decoder (the test has no encoder). */
function gbk(text: string): Uint8Array {
  const dec = new TextDecoder('gb18030');
  const map = new Map<string, number[]>();
  for (let a = 0x81; a <= 0xfe; a++)
    for (let b = 0x40; b <= 0xfe; b++) {
      if (b === 0x7f) continue;
      const ch = dec.decode(new Uint8Array([a, b]));
      if (ch.length === 1 && !map.has(ch)) map.set(ch, [a, b]);
    }
  const out: number[] = [];
  for (const ch of text) out.push(...(ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : map.get(ch)!));
  return new Uint8Array(out);
}

const page = (body: string, head = '<meta charset="utf-8">') => `<!doctype html><html><head>${head}<title>某镇2021年政府信息公开工作年度报告-某县政府</title><style>td{color:red}</style></head><body>${body}</body></html>`;

describe('HTML', () => {
  it('decodes a GB2312 page by its meta charset', () => {
    const bytes = gbk(page('<p>一、总体情况</p><p>本镇政务公开工作平稳推进。</p>', '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'));
    const r = readHtml(bytes);
    expect(r.document!.meta.encoding).toBe('gb18030');
    expect(r.document!.blocks.map((b) => (b.kind === 'paragraph' ? b.text : ''))).toEqual(['一、总体情况', '本镇政务公开工作平稳推进。']);
  });

  it('turns rowspan and colspan into a grid, spanned places marked as merged copies', () => {
    const html = page(`<table>
<tr><td rowspan="2">三、本年度办理结果</td><td colspan="2">（一）予以公开</td><td>5</td></tr>
<tr><td>（三）不予公开</td><td>1.属于国家秘密</td><td>0</td></tr></table>`);
    const t = readHtml(new TextEncoder().encode(html)).document!.blocks.find((b): b is Table => b.kind === 'table')!;
    expect(t.rows.map((r) => r.map((c) => `${c.merged ? '~' : ''}${c.text}`))).toEqual([
      ['三、本年度办理结果', '（一）予以公开', '~（一）予以公开', '5'],
      ['~三、本年度办理结果', '（三）不予公开', '1.属于国家秘密', '0'],
    ]);
    expect(t.rows[1]![3]!.loc).toMatchObject({ line: 3, table: 1, row: 2, col: 4 });
  });

  it('drops scripts, styles, hidden elements and navigation; reads a layout table as blocks', () => {
    const scripts = '<script>document.write("一、总体情况 99")</script>'.repeat(500);
    const html = page(`${scripts}<nav><a href="/">首页</a><a href="/a">政务公开</a></nav>
<div style="display:none">二、主动公开政府信息情况 隐藏</div>
<table><tr><td><div id="content"><p>一、总体情况</p><table><tr><td>规章</td><td>3</td></tr></table></div></td></tr></table>`);
    const doc = readHtml(new TextEncoder().encode(html)).document!;
    const texts = doc.blocks.map((b) => (b.kind === 'paragraph' ? b.text : `T:${b.rows.map((r) => r.map((c) => c.text).join('|')).join('/')}`));
    expect(texts).toEqual(['一、总体情况', 'T:规章|3']);
  });

  it('finds the report in the element that holds most of the page’s own text', () => {
    const nav = Array.from({ length: 40 }, (_, i) => `<li><a href="/${i}">栏目导航链接${i}</a></li>`).join('');
    const report = '<p>一、总体情况</p>' + '<p>本年度，我镇认真贯彻落实政府信息公开条例，持续推进政务公开标准化规范化建设。</p>'.repeat(8);
    const doc = readHtml(new TextEncoder().encode(page(`<div class="top"><ul>${nav}</ul></div><div class="main">${report}</div><div class="foot">版权所有 某县人民政府 备案号</div>`))).document!;
    expect(doc.blocks[0]!.kind === 'paragraph' && doc.blocks[0]!.text).toBe('一、总体情况');
    expect(doc.blocks.some((b) => b.kind === 'paragraph' && b.text.includes('版权所有'))).toBe(false);
  });

  it('is recognised from its markup whatever the file is called', async () => {
    const html = new TextEncoder().encode(page('<p>一、总体情况</p>'));
    const r = await extract(html, { name: 'report.txt' });
    expect(r.document!.format).toBe('html');
  });

  it('a cell holding “1<br>2” is not read as 12', () => {
    const html = page('<p>三、收到和处理政府信息公开申请情况</p><table><tr><td>（本列数据的勾稽关系为）</td></tr><tr><td>一、本年新收政府信息公开申请数量</td><td>1<br>2</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>3</td></tr></table>');
    const report = parseDocument(readHtml(new TextEncoder().encode(html)).document!, { template: '2021' });
    expect(report.cells['requests.received.natural']).toMatchObject({ status: 'unreadable', raw: '1 2' });
  });
});
