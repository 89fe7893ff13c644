// The sync worker: uploads the outbox in order in batches, removes ops only once the server's
// acknowledgement is stored (in one transaction with the quarantine rows), then downloads the
// office's changes after the saved cursor. On failure: full-jitter backoff 1 s … 5 min, with a
// light probe so the link's return is noticed within seconds; a local write or "Sinkronkan
// sekarang" runs a cycle at once. Nothing here blocks a request: each DB step is a short transaction.
import { sql } from 'kysely';
import type { Store } from '../db';
import { fullJitterDelayMs } from '../../../common/domain/backoff';
import { PullPage, PushAck, type SyncOp } from '../../../common/sync/protocol';
import { callServer, putFile, SyncRefused } from './client';
import { uploadMissingFiles } from './files';
import { raw, readState, writeState, deviceId } from './state';
import { applyDownloaded } from './writePath';
import { activeTable } from './registry';

export interface SyncWorkerOptions {
  store: Store;
  now: () => Date;
  /** After each change of state (pending count, success, failure): screens refresh the indicator. */
  onChange?: () => void;
  /** Run at the start of every cycle, each in its own transaction: derived records (queue figures). */
  beforeUpload?: ReadonlyArray<() => void>;
  batchSize?: number;
  /** Idle time between cycles when all is synced. */
  intervalMs?: number;
  /** How often the link is probed while waiting out a backoff. */
  probeMs?: number;
  timeoutMs?: number;
  random?: () => number;
  /** The data folder whose files/ holds the records' files (letter PDFs), sent by hash. */
  dataDir?: string;
}

export type CycleOutcome = 'synced' | 'idle' | 'failed' | 'refused';

export interface SyncWorker {
  start(): void;
  stop(): Promise<void>;
  /** Runs a cycle now (or waits for the running one and runs another) and tells how it ended. */
  syncNow(): Promise<CycleOutcome>;
}

interface OutboxRow { op_id: string; device_op_seq: number; table_name: string; record_id: string; kind: SyncOp['kind']; payload: string; created_at: string; updated_at: string }

