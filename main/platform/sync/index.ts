// The sync platform: the write path features call, the guard, the worker and its state.
import { sql } from 'kysely';
import type { Store } from '../db';
import type { SyncStatus } from '../../../common/contract/sync';
import { raw, readState } from './state';
import type { SyncWorker } from './worker';

export { syncInsert, syncPatch, syncStatus, syncDelete, type SyncRecord } from './writePath';
export { installSyncGuards, GUARD_MESSAGE } from './guard';
export { createSyncWorker, type SyncWorker, type CycleOutcome } from './worker';
export { readState, writeState, deviceId, raw } from './state';
export { callServer, SyncRefused } from './client';
export { ACTIVE_SYNCED_TABLES, PENDING_SYNCED_TABLES } from './registry';

/** The running worker of each host's store (a test process may run several hosts). */
const workers = new WeakMap<Store, SyncWorker>();
export const attachWorker = (store: Store, worker: SyncWorker) => workers.set(store, worker);
export const workerOf = (store: Store): SyncWorker | undefined => workers.get(store);

/**
 * The state the indicator shows. "synced" only when the outbox is empty (every op acknowledged and
 * the acknowledgement stored) and the last cycle ended well: never while an op waits (P9).
 */
export function readSyncStatus(store: Store): SyncStatus {
  const pending = store.first<{ n: number }>(raw(sql`SELECT COUNT(*) AS n FROM sync_outbox`))?.n ?? 0;
  const quarantined = store.first<{ n: number }>(raw(sql`SELECT COUNT(*) AS n FROM sync_quarantine`))?.n ?? 0;
  const serverUrl = readState(store, 'server_url');
  const refused = readState(store, 'refused');
  const lastError = readState(store, 'last_error');
  const lastSuccessAt = readState(store, 'last_success_at');
  const state: SyncStatus['state'] = !serverUrl
    ? 'off'
    : refused
      ? 'refused'
      : pending > 0
        ? lastError ? 'failing' : 'pending'
        : lastError || !lastSuccessAt ? 'failing' : 'synced';
  return {
    state,
    pending,
    lastSuccessAt,
    lastAttemptAt: readState(store, 'last_attempt_at'),
    message: refused ?? lastError,
    serverUrl,
    officeName: readState(store, 'office_name'),
    quarantined,
  };
}
