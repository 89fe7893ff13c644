// The Electron entry. Host mode (default) starts the office host in this process; desk mode starts
// nothing and forwards to a host elsewhere on the LAN (main/platform/transport/deskForwarder.ts: HTTP for
// calls, one WebSocket for events), so the window is never a cross-origin client of the host.
// Either way the window talks only to this process over IPC, only ever shows the app's own files,
// with the settings of windowOptions.ts, and every IPC call is checked against the window that may
// make it. (The display board alone opens the host's public display WebSocket itself.)
//
//   electron . [--mode host|desk] [--host-url https://HOST:4701 --host-fingerprint AB:CD:…] [--data-dir DIR]
//              [--port 4700] [--tls-port 4701] [--bind ADDR]
// --port/--bind override the address the admin chose in Admin → Jaringan (default 127.0.0.1:4700).
// A desk on another PC reaches the host over HTTPS only, pinning the certificate fingerprint the
// admin saw with the pairing code; plain http is for a desk on the host PC itself.
import { app, BrowserWindow, dialog, ipcMain, safeStorage, session, shell, type IpcMainInvokeEvent } from 'electron';
import { X509Certificate } from 'node:crypto';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CALL_NAMES, FEED_STATUS, type BridgeEvent, type Result } from '../../common/contract/index';
import { startHost, type RunningHost } from './start';
import { fileKeySecretBox } from '../platform/secretBox';
import type { SecretBox } from '../platform/ports';
import { createDeskForwarder, usableToken, type DeskForwarder } from '../platform/transport/deskForwarder';
import { contentSecurityPolicy, isAllowedNavigation, isSafeExternalUrl, parseLaunchArgs, windowOptions } from './windowOptions';
import { deskScannerReporter, scanToHost } from '../features/documents';
import { isDocType } from '../../common/domain/documents';

const EVENT_CHANNEL = 'loket:event';
const SESSION_CHANNEL = 'loket:session';
const FORBIDDEN: Result<never> = { ok: false, error: { code: 'FORBIDDEN', message: 'Permintaan ditolak.' } };
const HOST_FAILED: Result<never> = {
  ok: false,
  error: { code: 'INTERNAL', message: 'Terjadi kesalahan di komputer utama. Coba lagi; bila berulang, hubungi admin.' },
};

const appRoot = app.getAppPath();
const indexHtml = join(appRoot, 'out', 'renderer', 'index.html');
const preloadFile = join(appRoot, 'out', 'preload', 'index.cjs');
/** The one document the window may show; see isAllowedNavigation. */
const appUrl = pathToFileURL(indexHtml).href;

let mainWindow: BrowserWindow | null = null;
let host: RunningHost | null = null;
let forwarder: DeskForwarder | null = null;

function fail(message: string): void {
  dialog.showErrorBox('Loket', message);
  app.exit(1);
}

function openExternally(url: string): void {
  if (isSafeExternalUrl(url)) void shell.openExternal(url);
}

/** Only the main frame of our own window, showing our own document, may call the host. */
function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return (
    mainWindow !== null &&
    event.sender === mainWindow.webContents &&
    frame !== null &&
    frame.parent === null &&
    isAllowedNavigation(frame.url, appUrl)
  );
}

function readEnvelope(envelope: unknown): { token: string | null; input: unknown } {
  if (typeof envelope !== 'object' || envelope === null) return { token: null, input: {} };
  const { token, input } = envelope as { token?: unknown; input?: unknown };
  return { token: typeof token === 'string' ? token : null, input: input ?? {} };
}

type Call = (name: string, token: string | null, input: unknown) => Promise<Result<unknown>>;

/** One handler per contract call, each answering only our window, each answering a Result. */
function registerCalls(call: Call): void {
  for (const name of CALL_NAMES) {
    ipcMain.handle(`loket:${name}`, async (event, envelope: unknown): Promise<Result<unknown>> => {
      if (!isTrustedSender(event)) return FORBIDDEN;
      const { token, input } = readEnvelope(envelope);
      try {
        return await call(name, token, input);
      } catch (err) {
        console.error(`[loket] ${name} failed`, err);
        return HOST_FAILED;
      }
    });
  }
}

function sendToWindow(event: BridgeEvent): void {
  const contents = mainWindow?.webContents;
  if (contents && !contents.isDestroyed()) contents.send(EVENT_CHANNEL, event);
}

function registerHostIpc(running: RunningHost): void {
  registerCalls(running.dispatch);
  running.subscribe(sendToWindow);
}

