// The merge rules, pure, used by the server when it applies an op (and by the host when it applies
// a downloaded record): status only forward; every other field last-writer-wins by
// (updated_at, device id), the losing value returned so the caller keeps it in history.
import type { SyncedTable } from './tables';
import { statusRank } from './tables';

/** A field's clock: `updated_at|device_id`; ISO strings of equal length compare as text. */
export type FieldClock = string;
export const clockOf = (updatedAt: string, deviceId: string): FieldClock => `${updatedAt}|${deviceId}`;

export interface MergeState {
  data: Record<string, unknown>;
  clocks: Record<string, FieldClock>;
}

export interface LostValue {
  field: string;
  value: unknown;
  clock: FieldClock | null;
  /** Why it lost: an older clock, or a status that would move backward. */
  reason: 'lww' | 'status_backward';
}

/** Merges `fields` written at `clock` into `state` (mutated) and returns the values that lost. */
export function mergeFields(table: SyncedTable, state: MergeState, fields: Record<string, unknown>, clock: FieldClock): LostValue[] {
  const lost: LostValue[] = [];
  for (const [field, value] of Object.entries(fields)) {
    if (field === 'id') continue;
    const current = state.data[field];
    const has = field in state.data;
    if (table.statusField === field && has) {
      const from = statusRank(table, current);
      const to = statusRank(table, value);
      if (to < from) {
        lost.push({ field, value, clock, reason: 'status_backward' });
        continue;
      }
      if (to === from) continue;
      state.data[field] = value;
      state.clocks[field] = clock;
      continue;
    }
    const currentClock = state.clocks[field] ?? null;
    if (has && currentClock !== null && currentClock > clock) {
      if (!sameValue(current, value)) lost.push({ field, value, clock, reason: 'lww' });
      continue;
    }
    if (has && !sameValue(current, value)) lost.push({ field, value: current, clock: currentClock, reason: 'lww' });
    state.data[field] = value;
    state.clocks[field] = clock;
  }
  return lost;
}

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}
