// Builds everything the app runs: the main process code (host, headless serve, Electron entry)
// and the sandboxed preload with esbuild, the renderer with Vite. `--quiet` prints errors only.
import { build } from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';

const quiet = process.argv.includes('--quiet');
const skipRenderer = process.argv.includes('--no-renderer');
const log = (m) => quiet || console.log(m);

const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'error' };

/** `import text from './file.sql?raw'` bundles the file's text, as Vite does (main/platform/db/migrations.ts). */
const rawText = {
  name: 'raw-text',
  setup(b) {
    b.onResolve({ filter: /\?raw$/ }, (args) => ({
      path: resolve(args.resolveDir, args.path.slice(0, -'?raw'.length)),
      namespace: 'raw-text',
    }));
    b.onLoad({ filter: /.*/, namespace: 'raw-text' }, (args) => ({
      contents: readFileSync(args.path, 'utf8'),
      loader: 'text',
      resolveDir: dirname(args.path),
      watchFiles: [args.path],
    }));
  },
};

const mainEntries = { 'main/host': 'main/app/serve.ts' };
if (existsSync('main/app/electron.ts')) mainEntries['main/electron'] = 'main/app/electron.ts';

await build({
  ...common,
  entryPoints: mainEntries,
  outdir: 'out',
  format: 'esm',
  plugins: [rawText],
  // Native modules and packages that load files at run time stay in node_modules; the pure
  // JavaScript ones (kysely, zod, date-fns, uuid) are bundled and tree-shaken, which halves the
  // host's start-up time (resolving hundreds of small ESM files dominated it).
  external: ['electron', 'better-sqlite3', '@node-rs/argon2', 'fastify', '@fastify/*', 'ws', 'pdfmake', 'pdfmake/*'],
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});
log('built out/main');

if (existsSync('preload/index.ts')) {
  // Sandboxed preloads cannot require project files: bundle the contract's call names in.
  await build({ ...common, entryPoints: ['preload/index.ts'], outfile: 'out/preload/index.cjs', format: 'cjs', external: ['electron'] });
  log('built out/preload');
}

if (!skipRenderer && existsSync('vite.config.ts')) {
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', ...(quiet ? ['--logLevel', 'error'] : [])], { stdio: 'inherit' });
  log('built out/renderer');
}
