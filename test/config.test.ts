import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseConfig } from '../src/config/index.js';

describe('gongkai.config.json', () => {
  it('reads a preset and rule settings', () => {
    expect(parseConfig('{"preset":"strict","rules":{"all-zero":"off","fee-statement":"warning","run-split":"off"}}', 'c.json')).toEqual({
      preset: 'strict',
      rules: { 'all-zero': 'off', 'fee-statement': 'warning', 'run-split': 'off' },
      path: 'c.json',
    });
  });

  it.each([
    ['not JSON', '{preset:', /不是有效的 JSON/],
    ['an unknown rule', '{"rules":{"all-zeros":"off"}}', /规则 all-zeros 不存在/],
    ['an unknown level', '{"rules":{"all-zero":"silent"}}', /“rules\.all-zero”有误：规则的设置应为 off、info、warning 或 error/],
    ['an unknown preset', '{"preset":"lenient"}', /预设应为 recommended 或 strict/],
    ['an unknown field', '{"rule":{}}', /不认识的字段 rule/],
  ])('rejects %s with a message in Chinese', (_name, text, message) => {
    expect(() => parseConfig(text, 'c.json')).toThrow(ConfigError);
    expect(() => parseConfig(text, 'c.json')).toThrow(message);
  });

  it('finds the file in the directory, or uses the defaults', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-config-'));
    expect(await loadConfig(undefined, dir)).toEqual({ preset: 'recommended', rules: {}, path: null });
    writeFileSync(join(dir, 'gongkai.config.json'), '\uFEFF{"rules":{"period":"error"}}');
    expect((await loadConfig(undefined, dir)).rules).toEqual({ period: 'error' });
    await expect(loadConfig(join(dir, 'nope.json'))).rejects.toThrow(/无法读取配置文件/);
  });
});
