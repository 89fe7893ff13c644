// The layer rules of design.md (.dependency-cruiser.cjs), checked on the real module graph: the
// sources are resolved the way TypeScript resolves them (tsconfig.node.json), not grepped. A
// second cruise over tests/fixtures/boundaries/ proves every rule reports the breaks it is for.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cruise, type ICruiseResult, type IConfiguration } from 'dependency-cruiser';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const FIXTURES = join(ROOT, 'tests/fixtures/boundaries');

type Runtime = 'renderer' | 'node' | 'both' | 'dev';
const require = createRequire(import.meta.url);
const config = require(join(ROOT, '.dependency-cruiser.cjs')) as IConfiguration & { packageRuntimes: Record<string, Runtime> };
const RULE_NAMES = config.forbidden!.map((rule) => rule.name!);

/** Everything the repository's own code lives in (out/, node_modules/ and the fixtures are excluded by the config). */
const SOURCES = ['common', 'main', 'renderer', 'preload', 'scripts', 'tests', 'bench', 'vite.config.ts', 'vitest.config.ts', 'playwright.config.ts'];

async function cruiseTree(baseDir: string, sources: string[]): Promise<ICruiseResult> {
  const { output } = await cruise(
    sources,
    { ...config.options, baseDir, validate: true, ruleSet: { forbidden: config.forbidden } },
    {},
    { tsConfig: extractTSConfig(join(ROOT, 'tsconfig.node.json')) },
  );
  return output as ICruiseResult;
}

/** An npm package's path from wherever node_modules sits (the fixtures resolve the repo's, two levels up). */
const shortPath = (path: string): string => path.replace(/^(?:.*\/)?node_modules\//, 'node_modules/');

/** One line per broken import, `from -> to (rule)`, sorted. */
const violationLines = (result: ICruiseResult): string[] =>
  [...new Set(result.summary.violations.map((v) => `${v.from} -> ${shortPath(v.to)} (${v.rule.name})`))].sort();

describe('dependency boundaries of the repository', () => {
  let result: ICruiseResult;
  beforeAll(async () => {
    result = await cruiseTree(
      ROOT,
      SOURCES.filter((s) => {
        try {
          statSync(join(ROOT, s));
          return true;
        } catch {
          return false;
        }
      }),
    );
  });

  it('sees the real graph: the layers, npm packages resolved in node_modules, no unresolved import', () => {
    const sources = new Set(result.modules.map((m) => m.source));
    for (const file of ['common/contract/index.ts', 'main/app/electron.ts', 'main/app/serve.ts', 'preload/index.ts', 'renderer/main.tsx'])
      expect(sources, file).toContain(file);
    const resolved = result.modules.flatMap((m) => m.dependencies.map((d) => d.resolved));
    expect(resolved.some((r) => shortPath(r).startsWith('node_modules/zod/'))).toBe(true);
    expect(resolved.some((r) => shortPath(r).startsWith('node_modules/react/'))).toBe(true);
    const unresolved = result.modules.flatMap((m) =>
      m.dependencies.filter((d) => d.couldNotResolve).map((d) => `${m.source} -> ${d.module}`),
    );
    expect(unresolved).toEqual([]);
  });

  it('has no violations', () => {
    const lines = violationLines(result);
    expect(lines, `dependency rule violations:\n${lines.join('\n')}`).toEqual([]);
  });
});

describe('every rule bites (tests/fixtures/boundaries/)', () => {
  let lines: string[];
  beforeAll(async () => {
    lines = violationLines(await cruiseTree(FIXTURES, ['common', 'renderer', 'preload', 'main', 'server']));
  });

  it('reports exactly the planted breaks', () => {
    expect(lines).toEqual(
      [
        'common/bad.ts -> fs (common-imports-only-zod)',
        'common/bad.ts -> fs (ui-no-node-builtins)',
        'common/bad.ts -> renderer/view.ts (common-imports-only-zod)',
        'common/domain/bad.ts -> main/platform/thing.ts (common-imports-only-zod)',
        'common/domain/bad.ts -> main/platform/thing.ts (domain-is-pure)',
        'renderer/bad.ts -> main/platform/thing.ts (renderer-imports-only-common)',
        'renderer/bad.ts -> node_modules/better-sqlite3/lib/index.js (renderer-imports-only-common)',
        'renderer/bad.ts -> node_modules/better-sqlite3/lib/index.js (ui-no-node-packages)',
        'renderer/bad.ts -> node_modules/esbuild/lib/main.js (renderer-imports-only-common)',
        'renderer/bad.ts -> node_modules/esbuild/lib/main.js (app-no-dev-packages)',
        'preload/bad.ts -> path (preload-imports-only-common)',
        'preload/bad.ts -> path (ui-no-node-builtins)',
        'main/platform/thing.ts -> main/features/q/internal.ts (platform-not-features)',
        'main/platform/thing.ts -> node_modules/electron/index.js (electron-only-in-entry-and-preload)',
        'main/features/r/bad.ts -> main/features/q/internal.ts (features-through-index)',
        'main/features/r/bad.ts -> node_modules/react/index.js (main-no-renderer-packages)',
        'main/features/r/bad.ts -> renderer/view.ts (main-not-renderer)',
        'main/platform/central.ts -> server/bad.ts (app-not-server)',
        'server/bad.ts -> main/platform/thing.ts (server-imports-only-common)',
      ].sort(),
    );
  });

  it('covers every rule of the configuration', () => {
    const reported = new Set(lines.map((line) => /\(([^)]+)\)$/.exec(line)![1]));
    expect([...reported].sort()).toEqual([...RULE_NAMES].sort());
  });
});

