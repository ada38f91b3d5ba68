import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeText, extractText, readText } from '../../src/formats/text/index.js';
import { parseDocument } from '../../src/parse/index.js';
import type { Table } from '../../src/document/model.js';
import { FIXTURES } from '../helpers/fixtures.js';

const sample = readFileSync(join(FIXTURES, 'subdistrict-chuankou-2020', 'input.txt'), 'utf8');

function encodeUtf16(text: string, be: boolean): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out.set(be ? [0xfe, 0xff] : [0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[2 + i * 2 + (be ? 1 : 0)] = c & 0xff;
    out[2 + i * 2 + (be ? 0 : 1)] = c >> 8;
  }
  return out;
}

describe('decoding', () => {
  const utf8 = new TextEncoder().encode(sample);
  it('reads UTF-8 with and without a BOM', () => {
    expect(decodeText(utf8)).toMatchObject({ ok: true, encoding: 'utf-8', text: sample });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toMatchObject({ ok: true, text: sample });
  });
  it('reads UTF-16 with a BOM, both byte orders', () => {
    expect(decodeText(encodeUtf16(sample, false))).toMatchObject({ ok: true, encoding: 'utf-16le', text: sample });
    expect(decodeText(encodeUtf16(sample, true))).toMatchObject({ ok: true, encoding: 'utf-16be', text: sample });
  });
  it('reads GBK/GB18030', () => {
    // “政府信息公开 2020年” in GBK, as Chinese portals save it
    const gbk = new Uint8Array([0xd5, 0xfe, 0xb8, 0xae, 0xd0, 0xc5, 0xcf, 0xa2, 0xb9, 0xab, 0xbf, 0xaa, 0x20, 0x32, 0x30, 0x32, 0x30, 0xc4, 0xea]);
    expect(decodeText(gbk)).toEqual({ ok: true, encoding: 'gb18030', text: '政府信息公开 2020年' });
  });
  it('refuses binary data', () => {
    expect(decodeText(new Uint8Array([0x00, 0x01, 0x02, 0xff, 0x00, 0x10]))).toEqual({ ok: false, reason: 'binary' });
    const noise = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 256);
    expect(decodeText(noise).ok).toBe(false);
  });
  it('a whole GBK report parses like its UTF-8 original', () => {
    // GB18030 encoder built from the decoder: map every char of the sample back to its bytes
    const dec = new TextDecoder('gb18030');
    const table = new Map<string, number[]>();
    for (let a = 0x81; a <= 0xfe; a++) for (let b = 0x40; b <= 0xfe; b++) {
      if (b === 0x7f) continue;
      const ch = dec.decode(new Uint8Array([a, b]));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [a, b]);
    }
    const bytes: number[] = [];
    for (const ch of sample.replace(/\u00a0/g, ' ')) bytes.push(...(ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : (table.get(ch) ?? [0x3f])));
    const gbkDoc = readText(new Uint8Array(bytes)).document!;
    const utfDoc = readText(new TextEncoder().encode(sample.replace(/\u00a0/g, ' '))).document!;
    expect(gbkDoc.meta.encoding).toBe('gb18030');
    expect(parseDocument(gbkDoc).cells).toEqual(parseDocument(utfDoc).cells);
  });
});

describe('layouts', () => {
  it('one cell per line: continuation lines and vertical text join their cell', () => {
    const doc = extractText(sample);
    const t3 = doc.blocks.filter((b): b is Table => b.kind === 'table')[1]!;
    expect(t3.rows[2]!.map((c) => c.text)).toEqual(['', '自然人', '法人或其他组织', '总计']);
    const row = t3.rows.find((r) => r.some((c) => c.text === '（三）不予公开'))!;
    expect(row.map((c) => c.text)).toEqual(['', '（三）不予公开', '1.属于国家秘密', '', '', '', '', '', '', '0']);
    // the vertical label starts at line 165, column 2 and its loc says so
    expect(row[1]!.loc).toMatchObject({ line: 165, column: 2 });
  });

  it('tab-separated rows and Markdown pipe tables', () => {
    const doc = extractText('规章\t0\t1\t2\n\n| 信息内容 | 本年制发件数 |\n|---|---|\n| 规章 | 3 |\n');
    const tables = doc.blocks.filter((b): b is Table => b.kind === 'table');
    expect(tables.map((t) => t.rows.map((r) => r.map((c) => c.text.trim())))).toEqual([
      [['规章', '0', '1', '2']],
      [['信息内容', '本年制发件数'], ['规章', '3']],
    ]);
    expect(tables[1]!.rows[1]![1]!.loc).toMatchObject({ line: 5, column: 7 });
  });

  it('drops bookmark residue and a crawler header, keeping columns right', () => {
    const doc = extractText('标题: 某镇2020年报告\n发布时间: 2021-01-01\n=== 正文 ===\n[bookmark: _GoBack]为依法推进工作，特制此报告。');
    expect(doc.meta.header).toEqual({ 标题: '某镇2020年报告', 发布时间: '2021-01-01' });
    const p = doc.blocks[0]!;
    expect(p.kind === 'paragraph' && p.text).toBe('为依法推进工作，特制此报告。');
    expect(p.loc).toEqual({ line: 4, column: 20 });
  });

  it('joins a sentence broken by a page break, not a heading after a paragraph', () => {
    const doc = extractText('（一）主动公开方面。为加快政府职能转变，推进我县政务服务工作不断向基层\n\n延伸。按照要求梳理事项。\n\n二、主动公开政府信息情况\n');
    const texts = doc.blocks.map((b) => (b.kind === 'paragraph' ? b.text : ''));
    expect(texts).toEqual(['（一）主动公开方面。为加快政府职能转变，推进我县政务服务工作不断向基层延伸。按照要求梳理事项。', '二、主动公开政府信息情况']);
  });
});
