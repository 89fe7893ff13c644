// The Electron entry. Host mode (default) starts the office host in this process and talks to its
// window over IPC; desk mode starts nothing and the window calls a host elsewhere on the LAN over
// HTTP. Either way the window only ever shows the app's own files, with the settings of
// windowOptions.ts, and every IPC call is checked against the window that may make it.
//
//   electron . [--mode host|desk] [--host-url http://HOST:4700] [--data-dir DIR] [--port 4700] [--bind ADDR]
import { app, BrowserWindow, dialog, ipcMain, session, shell, type IpcMainInvokeEvent } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CALL_NAMES, type Result, type ServerEvent } from './api/contract';
import { startHost, type RunningHost } from './host/start';
import { contentSecurityPolicy, isAllowedNavigation, isSafeExternalUrl, parseLaunchArgs, windowOptions } from './windowOptions';

const EVENT_CHANNEL = 'loket:event';
const FORBIDDEN: Result<never> = { ok: false, error: { code: 'FORBIDDEN', message: 'Permintaan ditolak.' } };
const HOST_FAILED: Result<never> = {
  ok: false,
  error: { code: 'INTERNAL', message: 'Terjadi kesalahan di komputer host. Coba lagi; bila berulang, hubungi admin.' },
};

const appRoot = app.getAppPath();
const indexHtml = join(appRoot, 'out', 'renderer', 'index.html');
const preloadFile = join(appRoot, 'out', 'preload', 'index.cjs');
/** The one document the window may show; see isAllowedNavigation. */
const appUrl = pathToFileURL(indexHtml).href;

let mainWindow: BrowserWindow | null = null;
let host: RunningHost | null = null;

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

function registerIpc(running: RunningHost): void {
  for (const name of CALL_NAMES) {
    ipcMain.handle(`loket:${name}`, async (event, envelope: unknown): Promise<Result<unknown>> => {
      if (!isTrustedSender(event)) return FORBIDDEN;
      const { token, input } = readEnvelope(envelope);
      try {
        return await running.dispatch(name, token, input);
      } catch (err) {
        console.error(`[loket] ${name} failed`, err);
        return HOST_FAILED;
      }
    });
  }
  running.subscribe((event: ServerEvent) => {
    const contents = mainWindow?.webContents;
    if (contents && !contents.isDestroyed()) contents.send(EVENT_CHANNEL, event);
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
  // Nothing in Loket needs the camera, location, notifications or the like; copying a pairing code does.
  const allowed = new Set(['clipboard-sanitized-write', 'fullscreen']);
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) => callback(allowed.has(permission)));
  session.defaultSession.setPermissionCheckHandler((_contents, permission) => allowed.has(permission));
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

async function main(): Promise<void> {
  const launch = parseLaunchArgs(process.argv, process.env);
  await app.whenReady();
  if (!launch.ok) return fail(launch.message);
  const { mode, port, bindAddress, devTools } = launch.options;

  let hostUrl = launch.options.hostUrl;
  if (mode === 'host') {
    try {
      host = await startHost({
        dataDir: launch.options.dataDir ?? app.getPath('userData'),
        port,
        bindAddress,
        rendererDir: join(appRoot, 'out', 'renderer'),
      });
    } catch (err) {
      return fail(
        `Loket host tidak dapat dijalankan: ${(err as Error).message}\n\n` +
          'Mungkin Loket sudah berjalan di komputer ini, atau port sedang dipakai program lain.',
      );
    }
    // The window calls the host over IPC; the address is for the display feed, which is WebSocket only.
    hostUrl = host.url;
    registerIpc(host);
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
