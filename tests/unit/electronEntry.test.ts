// Runs main/app/electron.ts and preload/index.ts against a stand-in for the Electron module (this
// machine has no Electron binary), to check what they wire up: the secure window, the sender
// check on every IPC call, the navigation and link guards, the CSP header, desk mode's forwarding
// through the main process and the preload bridge.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CALL_NAMES, type ServerEvent } from '../../common/contract/index';
import { contentSecurityPolicy, windowOptions } from '../../main/app/windowOptions';

type Listener = (...args: unknown[]) => unknown;

const fake = vi.hoisted(() => {
  const on = (map: Map<string, Listener[]>) => (name: string, fn: Listener) => {
    map.set(name, [...(map.get(name) ?? []), fn]);
  };
  const appEvents = new Map<string, Listener[]>();
  const windows: FakeWindow[] = [];
  class FakeWindow {
    readonly events = new Map<string, Listener[]>();
    readonly mainFrame = { parent: null, url: '' };
    readonly webContents = { send: vi.fn(), isDestroyed: () => false, mainFrame: this.mainFrame };
    readonly loadFile = vi.fn(async (file: string) => {
      this.mainFrame.url = `file://${file}`;
    });
    constructor(readonly options: { webPreferences: Record<string, unknown> }) {
      windows.push(this);
    }
    on = on(this.events);
    once = on(this.events);
    show = vi.fn();
    isMinimized = () => false;
    restore = vi.fn();
    focus = vi.fn();
  }
  const host = {
    url: 'http://127.0.0.1:4799',
    dbFile: '/tmp/loket.sqlite',
    dispatch: vi.fn(async (_name: string, _token: string | null, _input: unknown) => ({ ok: true, value: 'done' }) as const),
    listeners: [] as ((e: unknown) => void)[],
    subscribe(listener: (e: unknown) => void) {
      host.listeners.push(listener);
      return () => undefined;
    },
    close: vi.fn(async () => undefined),
  };
  type Feed = { token: string; listener: (e: unknown) => void; onStatus: (online: boolean) => void; stop: ReturnType<typeof vi.fn> };
  const desk = {
    call: vi.fn(async (_name: string, _token: string | null, _input: unknown) => ({ ok: true, value: 'forwarded' }) as const),
    feeds: [] as Feed[],
    subscribe: vi.fn((token: string, listener: (e: unknown) => void, onStatus: (online: boolean) => void) => {
      const feed: Feed = { token, listener, onStatus, stop: vi.fn() };
      desk.feeds.push(feed);
      return feed.stop;
    }),
    close: vi.fn(),
  };
  return {
    appEvents,
    windows,
    FakeWindow,
    host,
    desk,
    createDeskForwarder: vi.fn((_hostUrl: string, _options?: unknown) => desk),
    startHost: vi.fn(async () => host),
    ipcHandlers: new Map<string, Listener>(),
    headersListener: null as Listener | null,
    permissionRequest: null as Listener | null,
    certificateVerify: null as Listener | null,
    openExternal: vi.fn(async () => undefined),
    showErrorBox: vi.fn(),
    exit: vi.fn(),
    contextBridge: { exposeInMainWorld: vi.fn() },
    ipcRenderer: { invoke: vi.fn(), on: vi.fn(), removeListener: vi.fn(), send: vi.fn(), sendSync: vi.fn(), postMessage: vi.fn() },
    app: {
      getAppPath: () => '/opt/Loket/resources/app.asar',
      getPath: () => '/home/desk/.config/Loket',
      isPackaged: true,
      enableSandbox: vi.fn(),
      requestSingleInstanceLock: vi.fn(() => true),
      whenReady: async () => undefined,
      on: on(appEvents),
      quit: vi.fn(),
    },
  };
});

