// The packaged app carries everything the host needs at run time. electron-builder packs only the
// `files` of electron-builder.yml plus the production dependencies; this test builds, copies
// exactly that set into an empty folder outside the repository and starts the headless host from
// there (cwd = that folder), so nothing can come from the repo's migrations/, renderer/ or dev
// packages. It then asks for the renderer, calls the API and reads the schema the host created.
//
// Production dependencies: the closure of package.json "dependencies" computed from
// package-lock.json (dependencies, optional dependencies present on this platform, required peers),
// each package folder recreated with hard links to the repo's installed files (a copy where a
// link is not possible). Not `npm ci --offline`: that would need the registry cache and would
// rebuild better-sqlite3's native addon; not symlinks: Node resolves a symlinked package from its
// real path, so its own dependencies would silently come from the repo's full node_modules.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SKIP = new Set(['node_modules', '.git', 'dist']);

/** electron-builder's glob syntax as far as the files list uses it: `**`, `*`, `?`, and `!` to exclude. */
function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      const slashAfter = glob[i + 2] === '/';
      re += slashAfter ? '(?:.*/)?' : '.*';
      i += slashAfter ? 2 : 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  // `dir/**` also names the folder itself; a plain folder name includes what is in it.
  return new RegExp(`^${re}(?:/.*)?$`);
}

/** The files (repo-relative, forward slashes) the patterns select; later patterns win, `!` excludes. */
function selectFiles(all: string[], patterns: string[]): string[] {
  const rules = patterns.map((p) => (p.startsWith('!') ? { include: false, re: globToRegExp(p.slice(1)) } : { include: true, re: globToRegExp(p) }));
  return all.filter((file) => {
    let included = false;
    for (const rule of rules) if (rule.re.test(file)) included = rule.include;
    return included;
  });
}

function walk(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (SKIP.has(entry.name) && dir === base) return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return walk(path, base);
    return [relative(base, path).split(sep).join('/')];
  });
}

/** Recreates `from` at `to` with hard links (copies across file systems), keeping symlinks as they are. */
function linkTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const src = join(from, entry.name);
    const dst = join(to, entry.name);
    if (entry.isDirectory()) linkTree(src, dst);
    else if (entry.isSymbolicLink()) symlinkSync(readlinkSync(src), dst);
    else {
      try {
        linkSync(src, dst);
      } catch {
        copyFileSync(src, dst);
      }
    }
  }
}

interface LockEntry {
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  dev?: boolean;
}

/** package-lock.json paths (`node_modules/a`, `node_modules/a/node_modules/b`) of the production closure, as installed here. */
function productionClosure(lock: { packages: Record<string, LockEntry> }, roots: string[], installed: (path: string) => boolean): string[] {
  // Node's lookup: the requiring package's own node_modules, then each parent's, up to the top.
  const find = (from: string, name: string): string | null => {
    let base = from;
    for (;;) {
      const candidate = `${base ? `${base}/` : ''}node_modules/${name}`;
      if (lock.packages[candidate]) return candidate;
      if (!base) return null;
      const i = base.lastIndexOf('/node_modules/');
      base = i < 0 ? '' : base.slice(0, i);
    }
  };
  const needed = new Set<string>();
  const missing: string[] = [];
  const queue = roots.map((name) => ({ from: '', name, optional: false }));
  while (queue.length > 0) {
    const { from, name, optional } = queue.pop()!;
    const path = find(from, name);
    if (!path || !installed(path)) {
      if (!optional) missing.push(`${from || 'package.json'} -> ${name}`);
      continue;
    }
    if (needed.has(path)) continue;
    needed.add(path);
    const entry = lock.packages[path]!;
    for (const dep of Object.keys(entry.dependencies ?? {})) queue.push({ from: path, name: dep, optional: false });
    // Platform builds (@node-rs/argon2-<os>-<cpu>): only this machine's is installed.
    for (const dep of Object.keys(entry.optionalDependencies ?? {})) queue.push({ from: path, name: dep, optional: true });
    for (const dep of Object.keys(entry.peerDependencies ?? {}))
      queue.push({ from: path, name: dep, optional: entry.peerDependenciesMeta?.[dep]?.optional === true });
  }
  if (missing.length > 0) throw new Error(`production dependencies not installed: ${missing.join(', ')}`);
  return [...needed].sort();
}