export function createSyncWorker(opts: SyncWorkerOptions): SyncWorker {
  const { store } = opts;
  const batchSize = opts.batchSize ?? 200;
  const intervalMs = opts.intervalMs ?? 15_000;
  const probeMs = opts.probeMs ?? 5_000;
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const random = opts.random ?? Math.random;
  let running = false;
  let attempt = 0;
  let wake: (() => void) | null = null;
  let current: Promise<CycleOutcome> | null = null;
  let loop: Promise<void> | null = null;
  const columnCache = new Map<string, string[]>();

  // The device id exists from here on, so enrolment (an idempotent call) only reads it.
  store.tx((w) => deviceId(w));
  const changed = () => opts.onChange?.();
  const target = () => {
    const serverUrl = readState(store, 'server_url');
    const token = readState(store, 'token');
    return serverUrl && token && !readState(store, 'refused') ? { serverUrl, token, timeoutMs } : null;
  };
  const localColumns = (table: string) => {
    let cols = columnCache.get(table);
    if (!cols) {
      cols = (store.sqlite.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
      columnCache.set(table, cols);
    }
    return cols;
  };

  async function push(call: NonNullable<ReturnType<typeof target>>): Promise<void> {
    // Read, not written: the id exists since the worker started (a restored file may carry another).
    const device = readState(store, 'device_id') ?? store.tx((w) => deviceId(w));
    for (;;) {
      const rows = store.all<OutboxRow>(raw(sql`SELECT * FROM sync_outbox ORDER BY device_op_seq LIMIT ${batchSize}`));
      if (rows.length === 0) return;
      const total = store.first<{ n: number }>(raw(sql`SELECT COUNT(*) AS n FROM sync_outbox`))?.n ?? 0;
      const ops: SyncOp[] = rows.map((r) => ({
        opId: r.op_id, deviceOpSeq: r.device_op_seq, table: r.table_name, recordId: r.record_id, kind: r.kind,
        payload: JSON.parse(r.payload) as Record<string, unknown>, createdAt: r.created_at, updatedAt: r.updated_at,
      }));
      const ack = PushAck.parse(await callServer(call, 'POST', '/sync/push', { deviceId: device, ops, backlog: total - rows.length }));
      const reasons = new Map(ack.quarantined.map((q) => [q.opId, q.reason]));
      const acked = new Set([...ack.applied, ...ack.duplicates, ...reasons.keys()]);
      const at = opts.now().toISOString();
      store.tx((w) => {
        for (const r of rows) {
          if (!acked.has(r.op_id)) continue;
          const reason = reasons.get(r.op_id);
          if (reason !== undefined)
            w.run(raw(sql`INSERT OR REPLACE INTO sync_quarantine (op_id, table_name, record_id, kind, payload, reason, at)
              VALUES (${r.op_id}, ${r.table_name}, ${r.record_id}, ${r.kind}, ${r.payload}, ${reason}, ${at})`));
          w.run(raw(sql`DELETE FROM sync_outbox WHERE op_id = ${r.op_id}`));
        }
        writeState(w, 'last_success_at', at);
      });
      changed();
      // The server answers for every op it was sent; one missing means a broken reply: retry later.
      if (rows.some((r) => !acked.has(r.op_id))) throw new Error('acknowledgement incomplete');
    }
  }

  async function pull(call: NonNullable<ReturnType<typeof target>>): Promise<void> {
    for (;;) {
      const after = Number(readState(store, 'cursor') ?? '0');
      const page = PullPage.parse(await callServer(call, 'GET', `/sync/pull?after=${after}`));
      store.tx((w) => {
        for (const c of page.changes) if (activeTable(c.table)) applyDownloaded(w, c.table, c.data, localColumns(c.table));
        writeState(w, 'cursor', String(page.next));
      });
      if (!page.more) return;
    }
  }

  async function cycle(): Promise<CycleOutcome> {
    for (const hook of opts.beforeUpload ?? []) hook();
    const call = target();
    if (!call) return 'idle';
    store.tx((w) => writeState(w, 'last_attempt_at', opts.now().toISOString()));
    try {
      await push(call);
      await pull(call);
      // After the records: a record never waits on its file; a file waits for its record.
      if (opts.dataDir) await uploadMissingFiles(store, opts.dataDir, (path, body) => callServer(call, 'POST', path, body), (sha, bytes) => putFile(call, sha, bytes));
      store.tx((w) => {
        writeState(w, 'last_success_at', opts.now().toISOString());
        writeState(w, 'last_error', null);
      });
      attempt = 0;
      changed();
      return 'synced';
    } catch (err) {
      if (err instanceof SyncRefused && (err.code === 'REVOKED' || err.code === 'UNAUTHENTICATED')) {
        store.tx((w) => {
          writeState(w, 'refused', err.message);
          writeState(w, 'last_error', err.message);
        });
        changed();
        return 'refused';
      }
      const message = err instanceof SyncRefused ? err.message : 'Server pusat tidak dapat dihubungi; data disimpan dan dikirim otomatis nanti.';
      if (!store.sqlite.open) return 'failed';
      store.tx((w) => writeState(w, 'last_error', message));
      changed();
      return 'failed';
    }
  }

  function runCycle(): Promise<CycleOutcome> {
    const next = (current ?? Promise.resolve('idle' as CycleOutcome)).then(() => cycle());
    current = next.finally(() => {
      if (current === next) current = null;
    });
    return next;
  }

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wake = null;
        resolve();
      }
      wake = done;
    });

  /** Waits out a backoff, but returns as soon as a probe of the server answers (the link is back). */
  async function backoff(ms: number): Promise<void> {
    const until = Date.now() + ms;
    while (running && Date.now() < until) {
      await sleep(Math.min(probeMs, until - Date.now()));
      const call = target();
      if (!running || !call) return;
      try {
        await callServer({ ...call, timeoutMs: Math.min(timeoutMs, 5_000) }, 'GET', '/sync/health');
        return;
      } catch {
        // still down: keep waiting
      }
    }
  }

  async function run(): Promise<void> {
    while (running) {
      let outcome: CycleOutcome;
      try {
        outcome = await runCycle();
      } catch {
        outcome = 'failed';
      }
      if (!running) return;
      if (outcome === 'failed') await backoff(fullJitterDelayMs(attempt++, undefined, random));
      else await sleep(intervalMs);
    }
  }

  return {
    start() {
      if (running) return;
      running = true;
      loop = run();
    },
    async stop() {
      running = false;
      wake?.();
      await loop?.catch(() => undefined);
      await current?.catch(() => undefined);
    },
    syncNow() {
      const result = runCycle();
      wake?.();
      return result;
    },
  };
}
