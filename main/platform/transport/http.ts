// The LAN host: the same contract over HTTP (POST /api/<name>) and pushed events over WebSocket,
// plus the built renderer for browsers (display board, kiosk) and desks.
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import fastifyWebsocket from '@fastify/websocket';
import type { WebSocket } from 'ws';
import { existsSync } from 'node:fs';
import { DISPLAY_HEARTBEAT_MS, DISPLAY_WS_PATH, EVENTS_WS_PATH, type DisplayEvent, type DisplayState, type ServerEvent } from '../../../common/contract/index';
import { CSP } from '../../../common/csp';
import type { Deps } from '../context';
import type { Dispatch } from './dispatch';
import type { Authenticate } from './handler';
import type { EventBus } from './bus';

export interface HttpOptions {
  rendererDir: string | null;
  dispatch: Dispatch;
  authenticate: Authenticate;
  /** The host certificate (PEM), offered at CERT_PATH so a kiosk or TV browser can be told to trust it. */
  certificatePem?: string | undefined;
  /** Serve over TLS with the host's own certificate (main/platform/tls.ts); the same app otherwise. */
  https?: { key: string; cert: string } | undefined;
}

/**
 * The pushed-event side shared by every listener of one host (HTTP and HTTPS): one bus
 * subscription, so each event is serialised once and the board's state is read from the database
 * once per call, whichever port a screen is connected on.
 */
export interface SocketHub {
  staff: Set<WebSocket>;
  boards: Set<WebSocket>;
  boardState: BoardState;
  close(): void;
}

/**
 * The events of one group commit are published together (one after another in the same tick):
 * each desk's socket is corked for the rest of the tick, so a desk gets them in one write instead
 * of a system call per event. The waiting-room boards are not corked: a call is heard there, so
 * its frame leaves at once instead of after the rest of the group's answers (a desk only
 * refreshes its lists). ws keeps its TCP socket as `_socket`; without one it sends as usual.
 */
type Raw = { cork?(): void; uncork(): void };
const corked = new Set<Raw>();
const uncorkAll = () => {
  for (const c of corked) c.uncork();
  corked.clear();
};
const send = (targets: Set<WebSocket>, data: string, batch: boolean) => {
  // Framed once for every socket (ws copies a string into a new buffer per send).
  const bytes = Buffer.from(data);
  for (const s of targets) {
    if (s.readyState !== 1) continue;
    const raw = (s as unknown as { _socket?: Raw })._socket;
    if (batch && raw?.cork && !corked.has(raw)) {
      raw.cork();
      if (corked.size === 0) process.nextTick(uncorkAll);
      corked.add(raw);
    }
    s.send(bytes, { binary: false });
  }
};

/** The board's state now: the stats feature provides it to the composition root. */
export type BoardState = () => DisplayState;

export function createSocketHub(bus: EventBus, boardState: BoardState): SocketHub {
  const staff = new Set<WebSocket>();
  const boards = new Set<WebSocket>();
  const unsubscribe = bus.subscribe((event: ServerEvent) => {
    send(staff, JSON.stringify(event), true);
    if (event.type === 'display.call') {
      const msg: DisplayEvent = { type: 'display.state', state: boardState(), announce: event.call };
      send(boards, JSON.stringify(msg), false);
    }
  });
  // Boards cannot see TCP keep-alives: a small message every few seconds lets a TV notice a host
  // that vanished without closing the connection (power cut, cable pulled) and reconnect.
  const heartbeat = setInterval(() => send(boards, JSON.stringify({ type: 'heartbeat' }), false), DISPLAY_HEARTBEAT_MS);
  heartbeat.unref();
  return {
    staff,
    boards,
    boardState,
    close: () => {
      clearInterval(heartbeat);
      unsubscribe();
    },
  };
}

/** Where a browser downloads the host certificate to trust it (public: it holds no secret). */
export const CERT_PATH = '/loket-host.crt';

const bearer = (header: string | undefined): string | null => (header?.startsWith('Bearer ') ? header.slice(7) : null);

export async function createHttpServer(deps: Deps, hub: SocketHub, opts: HttpOptions): Promise<FastifyInstance> {
  const app = (
    opts.https ? Fastify({ logger: false, bodyLimit: 1_048_576, https: opts.https }) : Fastify({ logger: false, bodyLimit: 1_048_576 })
  ) as FastifyInstance;
  await app.register(fastifyWebsocket, { options: { maxPayload: 64 * 1024 } });

  app.post<{ Params: { name: string } }>('/api/:name', async (req, reply) => {
    // Over the HTTPS listener the call was encrypted end to end; over plain HTTP only a caller on this PC is.
    const result = await opts.dispatch(req.params.name, bearer(req.headers.authorization), req.body, { remote: req.ip, secure: Boolean(opts.https) });
    reply.header('cache-control', 'no-store');
    return result;
  });

  // The sockets of this listener, so closing it ends exactly them.
  const mine = new Set<WebSocket>();
  const join = (set: Set<WebSocket>, socket: WebSocket) => {
    set.add(socket);
    mine.add(socket);
    socket.on('close', () => {
      set.delete(socket);
      mine.delete(socket);
    });
  };

  app.register(async (scope) => {
    scope.get(EVENTS_WS_PATH, { websocket: true }, (socket, req) => {
      const token = (req.query as { token?: string }).token ?? null;
      if (!opts.authenticate(deps, token)) {
        socket.close(4401, 'unauthenticated');
        return;
      }
      join(hub.staff, socket);
    });
    // The waiting-room board: no login, numbers only.
    scope.get(DISPLAY_WS_PATH, { websocket: true }, (socket) => {
      join(hub.boards, socket);
      const hello: DisplayEvent = { type: 'display.state', state: hub.boardState(), announce: null };
      socket.send(JSON.stringify(hello));
    });
  });

  if (opts.certificatePem) {
    const pem = opts.certificatePem;
    app.get(CERT_PATH, async (_req, reply) =>
      reply.type('application/x-x509-ca-cert').header('content-disposition', 'attachment; filename="loket-host.crt"').send(pem),
    );
  }
  // The renderer's one policy (common/csp.ts), on every page this host serves to a browser.
  app.addHook('onSend', async (req, reply) => {
    if (!req.url.startsWith('/api/')) reply.header('content-security-policy', CSP);
  });
  app.addHook('onClose', async () => {
    for (const s of mine) s.terminate();
  });
  if (opts.rendererDir && existsSync(opts.rendererDir)) {
    await app.register(fastifyStatic, { root: opts.rendererDir, index: ['index.html'] });
  } else {
    app.get('/', async (_req, reply) =>
      reply.type('text/html').send('<p>Tampilan Loket belum dibangun. Jalankan <code>npm run build</code>.</p>'),
    );
  }
  return app;
}
