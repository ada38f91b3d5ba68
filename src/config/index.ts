/**
 * gongkai.config.json: a preset and per-rule settings, validated so a typo in a rule id is a
 * clear message, not a setting silently ignored.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { PARSE_MESSAGES } from '../parse/index.js';
import { PRESETS, type PresetName, type Setting } from '../rules/presets.js';
import { RULES_BY_ID } from '../rules/registry.js';

export const CONFIG_FILE = 'gongkai.config.json';

export interface Config {
  preset: PresetName;
  rules: Record<string, Setting>;
  /** where it was read from, or null for the defaults */
  path: string | null;
}

const schema = z
  .object({
    $schema: z.string().optional(),
    preset: z.enum(Object.keys(PRESETS) as [PresetName, ...PresetName[]]).optional(),
    rules: z.record(z.string(), z.enum(['off', 'info', 'warning', 'error'])).optional(),
  })
  .strict();

export class ConfigError extends Error {
  readonly rule = 'config-invalid';
}

/** Every id a setting may name: the rules and the parser's and extractors' messages. */
export function knownIds(): Set<string> {
  return new Set([...RULES_BY_ID.keys(), ...Object.keys(PARSE_MESSAGES), ...Object.keys(PRESETS.recommended!)]);
}

export function parseConfig(text: string, path: string): Config {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new ConfigError(`配置文件 ${path} 不是有效的 JSON：${(e as Error).message}`);
  }
  const r = schema.safeParse(raw);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    const where = issue.path.length ? `“${issue.path.join('.')}”` : '顶层';
    const what =
      issue.code === 'unrecognized_keys'
        ? `不认识的字段 ${issue.keys.join('、')}（可用：preset、rules）`
        : issue.path[0] === 'preset'
          ? `预设应为 ${Object.keys(PRESETS).join(' 或 ')}`
          : issue.path[0] === 'rules'
            ? '规则的设置应为 off、info、warning 或 error'
            : issue.message;
    throw new ConfigError(`配置文件 ${path} 的${where}有误：${what}`);
  }
  const known = knownIds();
  const unknown = Object.keys(r.data.rules ?? {}).filter((id) => !known.has(id));
  if (unknown.length > 0) throw new ConfigError(`配置文件 ${path} 中的规则 ${unknown.join('、')} 不存在（gongkai rules 列出全部规则）`);
  return { preset: r.data.preset ?? 'recommended', rules: r.data.rules ?? {}, path };
}

/** The file named, or gongkai.config.json in `dir` if there is one, or the defaults. */
export async function loadConfig(file: string | undefined, dir = process.cwd()): Promise<Config> {
  const path = file ?? join(dir, CONFIG_FILE);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    if (!file && (e as NodeJS.ErrnoException).code === 'ENOENT') return { preset: 'recommended', rules: {}, path: null };
    throw new ConfigError(`无法读取配置文件 ${path}（${(e as NodeJS.ErrnoException).code ?? String(e)}）`);
  }
  return parseConfig(text.replace(/^\uFEFF/, ''), path);
}
