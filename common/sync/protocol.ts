// The sync protocol between an office's host and the central server (../shared/sync.md): the op a
// write appends to the outbox, the batch the worker uploads, the server's acknowledgement, and the
// changes the host downloads after its cursor. Shared by main/ and server/; zod only.
import { z } from 'zod';

export const OP_KINDS = ['insert', 'patch', 'status', 'delete'] as const;
export const OpKind = z.enum(OP_KINDS);
export type OpKind = z.infer<typeof OpKind>;

const Uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
const Iso = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);

/**
 * One change to one synced record. The envelope is checked strictly (a batch whose envelope is
 * broken is refused whole: the sender is not a Loket host); the payload only as an object here,
 * its fields by the table's schema when it is applied (a bad payload quarantines that op alone).
 */
export const SyncOp = z.object({
  opId: Uuid,
  /** Per device, strictly increasing, never reused: the server can show gaps and the order. */
  deviceOpSeq: z.number().int().positive(),
  table: z.string().min(1).max(64),
  recordId: z.string().min(1).max(64),
  kind: OpKind,
  /** The changed fields (insert: the whole record), snake_case as in the tables. */
  payload: z.record(z.string(), z.unknown()),
  /** Device time of the write (UTC ms): an LWW tie-breaker only, never the order. */
  updatedAt: Iso,
  createdAt: Iso,
});
export type SyncOp = z.infer<typeof SyncOp>;

export const MAX_BATCH_OPS = 500;

export const PushBatch = z.object({
  deviceId: Uuid,
  ops: z.array(SyncOp).min(1).max(MAX_BATCH_OPS),
  /** What is still waiting in the outbox after this batch (for the central offices page). */
  backlog: z.number().int().min(0),
});
export type PushBatch = z.infer<typeof PushBatch>;

export const Quarantined = z.object({ opId: z.string(), reason: z.string() });
export type Quarantined = z.infer<typeof Quarantined>;

/** Every op of the batch is in exactly one list; a repeated batch is acknowledged again as duplicates. */
export const PushAck = z.object({
  applied: z.array(z.string()),
  duplicates: z.array(z.string()),
  quarantined: z.array(Quarantined),
  /** The highest server_seq the office has after this batch. */
  serverSeq: z.number().int().min(0),
});
export type PushAck = z.infer<typeof PushAck>;

/** A record as the server holds it after a change, in server_seq order (not device time). */
export const SyncChange = z.object({
  serverSeq: z.number().int().positive(),
  table: z.string(),
  recordId: z.string(),
  data: z.record(z.string(), z.unknown()),
});
export type SyncChange = z.infer<typeof SyncChange>;

export const PullPage = z.object({
  changes: z.array(SyncChange),
  /** The cursor to save with these changes. */
  next: z.number().int().min(0),
  more: z.boolean(),
});
export type PullPage = z.infer<typeof PullPage>;

export const EnrolRequest = z.object({
  code: z.string().trim().min(6).max(64),
  deviceId: Uuid,
  deviceName: z.string().trim().min(1).max(120),
});
export const EnrolReply = z.object({
  token: z.string(),
  officeId: z.string(),
  officeName: z.string(),
});
export type EnrolReply = z.infer<typeof EnrolReply>;

/** The server's refusals the host acts on (everything else is "try again later"). */
export const SYNC_REFUSALS = ['REVOKED', 'UNAUTHENTICATED', 'BAD_BATCH'] as const;
export const SyncRefusal = z.object({ code: z.string(), message: z.string() });
export type SyncRefusal = z.infer<typeof SyncRefusal>;
