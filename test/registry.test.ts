/** Every rule has its file, its docs page, its tests and a preset entry; every parser message too. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PARSE_MESSAGES } from '../src/parse/index.js';
import { PRESETS } from '../src/rules/presets.js';
import { RULES } from '../src/rules/registry.js';

const docsIndex = readFileSync('docs/rules/README.md', 'utf8');

describe('rule registry', () => {
  it.each(RULES.map((r) => [r.id, r] as const))('%s has a file, docs, tests and a preset', (id, rule) => {
    expect(existsSync(`src/rules/${id}.ts`)).toBe(true);
    expect(readFileSync(`docs/rules/${id}.md`, 'utf8')).toMatch(new RegExp(`^# ${id}\\n`));
    expect(existsSync(`test/rules/${id}.test.ts`)).toBe(true);
    expect(docsIndex).toContain(`\`${id}\``);
    expect(PRESETS.recommended![id]).toBeDefined();
    expect(Object.keys(rule.meta.messages).length).toBeGreaterThan(0);
    for (const m of Object.keys(rule.meta.messageSeverity ?? {})) expect(rule.meta.messages[m]).toBeDefined();
  });

  it('every rule file is registered', async () => {
    // a rule file is one that exports `rule`; helpers (arith, prose, similar…) do not
    const files: string[] = [];
    for (const f of readdirSync('src/rules').filter((f) => f.endsWith('.ts'))) {
      const mod = (await import(`../src/rules/${f}`)) as { rule?: { id: string } };
      if (mod.rule) {
        expect(mod.rule.id, `${f} exports a rule with another id`).toBe(f.slice(0, -3));
        files.push(mod.rule.id);
      }
    }
    expect(files.sort()).toEqual(RULES.map((r) => r.id).sort());
  });

  it('parser messages have a preset entry and a line in the docs', () => {
    for (const id of Object.keys(PARSE_MESSAGES)) {
      expect(PRESETS.recommended![id], id).toBeDefined();
      expect(docsIndex, id).toContain(`\`${id}\``);
    }
  });

  it('strict only raises severities', () => {
    for (const [id, s] of Object.entries(PRESETS.recommended!)) {
      expect(PRESETS.strict![id]).toBe(s === 'warning' ? 'error' : s);
    }
  });
});
