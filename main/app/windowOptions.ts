// The security settings of Loket's window, and the checks the Electron entry applies to every
// navigation, new window, external link and IPC sender. Pure (no electron import) so the
// architecture test can assert them without an Electron binary.

import type { LaunchMode } from './launch';

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

export { contentSecurityPolicy, CSP } from '../../common/csp';

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

export { parseLaunchArgs, type LaunchOptions, type LaunchResult, type LaunchMode } from './launch';
