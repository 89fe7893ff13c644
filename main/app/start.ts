// Composition root of the host: database, migrations, use cases, LAN server.
// Used by the Electron entry, the headless `npm run serve` host and the tests.
import { hostname, networkInterfaces } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Result, ServerEvent } from '../../common/contract/index';
import { Store } from '../platform/db';
import { migrate } from '../platform/db/migrate';
import { createBus } from '../platform/transport/bus';
import type { Dispatch } from '../platform/transport/dispatch';
import { composeDispatch } from './compose';
import { createHttpServer, createSocketHub } from '../platform/transport/http';
import type { Deps, HostInfo, HostTlsInfo } from '../platform/context';
import { createJobRunner } from '../platform/jobs/runner';
import { getOffice } from '../platform/office';
import type { DocumentPrinter, SecretBox } from '../platform/ports';
import { authenticate } from '../features/auth';
import { startBackupSchedule } from '../features/backup';
import { startEmailRetries } from '../features/messages';
import { foldQueueDayStats } from '../features/sync';
import { attachWorker, createSyncWorker, installSyncGuards } from '../platform/sync';
import { startRetryLoop } from '../features/membership';
import { startDocumentsBackground } from '../features/documents';
import { documentPrinterFor } from '../features/devices';
import { networkSettings, savedListen } from '../features/network';
import { displayState } from '../features/stats';
import { ALL_NETWORKS, fallbackListen, isLoopback, localAddresses, LOOPBACK, resolveListen, type ListenSource } from '../../common/domain/network';
import { loadOrCreateCertificate, type HostCertificate } from '../platform/tls';

/** Host start-up options shared by the Electron entry, the headless host and the tests. */
export interface HostOptions {
  dataDir: string;
  /**
   * Port and address to listen on, given at start-up (flag or environment variable): they win over
   * the admin's saved choice (Admin → Jaringan). Undefined: the saved choice, else 127.0.0.1:4700.
   */
  port?: number | undefined;
  bindAddress?: string | undefined;
  /** Port for HTTPS (desks); undefined: the HTTP port + 1, or an OS-chosen one when the HTTP port is 0. */
  tlsPort?: number | undefined;
  /** Folder with the built renderer (index.html) to serve to browsers and desks. */
  rendererDir: string | null;
  /** How outputs are checked against the contract (see createDispatcher); default: strict unless NODE_ENV=production. */
  outputCheck?: 'strict' | 'strip';
}

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
  /** The HTTPS address this PC itself opens (same host as url, the TLS port). */
  tlsUrl: string;
  tlsPort: number;
  /** SHA-256 of the host's certificate, `AB:CD:…`; desks pin it (--host-fingerprint). */
  tlsFingerprint: string;
  /** Why HTTPS is not on the usual port (HTTP port + 1), in Indonesian. */
  tlsWarning: string | null;
  certFile: string;
  dbFile: string;
  dispatch(name: string, token: string | null, input: unknown): Promise<Result<unknown>>;
  subscribe(listener: (e: ServerEvent) => void): () => void;
  close(): Promise<void>;
}

export const DB_FILE_NAME = 'loket.sqlite';

const errorCode = (err: unknown): string | undefined => (err as NodeJS.ErrnoException | null)?.code;

/** HTTPS goes on the HTTP port + 1 unless given; an OS-chosen HTTP port (0) gets an OS-chosen one too. */
export function defaultTlsPort(listenPort: number, boundPort: number): number {
  return listenPort === 0 || boundPort >= 65535 ? 0 : boundPort + 1;
}

