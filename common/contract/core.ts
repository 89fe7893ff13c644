// The building blocks of the contract: ids, timestamps, the entry shape and its flags, the one
// result type and the one list of error codes. Imports only zod.
import { z } from 'zod';
import type { Role } from '../domain/words';

export const Id = z.string().min(1).max(64);
export const Iso = z.string();
export const empty = z.object({});

/**
 * A client-made id for one user action (a UUIDv7 string, made when the person acts, not per
 * attempt). See `EntryFlags.idempotent` for the rule it serves.
 */
export const RequestId = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i, 'Harus UUIDv7.');

/**
 * Who may call. 'public' needs no session (status, first run, the display board);
 * 'staff' means any signed-in user; otherwise the roles that may.
 */
export type Access = 'public' | 'staff' | readonly Role[];

export interface EntryFlags {
  /**
   * The call carries personal data (NIK, names, addresses) or secrets (passwords) in its input or
   * output: the host refuses it over plain HTTP from any address but this PC's own.
   */
  personal?: boolean;
  /** The call starts a job: it answers `{ jobId }` at once; progress and the result come as events. */
  job?: boolean;
  /**
   * EXACTLY ONCE. The rule: every entry whose call creates or moves something (issue, call, recall,
   * skip, transfer, start/finish a step, end a visit, add a note, save a case, create a user or a
   * desk, …) is flagged `idempotent: true` and its input takes `requestId: RequestId.optional()`.
   * The client makes the id once per user action and sends the SAME id on every retry of that
   * action (the kiosk's button pressed again after an error, the desk forwarder's resend). The host
   * stores the id with the call's result in the same transaction as the use case and answers a
   * repeat with that first result, without running the use case again and without re-publishing
   * its events. An id reused by another user or for another call is refused (VALIDATION).
   * Failed calls roll back and are not remembered: their retry runs again. Optional on the wire so
   * scripts and desks of an older version still work, without the guarantee; the renderer's `api`
   * always sends one. tests/unit/idempotentEntries.test.ts keeps new entries to this rule.
   */
  idempotent?: boolean;
  /**
   * With `idempotent`: the answer carries personal data or a secret (a desk token) that must not rest
   * in the request log, so a repeat is refused with DUPLICATE_REQUEST (the work is not done twice)
   * instead of being answered with the first result.
   */
  noReplay?: boolean;
}

export interface Entry<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> extends EntryFlags {
  input: I;
  output: O;
  access: Access;
}

export const entry = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O, access: Access, flags: EntryFlags = {}): Entry<I, O> => ({
  input,
  output,
  access,
  ...flags,
});

export type Slice = Record<string, Entry>;

/** Every error code a call can answer with. The message is what the person at the desk reads. */
export const ERROR_CODES = [
  // any call
  'VALIDATION',
  'UNKNOWN_CALL',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'INSECURE_TRANSPORT',
  'INTERNAL',
  // a desk or browser that cannot reach or trust the host
  'HOST_UNREACHABLE',
  'HOST_NOT_TRUSTED',
  // first run, sign-in, users and desks
  'ALREADY_CONFIGURED',
  'SETUP_LOCAL_ONLY',
  'BAD_CREDENTIALS',
  'USER_INACTIVE',
  'DESK_NOT_PAIRED',
  'USERNAME_TAKEN',
  'SELF_LOCKOUT',
  'COUNTER_TAKEN',
  'PAIRING_CODE_INVALID',
  // services and the queue
  'CODE_TAKEN',
  'SERVICE_UNAVAILABLE',
  'NOT_FOUND',
  'INVALID_STATE',
  'NOT_YOURS',
  'NO_SERVING_STEP',
  'CASE_REQUIRED',
  'BUSY_WITH_VISITOR',
  'OUTCOME_REQUIRED',
  'DESK_PAUSED',
  // exactly-once calls (see EntryFlags.idempotent)
  'DUPLICATE_REQUEST',
  // devices and network
  'NO_PRINTER',
  'PRINTER_FAILED',
  'ADDRESS_NOT_ON_THIS_PC',
  // jobs and backups
  'JOB_BUSY',
  'JOB_NOT_FOUND',
  'BACKUP_FAILED',
  'RESTORE_FAILED',
  // the case file: scanners and uploaded pages
  'SCANNER_NOT_FOUND',
  'SCANNER_BUSY',
  'SCANNER_JAMMED',
  'SCANNER_COVER_OPEN',
  'ADF_EMPTY',
  'SCAN_CANCELLED',
  'SCAN_FAILED',
  'FILE_TOO_LARGE',
  'NOT_AN_IMAGE',
  'HASH_MISMATCH',
  // family and membership checks (issue 9)
  'FAMILY_REQUIRED',
  'BPJS_NOT_CONFIGURED',
  // DTKS import, follow-ups, messages out (issue 9 part B)
  'DTKS_BAD_FILE',
  'SMTP_NOT_CONFIGURED',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppError {
  code: ErrorCode;
  message: string;
  /** Field-level messages in Indonesian, keyed by input field name, for forms. */
  fields?: Record<string, string>;
}
export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };
