// Admin → Sinkronisasi and the header's sync indicator: enrolment with the central server, the
// state ("Tersinkron" only when nothing waits), "Sinkronkan sekarang", quarantined ops.
import { z } from 'zod';
import { empty, entry, RequestId } from './core';

export const SYNC_STATES = ['off', 'synced', 'pending', 'failing', 'refused'] as const;
export const SyncState = z.enum(SYNC_STATES);
export type SyncState = z.infer<typeof SyncState>;

export const SyncStatus = z.object({
  state: SyncState,
  /** Ops in the outbox, not yet acknowledged by the server. */
  pending: z.number().int().min(0),
  lastSuccessAt: z.string().nullable(),
  lastAttemptAt: z.string().nullable(),
  /** The last failure or the server's refusal (revoked), in Indonesian. */
  message: z.string().nullable(),
  serverUrl: z.string().nullable(),
  officeName: z.string().nullable(),
  quarantined: z.number().int().min(0),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

export const QuarantinedOp = z.object({
  opId: z.string(),
  table: z.string(),
  recordId: z.string(),
  kind: z.string(),
  reason: z.string(),
  at: z.string(),
});
export type QuarantinedOp = z.infer<typeof QuarantinedOp>;

export const SyncEnrolInput = z.object({
  serverUrl: z.url({ protocol: /^https?$/, error: 'Alamat server harus diawali http:// atau https://' }).max(500),
  code: z.string().trim().min(6, 'Kode pendaftaran terlalu pendek.').max(64),
  requestId: RequestId.optional(),
});

export const syncContract = {
  'sync.status': entry(empty, SyncStatus, 'staff'),
  'sync.enrol': entry(SyncEnrolInput, SyncStatus, ['admin'], { idempotent: true }),
  'sync.now': entry(empty, SyncStatus, 'staff'),
  'sync.quarantine': entry(empty, z.array(QuarantinedOp), ['admin']),
} as const;
