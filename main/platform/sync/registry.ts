// Which synced tables this host routes through the write path. A table of common/sync/tables.ts
// becomes active here once every write to it goes through writePath.ts: start-up then puts the
// guard triggers on it (guard.ts), so a write any other way fails in tests and in production.
import { followups, letters, queueDayStats, type SyncedTable } from '../../../common/sync/tables';

/** Active: the queue day figures, the register of letters (issue 11) and the follow-ups (issue 9). */
export const ACTIVE_SYNCED_TABLES: readonly SyncedTable[] = [queueDayStats, letters, followups];

/**
 * Registered and ready, not yet active (none now). Activating one is moving it to the list above
 * once every write to it calls syncInsert/syncPatch/syncStatus.
 */
export const PENDING_SYNCED_TABLES: readonly SyncedTable[] = [];

export function activeTable(name: string): SyncedTable | undefined {
  return ACTIVE_SYNCED_TABLES.find((t) => t.name === name);
}
