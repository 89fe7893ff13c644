// The renderer's only way to the host. Typed from the contract; the same code runs in Electron,
// host or desk (through the preload bridge: a desk's main process forwards to the host), and in a
// browser (HTTP + WebSocket to the host that served the page).
import { backoffDelayMs, RECONNECT } from '../../common/domain/backoff';
import {
  callPath,
  EVENTS_WS_PATH,
  FEED_STATUS,
  UNREACHABLE_MESSAGE,
  type BridgeEvent,
  type CallInput,
  type CallName,
  type CallOutput,
  type Result,
  type ServerEvent,
} from '../../common/contract/index';

/** What the preload exposes on window.loket: one function per contract entry, plus events. */
export interface LoketBridge {
  mode: 'host' | 'desk';
  hostUrl: string | null;
  calls: Record<string, (envelope: { token: string | null; input: unknown }) => Promise<Result<unknown>>>;
  onEvent(listener: (event: BridgeEvent) => void): () => void;
  /** Desk mode: the session whose events the main process fetches from the host; null stops them. */
  setSessionToken(token: string | null): Promise<void>;
}

declare global {
  interface Window {
    loket?: LoketBridge;
  }
}

const TOKEN_KEY = 'loket.session';
const DESK_KEY = 'loket.desk';

export { UNREACHABLE_MESSAGE };

/** Inside Electron (either mode) every call and event goes through the preload. */
function bridge(): LoketBridge | null {
  return typeof window !== 'undefined' && window.loket ? window.loket : null;
}

/** The session the bridge's event feed should follow: the current one while a screen listens. */
function followSession(token: string | null): void {
  bridge()
    ?.setSessionToken(token)
    .catch(() => undefined);
}

/** Where the host is: Electron names it (for the display board's WebSocket); a browser's page came from it. */
function baseUrl(): string {
  if (typeof window !== 'undefined' && window.loket?.hostUrl) return window.loket.hostUrl.replace(/\/$/, '');
  return '';
}

export const session = {
  get token(): string | null {
    return localStorage.getItem(TOKEN_KEY);
  },
  set token(value: string | null) {
    if (value) localStorage.setItem(TOKEN_KEY, value);
    else localStorage.removeItem(TOKEN_KEY);
    if (unsubscribeBridge) followSession(value || null);
  },
  get deskToken(): string | null {
    return localStorage.getItem(DESK_KEY);
  },
  set deskToken(value: string | null) {
    if (value) localStorage.setItem(DESK_KEY, value);
    else localStorage.removeItem(DESK_KEY);
  },
};

export async function call<N extends CallName>(name: N, input: CallInput<N>): Promise<Result<CallOutput<N>>> {
  const token = session.token;
  const b = bridge();
  try {
    let body: Result<CallOutput<N>>;
    if (b) {
      const fn = b.calls[name];
      if (!fn) return { ok: false, error: { code: 'UNKNOWN_CALL', message: 'Fungsi tidak dikenal.' } };
      body = (await fn({ token, input })) as Result<CallOutput<N>>;
    } else {
      // A browser: the page came from the host, so the API is on the same origin.
      const res = await fetch(callPath(name), {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(input ?? {}),
      });
      body = (await res.json()) as Result<CallOutput<N>>;
    }
    if (!body.ok && body.error.code === 'UNAUTHENTICATED') session.token = null;
    return body;
  } catch {
    return { ok: false, error: { code: 'HOST_UNREACHABLE', message: UNREACHABLE_MESSAGE } };
  }
}

type Listener = (event: ServerEvent) => void;
const listeners = new Set<Listener>();
let socket: WebSocket | null = null;
let unsubscribeBridge: (() => void) | null = null;
let retry = 0;

function wsUrl(path: string): string {
  const base = baseUrl() || window.location.origin;
  return base.replace(/^http/, 'ws') + path;
}

function connect(): void {
  const b = bridge();
  if (b) {
    if (unsubscribeBridge) return;
    unsubscribeBridge = b.onEvent((e) => {
      if (e.type === FEED_STATUS) connectionListeners.forEach((l) => l(e.online));
      else listeners.forEach((l) => l(e));
    });
    followSession(session.token);
    return;
  }
  const token = session.token;
  if (!token || socket) return;
  const ws = new WebSocket(`${wsUrl(EVENTS_WS_PATH)}?token=${encodeURIComponent(token)}`);
  socket = ws;
  ws.onopen = () => {
    retry = 0;
    connectionListeners.forEach((l) => l(true));
  };
  ws.onmessage = (m) => {
    const event = JSON.parse(String(m.data)) as ServerEvent;
    listeners.forEach((l) => l(event));
  };
  ws.onclose = () => {
    // A socket closed on purpose (last listener left, or a page switch that already opened a new
    // one) must not clear or duplicate the current socket.
    if (socket !== ws) return;
    socket = null;
    connectionListeners.forEach((l) => l(false));
    if (listeners.size === 0) return;
    setTimeout(connect, backoffDelayMs(retry++, RECONNECT));
  };
}

const connectionListeners = new Set<(online: boolean) => void>();
export function onConnection(listener: (online: boolean) => void): () => void {
  connectionListeners.add(listener);
  return () => connectionListeners.delete(listener);
}

/** Subscribe to pushed host events; the socket opens on first use and reconnects with backoff. */
export function onEvent(listener: Listener): () => void {
  listeners.add(listener);
  connect();
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      const closing = socket;
      socket = null;
      closing?.close();
      if (unsubscribeBridge) {
        unsubscribeBridge();
        unsubscribeBridge = null;
        followSession(null);
      }
    }
  };
}

export { wsUrl };
