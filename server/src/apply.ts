// The server's apply: one batch in one Postgres transaction. The office's advisory lock serialises
// its batches, so its change-log rows commit in server_seq order and its cursor never skips one;
// different offices apply in parallel. `INSERT INTO applied_ops … ON CONFLICT DO NOTHING
// RETURNING` decides which ops are new; only those change records and append to the change log; a
// repeated batch is acknowledged again without change (exactly once). Merging is
// common/sync/merge.ts; an op that cannot apply is quarantined with its reason and acknowledged.
import type pg from 'pg';
import type { PushAck, Quarantined, SyncOp } from '../../common/sync/protocol';
import { clockOf, mergeFields, type LostValue, type MergeState } from '../../common/sync/merge';
import { syncedTable } from '../../common/sync/tables';

export interface ApplyContext { officeId: string; deviceId: string; backlog: number; now: Date }

interface RecordRow { table_name: string; record_id: string; data: Record<string, unknown>; clocks: Record<string, string>; deleted: boolean }

/** Device time is a tie-breaker only and never runs ahead of the server: a clock a day fast must not win every LWW for a day. */
const clampClock = (deviceTime: string, now: Date) => {
  const serverTime = now.toISOString();
  return deviceTime > serverTime ? serverTime : deviceTime;
};

function reasonOfSchema(err: unknown): string {
  const issues = (err as { issues?: { path: PropertyKey[]; message: string }[] }).issues;
  if (!issues) return String(err);
  return `isian tidak valid: ${issues.slice(0, 3).map((i) => `${i.path.join('.') || '(record)'} ${i.message}`).join('; ')}`;
}

export async function applyBatch(client: pg.PoolClient, ctx: ApplyContext, ops: readonly SyncOp[]): Promise<PushAck> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [ctx.officeId]);
    const fresh = await client.query<{ op_id: string }>(
      `INSERT INTO applied_ops (office_id, op_id, device_id, device_op_seq, result)
       SELECT $1, o.op_id, $2, o.seq, 'applied' FROM unnest($3::uuid[], $4::bigint[]) AS o(op_id, seq)
       ON CONFLICT (op_id) DO NOTHING RETURNING op_id`,
      [ctx.officeId, ctx.deviceId, ops.map((o) => o.opId), ops.map((o) => o.deviceOpSeq)],
    );
    const isNew = new Set(fresh.rows.map((r) => r.op_id));
    const newOps = ops.filter((o) => isNew.has(o.opId));
    const records = new Map<string, RecordRow>();
    if (newOps.length > 0) {
      const existing = await client.query<RecordRow>(
        `SELECT table_name, record_id, data, clocks, deleted FROM records
         WHERE office_id = $1 AND (table_name, record_id) IN (SELECT * FROM unnest($2::text[], $3::text[]))`,
        [ctx.officeId, newOps.map((o) => o.table), newOps.map((o) => o.recordId)],
      );
      for (const r of existing.rows) records.set(`${r.table_name}\u0000${r.record_id}`, r);
    }
    const quarantined: Quarantined[] = [];
    const changes: { table: string; recordId: string; opId: string }[] = [];
    const history: (LostValue & { table: string; recordId: string; opId: string })[] = [];
    const touched = new Set<string>();
    for (const op of newOps) {
      const key = `${op.table}\u0000${op.recordId}`;
      const reason = mergeOp(op, records, key, ctx, history);
      if (reason) quarantined.push({ opId: op.opId, reason });
      else {
        changes.push({ table: op.table, recordId: op.recordId, opId: op.opId });
        touched.add(key);
      }
    }
    if (quarantined.length > 0) {
      const byId = new Map(ops.map((o) => [o.opId, o]));
      await client.query(
        `UPDATE applied_ops SET result = 'quarantined' WHERE op_id = ANY($1::uuid[])`,
        [quarantined.map((q) => q.opId)],
      );
      await client.query(
        `INSERT INTO quarantine (op_id, office_id, device_id, op, reason)
         SELECT q.op_id, $1, $2, q.op, q.reason FROM unnest($3::uuid[], $4::jsonb[], $5::text[]) AS q(op_id, op, reason)`,
        [ctx.officeId, ctx.deviceId, quarantined.map((q) => q.opId), quarantined.map((q) => JSON.stringify(byId.get(q.opId))), quarantined.map((q) => q.reason)],
      );
    }
    if (changes.length > 0) {
      // One change row per applied op, carrying the record as merged after all of this batch's ops
      // (a reader after any of these rows gets the newest state); seqs follow the ops' order.
      const inserted = await client.query<{ server_seq: number; table_name: string; record_id: string }>(
        `INSERT INTO changes (office_id, table_name, record_id, op_id, data)
         SELECT $1, c.t, c.r, c.o, c.d FROM unnest($2::text[], $3::text[], $4::uuid[], $5::jsonb[]) WITH ORDINALITY AS c(t, r, o, d, n)
         ORDER BY c.n RETURNING server_seq, table_name, record_id`,
        [
          ctx.officeId,
          changes.map((c) => c.table),
          changes.map((c) => c.recordId),
          changes.map((c) => c.opId),
          changes.map((c) => JSON.stringify(records.get(`${c.table}\u0000${c.recordId}`)!.data)),
        ],
      );
      const lastSeq = new Map<string, number>();
      for (const r of inserted.rows) lastSeq.set(`${r.table_name}\u0000${r.record_id}`, Math.max(lastSeq.get(`${r.table_name}\u0000${r.record_id}`) ?? 0, r.server_seq));
      const rows = [...touched].map((k) => records.get(k)!);
      await client.query(
        `INSERT INTO records (office_id, table_name, record_id, data, clocks, server_seq, deleted)
         SELECT $1, r.t, r.i, r.d, r.c, r.s, r.x FROM unnest($2::text[], $3::text[], $4::jsonb[], $5::jsonb[], $6::bigint[], $7::boolean[]) AS r(t, i, d, c, s, x)
         ON CONFLICT (office_id, table_name, record_id) DO UPDATE
         SET data = excluded.data, clocks = excluded.clocks, server_seq = excluded.server_seq, deleted = excluded.deleted`,
        [
          ctx.officeId,
          rows.map((r) => r.table_name),
          rows.map((r) => r.record_id),
          rows.map((r) => JSON.stringify(r.data)),
          rows.map((r) => JSON.stringify(r.clocks)),
          rows.map((r) => lastSeq.get(`${r.table_name}\u0000${r.record_id}`)!),
          rows.map((r) => r.deleted),
        ],
      );
    }
    if (history.length > 0)
      await client.query(
        `INSERT INTO record_history (office_id, table_name, record_id, field, value, clock, reason, op_id)
         SELECT $1, h.t, h.r, h.f, h.v, h.c, h.why, h.o FROM unnest($2::text[], $3::text[], $4::text[], $5::jsonb[], $6::text[], $7::text[], $8::uuid[]) AS h(t, r, f, v, c, why, o)`,
        [
          ctx.officeId,
          history.map((h) => h.table),
          history.map((h) => h.recordId),
          history.map((h) => h.field),
          history.map((h) => JSON.stringify(h.value ?? null)),
          history.map((h) => h.clock),
          history.map((h) => h.reason),
          history.map((h) => h.opId),
        ],
      );
    await client.query('UPDATE devices SET last_sync_at = $2, backlog = $3 WHERE id = $1', [ctx.deviceId, ctx.now, ctx.backlog]);
    const seq = await client.query<{ s: number | null }>('SELECT max(server_seq) AS s FROM changes WHERE office_id = $1', [ctx.officeId]);
    await client.query('COMMIT');
    const qIds = new Set(quarantined.map((q) => q.opId));
    return {
      applied: newOps.filter((o) => !qIds.has(o.opId)).map((o) => o.opId),
      duplicates: ops.filter((o) => !isNew.has(o.opId)).map((o) => o.opId),
      quarantined,
      serverSeq: seq.rows[0]?.s ?? 0,
    };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
}

/** Merges one op into the batch's working copy of its record; returns why it cannot apply, or null. */
function mergeOp(op: SyncOp, records: Map<string, RecordRow>, key: string, ctx: ApplyContext, history: (LostValue & { table: string; recordId: string; opId: string })[]): string | null {
  const table = syncedTable(op.table);
  if (!table) return `tabel tidak dikenal: ${op.table}`;
  let record = records.get(key);
  const clock = clockOf(clampClock(op.updatedAt, ctx.now), ctx.deviceId);
  if (op.kind === 'insert') {
    const parsed = table.fields.safeParse(op.payload);
    if (!parsed.success) return reasonOfSchema(parsed.error);
    if (parsed.data.id !== op.recordId) return 'id rekaman tidak sama dengan isi';
    if (!record) {
      record = { table_name: op.table, record_id: op.recordId, data: { id: op.recordId }, clocks: {}, deleted: false };
      records.set(key, record);
    }
  } else {
    if (!record) return `rekaman ${op.table}/${op.recordId} tidak dikenal di server`;
    if (op.kind === 'delete') {
      record.deleted = true;
      record.data = { ...record.data, deleted_at: op.payload.deleted_at ?? op.updatedAt };
      return null;
    }
    const parsed = table.fields.partial().safeParse(op.payload);
    if (!parsed.success) return reasonOfSchema(parsed.error);
  }
  const state: MergeState = { data: record.data, clocks: record.clocks };
  for (const lost of mergeFields(table, state, op.payload, clock)) history.push({ ...lost, table: op.table, recordId: op.recordId, opId: op.opId });
  return null;
}
