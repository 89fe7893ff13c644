// The one write path for synced tables: the record and its outbox op in the caller's transaction
// (so a committed write always has its op, and a rolled-back one has neither). Features call these
// from inside store.tx; the guard triggers (guard.ts) refuse every other write to these tables.
import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { WriteDb } from '../db';
import type { OpKind } from '../../../common/sync/protocol';
import { statusRank, type SyncedTable } from '../../../common/sync/tables';
import { activeTable } from './registry';
import { raw, takeOpSeq } from './state';

export type SyncRecord = Record<string, string | number | null>;

function tableOf(name: string): SyncedTable {
  const table = activeTable(name);
  if (!table) throw new Error(`${name} is not an active synced table`);
  return table;
}

/** Runs the write path's own statements with the gate open, and always closes it again. */
function throughGate<T>(w: WriteDb, fn: () => T): T {
  w.run(raw(sql`UPDATE sync_gate SET open = 1 WHERE id = 1`));
  try {
    return fn();
  } finally {
    w.run(raw(sql`UPDATE sync_gate SET open = 0 WHERE id = 1`));
  }
}

function appendOp(w: WriteDb, table: string, recordId: string, kind: OpKind, payload: Record<string, unknown>, at: string): string {
  const opId = uuidv7();
  const seq = takeOpSeq(w);
  w.run(
    raw(sql`INSERT INTO sync_outbox (op_id, device_op_seq, table_name, record_id, kind, payload, created_at, updated_at)
      VALUES (${opId}, ${seq}, ${table}, ${recordId}, ${kind}, ${JSON.stringify(payload)}, ${at}, ${at})`),
  );
  return opId;
}

const columns = (row: SyncRecord) => sql.join(Object.keys(row).map((c) => sql.ref(c)));
const values = (row: SyncRecord) => sql.join(Object.values(row).map((v) => sql`${v}`));

/** Inserts a new record (with id, created_at, updated_at) and its `insert` op. */
export function syncInsert(w: WriteDb, tableName: string, row: SyncRecord & { id: string }, now: Date): void {
  const table = tableOf(tableName);
  const at = now.toISOString();
  const full: SyncRecord = { ...row, created_at: row.created_at ?? at, updated_at: at };
  table.fields.parse(full);
  throughGate(w, () => {
    w.run(raw(sql`INSERT INTO ${sql.table(table.name)} (${columns(full)}) VALUES (${values(full)})`));
    appendOp(w, table.name, row.id, 'insert', full, at);
  });
}

/** Changes some fields of a record (never its status: syncStatus) and appends a `patch` op. */
export function syncPatch(w: WriteDb, tableName: string, id: string, fields: SyncRecord, now: Date): void {
  const table = tableOf(tableName);
  if (table.statusField && table.statusField in fields) throw new Error('status changes go through syncStatus');
  patch(w, table, id, fields, 'patch', now);
}

/** Moves a record's status forward (refused backward or sideways) and appends a `status` op. */
export function syncStatus(w: WriteDb, tableName: string, id: string, status: string, fields: SyncRecord, now: Date): void {
  const table = tableOf(tableName);
  if (!table.statusField) throw new Error(`${table.name} has no status`);
  const current = w.first<Record<string, unknown>>(raw(sql`SELECT ${sql.ref(table.statusField)} AS s FROM ${sql.table(table.name)} WHERE id = ${id}`));
  if (!current) throw new Error(`${table.name} ${id} not found`);
  if (statusRank(table, status) <= statusRank(table, current.s)) throw new Error(`status of ${table.name} moves forward only`);
  patch(w, table, id, { ...fields, [table.statusField]: status }, 'status', now);
}

/** Deletes a record locally; the server keeps it as a tombstone. */
export function syncDelete(w: WriteDb, tableName: string, id: string, now: Date): void {
  const table = tableOf(tableName);
  const at = now.toISOString();
  throughGate(w, () => {
    w.run(raw(sql`DELETE FROM ${sql.table(table.name)} WHERE id = ${id}`));
    appendOp(w, table.name, id, 'delete', { deleted_at: at }, at);
  });
}

function patch(w: WriteDb, table: SyncedTable, id: string, fields: SyncRecord, kind: OpKind, now: Date): void {
  const at = now.toISOString();
  const full: SyncRecord = { ...fields, updated_at: at };
  table.fields.partial().parse(full);
  const sets = sql.join(Object.entries(full).map(([c, v]) => sql`${sql.ref(c)} = ${v}`));
  throughGate(w, () => {
    const changed = w.run(raw(sql`UPDATE ${sql.table(table.name)} SET ${sets} WHERE id = ${id}`));
    if (changed !== 1) throw new Error(`${table.name} ${id} not found`);
    appendOp(w, table.name, id, kind, full, at);
  });
}

/**
 * Writes a record as the server holds it (a download), with the gate open and no op: it came from
 * the server. Skipped when the record has ops still waiting (they go up first and come back merged)
 * or when it would move the local status backward.
 */
export function applyDownloaded(w: WriteDb, tableName: string, data: Record<string, unknown>, localColumns: readonly string[]): boolean {
  const table = activeTable(tableName);
  const id = data.id;
  if (!table || typeof id !== 'string') return false;
  if (w.first(raw(sql`SELECT 1 AS x FROM sync_outbox WHERE table_name = ${table.name} AND record_id = ${id} LIMIT 1`))) return false;
  const row: SyncRecord = {};
  for (const c of localColumns) if (c in data) row[c] = data[c] as SyncRecord[string];
  if (data.deleted_at) {
    throughGate(w, () => w.run(raw(sql`DELETE FROM ${sql.table(table.name)} WHERE id = ${id}`)));
    return true;
  }
  if (table.statusField) {
    const current = w.first<{ s: unknown }>(raw(sql`SELECT ${sql.ref(table.statusField)} AS s FROM ${sql.table(table.name)} WHERE id = ${id}`));
    if (current && statusRank(table, row[table.statusField]) < statusRank(table, current.s)) return false;
  }
  const updates = sql.join(Object.keys(row).filter((c) => c !== 'id').map((c) => sql`${sql.ref(c)} = excluded.${sql.ref(c)}`));
  throughGate(w, () =>
    w.run(raw(sql`INSERT INTO ${sql.table(table.name)} (${columns(row)}) VALUES (${values(row)}) ON CONFLICT (id) DO UPDATE SET ${updates}`)),
  );
  return true;
}
