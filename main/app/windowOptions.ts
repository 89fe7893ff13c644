// The security settings of Loket's window, and the checks the Electron entry applies to every
// navigation, new window, external link and IPC sender. Pure (no electron import) so the
// architecture test can assert them without an Electron binary.
import { parseArgs } from 'node:util';
import { normalizeFingerprint } from '../../common/domain/fingerprint';

export type LaunchMode = 'host' | 'desk';

/** The subset of Electron's WebPreferences Loket sets; every security switch is pinned by its type. */
export interface SecureWebPreferences {
  preload: string;
  additionalArguments: string[];
  contextIsolation: true;
  sandbox: true;
  nodeIntegration: false;
  nodeIntegrationInWorker: false;
  nodeIntegrationInSubFrames: false;
  webSecurity: true;
  allowRunningInsecureContent: false;
  webviewTag: false;
  experimentalFeatures: false;
  enableWebSQL: false;
  navigateOnDragDrop: false;
  safeDialogs: true;
  spellcheck: false;
  devTools: boolean;
  /** The host PC may also drive the waiting-room TV; calls must be spoken without a click. */
  autoplayPolicy: 'no-user-gesture-required';
}

export interface LoketWindowOptions {
  title: string;
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
  show: boolean;
  autoHideMenuBar: boolean;
  backgroundColor: string;
  webPreferences: SecureWebPreferences;
}

export interface WindowInputs {
  /** Absolute path of the bundled preload (out/preload/index.cjs). */
  preload: string;
  mode: LaunchMode;
  /**
   * The host's HTTP address (its own LAN server in host mode). The window calls the host only
   * through the preload; it uses the address for the display board's WebSocket feed.
   */
  hostUrl: string | null;
  devTools: boolean;
}

/** The preload reads these from process.argv; a sandboxed preload has no other way to get them. */
export const MODE_ARG = '--loket-mode=';
export const HOST_URL_ARG = '--loket-host-url=';

export function webPreferences(inputs: WindowInputs): SecureWebPreferences {
  return {
    preload: inputs.preload,
    additionalArguments: [`${MODE_ARG}${inputs.mode}`, ...(inputs.hostUrl ? [`${HOST_URL_ARG}${inputs.hostUrl}`] : [])],
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    enableWebSQL: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    devTools: inputs.devTools,
    autoplayPolicy: 'no-user-gesture-required',
  };
}

export function windowOptions(inputs: WindowInputs): LoketWindowOptions {
  return {
    title: 'Loket',
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 600,
    // Shown on 'ready-to-show', so staff never see a white flash.
    show: false,
    autoHideMenuBar: true,
    backgroundColor: '#ffffff',
    webPreferences: webPreferences(inputs),
  };
}

const originOf = (url: string | null): string | null => {
  const parsed = parseUrl(url ?? '');
  return parsed && (parsed.protocol === 'http:' || parsed.protocol === 'https:') ? parsed.origin : null;
};

/**
 * The renderer's Content-Security-Policy. Scripts only from the app's own files, never eval. The
 * window makes its calls through the preload (the main process reaches the host), so its only
 * network peer besides its own files is the host's WebSocket (ws: or wss:), for the display board:
 * no HTTP to the host, so nothing in the window can go round the bridge.
 */
