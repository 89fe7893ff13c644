// Admin → Sinkronisasi: enrol this host with the central server, read the state, sync now, and
// list the ops the server quarantined.
import { sql } from 'kysely';
import { AppFailure, audit, type Ctx, type Deps } from '../../platform/context';
import {
  callServer, raw, readState, readSyncStatus, SyncRefused, workerOf, writeState,
} from '../../platform/sync';
import { EnrolReply } from '../../../common/sync/protocol';
import type { ParsedInput, QuarantinedOp, SyncStatus } from '../../../common/contract/index';
import { hostname } from 'node:os';
import { foldQueueDayStats } from './queueDayStats';

/** The state, after folding the queue's latest changes, so a ticket just issued counts as pending. */
export function syncState(deps: Pick<Deps, 'store' | 'now'>): SyncStatus {
  foldQueueDayStats(deps.store, deps.now);
  return readSyncStatus(deps.store);
}

export async function enrol(ctx: Ctx, input: ParsedInput<'sync.enrol'>): Promise<SyncStatus> {
  const serverUrl = input.serverUrl.replace(/\/+$/, '');
  // Only read here: an idempotent handler must not write before its first await (dispatch's
  // runOnce), and the device id exists from the worker's creation on.
  const device = readState(ctx.store, 'device_id');
  if (!device) throw new AppFailure('SERVICE_UNAVAILABLE', 'Sinkronisasi belum siap di komputer utama ini; mulai ulang aplikasi lalu coba lagi.');
  let reply: EnrolReply;
  try {
    reply = EnrolReply.parse(
      await callServer({ serverUrl, token: null, timeoutMs: 15_000 }, 'POST', '/sync/enrol', { code: input.code, deviceId: device, deviceName: hostname() }),
    );
  } catch (err) {
    if (err instanceof SyncRefused) throw new AppFailure('VALIDATION', err.message, { code: err.message });
    throw new AppFailure('SERVICE_UNAVAILABLE', `Server pusat di ${serverUrl} tidak dapat dihubungi. Periksa alamatnya dan sambungan internet, lalu coba lagi.`);
  }
  ctx.store.tx((w) => {
    writeState(w, 'server_url', serverUrl);
    writeState(w, 'token', reply.token);
    writeState(w, 'office_id', reply.officeId);
    writeState(w, 'office_name', reply.officeName);
    writeState(w, 'refused', null);
    writeState(w, 'last_error', null);
    // A new office (or the same one again) starts its download from the beginning.
    writeState(w, 'cursor', '0');
    audit(w, ctx, 'sync.enrol', 'sync', reply.officeId, { serverUrl, officeName: reply.officeName });
  });
  ctx.events.push({ type: 'sync.changed' });
  void workerOf(ctx.store)?.syncNow();
  return syncState(ctx);
}

export async function syncNow(ctx: Ctx): Promise<SyncStatus> {
  foldQueueDayStats(ctx.store, ctx.now);
  await workerOf(ctx.store)?.syncNow();
  return readSyncStatus(ctx.store);
}

export function listQuarantine(deps: Pick<Deps, 'store'>): QuarantinedOp[] {
  return deps.store
    .all<{ op_id: string; table_name: string; record_id: string; kind: string; reason: string; at: string }>(
      raw(sql`SELECT op_id, table_name, record_id, kind, reason, at FROM sync_quarantine ORDER BY at DESC LIMIT 500`),
    )
    .map((r) => ({ opId: r.op_id, table: r.table_name, recordId: r.record_id, kind: r.kind, reason: r.reason, at: r.at }));
}
