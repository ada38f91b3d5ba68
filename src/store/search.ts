/**
 * Full-text search that works the same on SQLite and PostgreSQL, for Chinese: the text is
 * indexed as overlapping pairs of Han characters (公开 开工 工作) and lowercased words; a query
 * finds the sections having all its pairs, then the exact phrase is confirmed on the text.
 * No dictionary, no extension beyond what both databases ship.
 */
const HAN = /\p{Script=Han}+/u;
const TOKEN = /\p{Script=Han}+|[\p{L}\p{N}]+/gu;

export function searchTokens(text: string): string[] {
  const out: string[] = [];
  for (const m of text.normalize('NFKC').toLowerCase().matchAll(TOKEN)) {
    const run = m[0];
    if (HAN.test(run)) {
      const chars = [...run];
      if (chars.length === 1) out.push(run);
      for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
    } else out.push(run);
  }
  return out;
}

/** The indexed form of a text: its tokens, each once, space separated. */
export function searchText(text: string): string {
  return [...new Set(searchTokens(text))].join(' ');
}

/** The tokens a query needs, each once; empty when the query has nothing to search by. */
export function queryTokens(query: string): string[] {
  return [...new Set(searchTokens(query))];
}
