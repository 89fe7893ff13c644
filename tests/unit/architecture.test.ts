// The layer rules of design.md, checked on the source: the UI reaches main/ only through the
// contract, only the Electron entry and the preload touch Electron, and the window's security
// settings are the ones design.md asks for.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  CSP,
  contentSecurityPolicy,
  isAllowedNavigation,
  isSafeExternalUrl,
  parseLaunchArgs,
  webPreferences,
  windowOptions,
} from '../../main/app/windowOptions';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SOURCE_EXT = new Set(['.ts', '.tsx', '.mts', '.cts', '.js', '.mjs', '.cjs', '.jsx']);
const SKIP_DIRS = new Set(['node_modules', 'out', 'dist', '.git', 'test-results', 'playwright-report', '.data', 'public']);

function sourceFiles(dir: string): string[] {
  const abs = join(ROOT, dir);
  let entries: string[];
  try {
    entries = readdirSync(abs);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    if (SKIP_DIRS.has(name)) return [];
    const path = join(abs, name);
    if (statSync(path).isDirectory()) return sourceFiles(join(dir, name));
    return SOURCE_EXT.has(extname(name)) ? [path] : [];
  });
}

/** Module specifiers of static imports, re-exports, dynamic imports and require calls. */
function importsOf(source: string): string[] {
  const found: string[] = [];
  const patterns = [
    /\bimport\s+(?:type\s+)?[\w*{}\s,$]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bexport\s+(?:type\s+)?[\w*{}\s,$]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const pattern of patterns) for (const m of source.matchAll(pattern)) found.push(m[1]!);
  return found;
}

const rel = (path: string): string => relative(ROOT, path).split(sep).join('/');
const CONTRACT = 'common/contract/index';

