// Which synced tables this host routes through the write path. A table of common/sync/tables.ts
// becomes active here once every write to it goes through writePath.ts: start-up then puts the
// guard triggers on it (guard.ts), so a write any other way fails in tests and in production.
import { followups, letters, queueDayStats, type SyncedTable } from '../../../common/sync/tables';

/** Active now: the queue day figures. */
export const ACTIVE_SYNCED_TABLES: readonly SyncedTable[] = [queueDayStats];

/**
 * Registered and ready, not yet active: their features (issues 9 and 11) still write them directly.
 * Activating one is moving it to the list above once its writes call syncInsert/syncPatch/syncStatus.
 */
export const PENDING_SYNCED_TABLES: readonly SyncedTable[] = [letters, followups];

export function activeTable(name: string): SyncedTable | undefined {
  return ACTIVE_SYNCED_TABLES.find((t) => t.name === name);
}