describe('every npm dependency is classified by where it runs', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
    devDependencies?: Record<string, string>;
  };
  const declared = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {})].sort();
  const table = config.packageRuntimes;

  it('lists each package.json dependency, and nothing else', () => {
    expect(declared.filter((name) => !(name in table)), 'missing from packageRuntimes in .dependency-cruiser.cjs').toEqual([]);
    expect(Object.keys(table).filter((name) => !declared.includes(name)), 'in packageRuntimes but not in package.json').toEqual([]);
    for (const [name, runtime] of Object.entries(table)) expect(['renderer', 'node', 'both', 'dev'], name).toContain(runtime);
  });

  it('keeps the UI libraries renderer-only and tools out of the production dependencies', () => {
    for (const name of ['react', 'react-dom', 'zustand']) expect(table[name], name).toBe('renderer');
    for (const name of Object.keys(pkg.dependencies ?? {})) expect(table[name], name).not.toBe('dev');
    for (const name of Object.keys(pkg.devDependencies ?? {})) expect(table[name], name).toBe('dev');
  });
});

describe('common/domain reads no clock', () => {
  const CLOCK = /\bDate\.now\s*\(|\bnew\s+Date\s*\(\s*\)|\bperformance\.now\s*\(/;
  const withoutComments = (source: string): string => source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
    });

  it('recognises the clock reads it forbids, and not a date built from a value', () => {
    for (const read of ['const t = Date.now();', 'new Date()', 'new Date( )', 'performance.now()']) expect(read).toMatch(CLOCK);
    for (const pure of ['new Date(iso)', 'new Date(0)', 'Date.parse(s)', '// Date.now() is the caller\'s job']) expect(withoutComments(pure)).not.toMatch(CLOCK);
  });

  it('holds for every file', () => {
    const domain = files(join(ROOT, 'common/domain'));
    expect(domain.length).toBeGreaterThan(0);
    const offenders = domain.filter((file) => CLOCK.test(withoutComments(readFileSync(file, 'utf8')))).map((f) => f.slice(ROOT.length + 1));
    expect(offenders).toEqual([]);
  });
});
