// The contract's implementation: every feature's handler map, merged. The type below makes a
// missing entry a compile error, and a call name handled twice is refused by the spread check.
import { adminHandlers } from '../features/admin';
import { authHandlers } from '../features/auth';
import { backupHandlers } from '../features/backup';
import { casesHandlers, familyHandlers } from '../features/cases';
import { membershipHandlers } from '../features/membership';
import { followupsHandlers } from '../features/followups';
import { dtksHandlers } from '../features/dtks';
import { messagesHandlers } from '../features/messages';
import { catalogHandlers } from '../features/catalog';
import { devicesHandlers } from '../features/devices';
import { documentsHandlers } from '../features/documents';
import { jobsHandlers } from '../features/jobs';
import { lettersHandlers } from '../features/letters';
import { registerHandlers } from '../features/register';
import { networkHandlers } from '../features/network';
import { queueHandlers } from '../features/queue';
import { statsHandlers } from '../features/stats';
import { syncHandlers } from '../features/sync';
import { visitorHandlers } from '../features/visitor';
import type { Handlers } from '../platform/transport/handler';

function mergeHandlers(...maps: Record<string, unknown>[]): Record<string, unknown> {
  const merged: Record<string, unknown> = {};
  for (const map of maps)
    for (const [name, fn] of Object.entries(map)) {
      if (name in merged) throw new Error(`Handler for "${name}" is defined twice.`);
      merged[name] = fn;
    }
  return merged;
}

const all = {
  ...authHandlers,
  ...adminHandlers,
  ...catalogHandlers,
  ...queueHandlers,
  ...casesHandlers,
  ...familyHandlers,
  ...membershipHandlers,
  ...followupsHandlers,
  ...dtksHandlers,
  ...messagesHandlers,
  ...statsHandlers,
  ...devicesHandlers,
  ...networkHandlers,
  ...jobsHandlers,
  ...backupHandlers,
  ...visitorHandlers,
  ...documentsHandlers,
  ...lettersHandlers,
  ...registerHandlers,
  ...syncHandlers,
} satisfies Handlers;

export const handlers: Handlers = mergeHandlers(
  authHandlers,
  adminHandlers,
  catalogHandlers,
  queueHandlers,
  casesHandlers,
  familyHandlers,
  membershipHandlers,
  followupsHandlers,
  dtksHandlers,
  messagesHandlers,
  statsHandlers,
  devicesHandlers,
  networkHandlers,
  jobsHandlers,
  backupHandlers,
  visitorHandlers,
  documentsHandlers,
  lettersHandlers,
  registerHandlers,
  syncHandlers,
) as typeof all;
