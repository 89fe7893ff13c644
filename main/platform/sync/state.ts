// The host's sync bookkeeping in sync_state: device id, op sequence, enrolment, cursor, outcome.
import { v7 as uuidv7 } from 'uuid';
import { sql } from 'kysely';
import { qb, type ReadDb, type WriteDb } from '../db';

export type SyncKey =
  | 'device_id' | 'next_op_seq' | 'server_url' | 'token' | 'office_id' | 'office_name' | 'cursor'
  | 'last_success_at' | 'last_attempt_at' | 'last_error' | 'refused' | 'stats_mark' | 'files_mark';

/** A raw statement as a kysely Compilable, for the few tables outside the typed schema. */
export const raw = (query: ReturnType<typeof sql>) => ({ compile: () => query.compile(qb) });

export function readState(db: ReadDb, key: SyncKey): string | null {
  const row = db.first<{ value: string }>(raw(sql`SELECT value FROM sync_state WHERE key = ${key}`));
  return row?.value ?? null;
}

export function writeState(w: WriteDb, key: SyncKey, value: string | null): void {
  if (value === null) w.run(raw(sql`DELETE FROM sync_state WHERE key = ${key}`));
  else w.run(raw(sql`INSERT INTO sync_state (key, value) VALUES (${key}, ${value}) ON CONFLICT (key) DO UPDATE SET value = excluded.value`));
}

/** This database's device id, made once; a reinstalled app on the same file keeps it (P8). */
export function deviceId(w: WriteDb): string {
  const id = readState(w, 'device_id');
  if (id) return id;
  const made = uuidv7();
  writeState(w, 'device_id', made);
  return made;
}

/** Takes the next device_op_seq: a counter, never MAX()+1, so acknowledged (deleted) ops are never reused. */
export function takeOpSeq(w: WriteDb): number {
  const next = Number(readState(w, 'next_op_seq') ?? '1');
  writeState(w, 'next_op_seq', String(next + 1));
  return next;
}
