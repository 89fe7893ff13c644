// Files of synced records (letter PDFs) go up by content hash: the host asks the server which of a
// batch of hashes it lacks and sends only those. Progress is a mark on the records' updated_at
// (sync_state.files_mark), moved only after a whole batch is on the server, so a kill mid-way
// asks again (cheap: the server answers "missing" only for what it still lacks).
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import type { Store } from '../db';
import { FileStore } from '../files';
import { ACTIVE_SYNCED_TABLES } from './registry';
import { raw, readState, writeState } from './state';

const BATCH = 100;

type Ask = (path: string, body: unknown) => Promise<unknown>;
type Put = (sha256: string, bytes: Buffer) => Promise<void>;

/** Sends every file the server lacks for records changed since the mark; answers how many were sent. */
export async function uploadMissingFiles(store: Store, dataDir: string, ask: Ask, put: Put): Promise<number> {
  const files = new FileStore(dataDir);
  let sent = 0;
  for (const table of ACTIVE_SYNCED_TABLES) {
    const field = table.fileField;
    if (!field) continue;
    for (;;) {
      const mark = readState(store, 'files_mark') ?? '';
      const rows = store.all<{ h: string; u: string }>(
        raw(sql`SELECT ${sql.ref(field)} AS h, updated_at AS u FROM ${sql.table(table.name)}
          WHERE ${sql.ref(field)} IS NOT NULL AND updated_at > ${mark} ORDER BY updated_at LIMIT ${BATCH}`),
      );
      if (rows.length === 0) break;
      const hashes = [...new Set(rows.map((r) => r.h).filter((h) => files.has(h)))];
      const answer = (hashes.length ? await ask('/sync/files/missing', { hashes }) : { missing: [] }) as { missing?: unknown };
      const missing = Array.isArray(answer.missing) ? answer.missing.filter((h): h is string => typeof h === 'string' && hashes.includes(h)) : [];
      for (const h of missing) {
        await put(h, readFileSync(files.pathOf(h)));
        sent++;
      }
      store.tx((w) => writeState(w, 'files_mark', rows.at(-1)!.u));
      if (rows.length < BATCH) break;
    }
  }
  return sent;
}
