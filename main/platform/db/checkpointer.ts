// WAL checkpoints on a thread of their own, for the host's store. SQLite copies the WAL back into
// the database file (a checkpoint) when a COMMIT finds the WAL past 1,000 pages: on the committing
// connection, so on the host's request thread, with two disk syncs, every few dozen group commits
// of a busy morning: a pause of several milliseconds for whichever desks' calls are in that turn.
// Here a worker thread runs a PASSIVE checkpoint (it never blocks a writer) on its own short-lived
// connection, and the host's connection never checkpoints itself (wal_autocheckpoint = 0).
// When: in a quiet moment (no commit for one look, `everyMs`) after something was written, so a
// checkpoint's disk syncs and CPU do not meet a burst of desks' calls (one every second cost 2-3 ms
// of the call → TV p99, bench/run.mjs); and in any case MAX_WAIT_MS after the last one or after
// MAX_COMMITS commits, so the WAL stays bounded through a morning that is never quiet.
// Shared cells: [0] paused, [1] busy (a restore pauses the worker and waits for it), [2] commits
// (the store counts each of its commits).
import { Worker } from 'node:worker_threads';
import { BACKGROUND, sqliteModulePaths } from '../jobs/worker';

const SOURCE = String.raw`
'use strict';
const { workerData } = require('node:worker_threads');
const Database = require(workerData.sqlite.module);
const cells = new Int32Array(workerData.cells);
function once() {
  Atomics.store(cells, 1, 1);
  try {
    if (Atomics.load(cells, 0) === 1) return false;
    const options = { fileMustExist: true, timeout: 0 };
    if (workerData.sqlite.nativeBinding) options.nativeBinding = workerData.sqlite.nativeBinding;
    const db = new Database(workerData.file, options);
    try {
      db.pragma('wal_checkpoint(PASSIVE)');
    } finally {
      db.close();
    }
    return true;
  } catch (e) {
    // The file is being swapped, or busy: the next round checkpoints.
    return false;
  } finally {
    Atomics.store(cells, 1, 0);
    Atomics.notify(cells, 1);
  }
}
// The commits counted since the store started this thread; the WAL may hold more from before
// (migrations at start-up): the first quiet look copies those back too.
let seen = 0;
let done = -1;
let doneAt = Date.now();
setInterval(() => {
  const commits = Atomics.load(cells, 2);
  const quiet = commits === seen;
  seen = commits;
  const pending = commits - done;
  if (pending === 0) return;
  if (!quiet && pending < workerData.maxCommits && Date.now() - doneAt < workerData.maxWaitMs) return;
  if (once()) {
    done = commits;
    doneAt = Date.now();
  }
}, workerData.everyMs);
`;

/**
 * A checkpoint at the latest this long after the last one while commits keep coming ... An office
 * has a quiet quarter second every few seconds; 20 desks issuing and calling without a pause
 * (bench/run.mjs) write about 130 group commits a second, some 20 MB of WAL in 10 s.
 */
const MAX_WAIT_MS = 10_000;
/** ... or after this many commits (a group commit counts once). */
const MAX_COMMITS = 1000;

export interface Checkpointer {
  /** Waits for a checkpoint under way to end and starts none until resume(). */
  pause(): void;
  resume(): void;
  stop(): void;
  /** The store committed (what the next quiet moment's checkpoint copies back). */
  committed(): void;
}

/** `everyMs`: how often the thread looks; a look that finds no new commit is a quiet moment. */
export function startCheckpointer(file: string, everyMs = 250): Checkpointer {
  const shared = new SharedArrayBuffer(12);
  const cells = new Int32Array(shared);
  // Niced like a job's thread: a checkpoint never takes the CPU from a desk's call.
  const worker = new Worker(BACKGROUND + SOURCE, {
    eval: true,
    workerData: { sqlite: sqliteModulePaths(), file, everyMs, maxCommits: MAX_COMMITS, maxWaitMs: MAX_WAIT_MS, cells: shared },
    // It keeps nothing in JavaScript: a small heap keeps the thread's memory small.
    resourceLimits: { maxYoungGenerationSizeMb: 1, maxOldGenerationSizeMb: 16 },
  });
  worker.unref();
  // A checkpoint never fails a request: if the thread ends, SQLite still checkpoints at close.
  worker.on('error', (err) => console.error('[loket] WAL checkpoint thread stopped', err));
  const pause = () => {
    Atomics.store(cells, 0, 1);
    // One checkpoint takes milliseconds; a second at most covers a slow disk.
    while (Atomics.load(cells, 1) === 1) if (Atomics.wait(cells, 1, 1, 1000) === 'timed-out') break;
  };
  return {
    pause,
    resume: () => Atomics.store(cells, 0, 0),
    committed: () => void Atomics.add(cells, 2, 1),
    stop: () => {
      pause();
      void worker.terminate();
    },
  };
}
