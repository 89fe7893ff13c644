// The one-write-path rule as the database's own rule, not a convention: each active synced table
// gets BEFORE INSERT/UPDATE/DELETE triggers that abort unless sync_gate.open is 1. Only
// writePath.ts sets it, around its own statements, inside the caller's IMMEDIATE transaction, and
// sets it back before returning, so the committed value is always 0 and no other connection (a
// feature's w.run, a script with its own better-sqlite3 handle, a restored backup) ever sees it open.
// A grep or dependency rule would miss a raw `sql` string or a second connection; the trigger does not.
import type { Store } from '../db';
import { ACTIVE_SYNCED_TABLES } from './registry';

export const GUARD_MESSAGE = 'synced table written outside main/platform/sync/writePath';

const OPERATIONS = ['INSERT', 'UPDATE', 'DELETE'] as const;

/** Creates the guard triggers of every active synced table that exists (idempotent). */
export function installSyncGuards(store: Store): void {
  const db = store.sqlite;
  const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?");
  db.transaction(() => {
    for (const table of ACTIVE_SYNCED_TABLES) {
      if (!exists.get(table.name)) continue;
      for (const op of OPERATIONS)
        db.exec(
          `CREATE TRIGGER IF NOT EXISTS sync_guard_${table.name}_${op.toLowerCase()} BEFORE ${op} ON ${table.name} ` +
            `WHEN (SELECT open FROM sync_gate WHERE id = 1) IS NOT 1 BEGIN SELECT RAISE(ABORT, '${GUARD_MESSAGE}'); END`,
        );
    }
  }).immediate();
}
