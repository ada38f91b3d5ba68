// Builds the web app into dist/web: the TypeScript bundled with the browser-safe core (esbuild),
// the page, the stylesheet, and ECharts. Run by `npm run build`.
import { copyFileSync, cpSync, mkdirSync } from 'node:fs';
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
  plugins: [
    {
      // pdf.js in the browser: the modern build and assets served by gongkai, not the Node loader
      name: 'pdf-env',
      setup(b) {
        b.onResolve({ filter: /^\.\/env\.js$/ }, (args) => (args.importer.includes(join('formats', 'pdf')) ? { path: join(root, 'web', 'src', 'pdf-env.ts') } : undefined));
      },
    },
  ],
});
copyFileSync(join(root, 'web', 'index.html'), join(out, 'index.html'));
copyFileSync(join(root, 'web', 'app.css'), join(out, 'app.css'));
const require = createRequire(import.meta.url);
copyFileSync(join(dirname(require.resolve('echarts/package.json')), 'dist', 'echarts.min.js'), join(out, 'echarts.min.js'));
const pdfjs = dirname(require.resolve('pdfjs-dist/package.json'));
mkdirSync(join(out, 'pdfjs'), { recursive: true });
copyFileSync(join(pdfjs, 'build', 'pdf.worker.min.mjs'), join(out, 'pdfjs', 'pdf.worker.min.mjs'));
for (const dir of ['cmaps', 'standard_fonts', 'wasm']) cpSync(join(pdfjs, dir), join(out, 'pdfjs', dir), { recursive: true });
