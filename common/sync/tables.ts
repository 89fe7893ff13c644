// The synced tables: one registration each, shared by the host (write path, guard triggers,
// download apply) and the server (payload check, merge). A table plugs in here with its status
// order (forward-only) and its fields; everything else is last-writer-wins per field.
import { z } from 'zod';
import { LETTER_STATUSES } from '../domain/letterFlow';
import { FOLLOWUP_STATUSES } from '../domain/followups';

export interface SyncedTable {
  /** The SQLite table on the host; the `table` of its ops. */
  name: string;
  /** Column holding the lifecycle status, merged forward only; null when the record has none. */
  statusField: string | null;
  /** Statuses from first to last; a status may only be replaced by one later in this list. */
  statusOrder: readonly string[];
  /** The record's fields as synced (an insert must give all required ones, a patch any subset). */
  fields: z.ZodObject;
  /**
   * A column holding the SHA-256 of a file the record refers to (a letter's PDF): the host sends
   * the file by hash, only when the server lacks it, after the records; a record never waits on it.
   */
  fileField?: string;
}

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const Iso = z.string().min(20).max(30);
const Count = z.number().int().min(0);

/** Each office day's queue figures per service (step_seq 0: the tickets) and per SOP step. */
export const queueDayStats: SyncedTable = {
  name: 'queue_day_stats',
  statusField: null,
  statusOrder: [],
  fields: z.object({
    id: z.string(),
    day: Day,
    service_code: z.string().max(16),
    service_name: z.string().max(200),
    step_seq: z.number().int().min(0),
    step_name: z.string().max(200),
    issued: Count,
    done: Count,
    cancelled: Count,
    no_show: Count,
    steps: Count,
    service_median_sec: z.number().int().nullable(),
    within_mutu_baku_pct: z.number().int().min(0).max(100).nullable(),
    created_at: Iso,
    updated_at: Iso,
  }),
};

/**
 * The register of recommendation submissions (issue 11): one `letters` row per submission, in the
 * status order of seed 002's flow (common/domain/letterFlow.ts); `batal` is last, so a cancelled
 * letter never comes back. Fields beyond these pass through as the host wrote them.
 */
export const letters: SyncedTable = {
  name: 'letters',
  statusField: 'status',
  statusOrder: LETTER_STATUSES,
  fileField: 'pdf_sha256',
  fields: z.looseObject({ id: z.string(), status: z.enum(LETTER_STATUSES), created_at: Iso, updated_at: Iso }),
};

/** Membership follow-ups (issue 9), in the order of common/domain/followups.ts. */
export const followups: SyncedTable = {
  name: 'followups',
  statusField: 'status',
  statusOrder: FOLLOWUP_STATUSES,
  fields: z.looseObject({ id: z.string(), status: z.enum(FOLLOWUP_STATUSES), created_at: Iso, updated_at: Iso }),
};

export const SYNCED_TABLES: readonly SyncedTable[] = [queueDayStats, letters, followups];

export function syncedTable(name: string): SyncedTable | undefined {
  return SYNCED_TABLES.find((t) => t.name === name);
}

/** Rank of a status in its table's order; -1 when unknown. */
export function statusRank(table: SyncedTable, status: unknown): number {
  return typeof status === 'string' ? table.statusOrder.indexOf(status) : -1;
}