describe('layering: renderer and preload import nothing from main/ but the contract', () => {
  const files = [...sourceFiles('renderer'), ...sourceFiles('preload')];

  it('finds the UI sources', () => {
    expect(files.some((f) => rel(f).startsWith('renderer/'))).toBe(true);
    expect(files.some((f) => rel(f).startsWith('preload/'))).toBe(true);
  });

  it('resolves every relative import outside main/ or to main/api/contract.ts', () => {
    const offenders: string[] = [];
    for (const file of files) {
      for (const spec of importsOf(readFileSync(file, 'utf8'))) {
        if (!spec.startsWith('.')) continue;
        const target = rel(resolve(dirname(file), spec)).replace(/\.(ts|tsx|js)$/, '');
        if (target.startsWith('main/') && target !== CONTRACT) offenders.push(`${rel(file)} -> ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('keeps Node built-ins out of the renderer', () => {
    const builtins = /^(node:|fs$|path$|child_process$|os$|net$|http$|https$|crypto$|worker_threads$)/;
    const offenders = sourceFiles('renderer').flatMap((file) =>
      importsOf(readFileSync(file, 'utf8'))
        .filter((spec) => builtins.test(spec))
        .map((spec) => `${rel(file)} -> ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  it('sees through the import forms it checks', () => {
    const sample = [
      "import { a } from '../main/db/x';",
      "import type { B } from \"../../main/services/y\";",
      "export * from './z';",
      "import './side-effect.css';",
      "const m = await import('../lazy');",
      // Split so this file does not itself count as importing Electron.
      "const e = require('elec" + "tron');",
    ].join('\n');
    expect(importsOf(sample).sort()).toEqual(
      ['../main/db/x', '../../main/services/y', './z', './side-effect.css', '../lazy', 'electron'].sort(),
    );
  });
});

describe('only main/app/electron.ts and preload/ load the Electron module', () => {
  const isElectron = (spec: string): boolean => spec === 'electron' || spec.startsWith('electron/');
  // scripts/start.mjs asks the electron package for its binary's path in a child Node process (the
  // package's documented use outside Electron); it never loads the Electron API.
  const allowed = (path: string): boolean =>
    path === 'main/app/electron.ts' || path.startsWith('preload/') || path === 'scripts/start.mjs';

  it('holds across the repository sources', () => {
    const dirs = readdirSync(ROOT).filter((name) => !SKIP_DIRS.has(name) && statSync(join(ROOT, name)).isDirectory());
    const topFiles = readdirSync(ROOT)
      .filter((name) => SOURCE_EXT.has(extname(name)))
      .map((name) => join(ROOT, name));
    const files = [...topFiles, ...dirs.flatMap((d) => sourceFiles(d))];
    expect(files.some((f) => rel(f) === 'main/app/electron.ts')).toBe(true);
    const offenders = files
      .filter((file) => !allowed(rel(file)))
      .filter((file) => importsOf(readFileSync(file, 'utf8')).some(isElectron))
      .map(rel);
    expect(offenders).toEqual([]);
  });
});

describe('window security (design.md "Electron security")', () => {
  const inputs = { preload: '/app/out/preload/index.cjs', mode: 'host' as const, hostUrl: 'http://127.0.0.1:4700', devTools: false };

  it('pins isolation, sandbox and web security on', () => {
    const prefs = windowOptions(inputs).webPreferences as unknown as Record<string, unknown>;
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.enableRemoteModule).toBeUndefined();
    expect(prefs.enableBlinkFeatures).toBeUndefined();
    expect(prefs.preload).toBe(inputs.preload);
  });

  it('passes mode and host address to the preload as arguments, nothing else', () => {
    expect(webPreferences(inputs).additionalArguments).toEqual(['--loket-mode=host', '--loket-host-url=http://127.0.0.1:4700']);
    expect(webPreferences({ ...inputs, mode: 'desk', hostUrl: null }).additionalArguments).toEqual(['--loket-mode=desk']);
  });

  it('has a strict Content-Security-Policy', () => {
    for (const policy of [CSP, contentSecurityPolicy('http://192.168.1.10:4700/')]) {
      expect(policy).not.toContain("'unsafe-eval'");
      expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
      expect(policy).toMatch(/default-src 'none'/);
      expect(policy).toMatch(/script-src 'self'(;|$)/);
      expect(policy).toMatch(/object-src 'none'/);
      expect(policy).not.toMatch(/(^|\s)\*(\s|;|$)/);
    }
    // Calls go through the preload in both modes: the window's only direct peer is the host's WebSocket.
    expect(contentSecurityPolicy('http://192.168.1.10:4700/')).toMatch(/connect-src 'self' ws:\/\/192\.168\.1\.10:4700(;|$)/);
    expect(contentSecurityPolicy('https://loket.kantor.lan:4700')).toMatch(/connect-src 'self' wss:\/\/loket\.kantor\.lan:4700(;|$)/);
    expect(contentSecurityPolicy('javascript:alert(1)')).toMatch(/connect-src 'self'(;|$)/);
  });

  const fileApp = 'file:///opt/Loket/resources/app.asar/out/renderer/index.html';
  const httpApp = 'http://127.0.0.1:4700';

  it.each([
    [fileApp, 'file:///opt/Loket/resources/app.asar/out/renderer/index.html#/satpam'],
    [fileApp, 'file:///opt/Loket/resources/app.asar/out/renderer/index.html'],
    [httpApp, 'http://127.0.0.1:4700/#/display'],
    [httpApp, 'http://127.0.0.1:4700/api/system.status'],
  ])('allows navigation within the app (%s -> %s)', (app, url) => {
    expect(isAllowedNavigation(url, app)).toBe(true);
  });

  it.each([
    [fileApp, 'file:///etc/passwd'],
    [fileApp, 'file:///opt/Loket/resources/app.asar/out/renderer/other.html'],
    [fileApp, 'file://evil-share/opt/Loket/resources/app.asar/out/renderer/index.html'],
    [fileApp, 'https://example.com/'],
    [fileApp, 'javascript:alert(1)'],
    [fileApp, 'data:text/html,<script>alert(1)</script>'],
    [httpApp, 'http://127.0.0.1:4701/'],
    [httpApp, 'https://127.0.0.1:4700/'],
    [httpApp, 'http://evil.example/'],
    [httpApp, 'http://user:pw@127.0.0.1:4700/'],
    [httpApp, 'file:///etc/passwd'],
    [httpApp, 'javascript:alert(1)'],
    [httpApp, 'not a url'],
    ['javascript:alert(1)', 'javascript:alert(1)'],
  ])('denies navigation away from the app (%s -> %s)', (app, url) => {
    expect(isAllowedNavigation(url, app)).toBe(false);
  });

  it.each(['https://bpjs-kesehatan.go.id/', 'http://192.168.1.10:4700/panduan', 'https://wa.me/6281234567890'])(
    'opens %s in the system browser',
    (url) => expect(isSafeExternalUrl(url)).toBe(true),
  );

  it.each([
    'file:///C:/Windows/System32/calc.exe',
    'javascript:alert(1)',
    'data:text/html,hi',
    'smb://server/share',
    'ms-msdt:/id PCWDiagnostic',
    'vbscript:msgbox(1)',
    'ftp://example.com/',
    'https://user:secret@example.com/',
    'https://:secret@example.com/',
    'https://exa mple.com/',
    'https://example.com/\n',
    'not a url',
    '',
  ])('refuses to open %j externally', (url) => {
    expect(isSafeExternalUrl(url)).toBe(false);
  });
});

describe('launch arguments', () => {
  const PIN = 'AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89';
  const argv = (...args: string[]) => ['/usr/bin/electron', '.', ...args];

  it('defaults to host mode with the userData folder, leaving address and port to the saved setting', () => {
    expect(parseLaunchArgs(argv(), {})).toEqual({
      ok: true,
      options: { mode: 'host', hostUrl: null, hostFingerprint: null, dataDir: null, port: null, bindAddress: null, tlsPort: null, devTools: false },
    });
  });

  it('takes --port and --bind, or LOKET_PORT and LOKET_BIND, flags first', () => {
    expect(parseLaunchArgs(argv('--port', '4800', '--bind', '0.0.0.0'), { LOKET_PORT: '4900', LOKET_BIND: '192.168.1.10' })).toMatchObject({
      ok: true,
      options: { port: 4800, bindAddress: '0.0.0.0' },
    });
    expect(parseLaunchArgs(argv(), { LOKET_PORT: '4900', LOKET_BIND: '192.168.1.10' })).toMatchObject({
      ok: true,
      options: { port: 4900, bindAddress: '192.168.1.10' },
    });
    // An empty variable is not a choice.
    expect(parseLaunchArgs(argv(), { LOKET_PORT: '', LOKET_BIND: '' })).toMatchObject({ ok: true, options: { port: null, bindAddress: null } });
  });

  it('reads flags in both forms, the environment, and ignores Chromium switches', () => {
    const result = parseLaunchArgs(
      argv('--no-sandbox', '--mode=desk', '--host-url', 'https://192.168.1.10:4701/x', `--host-fingerprint=${PIN.toLowerCase()}`, '--enable-logging'),
      { LOKET_DATA_DIR: '/srv/loket' },
    );
    expect(result).toMatchObject({
      ok: true,
      options: { mode: 'desk', hostUrl: 'https://192.168.1.10:4701', hostFingerprint: PIN, dataDir: '/srv/loket' },
    });
    expect(parseLaunchArgs(argv('--mode', 'desk'), { LOKET_HOST_URL: 'https://192.168.1.10:4701', LOKET_HOST_FINGERPRINT: PIN.replace(/:/g, '') })).toMatchObject({
      ok: true,
      options: { hostUrl: 'https://192.168.1.10:4701', hostFingerprint: PIN },
    });
    expect(parseLaunchArgs(argv('--data-dir', '/tmp/a', '--port', '0'), { LOKET_DATA_DIR: '/srv/loket' })).toMatchObject({
      ok: true,
      options: { dataDir: '/tmp/a', port: 0 },
    });
  });

  it('takes --tls-port or LOKET_TLS_PORT for the host', () => {
    expect(parseLaunchArgs(argv('--tls-port', '4801'), { LOKET_TLS_PORT: '4901' })).toMatchObject({ ok: true, options: { tlsPort: 4801 } });
    expect(parseLaunchArgs(argv(), { LOKET_TLS_PORT: '4901' })).toMatchObject({ ok: true, options: { tlsPort: 4901 } });
  });

  it('lets a desk use plain http only to a host on the same PC', () => {
    for (const url of ['http://127.0.0.1:4700', 'http://localhost:4700'])
      expect(parseLaunchArgs(argv('--mode', 'desk', '--host-url', url), {})).toMatchObject({ ok: true, options: { hostUrl: url, hostFingerprint: null } });
    const lan = parseLaunchArgs(argv('--mode', 'desk', '--host-url', 'http://192.168.1.10:4700', '--host-fingerprint', PIN), {});
    expect(lan.ok).toBe(false);
    if (!lan.ok) {
      expect(lan.message).toContain('http://');
      expect(lan.message).toContain('data pribadi');
      expect(lan.message).toContain('--host-fingerprint');
    }
  });

  it.each([
    [['--mode', 'server']],
    [['--mode', 'desk']],
    [['--mode', 'desk', '--host-url', 'file:///etc/passwd']],
    [['--mode', 'desk', '--host-url', 'https://192.168.1.10:4701']],
    [['--mode', 'desk', '--host-url', 'https://192.168.1.10:4701', '--host-fingerprint', 'AB:CD:EF']],
    [['--mode', 'desk', '--host-url', 'http://10.0.0.5:4700']],
    [['--port', 'abc']],
    [['--tls-port', '70000']],
  ])('rejects %j with a message', (args) => {
    const result = parseLaunchArgs(argv(...args), {});
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message.length).toBeGreaterThan(10);
  });
});

describe('the Electron entry uses these settings', () => {
  const source = readFileSync(join(ROOT, 'main/app/electron.ts'), 'utf8');

  it('imports windowOptions and builds its window and guards from it', () => {
    expect(importsOf(source)).toContain('./windowOptions');
    expect(source).toMatch(/new BrowserWindow\(\s*windowOptions\(/);
    for (const used of ['isAllowedNavigation', 'isSafeExternalUrl', 'contentSecurityPolicy']) expect(source).toContain(`${used}(`);
    for (const hook of ['setWindowOpenHandler', "'will-navigate'", 'onHeadersReceived', 'senderFrame', 'requestSingleInstanceLock']) {
      expect(source).toContain(hook);
    }
    expect(source).not.toMatch(/webPreferences\s*:/);
  });

  it('exposes no generic channel in the preload', () => {
    const preload = readFileSync(join(ROOT, 'preload/index.ts'), 'utf8');
    expect(preload).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer/);
    expect(preload).not.toMatch(/\bsendSync\s*\(|\.send\s*\(/);
  });
});