export async function startHost(opts: HostOptions & { now?: () => Date; printer?: DocumentPrinter; secrets?: SecretBox }): Promise<RunningHost> {
  const dbFile = join(opts.dataDir, DB_FILE_NAME);
  const store = new Store(dbFile);
  // Requests arriving together share one commit (Store.groupCommit): the disk wait is paid once.
  store.groupCommit = true;
  // …and the WAL is copied back into the database on a thread of its own, never on a request's commit.
  store.checkpointInBackground();
  try {
    migrate(store);
    installSyncGuards(store);
  } catch (err) {
    store.close();
    throw err;
  }
  const explicit = { bindAddress: opts.bindAddress, port: opts.port };
  const now = opts.now ?? (() => new Date());
  const printer = opts.printer ?? documentPrinterFor(process.platform, { cupsServer: process.env.LOKET_CUPS_SERVER });
  const bus = createBus();
  let certificate: HostCertificate;
  try {
    certificate = await loadOrCreateCertificate(
      opts.dataDir,
      () => `Loket ${getOffice(store)?.name ?? hostname()}`,
      () => localAddresses(networkInterfaces()).map((a) => a.address),
    );
  } catch (err) {
    store.close();
    throw new Error(`sertifikat komputer utama tidak dapat dibuat atau dibaca: ${(err as Error).message}`);
  }
  const jobs = createJobRunner({ now, publish: bus.publish });
  const boardDeps = { store, now };
  const hub = createSocketHub(bus, () => displayState(boardDeps));

  const boundPortOf = (app: FastifyInstance, asked: number): number => {
    const address = app.server.address();
    return typeof address === 'object' && address ? address.port : asked;
  };

  async function listenOn(app: FastifyInstance, port: number, bindAddress: string): Promise<number> {
    try {
      await app.listen({ port, host: bindAddress });
    } catch (err) {
      await app.close();
      throw err;
    }
    return boundPortOf(app, port);
  }

  type Started = { app: FastifyInstance; tlsApp: FastifyInstance; deps: Deps; dispatch: Dispatch; tlsWarning: string | null };

  async function listen(host: HostInfo): Promise<Started> {
    const deps: Deps = { store, now, printer, host, jobs, dataDir: opts.dataDir, dbFile, ...(opts.secrets ? { secrets: opts.secrets } : {}) };
    const dispatch = composeDispatch(deps, bus.publish, opts.outputCheck);
    const serve = { rendererDir: opts.rendererDir, dispatch, authenticate, certificatePem: certificate.cert };
    const app = await createHttpServer(deps, hub, serve);
    // Port 0 asks the OS for a free port; the admin screen shows the one it gave.
    host.boundPort = await listenOn(app, host.listen.port, host.listen.bindAddress);
    const tls: HostTlsInfo = { port: opts.tlsPort ?? defaultTlsPort(host.listen.port, host.boundPort), fingerprint: certificate.fingerprint };
    let tlsWarning: string | null = null;
    const https = { key: certificate.key, cert: certificate.cert };
    try {
      const tlsApp = await createHttpServer(deps, hub, { ...serve, https });
      try {
        tls.port = await listenOn(tlsApp, tls.port, host.listen.bindAddress);
        host.tls = tls;
        return { app, tlsApp, deps, dispatch, tlsWarning };
      } catch (err) {
        // Only the port this host picked for itself may move; one given at start-up is a promise.
        // Without its code, so the caller does not take it for the HTTP port being taken.
        if (opts.tlsPort !== undefined || errorCode(err) !== 'EADDRINUSE' || tls.port === 0)
          throw new Error(`HTTPS tidak dapat dibuka pada port ${tls.port}: ${(err as Error).message}`);
        const wanted = tls.port;
        const moved = await createHttpServer(deps, hub, { ...serve, https });
        tls.port = await listenOn(moved, 0, host.listen.bindAddress);
        tlsWarning =
          `Port HTTPS ${wanted} sedang dipakai program lain, jadi Loket sementara memakai port ${tls.port} untuk meja. ` +
          `Meja yang memakai port ${wanted} tidak dapat tersambung sampai port itu bebas dan Loket dimulai ulang.`;
        host.tls = tls;
        return { app, tlsApp: moved, deps, dispatch, tlsWarning };
      }
    } catch (err) {
      await app.close();
      throw err;
    }
  }

  let started: Started;
  try {
    const chosen = resolveListen(explicit, savedListen(store));
    const info = (fallback: HostInfo['fallback'], l = chosen): HostInfo => ({
      explicit,
      listen: l,
      boundPort: l.port,
      fallback,
      localAddresses: () => localAddresses(networkInterfaces()),
      tls: null,
    });
    try {
      started = await listen(info(null));
    } catch (err) {
      const fallback = fallbackListen(chosen, errorCode(err));
      if (!fallback) throw err;
      started = await listen(info({ reason: fallback.reason, wanted: fallback.wanted }, fallback.listen));
    }
  } catch (err) {
    hub.close();
    await jobs.close();
    store.close();
    throw err;
  }

  const { app, tlsApp, deps, dispatch, tlsWarning } = started;
  const stopBackups = startBackupSchedule(deps);
  // Failed e-mails to the BPJS branch are sent again on their backoff schedule.
  const stopEmailRetries = startEmailRetries(deps);
  // The sync worker (../shared/sync.md): idle until Admin → Sinkronisasi enrols this host.
  const syncEnv = (name: string) => (process.env[name] ? Number(process.env[name]) : undefined);
  const syncWorker = createSyncWorker({
    store,
    now,
    onChange: () => bus.publish({ type: 'sync.changed' }),
    beforeUpload: [() => foldQueueDayStats(store, now)],
    intervalMs: syncEnv('LOKET_SYNC_INTERVAL_MS'),
    probeMs: syncEnv('LOKET_SYNC_PROBE_MS'),
    batchSize: syncEnv('LOKET_SYNC_BATCH'),
    dataDir: opts.dataDir,
  });
  attachWorker(store, syncWorker);
  syncWorker.start();
  const stopMembershipRetry = startRetryLoop(deps, bus.publish);
  // Every desk's scan inbox folder watched, and the content store's orphan sweep.
  const documentsBackground = startDocumentsBackground(deps, bus.publish);
  const { listen: bound, boundPort } = deps.host;
  const tlsPort = deps.host.tls?.port ?? 0;
  const network = networkSettings(deps);
  const shownHost = bound.bindAddress === ALL_NETWORKS ? LOOPBACK : bound.bindAddress;
  return {
    url: `http://${shownHost}:${boundPort}`,
    lanUrls: isLoopback(bound.bindAddress) ? [] : network.urls.filter((u) => !isLoopback(new URL(u).hostname)),
    bindAddress: bound.bindAddress,
    port: boundPort,
    source: network.source,
    warning: network.warning,
    tlsUrl: `https://${shownHost}:${tlsPort}`,
    tlsPort,
    tlsFingerprint: certificate.fingerprint,
    tlsWarning,
    certFile: certificate.certFile,
    dbFile,
    dispatch: (name, token, input) => dispatch(name, token, input, { remote: 'ipc', secure: true }),
    subscribe: bus.subscribe,
    close: async () => {
      stopBackups();
      stopEmailRetries();
      await syncWorker.stop();
      await stopMembershipRetry();
      await documentsBackground.stop();
      await Promise.all([app.close(), tlsApp.close()]);
      hub.close();
      await jobs.close();
      store.close();
    },
  };
}