function registerDeskIpc(desk: DeskForwarder): void {
  registerCalls(desk.call);
  // The host's staff feed needs a session. The renderer names it (preload setSessionToken) rather
  // than this process picking the token out of call envelopes or a successful auth.login: only the
  // renderer knows when a session starts (login, or one kept from the last run), ends (logout, or
  // expiry noticed on any call) and whether a screen is listening at all, the same moments its own
  // socket opens and closes in a browser. A token seen in an envelope may already be stale.
  let stopFeed: (() => void) | null = null;
  // This PC's scanners, reported to the host for Admin → Dokumen (again on its Cari ulang).
  const scanners = deskScannerReporter(desk.call);
  ipcMain.handle(SESSION_CHANNEL, (event, token: unknown): void => {
    if (!isTrustedSender(event)) return;
    stopFeed?.();
    stopFeed = null;
    const session = usableToken(token);
    scanners.signedIn(session);
    if (!session) return;
    // A fresh feed on every call, so the window always hears whether this one is live.
    stopFeed = desk.subscribe(
      session,
      (e) => {
        sendToWindow(e);
        void scanners.onEvent(e);
      },
      (online) => sendToWindow({ type: FEED_STATUS, online }),
    );
  });
}

const SCAN_CHANNEL = 'loket:desk-scan';
const SCAN_CANCEL_CHANNEL = 'loket:desk-scan-cancel';
const SCAN_PROGRESS_CHANNEL = 'loket:desk-scan-progress';

/**
 * Desk mode: the scanner attached to this PC. The main process scans into a spool folder here and
 * uploads each page to the host through the contract (features/documents/deskScan.ts); pages the
 * host has not taken stay in the spool until the next press. One batch at a time.
 */
function registerDeskScanner(desk: DeskForwarder, spoolDir: string): void {
  let running: AbortController | null = null;
  ipcMain.handle(SCAN_CHANNEL, async (event, raw: unknown): Promise<Result<unknown>> => {
    if (!isTrustedSender(event)) return FORBIDDEN;
    const input = (typeof raw === 'object' && raw ? raw : {}) as { token?: unknown; ticketId?: unknown; docType?: unknown };
    const token = usableToken(input.token);
    if (!token || typeof input.ticketId !== 'string' || typeof input.docType !== 'string' || !isDocType(input.docType))
      return { ok: false, error: { code: 'VALIDATION', message: 'Permintaan pindai tidak lengkap.' } };
    if (running) return { ok: false, error: { code: 'SCANNER_BUSY', message: 'Pemindai meja ini sedang memindai. Tunggu sampai selesai.' } };
    running = new AbortController();
    try {
      const value = await scanToHost({
        call: desk.call,
        token,
        ticketId: input.ticketId,
        docType: input.docType,
        spoolDir,
        signal: running.signal,
        onProgress: (p) => mainWindow?.webContents.send(SCAN_PROGRESS_CHANNEL, { type: 'scan.progress', ...p }),
      });
      return { ok: true, value };
    } catch (err) {
      console.error('[loket] desk scan failed', (err as Error).message);
      return HOST_FAILED;
    } finally {
      running = null;
    }
  });
  ipcMain.handle(SCAN_CANCEL_CHANNEL, (event) => {
    if (isTrustedSender(event)) running?.abort();
  });
}

function secureSession(hostUrl: string | null): void {
  const csp = contentSecurityPolicy(hostUrl);
  // Applied to documents, file:// included (the renderer's index.html also carries a meta policy,
  // and the stricter of the two wins).
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    if (details.resourceType !== 'mainFrame' && details.resourceType !== 'subFrame') return callback({});
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } });
  });
  // Nothing in Loket needs location, notifications or the like; copying a pairing code does, and
  // the case file's camera ('media') does, for the app's own page only.
  const allowed = new Set(['clipboard-sanitized-write', 'fullscreen']);
  const ownPage = (url: string | undefined) => typeof url === 'string' && isAllowedNavigation(url, appUrl);
  session.defaultSession.setPermissionRequestHandler((contents, permission, callback) =>
    callback(allowed.has(permission) || (permission === 'media' && ownPage(contents?.getURL()))),
  );
  session.defaultSession.setPermissionCheckHandler((contents, permission) => allowed.has(permission) || (permission === 'media' && ownPage(contents?.getURL())));
}

/**
 * The window's own connections to an https host (the display board's wss feed) get the same pin
 * as the main process's: Chromium would refuse the self-signed certificate, and must not accept
 * any other one for the host.
 */
function pinHostCertificate(hostUrl: string, fingerprint: string): void {
  const { hostname } = new URL(hostUrl);
  session.defaultSession.setCertificateVerifyProc((request, callback) => {
    if (request.hostname !== hostname) return callback(-3);
    let presented: string | null = null;
    try {
      presented = new X509Certificate(request.certificate.data).fingerprint256;
    } catch {
      presented = null;
    }
    callback(presented === fingerprint ? 0 : -2);
  });
}

function guardWebContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => {
      if (isAllowedNavigation(event.url, appUrl)) return;
      event.preventDefault();
      openExternally(event.url);
    });
    contents.on('will-frame-navigate', (event) => {
      if (!isAllowedNavigation(event.url, appUrl)) event.preventDefault();
    });
    contents.on('will-redirect', (event) => {
      if (!isAllowedNavigation(event.url, appUrl)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      openExternally(url);
      return { action: 'deny' };
    });
  });
}

function createWindow(mode: 'host' | 'desk', hostUrl: string | null, devTools: boolean): BrowserWindow {
  const win = new BrowserWindow(windowOptions({ preload: preloadFile, mode, hostUrl, devTools }));
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  void win.loadFile(indexHtml);
  return win;
}

/**
 * Secrets at rest (BPJS credentials) under Electron: the OS keychain through safeStorage. Where the
 * OS offers none (a Linux desktop without a keyring), the headless key file in the data folder.
 * safeStorage is read only when a secret is sealed or opened: it needs the app to be ready.
 */
function safeStorageBox(dataDir: string): SecretBox {
  const fallback = fileKeySecretBox(dataDir);
  const PREFIX = 'ss1:';
  return {
    kind: 'safeStorage',
    seal: (plain) => (safeStorage.isEncryptionAvailable() ? PREFIX + safeStorage.encryptString(plain).toString('base64') : fallback.seal(plain)),
    open: (sealed) => (sealed.startsWith(PREFIX) ? safeStorage.decryptString(Buffer.from(sealed.slice(PREFIX.length), 'base64')) : fallback.open(sealed)),
  };
}

async function main(): Promise<void> {
  const launch = parseLaunchArgs(process.argv, process.env);
  await app.whenReady();
  if (!launch.ok) return fail(launch.message);
  const { mode, port, tlsPort, bindAddress, devTools, hostFingerprint } = launch.options;

  let hostUrl = launch.options.hostUrl;
  if (mode === 'host') {
    try {
      const dataDir = launch.options.dataDir ?? app.getPath('userData');
      host = await startHost({
        dataDir,
        // Not given: the host reads the admin's saved choice (Admin → Jaringan).
        port: port ?? undefined,
        tlsPort: tlsPort ?? undefined,
        bindAddress: bindAddress ?? undefined,
        rendererDir: join(appRoot, 'out', 'renderer'),
        secrets: safeStorageBox(dataDir),
        // The installed app strips what a handler answers beyond the contract; a development run
        // (npm start, tests) refuses it, so the mistake is seen.
        ...(app.isPackaged ? { outputCheck: 'strip' as const } : {}),
      });
    } catch (err) {
      return fail(
        `Loket di komputer utama tidak dapat dijalankan: ${(err as Error).message}\n\n` +
          'Mungkin Loket sudah berjalan di komputer ini, atau port sedang dipakai program lain.',
      );
    }
    // The admin reads this in Admin → Jaringan; the log is for whoever supports the office.
    if (host.warning) console.warn(`[loket] ${host.warning}`);
    // The window calls the host over IPC; the address is for the display feed, which is WebSocket only.
    hostUrl = host.url;
    registerHostIpc(host);
  } else {
    // parseLaunchArgs refuses a desk without an http(s) host address; this only keeps the types honest.
    if (!hostUrl) return fail('Mode desk memerlukan alamat komputer utama: --host-url https://ALAMAT-KOMPUTER-UTAMA:4701 --host-fingerprint AB:CD:…');
    forwarder = createDeskForwarder(hostUrl, { fingerprint: hostFingerprint });
    if (hostFingerprint) pinHostCertificate(hostUrl, hostFingerprint);
    registerDeskIpc(forwarder);
    registerDeskScanner(forwarder, join(launch.options.dataDir ?? app.getPath('userData'), 'pindaian'));
  }

  secureSession(hostUrl);
  mainWindow = createWindow(mode, hostUrl, devTools || !app.isPackaged);
}

// Every renderer sandboxed, whatever a window's own options say.
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  // A second copy would fight the first for the database and the port: hand over and leave.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  guardWebContents();

  app.on('window-all-closed', () => app.quit());

  let closing = false;
  app.on('will-quit', (event) => {
    forwarder?.close();
    if (!host || closing) return;
    // Let the host finish its writes and close the database before the process ends.
    event.preventDefault();
    closing = true;
    void host
      .close()
      .catch((err: unknown) => console.error('[loket] host did not close cleanly', err))
      .finally(() => app.exit(0));
  });

  main().catch((err: unknown) => fail(`Loket gagal dimulai: ${(err as Error).message}`));
}
