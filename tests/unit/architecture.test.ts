// The window's security settings are the ones design.md asks for, and the launch arguments parse
// as documented. The layer rules (who may import what, who may load Electron) are checked on the
// module graph in boundaries.test.ts; that main/app/electron.ts and the preload really use these
// settings is checked by running them in electronEntry.test.ts.
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
