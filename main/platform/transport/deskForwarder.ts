// Desk mode's way to the host. The desk's window shows its own files (file://), and the host sends
// no CORS headers (loosening them would let any page in a browser on the host PC use the API), so
// the window never calls the host itself: it calls the main process over the preload bridge, as in
// host mode, and the main process forwards each call here, from Node, where CORS does not apply.
// The staff event feed comes the same way: one WebSocket from the main process, reopened with
// backoff, each message handed on to the window.
//
// Across the LAN the host is reached over HTTPS with its own self-signed certificate, pinned by its
// SHA-256 fingerprint (given at pairing): no certificate authority vouches for it, so the pin is
// the whole check, and it is made before a single byte of a request (token included) is written.
//
// Plain Node (node:http(s) + the `ws` package), no Electron: tests/integration/deskForwarder.test.ts
// runs it against the real headless host.
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest, type AgentOptions } from 'node:https';
import { isIP } from 'node:net';
import { connect as tlsConnect, type ConnectionOptions } from 'node:tls';
import type { Duplex } from 'node:stream';
import WebSocket from 'ws';
import { v7 as uuidv7 } from 'uuid';
import {
  CALL_NAMES,
  callPath,
  contract,
  EVENTS_WS_PATH,
  FEED_STATUS,
  NOT_TRUSTED_MESSAGE,
  UNREACHABLE_MESSAGE,
  type CallName,
  type Result,
  type ServerEvent,
} from '../../../common/contract/index';
import { normalizeFingerprint } from '../../../common/domain/fingerprint';
import { backoffDelayMs, RECONNECT } from '../../../common/domain/backoff';

export interface DeskForwarderOptions {
  /** How long one call may take before it answers HOST_UNREACHABLE. */
  timeoutMs?: number;
  /** Reconnect delays of the event feed: doubles from minMs up to maxMs (each with some jitter). */
  reconnectMinMs?: number;
  reconnectMaxMs?: number;
  /** The feed pings the host this often; no pong by the next ping means the host is gone. */
  pingMs?: number;
  /** SHA-256 of the host's certificate (`AB:CD:…`); required for an https host address. */
  fingerprint?: string | null;
}

export interface DeskForwarder {
  /**
   * POST {host}/api/{name}; always resolves to a Result: HOST_UNREACHABLE when the host cannot
   * answer, HOST_NOT_TRUSTED when its certificate is not the pinned one.
   */
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
const NOT_TRUSTED: Result<never> = { ok: false, error: { code: 'HOST_NOT_TRUSTED', message: NOT_TRUSTED_MESSAGE } };
const UNKNOWN_CALL: Result<never> = { ok: false, error: { code: 'UNKNOWN_CALL', message: 'Fungsi tidak dikenal.' } };
const KNOWN = new Set<string>(CALL_NAMES);
/** A connection that failed mid-call, as opposed to an answer. */
const DROPPED = Symbol('dropped');
/** The pause before the one resend of an idempotent call whose connection broke. */
const RESEND_AFTER_MS = 300;

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

/** The host's certificate is not the pinned one. */
export class HostNotTrustedError extends Error {
  readonly code = 'HOST_NOT_TRUSTED';
  constructor(readonly presented: string | null) {
    super(`host certificate ${presented ?? '(none)'} is not the pinned one`);
  }
}

/**
 * An https Agent whose connections are only handed to a request once the peer's certificate
 * matches the pin. Node's own verification cannot do this (a self-signed certificate fails it
 * before checkServerIdentity is asked), and checking after 'secureConnect' on a socket the request
 * already owns would race the request's first bytes: here the request gets no socket until then.
 */
class PinnedAgent extends HttpsAgent {
  constructor(
    private readonly pin: string,
    options: AgentOptions,
  ) {
    super({ ...options, rejectUnauthorized: false });
  }

  override createConnection(options: ConnectionOptions, callback?: (err: Error | null, socket: Duplex) => void): Duplex {
    const host = options.host ?? 'localhost';
    const socket = tlsConnect({
      ...options,
      // Node refuses an IP address as the TLS server name; the name is not what is checked anyway.
      servername: isIP(host) ? '' : host,
      rejectUnauthorized: false,
    });
    let settled = false;
    const settle = (err: Error | null): void => {
      if (settled) return;
      settled = true;
      socket.off('error', settle);
      if (err) {
        socket.destroy();
        callback?.(err, socket);
      } else callback?.(null, socket);
    };
    socket.once('secureConnect', () => {
      const presented = socket.getPeerCertificate()?.fingerprint256 ?? null;
      settle(presented === this.pin ? null : new HostNotTrustedError(presented));
    });
    socket.once('error', settle);
    // No socket returned: the Agent waits for the callback (see Agent.prototype.createSocket).
    return undefined as unknown as Duplex;
  }
}

const MAX_ANSWER_BYTES = 64 * 1024 * 1024;

function readJson(res: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    res.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_ANSWER_BYTES) return res.destroy(new Error('answer too large'));
      chunks.push(chunk);
    });
    res.once('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch (err) {
        reject(err as Error);
      }
    });
    res.once('error', reject);
    res.once('aborted', () => reject(new Error('aborted')));
  });
}

