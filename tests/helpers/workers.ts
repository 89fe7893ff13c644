// Builds tests/helpers/issue-worker.ts into a plain ES module that `node` runs as its own process.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build, type Plugin } from 'esbuild';

/** `import text from './file.sql?raw'` as Vite and scripts/build.mjs read it: the file's text. */
const rawText: Plugin = {
  name: 'raw-text',
  setup(b) {
    b.onResolve({ filter: /\?raw$/ }, (args) => ({ path: resolve(args.resolveDir, args.path.slice(0, -'?raw'.length)), namespace: 'raw-text' }));
    b.onLoad({ filter: /.*/, namespace: 'raw-text' }, (args) => ({ contents: readFileSync(args.path, 'utf8'), loader: 'text' }));
  },
};

/** Returns the built file. Built inside the repo so the worker resolves node_modules like the app does. */
export async function buildIssueWorker(): Promise<string> {
  const worker = join(process.cwd(), 'out', 'test-workers', 'issue-worker-http.mjs');
  await build({
    entryPoints: ['tests/helpers/issue-worker.ts'], outfile: worker, bundle: true, platform: 'node', format: 'esm',
    packages: 'external', absWorkingDir: process.cwd(), logLevel: 'error', plugins: [rawText],
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  return worker;
}
