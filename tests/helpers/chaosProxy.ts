// A real HTTP proxy on 127.0.0.1 between a host and the central server that misbehaves on command:
// drop a request (close without answer), drop the answer after the server handled it, send a request
// twice, delay, reorder (hold one request until the next has gone through), throttle bytes per
// second, or be "offline" (refuse everything). Hooks see each forwarded push's answer first.
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

export interface ChaosRules {
  offline: boolean;
  /** Per request, chance to close it before the server sees it. */
  dropRequest: number;
  /** Per request, chance the server handles it but its answer is lost. */
  dropResponse: number;
  /** Per request, chance it is sent to the server twice (the second answer is the one returned). */
  duplicate: number;
  /** Per request, chance it is held back until the next request has been forwarded. */
  reorder: number;
  delayMs: number;
  /** Bytes per second both ways; 0: unlimited. */
  bytesPerSecond: number;
}

export interface ChaosProxy {
  url: string;
  rules: ChaosRules;
  /** Called with each push answer before it is forwarded; return false to lose the answer. */
  onPushAnswer: ((status: number) => boolean | Promise<boolean>) | null;
  stats: { requests: number; forwarded: number; dropped: number; duplicated: number; reordered: number; pushes: number; calls: string[] };
  close(): Promise<void>;
}

/** Seeded so a failing run repeats (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startChaosProxy(target: string, seed = 1): Promise<ChaosProxy> {
  const random = seededRandom(seed);
  const to = new URL(target);
  const rules: ChaosRules = { offline: false, dropRequest: 0, dropResponse: 0, duplicate: 0, reorder: 0, delayMs: 0, bytesPerSecond: 0 };
  let held: (() => void) | null = null;
  const proxy: ChaosProxy = { url: '', rules, onPushAnswer: null, stats: { requests: 0, forwarded: 0, dropped: 0, duplicated: 0, reordered: 0, pushes: 0, calls: [] }, close: async () => {} };

  const throttle = async (bytes: number) => {
    if (rules.bytesPerSecond > 0) await sleep((bytes / rules.bytesPerSecond) * 1000);
  };
  const forward = (req: IncomingMessage, body: Buffer) =>
    new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
      const out = request(
        { host: to.hostname, port: to.port, method: req.method, path: req.url, headers: { ...req.headers, host: to.host, 'content-length': String(body.length) } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }));
          res.on('error', reject);
        },
      );
      out.on('error', reject);
      out.end(body);
    });

  async function handle(req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<void> {
    proxy.stats.requests++;
    proxy.stats.calls.push(`${req.method} ${req.url?.split('?')[0]}`);
    if (rules.offline || random() < rules.dropRequest) {
      proxy.stats.dropped++;
      res.socket?.destroy();
      return;
    }
    if (rules.delayMs) await sleep(rules.delayMs * random());
    if (!held && random() < rules.reorder) {
      proxy.stats.reordered++;
      await new Promise<void>((resolve) => {
        held = resolve;
        setTimeout(resolve, 2_000);
      });
    } else if (held) {
      const release = held;
      held = null;
      setTimeout(release, 20);
    }
    await throttle(body.length);
    let answer = await forward(req, body);
    proxy.stats.forwarded++;
    if (random() < rules.duplicate) {
      proxy.stats.duplicated++;
      answer = await forward(req, body);
    }
    if (req.url?.startsWith('/sync/push')) {
      proxy.stats.pushes++;
      if (proxy.onPushAnswer && !(await proxy.onPushAnswer(answer.status))) {
        res.socket?.destroy();
        return;
      }
    }
    if (random() < rules.dropResponse) {
      proxy.stats.dropped++;
      res.socket?.destroy();
      return;
    }
    await throttle(answer.body.length);
    const headers = { ...answer.headers };
    delete headers['transfer-encoding'];
    headers['content-length'] = String(answer.body.length);
    res.writeHead(answer.status, headers);
    res.end(answer.body);
  }

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      handle(req, res, Buffer.concat(chunks)).catch(() => res.socket?.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  proxy.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  proxy.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return proxy;
}
