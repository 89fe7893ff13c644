// Composition root of the host: database, migrations, use cases, LAN server.
// Used by the Electron entry, the headless `npm run serve` host and the tests.
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { HostOptions, Result, ServerEvent } from '../api/contract';
import { Store } from '../db';
import { migrate } from '../db/migrate';
import { createBus } from '../transport/bus';
import { dispatch } from '../transport/dispatch';
import { createHttpServer } from '../transport/http';
import type { Deps, HostInfo } from '../services/context';
import { networkSettings, savedListen } from '../services/network';
import { CupsPrinter, type DocumentPrinter } from '../devices/printer';
import { ALL_NETWORKS, fallbackListen, isLoopback, localAddresses, LOOPBACK, resolveListen, type ListenSource } from '../domain/network';

export interface RunningHost {
  /** The address this PC itself opens (127.0.0.1 when bound to all networks). */
  url: string;
  /** What other machines open; empty when bound to loopback. */
  lanUrls: string[];
  bindAddress: string;
  port: number;
  /** What decided the address and port (see resolveListen). */
  source: ListenSource;
  /** Why the admin's saved choice is not in force (address gone, port taken), in Indonesian. */
  warning: string | null;
  dbFile: string;
  dispatch(name: string, token: string | null, input: unknown): Promise<Result<unknown>>;
  subscribe(listener: (e: ServerEvent) => void): () => void;
  close(): Promise<void>;
}

export const DB_FILE_NAME = 'loket.sqlite';

const errorCode = (err: unknown): string | undefined => (err as NodeJS.ErrnoException | null)?.code;

export async function startHost(opts: HostOptions & { now?: () => Date; printer?: DocumentPrinter }): Promise<RunningHost> {
  const dbFile = join(opts.dataDir, DB_FILE_NAME);
  const store = new Store(dbFile);
  try {
    migrate(store);
  } catch (err) {
    store.close();
    throw err;
  }
  const explicit = { bindAddress: opts.bindAddress, port: opts.port };
  const now = opts.now ?? (() => new Date());
  const printer = opts.printer ?? new CupsPrinter(process.env.LOKET_CUPS_SERVER);
  const bus = createBus();

  async function listen(host: HostInfo): Promise<{ app: FastifyInstance; deps: Deps }> {
    const deps: Deps = { store, now, printer, host };
    const app = await createHttpServer(deps, bus, { rendererDir: opts.rendererDir });
    try {
      await app.listen({ port: host.listen.port, host: host.listen.bindAddress });
    } catch (err) {
      await app.close();
      throw err;
    }
    const address = app.server.address();
    // Port 0 asks the OS for a free port; the admin screen shows the one it gave.
    host.boundPort = typeof address === 'object' && address ? address.port : host.listen.port;
    return { app, deps };
  }

  let started: { app: FastifyInstance; deps: Deps };
  try {
    const chosen = resolveListen(explicit, savedListen(store));
    const info = (fallback: HostInfo['fallback'], l = chosen): HostInfo => ({
      explicit,
      listen: l,
      boundPort: l.port,
      fallback,
      localAddresses: () => localAddresses(networkInterfaces()),
    });
    try {
      started = await listen(info(null));
    } catch (err) {
      const fallback = fallbackListen(chosen, errorCode(err));
      if (!fallback) throw err;
      started = await listen(info({ reason: fallback.reason, wanted: fallback.wanted }, fallback.listen));
    }
  } catch (err) {
    store.close();
    throw err;
  }

  const { app, deps } = started;
  const { listen: bound, boundPort } = deps.host;
  const network = networkSettings(deps);
  const shownHost = bound.bindAddress === ALL_NETWORKS ? LOOPBACK : bound.bindAddress;
  return {
    url: `http://${shownHost}:${boundPort}`,
    lanUrls: isLoopback(bound.bindAddress) ? [] : network.urls.filter((u) => !isLoopback(new URL(u).hostname)),
    bindAddress: bound.bindAddress,
    port: boundPort,
    source: network.source,
    warning: network.warning,
    dbFile,
    dispatch: (name, token, input) => dispatch(deps, bus.publish, name, token, input, 'ipc'),
    subscribe: bus.subscribe,
    close: async () => {
      await app.close();
      store.close();
    },
  };
}
