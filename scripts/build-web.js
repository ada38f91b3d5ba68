// Builds the web app into dist/web: the TypeScript bundled with the browser-safe core (esbuild),
// the page, the stylesheet, and ECharts. Run by `npm run build`.
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';

const root = join(import.meta.dirname, '..');
const out = join(root, 'dist', 'web');
mkdirSync(out, { recursive: true });
await build({
  entryPoints: [join(root, 'web', 'src', 'main.ts')],
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  sourcemap: true,
  legalComments: 'none',
  outfile: join(out, 'app.js'),
  logLevel: 'warning',
});
copyFileSync(join(root, 'web', 'index.html'), join(out, 'index.html'));
copyFileSync(join(root, 'web', 'app.css'), join(out, 'app.css'));
const require = createRequire(import.meta.url);
copyFileSync(join(dirname(require.resolve('echarts/package.json')), 'dist', 'echarts.min.js'), join(out, 'echarts.min.js'));
