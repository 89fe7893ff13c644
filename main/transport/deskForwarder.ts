// Desk mode's way to the host. The desk's window shows its own files (file://), and the host sends
// no CORS headers (loosening them would let any page in a browser on the host PC use the API), so
// the window never calls the host itself: it calls the main process over the preload bridge, as in
// host mode, and the main process forwards each call here, over plain HTTP from Node, where CORS
// does not apply. The staff event feed comes the same way: one WebSocket from the main process,
// reopened with backoff, each message handed on to the window.
//
// Plain Node (global fetch + the `ws` package), no Electron: tests/integration/deskForwarder.test.ts
// runs it against the real headless host.
import WebSocket from 'ws';
import {
  CALL_NAMES,
  callPath,
  EVENTS_WS_PATH,
  FEED_STATUS,
  UNREACHABLE_MESSAGE,
  type CallName,
  type Result,
  type ServerEvent,
} from '../api/contract';

export interface DeskForwarderOptions {
  /** How long one call may take before it answers HOST_UNREACHABLE. */
  timeoutMs?: number;
  /** Reconnect delays of the event feed: doubles from minMs up to maxMs (each with some jitter). */
  reconnectMinMs?: number;
  reconnectMaxMs?: number;
  /** The feed pings the host this often; no pong by the next ping means the host is gone. */
  pingMs?: number;
}

export interface DeskForwarder {
  /** POST {host}/api/{name}; always resolves to a Result, HOST_UNREACHABLE when the host cannot answer. */
  call(name: string, token: string | null, input: unknown): Promise<Result<unknown>>;
  /**
   * Opens the staff event feed for a session and keeps it open (reconnecting with backoff) until
   * the returned function is called. `onStatus` hears every open (true) and every drop (false);
   * closing it on purpose is not a drop.
   */
  subscribe(token: string, listener: (event: ServerEvent) => void, onStatus?: (online: boolean) => void): () => void;
  /** Ends every feed; calls still in flight finish (or time out) on their own. */
  close(): void;
}

const UNREACHABLE: Result<never> = { ok: false, error: { code: 'HOST_UNREACHABLE', message: UNREACHABLE_MESSAGE } };
const UNKNOWN_CALL: Result<never> = { ok: false, error: { code: 'UNKNOWN_CALL', message: 'Fungsi tidak dikenal.' } };
const KNOWN = new Set<string>(CALL_NAMES);

/** A token goes into a header and a query string: only a short run of visible ASCII is sent at all. */
export function usableToken(token: unknown): string | null {
  return typeof token === 'string' && token.length > 0 && token.length <= 512 && /^[\x21-\x7e]+$/.test(token) ? token : null;
}

function isResult(body: unknown): body is Result<unknown> {
  if (typeof body !== 'object' || body === null) return false;
  const r = body as { ok?: unknown; value?: unknown; error?: { code?: unknown; message?: unknown } | null };
  if (r.ok === true) return 'value' in r;
  return (
    r.ok === false &&
    typeof r.error === 'object' &&
    r.error !== null &&
    typeof r.error.code === 'string' &&
    typeof r.error.message === 'string'
  );
}

function isServerEvent(body: unknown): body is ServerEvent {
  if (typeof body !== 'object' || body === null) return false;
  const type = (body as { type?: unknown }).type;
  // The feed status is the main process's own word, never the host's.
  return typeof type === 'string' && type !== FEED_STATUS;
}

export function createDeskForwarder(hostUrl: string, options: DeskForwarderOptions = {}): DeskForwarder {
  const base = new URL(hostUrl);
  if (base.protocol !== 'http:' && base.protocol !== 'https:') throw new Error(`host address must be http(s): ${hostUrl}`);
  const origin = base.origin;
  const wsOrigin = origin.replace(/^http/, 'ws');
  const timeoutMs = options.timeoutMs ?? 15_000;
  const minMs = options.reconnectMinMs ?? 250;
  const maxMs = options.reconnectMaxMs ?? 10_000;
  const pingMs = options.pingMs ?? 10_000;
  const feeds = new Set<() => void>();

  async function call(name: string, token: string | null, input: unknown): Promise<Result<unknown>> {
    if (!KNOWN.has(name)) return UNKNOWN_CALL;
    const bearer = usableToken(token);
    let body: string;
    try {
      body = JSON.stringify(input ?? {});
    } catch {
      return { ok: false, error: { code: 'VALIDATION', message: 'Isian tidak dapat dikirim.' } };
    }
    try {
      const res = await fetch(origin + callPath(name as CallName), {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
        body,
        // The host never redirects an API call; a redirect would carry the token somewhere else.
        redirect: 'error',
        signal: AbortSignal.timeout(timeoutMs),
      });
      const answer: unknown = await res.json();
      // Anything but the host's own Result (a proxy's page, another program on the port) counts
      // as not reaching the host, as it does for a browser.
      return isResult(answer) ? answer : UNREACHABLE;
    } catch {
      return UNREACHABLE;
    }
  }

  function subscribe(token: string, listener: (event: ServerEvent) => void, onStatus?: (online: boolean) => void): () => void {
    const url = `${wsOrigin}${EVENTS_WS_PATH}?token=${encodeURIComponent(usableToken(token) ?? '')}`;
    let stopped = false;
    let socket: WebSocket | null = null;
    let retry: NodeJS.Timeout | undefined;
    let attempt = 0;

    const open = (): void => {
      if (stopped) return;
      const ws = new WebSocket(url, { handshakeTimeout: timeoutMs, maxPayload: 1024 * 1024 });
      socket = ws;
      let alive = true;
      let ping: NodeJS.Timeout | undefined;
      ws.on('pong', () => (alive = true));
      ws.on('open', () => {
        attempt = 0;
        // The staff feed has no heartbeat of its own; a host that vanished without closing the
        // connection (power cut, cable pulled) shows as a missing pong.
        ping = setInterval(() => {
          if (!alive) return ws.terminate();
          alive = false;
          ws.ping();
        }, pingMs);
        onStatus?.(true);
      });
      ws.on('message', (data) => {
        alive = true;
        let event: unknown;
        try {
          event = JSON.parse(String(data));
        } catch {
          return;
        }
        if (isServerEvent(event)) listener(event);
      });
      // 'error' is always followed by 'close'; without a handler it would throw.
      ws.on('error', () => undefined);
      ws.on('close', () => {
        clearInterval(ping);
        if (socket !== ws) return;
        socket = null;
        if (stopped) return;
        // Also after a failed attempt, as a browser's socket reports it: the feed is not live.
        onStatus?.(false);
        const delay = Math.min(maxMs, minMs * 2 ** attempt);
        attempt = Math.min(attempt + 1, 16);
        retry = setTimeout(open, delay / 2 + (Math.random() * delay) / 2);
      });
    };

    const stop = (): void => {
      if (stopped) return;
      stopped = true;
      feeds.delete(stop);
      clearTimeout(retry);
      const closing = socket;
      socket = null;
      closing?.terminate();
    };
    feeds.add(stop);
    open();
    return stop;
  }

  return {
    call,
    subscribe,
    close: () => {
      for (const stop of [...feeds]) stop();
    },
  };
}
