// Lint, and the layer rule of docs/architecture.md: the pure core (template, document,
// parse, rules, diagnostics, organ) does no I/O and reads no clock or process state.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const NODE_IO = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'http', 'https', 'net', 'worker_threads', 'process'];
const OUTER = ['**/cli/**', '**/server/**', '**/store/**', '**/render/**', '**/formats/**', '**/analyse.js'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'web/dist/**', 'tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly', TextDecoder: 'readonly', TextEncoder: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', performance: 'readonly', fetch: 'readonly', FormData: 'readonly', Blob: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-console': 'error',
    },
  },
  {
    files: ['src/template/**', 'src/document/**', 'src/parse/**', 'src/rules/**', 'src/diagnostics/**', 'src/organ/**', 'src/area/index.ts', 'src/batch.ts', 'src/compare/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: NODE_IO, message: 'The core does no I/O (docs/architecture.md).' }, { group: OUTER, message: 'The core may not depend on outer layers.' }] }],
      'no-restricted-globals': ['error', { name: 'process', message: 'Pass what you need in; the core reads no process state.' }, { name: 'Buffer', message: 'Use Uint8Array in the core.' }],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'The core reads no clock: pass "now" in.' },
        { selector: "MemberExpression[object.name='Date'][property.name='now']", message: 'The core reads no clock: pass "now" in.' },
        { selector: "MemberExpression[object.name='Math'][property.name='random']", message: 'The core is deterministic.' },
      ],
    },
  },
  {
    // renderers turn results into text; the caller writes it and passes the time in
    files: ['src/render/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: NODE_IO, message: 'Renderers do no I/O.' }, { group: ['**/cli/**', '**/server/**', '**/store/**'], message: 'Renderers may not depend on the application layers.' }] }],
      'no-restricted-syntax': ['error', { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Pass the time in.' }],
    },
  },
  {
    files: ['src/formats/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/cli/**', '**/server/**', '**/store/**'], message: 'Extractors may not depend on the application layers.' }] }],
    },
  },
  {
    // the web app runs in the browser: DOM globals, no Node
    files: ['web/src/**'],
    languageOptions: { globals: { window: 'readonly', document: 'readonly', location: 'readonly', history: 'readonly', fetch: 'readonly', FormData: 'readonly', URLSearchParams: 'readonly', Node: 'readonly', HTMLElement: 'readonly', HTMLTableCellElement: 'readonly', Event: 'readonly', KeyboardEvent: 'readonly', MouseEvent: 'readonly', File: 'readonly', FileList: 'readonly', Response: 'readonly', Element: 'readonly' } },
    // the API's types (store rows) may be imported as types only: nothing of the store reaches the browser
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [{ group: NODE_IO, message: 'The web app runs in the browser.' }, { group: ['**/cli/**', '**/server/**', '**/analyse.js', '**/formats/index.js', '**/formats/pdf/env.js', '**/formats/doc/**', '**/formats/ocr/**'], message: 'Only the browser-safe core.' }, { group: ['**/store/**'], message: 'The store\'s types only.', allowTypeImports: true }] }] },
  },
  {
    files: ['bin/**', 'bench/**', 'scripts/**', 'test/**'],
    rules: { 'no-console': 'off' },
  },
);