vi.mock('electron', () => ({
  app: { ...fake.app, exit: fake.exit },
  BrowserWindow: fake.FakeWindow,
  ipcMain: { handle: (channel: string, fn: Listener) => fake.ipcHandlers.set(channel, fn) },
  session: {
    defaultSession: {
      webRequest: { onHeadersReceived: (fn: Listener) => (fake.headersListener = fn) },
      setPermissionRequestHandler: (fn: Listener) => (fake.permissionRequest = fn),
      setPermissionCheckHandler: () => undefined,
      setCertificateVerifyProc: (fn: Listener) => (fake.certificateVerify = fn),
    },
  },
  shell: { openExternal: fake.openExternal },
  dialog: { showErrorBox: fake.showErrorBox },
  contextBridge: fake.contextBridge,
  ipcRenderer: fake.ipcRenderer,
}));
vi.mock('../../main/app/start', () => ({ startHost: fake.startHost }));
vi.mock('../../main/platform/transport/deskForwarder', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../main/platform/transport/deskForwarder')>()),
  createDeskForwarder: fake.createDeskForwarder,
}));

const APP_URL = 'file:///opt/Loket/resources/app.asar/out/renderer/index.html';
const savedArgv = process.argv;

describe('main/app/electron.ts in host mode', () => {
  beforeAll(async () => {
    process.argv = ['/opt/Loket/loket', '--data-dir', '/srv/loket', '--port', '4799'];
    await import('../../main/app/electron');
    await vi.waitFor(() => expect(fake.windows).toHaveLength(1));
  });
  afterAll(() => {
    process.argv = savedArgv;
  });

  const win = () => fake.windows[0]!;
  const invoke = (name: string, event: unknown, envelope: unknown) => fake.ipcHandlers.get(`loket:${name}`)!(event, envelope);
  const trusted = () => ({ sender: win().webContents, senderFrame: { parent: null, url: `${APP_URL}#/satpam` } });

  it('sandboxes every renderer and starts the host with the chosen data folder and port', () => {
    expect(fake.app.enableSandbox).toHaveBeenCalled();
    expect(fake.startHost).toHaveBeenCalledWith({
      dataDir: '/srv/loket',
      port: 4799,
      tlsPort: undefined,
      // No --bind: the host takes the admin's saved address (Admin → Jaringan), not a forced default.
      bindAddress: undefined,
      rendererDir: '/opt/Loket/resources/app.asar/out/renderer',
      // BPJS credentials are sealed with the OS keychain under Electron.
      secrets: expect.objectContaining({ kind: 'safeStorage' }),
      // Installed: answers are stripped to the contract rather than refused.
      outputCheck: 'strip',
    });
  });

  it('opens one secure window on the built renderer, telling the preload its mode and host', () => {
    const prefs = win().options.webPreferences;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(prefs.preload).toBe('/opt/Loket/resources/app.asar/out/preload/index.cjs');
    expect(prefs.additionalArguments).toEqual(['--loket-mode=host', `--loket-host-url=${fake.host.url}`]);
    expect(win().loadFile).toHaveBeenCalledWith('/opt/Loket/resources/app.asar/out/renderer/index.html');
  });

  it('builds the window from windowOptions() alone, overriding none of its settings', () => {
    expect(win().options).toEqual(
      windowOptions({ preload: '/opt/Loket/resources/app.asar/out/preload/index.cjs', mode: 'host', hostUrl: fake.host.url, devTools: false }),
    );
  });

  it('registers exactly one IPC handler per contract call', () => {
    expect([...fake.ipcHandlers.keys()].sort()).toEqual(CALL_NAMES.map((n) => `loket:${n}`).sort());
  });

  it('dispatches a call from the app window with its token and input', async () => {
    fake.host.dispatch.mockClear();
    const input = { serviceCode: 'A', priority: null };
    await expect(invoke('queue.issue', trusted(), { token: 'sess-1', input })).resolves.toEqual({ ok: true, value: 'done' });
    expect(fake.host.dispatch).toHaveBeenCalledWith('queue.issue', 'sess-1', input);
    await invoke('system.status', trusted(), { token: 42 });
    expect(fake.host.dispatch).toHaveBeenLastCalledWith('system.status', null, {});
  });

  it.each([
    ['another webContents', () => ({ ...trusted(), sender: { id: 99 } })],
    ['a sub-frame', () => ({ ...trusted(), senderFrame: { parent: {}, url: APP_URL } })],
    ['a frame showing another page', () => ({ ...trusted(), senderFrame: { parent: null, url: 'https://evil.example/' } })],
    ['a frame showing another local file', () => ({ ...trusted(), senderFrame: { parent: null, url: 'file:///tmp/x.html' } })],
    ['a destroyed frame', () => ({ ...trusted(), senderFrame: null })],
  ])('refuses a call from %s', async (_, event) => {
    fake.host.dispatch.mockClear();
    const result = (await invoke('users.list', event(), { token: 'sess-1', input: {} })) as { ok: boolean; error?: { code: string } };
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(fake.host.dispatch).not.toHaveBeenCalled();
  });

  it('answers a Result, not a throw, when the host fails', async () => {
    fake.host.dispatch.mockRejectedValueOnce(new Error('disk full'));
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await expect(invoke('queue.issue', trusted(), { token: 't', input: {} })).resolves.toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    spy.mockRestore();
  });

  it('forwards host events to the window', () => {
    const event: ServerEvent = { type: 'services.changed' };
    fake.host.listeners.forEach((l) => l(event));
    expect(win().webContents.send).toHaveBeenCalledWith('loket:event', event);
  });

  it('puts the CSP header on documents, with the host as the only network peer', () => {
    const callback = vi.fn();
    fake.headersListener!({ resourceType: 'mainFrame', url: APP_URL, responseHeaders: { 'X-A': ['1'] } }, callback);
    const headers = callback.mock.calls[0]![0].responseHeaders as Record<string, string[]>;
    expect(headers['X-A']).toEqual(['1']);
    expect(headers['Content-Security-Policy']![0]).toContain("connect-src 'self' ws://127.0.0.1:4799;");
    expect(headers['Content-Security-Policy']![0]).not.toContain('http://127.0.0.1:4799');
    expect(headers['Content-Security-Policy']![0]).not.toContain('unsafe-eval');
    expect(headers['Content-Security-Policy']).toEqual([contentSecurityPolicy(fake.host.url)]);
    const frame = vi.fn();
    fake.headersListener!({ resourceType: 'subFrame', url: APP_URL, responseHeaders: {} }, frame);
    expect(frame.mock.calls[0]![0].responseHeaders['Content-Security-Policy']).toEqual([contentSecurityPolicy(fake.host.url)]);
    const other = vi.fn();
    fake.headersListener!({ resourceType: 'image', url: `${APP_URL}/x.png`, responseHeaders: {} }, other);
    expect(other).toHaveBeenCalledWith({});
  });

  it('grants no device permissions', () => {
    const answer = (permission: string) => {
      const cb = vi.fn();
      fake.permissionRequest!(null, permission, cb);
      return cb.mock.calls[0]![0];
    };
    expect(answer('media')).toBe(false);
    expect(answer('geolocation')).toBe(false);
    expect(answer('clipboard-sanitized-write')).toBe(true);
  });

  it('grants the camera to the app\'s own page only (the case file\'s photos)', () => {
    const answer = (url: string) => {
      const cb = vi.fn();
      fake.permissionRequest!({ getURL: () => url }, 'media', cb);
      return cb.mock.calls[0]![0];
    };
    expect(answer(`${APP_URL}#/resepsionis`)).toBe(true);
    expect(answer('https://example.com/')).toBe(false);
    expect(answer('file:///etc/passwd')).toBe(false);
  });

  describe('every web contents', () => {
    const events = new Map<string, Listener[]>();
    let openHandler: Listener = () => undefined;
    beforeAll(() => {
      const contents = {
        on: (name: string, fn: Listener) => events.set(name, [...(events.get(name) ?? []), fn]),
        setWindowOpenHandler: (fn: Listener) => (openHandler = fn),
      };
      fake.appEvents.get('web-contents-created')!.forEach((fn) => fn({}, contents));
    });
    const navigate = (name: string, url: string) => {
      const event = { url, preventDefault: vi.fn() };
      events.get(name)!.forEach((fn) => fn(event, url));
      return event.preventDefault.mock.calls.length > 0;
    };

    it('stays on the app and sends web links to the system browser', () => {
      fake.openExternal.mockClear();
      expect(navigate('will-navigate', `${APP_URL}#/login`)).toBe(false);
      expect(navigate('will-navigate', 'https://bpjs-kesehatan.go.id/')).toBe(true);
      expect(fake.openExternal).toHaveBeenCalledWith('https://bpjs-kesehatan.go.id/');
      fake.openExternal.mockClear();
      expect(navigate('will-navigate', 'file:///etc/passwd')).toBe(true);
      expect(navigate('will-frame-navigate', 'javascript:alert(1)')).toBe(true);
      expect(navigate('will-redirect', 'http://evil.example/')).toBe(true);
      expect(fake.openExternal).not.toHaveBeenCalled();
    });

    it('never opens a new window, and hands only safe links to the system browser', () => {
      fake.openExternal.mockClear();
      expect(openHandler({ url: 'https://wa.me/628123' })).toEqual({ action: 'deny' });
      expect(openHandler({ url: 'file:///C:/Windows/System32/calc.exe' })).toEqual({ action: 'deny' });
      expect(openHandler({ url: 'ms-msdt:/id' })).toEqual({ action: 'deny' });
      expect(fake.openExternal.mock.calls).toEqual([['https://wa.me/628123']]);
    });

    it('keeps every navigation hook on the app: a foreign page never loads, in any frame or by redirect', () => {
      for (const hook of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
        for (const url of ['https://evil.example/', 'file:///etc/passwd', `${APP_URL.replace('index.html', 'other.html')}`, 'data:text/html,x'])
          expect(navigate(hook, url), `${hook} ${url}`).toBe(true);
        expect(navigate(hook, `${APP_URL}#/display`), `${hook} own page`).toBe(false);
      }
    });

    it('denies window.open for the app\'s own page too', () => {
      fake.openExternal.mockClear();
      expect(openHandler({ url: `${APP_URL}#/display` })).toEqual({ action: 'deny' });
      expect(openHandler({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
      expect(fake.openExternal).not.toHaveBeenCalled();
    });

    it('refuses webviews', () => {
      const event = { preventDefault: vi.fn() };
      events.get('will-attach-webview')!.forEach((fn) => fn(event));
      expect(event.preventDefault).toHaveBeenCalled();
    });
  });

  it('brings its window forward when a second copy is started', () => {
    win().focus.mockClear();
    fake.appEvents.get('second-instance')!.forEach((fn) => fn({}, []));
    expect(win().focus).toHaveBeenCalled();
  });

  it('closes the host before quitting', async () => {
    const event = { preventDefault: vi.fn() };
    fake.appEvents.get('will-quit')!.forEach((fn) => fn(event));
    expect(event.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(fake.exit).toHaveBeenCalledWith(0));
    expect(fake.host.close).toHaveBeenCalled();
  });
});

describe('main/app/electron.ts in desk mode', () => {
  const HOST = 'https://192.168.1.10:4701';
  const PIN = 'AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89';
  beforeAll(async () => {
    vi.resetModules();
    fake.windows.length = 0;
    fake.ipcHandlers.clear();
    fake.appEvents.clear();
    fake.startHost.mockClear();
    fake.exit.mockClear();
    process.argv = ['/opt/Loket/loket', '--mode', 'desk', '--host-url', `${HOST}/`, '--host-fingerprint', PIN];
    await import('../../main/app/electron');
    await vi.waitFor(() => expect(fake.windows).toHaveLength(1));
  });
  afterAll(() => {
    process.argv = savedArgv;
  });

  const win = () => fake.windows[0]!;
  const handler = (channel: string) => fake.ipcHandlers.get(channel)!;
  const invoke = (name: string, event: unknown, envelope: unknown) => handler(`loket:${name}`)(event, envelope);
  const setSession = (event: unknown, token: unknown) => handler('loket:session')(event, token);
  const trusted = () => ({ sender: win().webContents, senderFrame: { parent: null, url: `${APP_URL}#/petugas` } });
  const untrusted: [string, () => unknown][] = [
    ['another webContents', () => ({ ...trusted(), sender: { id: 99 } })],
    ['a sub-frame', () => ({ ...trusted(), senderFrame: { parent: {}, url: APP_URL } })],
    ['a frame showing another page', () => ({ ...trusted(), senderFrame: { parent: null, url: 'http://192.168.1.10:4700/' } })],
    ['a destroyed frame', () => ({ ...trusted(), senderFrame: null })],
  ];

  it('starts no host and forwards to the one at the given address', () => {
    expect(fake.startHost).not.toHaveBeenCalled();
    expect(fake.createDeskForwarder).toHaveBeenCalledWith(HOST, { fingerprint: PIN });
  });

  it("pins the host's certificate for the window's own connections to the host (the display feed) too", async () => {
    const { makeCertificate, certificateFingerprint } = await import('../../main/platform/tls');
    const verify = (hostname: string, data: string) =>
      new Promise((resolve) => fake.certificateVerify!({ hostname, certificate: { data } }, resolve));
    const { cert } = await makeCertificate('Loket Palsu', []);
    expect(certificateFingerprint(cert)).not.toBe(PIN);
    await expect(verify('192.168.1.10', cert)).resolves.toBe(-2);
    // Other sites keep Chromium's own verdict.
    await expect(verify('example.org', cert)).resolves.toBe(-3);
  });

  it('opens the same secure window on its own files, telling the preload it is a desk', () => {
    const prefs = win().options.webPreferences;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(prefs.additionalArguments).toEqual(['--loket-mode=desk', `--loket-host-url=${HOST}`]);
    expect(win().loadFile).toHaveBeenCalledWith('/opt/Loket/resources/app.asar/out/renderer/index.html');
  });

  it('registers one IPC handler per contract call plus the event-feed session and this PC\'s scanner', () => {
    expect([...fake.ipcHandlers.keys()].sort()).toEqual([...CALL_NAMES.map((n) => `loket:${n}`), 'loket:session', 'loket:desk-scan', 'loket:desk-scan-cancel'].sort());
  });

  it('refuses a scan from another webContents, and a scan request without its fields', async () => {
    await expect(invoke('desk-scan', { sender: {} } as never, { token: 'sess-1', ticketId: 't', docType: 'ktp' })).resolves.toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await expect(invoke('desk-scan', trusted(), { token: 'sess-1', ticketId: 't', docType: 'paspor' })).resolves.toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('forwards a call from the app window to the host with its token and input', async () => {
    fake.desk.call.mockClear();
    const input = { stage: 'petugas' };
    await expect(invoke('queue.callNext', trusted(), { token: 'sess-1', input })).resolves.toEqual({ ok: true, value: 'forwarded' });
    expect(fake.desk.call).toHaveBeenCalledWith('queue.callNext', 'sess-1', input);
    await invoke('system.status', trusted(), null);
    expect(fake.desk.call).toHaveBeenLastCalledWith('system.status', null, {});
  });

  it('passes the host answer on as it is, unreachable included', async () => {
    const down = { ok: false, error: { code: 'HOST_UNREACHABLE', message: 'x' } } as const;
    fake.desk.call.mockResolvedValueOnce(down as never);
    await expect(invoke('auth.me', trusted(), { token: 't', input: {} })).resolves.toEqual(down);
  });

  it.each(untrusted)('refuses a call from %s without forwarding it', async (_, event) => {
    fake.desk.call.mockClear();
    await expect(invoke('users.list', event(), { token: 'sess-1', input: {} })).resolves.toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(fake.desk.call).not.toHaveBeenCalled();
  });

  it.each(untrusted)('refuses an event-feed session from %s', async (_, event) => {
    fake.desk.subscribe.mockClear();
    await setSession(event(), 'sess-1');
    expect(fake.desk.subscribe).not.toHaveBeenCalled();
  });

  it('follows the session the window names: events and feed status reach the window, the old feed ends', async () => {
    const send = win().webContents.send;
    fake.desk.subscribe.mockClear();
    await setSession(trusted(), 'sess-1');
    expect(fake.desk.subscribe).toHaveBeenCalledTimes(1);
    const first = fake.desk.feeds.at(-1)!;
    expect(first.token).toBe('sess-1');

    const event: ServerEvent = { type: 'queue.changed', ticketId: 't1', stage: 'petugas', status: 'waiting' };
    first.listener(event);
    expect(send).toHaveBeenLastCalledWith('loket:event', event);
    first.onStatus(false);
    expect(send).toHaveBeenLastCalledWith('loket:event', { type: 'feed.status', online: false });
    first.onStatus(true);
    expect(send).toHaveBeenLastCalledWith('loket:event', { type: 'feed.status', online: true });

    await setSession(trusted(), 'sess-2');
    expect(first.stop).toHaveBeenCalled();
    const second = fake.desk.feeds.at(-1)!;
    expect(second.token).toBe('sess-2');

    await setSession(trusted(), null);
    expect(second.stop).toHaveBeenCalled();
    expect(fake.desk.subscribe).toHaveBeenCalledTimes(2);
  });

  it.each([
    ['an object', { evil: true }],
    ['a header break', 'sess\r\nx: 1'],
    ['an empty string', ''],
    ['an overlong string', 'x'.repeat(600)],
  ])('opens no feed for %s as token', async (_, token) => {
    fake.desk.subscribe.mockClear();
    await setSession(trusted(), token);
    expect(fake.desk.subscribe).not.toHaveBeenCalled();
  });

  it('lets the window reach the host only by WebSocket (the display board), never by HTTP', () => {
    const callback = vi.fn();
    fake.headersListener!({ resourceType: 'mainFrame', url: APP_URL, responseHeaders: {} }, callback);
    const policy = (callback.mock.calls[0]![0].responseHeaders as Record<string, string[]>)['Content-Security-Policy']![0]!;
    expect(policy).toContain("connect-src 'self' wss://192.168.1.10:4701;");
    expect(policy).not.toContain(HOST);
  });

  it('ends the event feed when quitting, with no host to wait for', () => {
    fake.desk.close.mockClear();
    const event = { preventDefault: vi.fn() };
    fake.appEvents.get('will-quit')!.forEach((fn) => fn(event));
    expect(fake.desk.close).toHaveBeenCalled();
    expect(event.preventDefault).not.toHaveBeenCalled();
  });
});

describe('preload/index.ts', () => {
  async function loadPreload(...args: string[]) {
    vi.resetModules();
    const electron = fake;
    electron.contextBridge.exposeInMainWorld.mockClear();
    process.argv = ['/opt/Loket/loket', '--type=renderer', ...args];
    try {
      await import('../../preload/index');
    } finally {
      process.argv = savedArgv;
    }
    const [key, bridge] = electron.contextBridge.exposeInMainWorld.mock.calls[0] as unknown as [string, unknown];
    return { key, bridge: bridge as Record<string, unknown> & { calls: Record<string, (e: unknown) => Promise<unknown>> }, electron };
  }

  it('exposes window.loket with one function per call, each on its own channel', async () => {
    const { key, bridge, electron } = await loadPreload('--loket-mode=host', '--loket-host-url=http://127.0.0.1:4799');
    expect(key).toBe('loket');
    expect(Object.keys(bridge).sort()).toEqual(['calls', 'hostUrl', 'mode', 'onEvent', 'setSessionToken']);
    expect(bridge.mode).toBe('host');
    expect(bridge.hostUrl).toBe('http://127.0.0.1:4799');
    expect(Object.keys(bridge.calls).sort()).toEqual([...CALL_NAMES].sort());

    const invoke = electron.ipcRenderer.invoke;
    invoke.mockResolvedValueOnce({ ok: true, value: 1 });
    await expect(bridge.calls['queue.callNext']!({ token: 's', input: { stage: 'petugas' }, extra: 'dropped' })).resolves.toEqual({
      ok: true,
      value: 1,
    });
    expect(invoke).toHaveBeenLastCalledWith('loket:queue.callNext', { token: 's', input: { stage: 'petugas' } });
    await bridge.calls['auth.me']!({ token: { evil: true } });
    expect(invoke).toHaveBeenLastCalledWith('loket:auth.me', { token: null, input: {} });
  });

  it('exposes no generic channel: no ipcRenderer, no send, only its own functions and values', async () => {
    const { bridge, electron } = await loadPreload('--loket-mode=desk', '--loket-host-url=http://192.168.1.10:4700');
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    const ipcParts = new Set<unknown>([electron.ipcRenderer, ...Object.values(electron.ipcRenderer)]);
    const exposed: unknown[] = [];
    const walk = (value: unknown): void => {
      exposed.push(value);
      if (value && typeof value === 'object') Object.values(value).forEach(walk);
    };
    walk(bridge);
    expect(exposed.filter((v) => ipcParts.has(v))).toEqual([]);
    for (const value of exposed) expect(['string', 'function', 'object']).toContain(value === null ? 'object' : typeof value);

    // Exercise everything the page can reach: each goes through invoke on its own named channel.
    for (const name of ['send', 'sendSync', 'postMessage', 'invoke'] as const) electron.ipcRenderer[name].mockClear();
    electron.ipcRenderer.invoke.mockResolvedValue({ ok: true, value: null });
    for (const call of Object.values(bridge.calls)) await call({ token: 't', input: {} });
    await (bridge.setSessionToken as (t: unknown) => Promise<void>)('t');
    (bridge.onEvent as (l: unknown) => () => void)(() => undefined)();
    expect(electron.ipcRenderer.send).not.toHaveBeenCalled();
    expect(electron.ipcRenderer.sendSync).not.toHaveBeenCalled();
    expect(electron.ipcRenderer.postMessage).not.toHaveBeenCalled();
    const channels = new Set(electron.ipcRenderer.invoke.mock.calls.map((c) => (c as unknown[])[0]));
    expect([...channels].sort()).toEqual([...CALL_NAMES.map((n) => `loket:${n}`), 'loket:session'].sort());
    electron.ipcRenderer.invoke.mockReset();
  });

  it('passes host events on without the IPC event object', async () => {
    const { bridge, electron } = await loadPreload('--loket-mode=host');
    const listener = vi.fn();
    const off = (bridge.onEvent as (l: unknown) => () => void)(listener);
    const [channel, handler] = electron.ipcRenderer.on.mock.calls.at(-1) as unknown as [string, Listener];
    expect(channel).toBe('loket:event');
    (handler as Listener)({ sender: 'secret' }, { type: 'services.changed' });
    expect(listener).toHaveBeenCalledWith({ type: 'services.changed' });
    off();
    expect(electron.ipcRenderer.removeListener).toHaveBeenCalledWith('loket:event', handler);
  });

  it('gives a desk the same calls, through its main process, and lets it name the session for events', async () => {
    const { bridge, electron } = await loadPreload('--loket-mode=desk', '--loket-host-url=http://192.168.1.10:4700');
    expect(bridge.mode).toBe('desk');
    expect(bridge.hostUrl).toBe('http://192.168.1.10:4700');
    expect(Object.keys(bridge.calls).sort()).toEqual([...CALL_NAMES].sort());
    const invoke = electron.ipcRenderer.invoke;
    invoke.mockResolvedValueOnce({ ok: true, value: {} });
    await bridge.calls['auth.me']!({ token: 's', input: {} });
    expect(invoke).toHaveBeenLastCalledWith('loket:auth.me', { token: 's', input: {} });

    const setSessionToken = bridge.setSessionToken as (token: unknown) => Promise<void>;
    invoke.mockResolvedValue(undefined);
    await setSessionToken('sess-1');
    expect(invoke).toHaveBeenLastCalledWith('loket:session', 'sess-1');
    await setSessionToken({ evil: true });
    expect(invoke).toHaveBeenLastCalledWith('loket:session', null);
  });

  it("sends no session from the host's window: its events arrive in-process", async () => {
    const { bridge, electron } = await loadPreload('--loket-mode=host');
    electron.ipcRenderer.invoke.mockClear();
    await (bridge.setSessionToken as (token: string) => Promise<void>)('sess-1');
    expect(electron.ipcRenderer.invoke).not.toHaveBeenCalled();
  });
});

describe('main/app/electron.ts as a second copy', () => {
  beforeAll(async () => {
    vi.resetModules();
    fake.windows.length = 0;
    fake.ipcHandlers.clear();
    fake.appEvents.clear();
    fake.startHost.mockClear();
    fake.createDeskForwarder.mockClear();
    fake.app.quit.mockClear();
    fake.app.requestSingleInstanceLock.mockReturnValueOnce(false);
    process.argv = ['/opt/Loket/loket', '--data-dir', '/srv/loket'];
    await import('../../main/app/electron');
    await new Promise((r) => setTimeout(r, 20));
  });
  afterAll(() => {
    process.argv = savedArgv;
  });

  it('quits at once without the single-instance lock: no host, no window, no IPC', () => {
    expect(fake.app.requestSingleInstanceLock).toHaveBeenCalled();
    expect(fake.app.quit).toHaveBeenCalled();
    expect(fake.startHost).not.toHaveBeenCalled();
    expect(fake.createDeskForwarder).not.toHaveBeenCalled();
    expect(fake.windows).toHaveLength(0);
    expect(fake.ipcHandlers.size).toBe(0);
  });
});
