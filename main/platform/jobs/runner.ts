// The host's job table: long work (backups, restores, later imports and exports) started by a call
// that answers `{ jobId }` at once. Jobs live in memory only (a host restart forgets them, which is
// right: a backup half-done by a stopped host is no backup); the most recent ones are kept for the
// screens. Each change is published as a `job.changed` event, progress at most ~10 times a second.
import type { Job, ServerEvent } from '../../../common/contract/index';
import { AppFailure, iso, newId } from '../context';
import type { JobContext, JobFile, JobRunner, JobStartOptions } from './types';

/** Finished jobs kept for jobs.list / jobs.get; running ones are always kept. */
const KEEP_FINISHED = 50;
/** At most one progress event per job in this many milliseconds (status changes always go out). */
const PROGRESS_INTERVAL_MS = 100;

export const BUSY_MESSAGE =
  'Pencadangan atau pemulihan lain sedang berjalan. Tunggu sampai selesai (lihat kemajuannya di Admin → Cadangan), lalu coba lagi.';
const CLOSED_MESSAGE = 'Loket di komputer utama sedang berhenti; pekerjaan baru tidak dapat dimulai.';
const FAILED_MESSAGE = 'Pekerjaan gagal karena kesalahan di komputer utama. Coba lagi; bila terulang, hubungi teknisi.';
const CANCELLING_MESSAGE = 'Membatalkan…';
const CANCELLED_MESSAGE = 'Dibatalkan.';
const DONE_MESSAGE = 'Selesai.';

/** Thrown (or rejected with) by job code that stopped because its signal was aborted. */
export class JobCancelled extends Error {
  constructor() {
    super('job cancelled');
    this.name = 'JobCancelled';
  }
}

interface Entry {
  job: Job;
  startedBy: string | null;
  exclusive: boolean;
  controller: AbortController;
  /** Settles when run() has settled (whatever the job's status says). */
  settled: Promise<void>;
  lastPublished: number;
  pending: ReturnType<typeof setTimeout> | null;
}

const isFinished = (j: Job) => j.status === 'done' || j.status === 'failed' || j.status === 'cancelled';
const clamp01 = (n: number) => (Number.isFinite(n) ? Math.min(1, Math.max(0, n)) : 0);

export function createJobRunner({ now, publish }: { now: () => Date; publish: (e: ServerEvent) => void }): JobRunner {
  const entries = new Map<string, Entry>();
  let closed = false;

  const snapshot = (e: Entry): Job => ({ ...e.job, file: e.job.file ? { ...e.job.file } : null });

  function emit(e: Entry): void {
    if (e.pending) clearTimeout(e.pending);
    e.pending = null;
    e.lastPublished = performance.now();
    try {
      publish({ type: 'job.changed', job: snapshot(e) });
    } catch (err) {
      console.error('[loket] job event failed', err);
    }
  }

  function emitThrottled(e: Entry): void {
    const wait = e.lastPublished + PROGRESS_INTERVAL_MS - performance.now();
    if (wait <= 0) emit(e);
    else if (!e.pending) {
      e.pending = setTimeout(() => emit(e), wait);
      e.pending.unref?.();
    }
  }

  function prune(): void {
    const finished = [...entries.values()].filter((e) => isFinished(e.job));
    // Map order is insertion order: the oldest first.
    for (const e of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) entries.delete(e.job.id);
  }

  function finish(e: Entry, patch: Partial<Job>): void {
    Object.assign(e.job, { endedAt: iso(now()), ...patch });
    emit(e);
    prune();
  }

  async function execute(e: Entry, run: (ctx: JobContext) => Promise<JobFile | null>): Promise<void> {
    // Let the call that started the job answer (and its screen subscribe) before work begins.
    await new Promise<void>((r) => setImmediate(r));
    if (e.controller.signal.aborted) {
      if (!isFinished(e.job)) finish(e, { status: 'cancelled', message: CANCELLED_MESSAGE });
      return;
    }
    e.job.status = 'running';
    emit(e);
    const ctx: JobContext = {
      signal: e.controller.signal,
      publish: (event) => {
        try {
          publish(event);
        } catch (err) {
          console.error('[loket] job event failed', err);
        }
      },
      progress(fraction, message) {
        if (e.job.status !== 'running' || e.controller.signal.aborted) return;
        e.job.progress = clamp01(fraction);
        e.job.message = message;
        emitThrottled(e);
      },
    };
    try {
      const file = await run(ctx);
      // Work that finished even though a cancel came in is done: its file is real.
      finish(e, { status: 'done', progress: 1, message: DONE_MESSAGE, file: file ? { ...file } : null, error: null, errorCode: null });
    } catch (err) {
      if (e.controller.signal.aborted || err instanceof JobCancelled) finish(e, { status: 'cancelled', message: CANCELLED_MESSAGE });
      else if (err instanceof AppFailure) finish(e, { status: 'failed', message: err.message, error: err.message, errorCode: err.code });
      else {
        console.error(`[loket] job ${e.job.kind} failed`, err);
        finish(e, { status: 'failed', message: FAILED_MESSAGE, error: FAILED_MESSAGE, errorCode: 'INTERNAL' });
      }
    }
  }

  return {
    start(kind, run, opts: JobStartOptions = {}) {
      if (closed) throw new AppFailure('JOB_BUSY', CLOSED_MESSAGE);
      const exclusive = opts.exclusive ?? false;
      if (exclusive) {
        // Exclusive jobs (backup, restore) never overlap, even with one still winding down after a cancel.
        // (`exclusive` is cleared once a job's work has settled, not when its status changes.)
        for (const other of entries.values()) if (other.exclusive) throw new AppFailure('JOB_BUSY', BUSY_MESSAGE);
      }
      const job: Job = {
        id: newId(),
        kind,
        status: 'queued',
        progress: 0,
        message: 'Menunggu…',
        startedAt: iso(now()),
        endedAt: null,
        file: null,
        error: null,
        errorCode: null,
      };
      let resolveSettled!: () => void;
      const entry: Entry = {
        job,
        startedBy: opts.startedBy ?? null,
        exclusive,
        controller: new AbortController(),
        settled: new Promise<void>((r) => (resolveSettled = r)),
        lastPublished: 0,
        pending: null,
      };
      entries.set(job.id, entry);
      emit(entry);
      void execute(entry, run).finally(() => {
        entry.exclusive = false;
        resolveSettled();
      });
      return snapshot(entry);
    },

    get(id) {
      const e = entries.get(id);
      return e ? snapshot(e) : null;
    },

    startedBy(id) {
      return entries.get(id)?.startedBy ?? null;
    },

    list() {
      return [...entries.values()].reverse().map(snapshot);
    },

    cancel(id) {
      const e = entries.get(id);
      if (!e) return null;
      if (isFinished(e.job) || e.controller.signal.aborted) return snapshot(e);
      e.controller.abort(new JobCancelled());
      if (e.job.status === 'queued') {
        // Its work never starts (execute checks the signal first), so the slot is free at once.
        e.exclusive = false;
        finish(e, { status: 'cancelled', message: CANCELLED_MESSAGE });
      }
      else {
        // Running: the job stops at its next check (a worker is terminated); its status follows.
        e.job.message = CANCELLING_MESSAGE;
        emit(e);
      }
      return snapshot(e);
    },

    async close() {
      closed = true;
      const live = [...entries.values()].filter((e) => !isFinished(e.job));
      for (const e of live) e.controller.abort(new JobCancelled());
      await Promise.all(live.map((e) => e.settled));
    },
  };
}
