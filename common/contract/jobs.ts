// Long work off the request path: a job-flagged call answers `{ jobId }` at once; the job's
// progress arrives as `job.changed` events; it can be cancelled; its result can be a file.
import { z } from 'zod';
import { entry, ERROR_CODES, Id, Iso } from './core';

export const JOB_STATUSES = ['queued', 'running', 'done', 'failed', 'cancelled'] as const;
export const JobStatus = z.enum(JOB_STATUSES);
export type JobStatus = z.infer<typeof JobStatus>;

export const Job = z.object({
  id: Id,
  /** What the job does, e.g. 'backup.create', 'backup.restore'. */
  kind: z.string(),
  status: JobStatus,
  /** 0..1 */
  progress: z.number().min(0).max(1),
  /** What is happening now, in Indonesian, for the progress bar's label. */
  message: z.string(),
  startedAt: Iso,
  endedAt: Iso.nullable(),
  /** A file the job made (a backup, an export), by name; `path` is on the host's disk. */
  file: z.object({ name: z.string(), path: z.string(), sizeBytes: z.number().int() }).nullable(),
  /** Why it failed, in Indonesian. */
  error: z.string().nullable(),
  /** The failure's code (e.g. RESTORE_FAILED), as a call's error would carry it; null unless failed. */
  errorCode: z.enum(ERROR_CODES).nullable(),
});
export type Job = z.infer<typeof Job>;

export const JobStarted = z.object({ jobId: Id });

export const jobsContract = {
  'jobs.get': entry(z.object({ jobId: Id }), Job, 'staff'),
  'jobs.list': entry(z.object({}), z.array(Job), ['admin']),
  'jobs.cancel': entry(z.object({ jobId: Id }), Job, 'staff'),
} as const;
