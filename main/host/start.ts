// Composition root of the host: database, migrations, use cases, LAN server.
// Used by the Electron entry, the headless `npm run serve` host and the tests.
import { join } from 'node:path';
import type { HostOptions, Result, ServerEvent } from '../api/contract';
import { Store } from '../db';
import { migrate } from '../db/migrate';
import { createBus } from '../transport/bus';
import { dispatch } from '../transport/dispatch';
import { createHttpServer } from '../transport/http';
import type { Deps } from '../services/context';
import { CupsPrinter, type DocumentPrinter } from '../devices/printer';

export interface RunningHost {
  url: string;
  dbFile: string;
  dispatch(name: string, token: string | null, input: unknown): Promise<Result<unknown>>;
  subscribe(listener: (e: ServerEvent) => void): () => void;
  close(): Promise<void>;
}

export const DB_FILE_NAME = 'loket.sqlite';

export async function startHost(opts: HostOptions & { now?: () => Date; printer?: DocumentPrinter }): Promise<RunningHost> {
  const dbFile = join(opts.dataDir, DB_FILE_NAME);
  const store = new Store(dbFile);
  try {
    migrate(store);
  } catch (err) {
    store.close();
    throw err;
  }
  const deps: Deps = { store, now: opts.now ?? (() => new Date()), printer: opts.printer ?? new CupsPrinter(process.env.LOKET_CUPS_SERVER) };
  const bus = createBus();
  const app = await createHttpServer(deps, bus, { rendererDir: opts.rendererDir });
  await app.listen({ port: opts.port, host: opts.bindAddress });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  const shownHost = opts.bindAddress === '0.0.0.0' ? '127.0.0.1' : opts.bindAddress;
  return {
    url: `http://${shownHost}:${port}`,
    dbFile,
    dispatch: (name, token, input) => dispatch(deps, bus.publish, name, token, input, 'ipc'),
    subscribe: bus.subscribe,
    close: async () => {
      await app.close();
      store.close();
    },
  };
}