export function createDeskForwarder(hostUrl: string, options: DeskForwarderOptions = {}): DeskForwarder {
  const base = new URL(hostUrl);
  if (base.protocol !== 'http:' && base.protocol !== 'https:') throw new Error(`host address must be http(s): ${hostUrl}`);
  const secure = base.protocol === 'https:';
  const pin = options.fingerprint ? normalizeFingerprint(options.fingerprint) : null;
  if (secure && !pin) throw new Error(`an https host address needs the host's certificate fingerprint: ${hostUrl}`);
  const origin = base.origin;
  const wsOrigin = origin.replace(/^http/, 'ws');
  // Kept-alive connections: each TLS handshake (and pin check) serves many calls.
  const agent = secure ? new PinnedAgent(pin!, { keepAlive: true }) : new HttpAgent({ keepAlive: true });
  const request = secure ? httpsRequest : httpRequest;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const minMs = options.reconnectMinMs ?? RECONNECT.baseMs;
  const maxMs = options.reconnectMaxMs ?? RECONNECT.maxMs;
  const pingMs = options.pingMs ?? 10_000;
  const feeds = new Set<() => void>();

  async function call(name: string, token: string | null, input: unknown): Promise<Result<unknown>> {
    if (!KNOWN.has(name)) return UNKNOWN_CALL;
    const bearer = usableToken(token);
    // Exactly once (common/contract/core.ts, EntryFlags.idempotent): a call that creates or moves
    // something carries a requestId (the window's, or one made here), and the one resend below
    // sends the very same body, so a host that committed the first attempt answers it again.
    const idempotent = contract[name as CallName].idempotent === true;
    let payload = input ?? {};
    if (idempotent && typeof payload === 'object' && !(payload as { requestId?: unknown }).requestId)
      payload = { ...(payload as object), requestId: uuidv7() };
    let body: string;
    try {
      body = JSON.stringify(payload);
    } catch {
      return { ok: false, error: { code: 'VALIDATION', message: 'Isian tidak dapat dikirim.' } };
    }
    const first = await send(name, bearer, body);
    // The connection broke with the request possibly delivered (the host restarted, a cable was
    // re-plugged): an idempotent call is safe to send once more, with the same requestId.
    if (idempotent && first === DROPPED) {
      await new Promise((r) => setTimeout(r, RESEND_AFTER_MS));
      const again = await send(name, bearer, body);
      return again === DROPPED ? UNREACHABLE : again;
    }
    return first === DROPPED ? UNREACHABLE : first;
  }

  /** One POST; DROPPED when the connection failed before a whole answer came. */
  async function send(name: string, bearer: string | null, body: string): Promise<Result<unknown> | typeof DROPPED> {
    try {
      const answer = await new Promise<unknown>((resolve, reject) => {
        const req = request(origin + callPath(name as CallName), {
          method: 'POST',
          agent,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
          },
          signal: AbortSignal.timeout(timeoutMs),
        });
        // The host never redirects an API call, and none is followed: it would carry the token elsewhere.
        req.once('response', (res) => readJson(res).then(resolve, reject));
        req.once('error', reject);
        req.end(body);
      });
      // Anything but the host's own Result (a proxy's page, another program on the port) counts
      // as not reaching the host, as it does for a browser.
      return isResult(answer) ? answer : UNREACHABLE;
    } catch (err) {
      if (err instanceof HostNotTrustedError) return NOT_TRUSTED;
      // A timeout already waited long enough; a broken connection is worth one resend.
      return (err as Error).name === 'TimeoutError' || (err as Error).name === 'AbortError' ? UNREACHABLE : DROPPED;
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
      // The same pinned agent: the upgrade request (with the session token) waits for the pin check.
      const ws = new WebSocket(url, { handshakeTimeout: timeoutMs, maxPayload: 1024 * 1024, ...(secure ? { agent } : {}) });
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
        retry = setTimeout(open, backoffDelayMs(attempt, { baseMs: minMs, maxMs, jitter: RECONNECT.jitter }));
        attempt = Math.min(attempt + 1, 30);
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
      agent.destroy();
    },
  };
}