interface RunningHost {
  url: string;
  proc: ChildProcess;
  output: () => string;
}

/** Starts out/main/host.js from `cwd`; reads the start-up line in either form (JSON `{"event":"listening"}` or the sentence). */
function startHost(cwd: string, dataDir: string): Promise<RunningHost> {
  return new Promise((resolvePromise, reject) => {
    const env = { ...process.env };
    for (const key of ['LOKET_PORT', 'LOKET_TLS_PORT', 'LOKET_BIND', 'LOKET_DATA_DIR', 'NODE_PATH']) delete env[key];
    const proc = spawn(process.execPath, ['out/main/host.js', '--data-dir', dataDir, '--port', '0'], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let started = false;
    const timer = setTimeout(() => reject(new Error(`host did not start: ${out}`)), 30_000);
    const urlIn = (text: string): string | null => {
      for (const line of text.split('\n')) {
        if (!line.startsWith('{')) continue;
        try {
          const event = JSON.parse(line) as { event?: string; url?: string };
          if (event.event === 'listening' && event.url) return event.url;
        } catch {
          // A partial line: wait for the rest.
        }
      }
      return /listening on (http:\/\/\S+)/.exec(text)?.[1] ?? null;
    };
    proc.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
      const url = urlIn(out);
      if (url && !started) {
        started = true;
        clearTimeout(timer);
        resolvePromise({ url, proc, output: () => out });
      }
    });
    proc.stderr!.on('data', (b: Buffer) => (out += b.toString()));
    proc.once('exit', (code) => {
      clearTimeout(timer);
      if (!started) reject(new Error(`host exited ${code}: ${out}`));
    });
  });
}

