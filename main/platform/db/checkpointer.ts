// WAL checkpoints on a thread of their own, for the host's store. SQLite copies the WAL back into
// the database file (a checkpoint) when a COMMIT finds the WAL past 1,000 pages: on the committing
// connection, so on the host's request thread, with two disk syncs, every few dozen group commits
// of a busy morning: a pause of several milliseconds for whichever desks' calls are in that turn.
// Here a worker thread runs a PASSIVE checkpoint (it never blocks a writer) on its own short-lived
// connection every second and the host's connection checkpoints never itself (wal_autocheckpoint
// = 0). While the store swaps its file (a restore), the worker is paused and waited for, through two
// shared cells: [0] paused, [1] busy.
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
    if (Atomics.load(cells, 0) === 1) return;
    const options = { fileMustExist: true, timeout: 0 };
    if (workerData.sqlite.nativeBinding) options.nativeBinding = workerData.sqlite.nativeBinding;
    const db = new Database(workerData.file, options);
    try {
      db.pragma('wal_checkpoint(PASSIVE)');
    } finally {
      db.close();
    }
  } catch (e) {
    // The file is being swapped, or busy: the next round checkpoints.
  } finally {
    Atomics.store(cells, 1, 0);
    Atomics.notify(cells, 1);
  }
}
setInterval(once, workerData.everyMs);
`;

export interface Checkpointer {
  /** Waits for a checkpoint under way to end and starts none until resume(). */
  pause(): void;
  resume(): void;
  stop(): void;
}

export function startCheckpointer(file: string, everyMs = 1000): Checkpointer {
  const shared = new SharedArrayBuffer(8);
  const cells = new Int32Array(shared);
  // Niced like a job's thread: a checkpoint never takes the CPU from a desk's call.
  const worker = new Worker(BACKGROUND + SOURCE, {
    eval: true,
    workerData: { sqlite: sqliteModulePaths(), file, everyMs, cells: shared },
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
    stop: () => {
      pause();
      void worker.terminate();
    },
  };
}
