// The job runner's face to use cases and the composition root. Long work (backups, imports,
// exports, PDF batches) runs off the host's request thread; see ./runner.ts.
import type { Job, ServerEvent } from '../../../common/contract/index';

export interface JobContext {
  /** Reports progress (0..1) and what is happening, in Indonesian; becomes a `job.changed` event. */
  progress(fraction: number, message: string): void;
  /** Set when the job was cancelled; long loops check it and stop. */
  readonly signal: AbortSignal;
  /** Publishes an event to every screen at once (a job has no request whose events go out after it). */
  publish(event: ServerEvent): void;
}

export interface JobFile {
  name: string;
  path: string;
  sizeBytes: number;
}

export interface JobStartOptions {
  /** Never runs alongside another exclusive job (backup, restore): starting one then fails with JOB_BUSY. */
  exclusive?: boolean;
  /** The user who started it: a non-admin may see and cancel only their own jobs. */
  startedBy?: string | null;
}

export interface JobRunner {
  /**
   * Starts a job of `kind`; answers at once with its id. `run` does the work (typically by handing
   * it to a worker thread with its own SQLite connection) and resolves with a file or nothing.
   */
  start(kind: string, run: (ctx: JobContext) => Promise<JobFile | null>, opts?: JobStartOptions): Job;
  get(id: string): Job | null;
  /** The user id the job was started by (null: the host itself, e.g. the daily backup; or unknown id). */
  startedBy(id: string): string | null;
  /** Newest first. */
  list(): Job[];
  cancel(id: string): Job | null;
  /** Stops accepting jobs, cancels running ones and waits for them. */
  close(): Promise<void>;
}