describe('the packaged file set (electron-builder.yml) runs the host on its own', () => {
  let app: string;
  let packed: string[];
  let modules: string[];
  let host: RunningHost | null = null;
  const dataDir = () => join(app, '.data');

  beforeAll(async () => {
    // The packed app is out/ as built now: build, so a stale out/ cannot hide a missing piece.
    const built = spawnSync(process.execPath, ['scripts/build.mjs', '--quiet'], { cwd: ROOT, encoding: 'utf8' });
    if (built.status !== 0) throw new Error(`build failed: ${built.stdout}${built.stderr}`);

    const config = parse(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as { files?: unknown };
    expect(Array.isArray(config.files)).toBe(true);
    const patterns = config.files as unknown[];
    expect(patterns.every((p) => typeof p === 'string')).toBe(true);
    packed = selectFiles(walk(ROOT), patterns as string[]);

    app = mkdtempSync(join(tmpdir(), 'loket-packaged-'));
    for (const file of packed) {
      mkdirSync(dirname(join(app, file)), { recursive: true });
      copyFileSync(join(ROOT, file), join(app, file));
    }
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
    modules = productionClosure(lock, Object.keys(pkg.dependencies), (path) => existsSync(join(ROOT, path)));
    // Nested copies come with their parent folder.
    for (const path of modules.filter((p) => p.split('node_modules/').length === 2)) linkTree(join(ROOT, path), join(app, path));

    host = await startHost(app, dataDir());
  }, 240_000);

  afterAll(async () => {
    if (host && host.proc.exitCode === null) {
      const exited = new Promise((r) => host!.proc.once('exit', r));
      host.proc.kill('SIGTERM');
      await exited;
    }
    if (app) rmSync(app, { recursive: true, force: true });
  });

  it('selects the built app and package.json, no source maps, no sources, no migrations folder', () => {
    for (const file of ['package.json', 'out/main/host.js', 'out/main/electron.js', 'out/preload/index.cjs', 'out/renderer/index.html'])
      expect(packed, file).toContain(file);
    expect(packed.some((f) => f.startsWith('out/renderer/assets/') && f.endsWith('.js'))).toBe(true);
    expect(packed.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(packed.filter((f) => !f.startsWith('out/') && f !== 'package.json')).toEqual([]);
    expect(existsSync(join(app, 'migrations'))).toBe(false);
  });

  it('carries the audio announcements the display board plays', () => {
    const sources = readdirSync(join(ROOT, 'renderer/public/audio')).map((f) => `out/renderer/audio/${f}`);
    expect(sources.length).toBeGreaterThan(0);
    expect(sources.filter((f) => !packed.includes(f))).toEqual([]);
  });

  it('brings only production packages, including the native ones for this platform', () => {
    const names = modules.map((p) => p.slice(p.lastIndexOf('node_modules/') + 'node_modules/'.length));
    for (const name of ['better-sqlite3', 'fastify', '@node-rs/argon2', 'pdfmake', 'ws']) expect(names, name).toContain(name);
    for (const name of ['vitest', 'vite', 'esbuild', 'electron', 'typescript', 'dependency-cruiser', 'yaml']) expect(names, name).not.toContain(name);
    expect(lstatSync(join(app, 'node_modules/better-sqlite3')).isSymbolicLink()).toBe(false);
  });

  it('serves the renderer from the packed out/renderer', async () => {
    const res = await fetch(`${host!.url}/`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toBe(readFileSync(join(app, 'out/renderer/index.html'), 'utf8'));
    expect(html).toMatch(/<script[^>]+src="\.?\/?assets\/[^"]+\.js"/);
    const audio = await fetch(`${host!.url}/audio/manifest.json`);
    expect(audio.status).toBe(200);
  });

  it('answers an API call', async () => {
    const res = await fetch(`${host!.url}/api/system.status`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true });
  });

  it('created the schema from the migrations built into host.js', () => {
    const db = new Database(join(dataDir(), 'loket.sqlite'), { readonly: true, fileMustExist: true });
    try {
      const rows = db.prepare('SELECT name FROM schema_migrations ORDER BY id').all() as { name: string }[];
      const files = readdirSync(join(ROOT, 'migrations')).filter((f) => f.endsWith('.sql')).sort();
      expect(files.length).toBeGreaterThan(0);
      expect(rows.map((r) => r.name)).toEqual(files);
    } finally {
      db.close();
    }
  });
});

describe('the file-set helpers', () => {
  it('match globs the way the files list means them', () => {
    const all = ['package.json', 'out/main/host.js', 'out/main/host.js.map', 'out/renderer/index.html', 'out/renderer/audio/a.ogg', 'main/app/serve.ts', 'outside.txt'];
    expect(selectFiles(all, ['out/**', '!out/**/*.map', 'package.json'])).toEqual([
      'package.json',
      'out/main/host.js',
      'out/renderer/index.html',
      'out/renderer/audio/a.ogg',
    ]);
    expect(selectFiles(all, ['**/*.ts'])).toEqual(['main/app/serve.ts']);
    expect(selectFiles(all, ['out/*/index.html'])).toEqual(['out/renderer/index.html']);
  });

  it('follow Node resolution through package-lock.json, skipping other platforms and dev packages', () => {
    const lock = {
      packages: {
        'node_modules/a': { dependencies: { b: '1' }, optionalDependencies: { 'a-win32': '1', 'a-linux': '1' } },
        'node_modules/b': { dependencies: { c: '2' } },
        'node_modules/b/node_modules/c': {},
        'node_modules/c': { dev: true },
        'node_modules/a-linux': {},
        'node_modules/a-win32': {},
        'node_modules/dev-only': { dev: true },
      },
    };
    const installed = (p: string) => p !== 'node_modules/a-win32';
    expect(productionClosure(lock, ['a'], installed)).toEqual(['node_modules/a', 'node_modules/a-linux', 'node_modules/b', 'node_modules/b/node_modules/c']);
    expect(() => productionClosure(lock, ['missing'], installed)).toThrow(/not installed/);
  });
});
