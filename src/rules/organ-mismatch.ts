import { organKey } from '../organ/name.js';
import { findAll } from './prose.js';
import type { Rule } from './types.js';

/**
 * The report speaks as another organ: a 镇 that writes 我局, a 局 that writes 我镇, a signature
 * or a “现将……年度报告” sentence naming someone else. Usually a sign the text was copied from
 * another organ's report and not fully adapted.
 */

/** self-reference words, by the kind of organ that uses them */
const SELF = /[我本](局|委(?![托员])|厅|镇|乡(?!镇)|街道|县)(?![长级委直属域内外])/g;

/** which self words a name allows: its own kinds of unit */
function allowed(organ: string): Set<string> {
  const n = organ.replace(/[（(][^）)]*[）)]/g, '');
  const ok = new Set<string>();
  if (/局/.test(n)) ok.add('局');
  if (/委员会|委$|委(?=办|机关)/.test(n)) ok.add('委');
  if (/厅/.test(n)) ok.add('厅');
  if (/镇/.test(n)) ok.add('镇');
  if (/乡/.test(n)) ok.add('乡');
  if (/街道/.test(n)) ok.add('街道');
  if (/县/.test(n)) ok.add('县');
  return ok;
}

/** a kind word is only judged against a name of a kind that never uses it */
function foreign(word: string, organ: string, ok: Set<string>): boolean {
  if (ok.has(word)) return false;
  const n = organ.replace(/[（(][^）)]*[）)]/g, '');
  const isTown = /(镇|乡)(人民政府|政府)?$/.test(n);
  const isStreet = /街道(办事处|办|工委)?$/.test(n);
  const isAgency = /(局|委员会|委|厅|办公室|办公厅)$/.test(n);
  const isCountyGov = /(县|区|市|旗)(人民政府|政府)$/.test(n);
  switch (word) {
    case '局':
    case '委':
    case '厅':
      // a 委员会 writing 我局 or a 局 writing 我委: copied from another department
      return isTown || isStreet || isCountyGov || (isAgency && (word === '局' ? ok.has('委') : word === '委' ? ok.has('局') : ok.size > 0));
    case '镇':
    case '乡':
    case '街道':
      return isTown || isStreet || isAgency || isCountyGov;
    case '县':
      // a 区 or a city never calls itself 我县; a 局 or a 镇 may mean its county
      return isCountyGov && !/县/.test(n);
    default:
      return false;
  }
}

function differs(a: string, b: string): boolean {
  const ka = organKey(a);
  const kb = organKey(b);
  if (!ka || !kb) return false;
  return !ka.includes(kb) && !kb.includes(ka);
}

export const rule: Rule = {
  id: 'organ-mismatch',
  meta: {
    description: '报告以其他机关的口吻自称（乡镇写“我局”、部门写“我镇”），或落款、正文写明的报告主体不是本机关',
    templates: 'any',
    messages: {
      selfWord: '本报告是{organ}的报告，正文却自称“{word}”，疑似沿用其他单位的报告未改',
      signature: '标题中的机关是“{organ}”，落款却是“{signedBy}”',
      namedAuthor: '正文写明的报告主体是“{named}”，与本报告的机关“{organ}”不同',
    },
  },
  check(ctx) {
    const organ = ctx.model.organ;
    if (!organ) return;
    const ok = allowed(organ);
    const seen = new Set<string>();
    for (const hit of findAll(ctx.model, SELF, undefined, true)) {
      const word = hit.match[0];
      if (!foreign(hit.match[1]!, organ, ok)) continue;
      // one finding per word and paragraph is enough to point at it
      const key = `${word}@${hit.paragraph.loc.line ?? hit.paragraph.loc.para ?? ''}:${hit.paragraph.loc.page ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      ctx.report({ messageId: 'selfWord', data: { organ, word }, location: hit.loc, quote: hit.sentence, hint: `请统一为本机关的自称（如“${selfWordFor(organ)}”）` });
    }
    const signed = ctx.model.signedBy;
    if (signed && differs(signed, organ)) {
      ctx.report({ messageId: 'signature', data: { organ, signedBy: signed }, location: ctx.model.locs.signedBy ?? null, quote: signed });
    }
    const named = /(?:现将|现就|特?发布|公布)\s*([^，。；、“”《》\s]{2,30}?(?:人民政府|政府|办事处|街道|委员会|办公室|局|委|厅|镇|乡))\s*(?:(?:19|20)\d{2}\s*年度?)?\s*(?:的)?政府信息公开(?:工作)?年度报告/;
    const authored = /本(?:年度)?报告由\s*([^，。；、“”《》\s]{2,30}?(?:人民政府|政府|办事处|街道|委员会|办公室|局|委|厅|镇|乡))(?:办公室|党政办)?\s*(?:负责)?(?:编制|编写|制作)/;
    for (const re of [named, authored]) {
      for (const hit of findAll(ctx.model, re, undefined, true)) {
        const name = hit.match[1]!;
        // “本报告由县人民政府办公室编制”: the office that writes a government's report
        if (!differs(name, organ) || /^(?:本|我|县|区|市|镇|乡)(?:人民政府|政府|办公室|局|委|街道)/.test(name)) continue;
        ctx.report({ messageId: 'namedAuthor', data: { named: name, organ }, location: hit.loc, quote: hit.sentence });
      }
    }
  },
};

function selfWordFor(organ: string): string {
  const n = organ.replace(/[（(][^）)]*[）)]/g, '');
  if (/街道(办事处|办)?$/.test(n)) return '我街道';
  if (/镇(人民政府|政府)?$/.test(n)) return '我镇';
  if (/乡(人民政府|政府)?$/.test(n)) return '我乡';
  if (/局$/.test(n)) return '我局';
  if (/委员会$|委$/.test(n)) return '我委';
  if (/办公室$|办公厅$/.test(n)) return '我办';
  if (/县(人民政府|政府)$/.test(n)) return '我县';
  if (/区(人民政府|政府)$/.test(n)) return '我区';
  if (/市(人民政府|政府)$/.test(n)) return '我市';
  return '本机关';
}
