// The building blocks of the contract: ids, timestamps, the entry shape and its flags, the one
// result type and the one list of error codes. Imports only zod.
import { z } from 'zod';
import type { Role } from '../domain/words';

export const Id = z.string().min(1).max(64);
export const Iso = z.string();
export const empty = z.object({});

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
  // services and the queue
  'CODE_TAKEN',
  'SERVICE_UNAVAILABLE',
  'NOT_FOUND',
  'INVALID_STATE',
  'NOT_YOURS',
  'NO_SERVING_STEP',
  // devices and network
  'NO_PRINTER',
  'PRINTER_FAILED',
  'ADDRESS_NOT_ON_THIS_PC',
  // jobs and backups
  'JOB_BUSY',
  'JOB_NOT_FOUND',
  'BACKUP_FAILED',
  'RESTORE_FAILED',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppError {
  code: ErrorCode;
  message: string;
  /** Field-level messages in Indonesian, keyed by input field name, for forms. */
  fields?: Record<string, string>;
}
export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };
