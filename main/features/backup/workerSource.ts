// The backup worker: plain CommonJS JavaScript run with `new Worker(code, { eval: true })` (see
// main/platform/jobs/worker.ts for why a string). It has its own better-sqlite3 connections and
// never touches the host's. Operations (workerData.op):
//
//  'backup'  copies workerData.source to workerData.dest with SQLite's online backup API, then
//            verifies the copy. The source connection is read-only and holds one read transaction
//            for the whole copy: the copy is one consistent snapshot, and the host's writes (WAL:
//            a reader never blocks a writer) do not restart the backup, which SQLite otherwise
//            does after every write made through another connection (with tickets issued
//            continuously, forever). The copy is switched to rollback-journal mode so it is one
//            self-contained file.
//  'verify'  checks a copy: integrity_check must answer 'ok', schema_migrations must have rows,
//            the tickets table must be readable.
//
// Answers { type: 'result', value: { migrations, tickets } }, or { type: 'failure', message } with
// a message in Indonesian (workerData.labels), or throws (an unexpected error).
//
// Keep it plain JavaScript that any Node 20 understands: no transpiler or bundler sees this text.
export const BACKUP_WORKER_SOURCE = String.raw`
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.sqlite.module);
const labels = workerData.labels;
const options = (extra) => Object.assign(workerData.sqlite.nativeBinding ? { nativeBinding: workerData.sqlite.nativeBinding } : {}, extra);

class Refused extends Error {}
const progress = (fraction, message) => parentPort.postMessage({ type: 'progress', fraction, message });

function counts(db) {
  return {
    migrations: db.prepare('SELECT count(*) AS n FROM schema_migrations').get().n,
    tickets: db.prepare('SELECT count(*) AS n FROM tickets').get().n,
  };
}

function verify(file, readonly) {
  let db;
  try {
    db = new Database(file, options({ readonly, fileMustExist: true }));
    if (!readonly) db.pragma('journal_mode = DELETE');
    const rows = db.pragma('integrity_check');
    const ok = rows.length === 1 && Object.values(rows[0])[0] === 'ok';
    if (!ok) throw new Refused(labels.corrupt);
    const c = counts(db);
    if (!(c.migrations > 0)) throw new Refused(labels.notLoket);
    return c;
  } catch (err) {
    if (err instanceof Refused) throw err;
    throw new Refused(labels.unreadable + ' (' + (err && err.message) + ')');
  } finally {
    if (db && db.open) db.close();
  }
}

async function backup() {
  const { source, dest, copyShare, pagesPerStep } = workerData;
  const src = new Database(source, options({ readonly: true, fileMustExist: true }));
  let before;
  try {
    src.pragma('busy_timeout = 5000');
    src.exec('BEGIN');
    before = counts(src); // this read pins the snapshot the backup copies
    let lastPct = -1;
    await src.backup(dest, {
      progress({ totalPages, remainingPages }) {
        const done = totalPages > 0 ? (totalPages - remainingPages) / totalPages : 1;
        const pct = Math.floor(done * 100);
        if (pct !== lastPct) {
          lastPct = pct;
          progress(done * copyShare, labels.copy + ' ' + pct + '%');
        }
        return pagesPerStep;
      },
    });
    src.exec('COMMIT');
  } finally {
    src.close();
  }
  progress(copyShare, labels.verify);
  const after = verify(dest, false);
  if (after.migrations !== before.migrations || after.tickets !== before.tickets) throw new Refused(labels.mismatch);
  return after;
}

(async () => {
  try {
    const value = workerData.op === 'backup' ? await backup() : verify(workerData.file, true);
    parentPort.postMessage({ type: 'result', value });
  } catch (err) {
    if (err instanceof Refused) parentPort.postMessage({ type: 'failure', message: err.message });
    else throw err;
  }
})();
`;

export interface WorkerLabels {
  copy: string;
  verify: string;
  corrupt: string;
  notLoket: string;
  unreadable: string;
  mismatch: string;
}

export interface VerifiedCounts {
  migrations: number;
  tickets: number;
}
