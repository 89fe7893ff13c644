// The LAN host: the same contract over HTTP (POST /api/<name>) and pushed events over WebSocket,
// plus the built renderer for browsers (display board, kiosk) and desks.
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import fastifyWebsocket from '@fastify/websocket';
import type { WebSocket } from 'ws';
import { existsSync } from 'node:fs';
import { DISPLAY_HEARTBEAT_MS, DISPLAY_WS_PATH, EVENTS_WS_PATH, type DisplayEvent, type ServerEvent } from '../../../common/contract/index';
import { authenticate } from '../../app/handlers';
import { displayState } from '../../features/stats/stats';
import type { Deps } from '../context';
import { dispatch } from './dispatch';
import type { EventBus } from './bus';

export interface HttpOptions {
  rendererDir: string | null;
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
  close(): void;
}

const send = (targets: Set<WebSocket>, data: string) => {
  for (const s of targets) if (s.readyState === 1) s.send(data);
};

export function createSocketHub(deps: Pick<Deps, 'store' | 'now'>, bus: EventBus): SocketHub {
  const staff = new Set<WebSocket>();
  const boards = new Set<WebSocket>();
  const unsubscribe = bus.subscribe((event: ServerEvent) => {
    send(staff, JSON.stringify(event));
    if (event.type === 'display.call') {
      const msg: DisplayEvent = { type: 'display.state', state: displayState(deps), announce: event.call };
      send(boards, JSON.stringify(msg));
    }
  });
  // Boards cannot see TCP keep-alives: a small message every few seconds lets a TV notice a host
  // that vanished without closing the connection (power cut, cable pulled) and reconnect.
  const heartbeat = setInterval(() => send(boards, JSON.stringify({ type: 'heartbeat' })), DISPLAY_HEARTBEAT_MS);
  heartbeat.unref();
  return {
    staff,
    boards,
    close: () => {
      clearInterval(heartbeat);
      unsubscribe();
    },
  };
}

const bearer = (header: string | undefined): string | null => (header?.startsWith('Bearer ') ? header.slice(7) : null);

export async function createHttpServer(deps: Deps, bus: EventBus, hub: SocketHub, opts: HttpOptions): Promise<FastifyInstance> {
  const app = (
    opts.https ? Fastify({ logger: false, bodyLimit: 1_048_576, https: opts.https }) : Fastify({ logger: false, bodyLimit: 1_048_576 })
  ) as FastifyInstance;
  await app.register(fastifyWebsocket, { options: { maxPayload: 64 * 1024 } });

  app.post<{ Params: { name: string } }>('/api/:name', async (req, reply) => {
    const result = await dispatch(deps, bus.publish, req.params.name, bearer(req.headers.authorization), req.body, req.ip);
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
      if (!authenticate(deps, token)) {
        socket.close(4401, 'unauthenticated');
        return;
      }
      join(hub.staff, socket);
    });
    // The waiting-room board: no login, numbers only.
    scope.get(DISPLAY_WS_PATH, { websocket: true }, (socket) => {
      join(hub.boards, socket);
      const hello: DisplayEvent = { type: 'display.state', state: displayState(deps), announce: null };
      socket.send(JSON.stringify(hello));
    });
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