export function contentSecurityPolicy(hostUrl: string | null = null): string {
  const host = originOf(hostUrl);
  const connect = ["'self'", ...(host ? [host.replace(/^http/, 'ws')] : [])];
  return [
    "default-src 'none'",
    "script-src 'self'",
    // React sets style attributes; no inline <script> is ever allowed.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "media-src 'self'",
    `connect-src ${connect.join(' ')}`,
    "frame-src 'none'",
    "worker-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The policy with no host: what a window gets before it knows one. */
export const CSP = contentSecurityPolicy();

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * Whether the window may navigate to `url`. `appOrigin` is the app's own address: an http(s)
 * origin, or, for the files Electron loads, the file: URL of index.html (file: URLs share no
 * usable origin, so only that one document is "ours"; routes live in the hash).
 */
export function isAllowedNavigation(url: string, appOrigin: string): boolean {
  const target = parseUrl(url);
  const app = parseUrl(appOrigin);
  if (!target || !app || target.username || target.password) return false;
  if (app.protocol === 'file:') {
    return target.protocol === 'file:' && target.host === app.host && target.pathname === app.pathname;
  }
  if (app.protocol !== 'http:' && app.protocol !== 'https:') return false;
  return target.origin === app.origin;
}

/** Links the system browser may open: plain http(s) with a host, no credentials, no control characters. */
export function isSafeExternalUrl(url: string): boolean {
  if (typeof url !== 'string' || url.length > 2048 || /[\u0000-\u0020\u007f]/.test(url)) return false;
  const parsed = parseUrl(url);
  if (!parsed) return false;
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
  return parsed.hostname !== '' && parsed.username === '' && parsed.password === '';
}

export interface LaunchOptions {
  mode: LaunchMode;
  /** Desk mode: the host's address; host mode: null (the host's own address is known after start). */
  hostUrl: string | null;
  /**
   * Desk mode with an https host: SHA-256 of the host's certificate (`AB:CD:…`), shown to the admin
   * with the pairing code; the desk talks to nothing else. null for a desk on the host PC (http).
   */
  hostFingerprint: string | null;
  /** null: Electron's userData folder. */
  dataDir: string | null;
  /**
   * Host mode, from `--port`/`--bind` or LOKET_PORT/LOKET_BIND. null: not given, so the host uses
   * the admin's saved choice (Admin → Jaringan), else 127.0.0.1:4700.
   */
  port: number | null;
  bindAddress: string | null;
  /** Host mode, `--tls-port` or LOKET_TLS_PORT; null: the HTTP port + 1. */
  tlsPort: number | null;
  devTools: boolean;
}

export type LaunchResult = { ok: true; options: LaunchOptions } | { ok: false; message: string };

const DESK_USAGE = 'Contoh: --host-url https://192.168.1.10:4701 --host-fingerprint AB:CD:… (alamat dan sidik jari ada di Admin → Meja, bersama kode pasangan).';

/** The host PC itself: the only place a desk may use plain http, since nothing crosses the LAN. */
const isThisPc = (hostname: string): boolean => hostname === 'localhost' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);

/**
 * `--mode host|desk`, `--host-url URL` + `--host-fingerprint AB:CD:…` (desk), `--data-dir DIR` or
 * LOKET_DATA_DIR, `--port`, `--tls-port`, `--bind`, `--devtools`. Unknown switches are Chromium's or
 * Electron's and are left alone. Messages are for the person who started the app, in Indonesian.
 */
export function parseLaunchArgs(argv: readonly string[], env: Record<string, string | undefined>): LaunchResult {
  const { values } = parseArgs({
    args: argv.slice(1),
    strict: false,
    allowPositionals: true,
    options: {
      mode: { type: 'string' },
      'host-url': { type: 'string' },
      'host-fingerprint': { type: 'string' },
      'data-dir': { type: 'string' },
      port: { type: 'string' },
      'tls-port': { type: 'string' },
      bind: { type: 'string' },
      devtools: { type: 'boolean' },
    },
  });
  const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
  const mode = str(values.mode) ?? env.LOKET_MODE ?? 'host';
  if (mode !== 'host' && mode !== 'desk') return { ok: false, message: `Mode "${mode}" tidak dikenal. Gunakan --mode host atau --mode desk.` };
  const portOf = (text: string | undefined): number | null | undefined => {
    const port = text === undefined ? null : Number(text);
    return port !== null && (!Number.isInteger(port) || port < 0 || port > 65535) ? undefined : port;
  };
  const port = portOf(str(values.port) ?? str(env.LOKET_PORT));
  if (port === undefined) return { ok: false, message: 'Nomor port tidak valid.' };
  const tlsPort = portOf(str(values['tls-port']) ?? str(env.LOKET_TLS_PORT));
  if (tlsPort === undefined) return { ok: false, message: 'Nomor port HTTPS (--tls-port) tidak valid.' };
  let hostUrl: string | null = null;
  let hostFingerprint: string | null = null;
  if (mode === 'desk') {
    const raw = str(values['host-url']) ?? env.LOKET_HOST_URL;
    if (!raw) return { ok: false, message: `Mode desk memerlukan alamat host. ${DESK_USAGE}` };
    if (!isSafeExternalUrl(raw)) return { ok: false, message: `Alamat host "${raw}" tidak valid. ${DESK_USAGE}` };
    const url = new URL(raw);
    hostUrl = url.origin;
    const pin = str(values['host-fingerprint']) ?? str(env.LOKET_HOST_FINGERPRINT);
    if (url.protocol === 'http:') {
      if (!isThisPc(url.hostname))
        return {
          ok: false,
          message:
            `Meja tidak boleh tersambung ke host lewat http:// (${hostUrl}): data pribadi warga (NIK, KK, nama) ` +
            `akan melintasi jaringan kantor tanpa sandi dan dapat disadap. Gunakan alamat https:// host beserta sidik jari ` +
            `sertifikatnya. ${DESK_USAGE}`,
        };
    } else {
      if (!pin) return { ok: false, message: `Alamat https:// memerlukan sidik jari sertifikat host (--host-fingerprint). ${DESK_USAGE}` };
      hostFingerprint = normalizeFingerprint(pin);
      if (!hostFingerprint)
        return { ok: false, message: `Sidik jari sertifikat "${pin}" tidak valid: harus 32 pasang angka heksadesimal. ${DESK_USAGE}` };
    }
  }
  return {
    ok: true,
    options: {
      mode,
      hostUrl,
      hostFingerprint,
      dataDir: str(values['data-dir']) ?? env.LOKET_DATA_DIR ?? null,
      port,
      bindAddress: str(values.bind) ?? str(env.LOKET_BIND) ?? null,
      tlsPort,
      devTools: values.devtools === true,
    },
  };
}
