// WAL checkpoints on their own thread (main/platform/db/checkpointer.ts): the host's connection
// never checkpoints on a commit, the WAL still reaches the database file (in a quiet moment, or
// after enough commits when none comes), and a restore with the checkpointer running swaps the
// file cleanly.
import Database from 'better-sqlite3';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { qb, Store } from '../../main/platform/db';
import { migrate } from '../../main/platform/db/migrate';
import { tempDir } from '../helpers/host';

/** The rows in the database file alone, as if the WAL were lost: what a checkpoint has copied back. */
function rowsInMainFile(file: string, dir: string): number {
  const copy = join(dir, `main-only-${Math.random().toString(36).slice(2)}.sqlite`);
  copyFileSync(file, copy);
  const db = new Database(copy, { readonly: true });
  try {
    return (db.prepare("SELECT count(*) AS n FROM settings WHERE key LIKE 'cp-%'").get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/** Keeps this thread busy (a request's work), without giving the event loop a turn. */
const spin = (ms: number) => {
  const end = performance.now() + ms;
  while (performance.now() < end);
};

const until = async (ok: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!ok() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
  return ok();
};

describe('background WAL checkpoints', () => {
  it('leave the host connection without checkpoints of its own and still bring the WAL into the file', async () => {
    const dir = tempDir('loket-cp-');
    const store = new Store(join(dir, 'loket.sqlite'));
    migrate(store);
    store.sqlite.pragma('wal_checkpoint(TRUNCATE)'); // the schema in the file, the WAL empty
    // Without: 200 small rows stay in the WAL (far below SQLite's 1,000-page mark).
    store.tx((w) => {
      for (let i = 0; i < 200; i++) w.run(qb.insertInto('settings').values({ key: `cp-a${i}`, value: 'x' }));
    });
    expect(rowsInMainFile(store.file, dir)).toBe(0);
    store.checkpointInBackground(50);
    expect(store.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    store.tx((w) => {
      for (let i = 0; i < 200; i++) w.run(qb.insertInto('settings').values({ key: `cp-b${i}`, value: 'x' }));
    });
    expect(await until(() => rowsInMainFile(store.file, dir) === 400)).toBe(true);
    store.close();
  });

  it('waits for a quiet moment while commits keep coming, then checkpoints', async () => {
    const dir = tempDir('loket-cp-');
    const store = new Store(join(dir, 'loket.sqlite'));
    migrate(store);
    store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    store.checkpointInBackground(100);
    // A burst: a commit every 2 ms for 300 ms (150 commits, below the cap), so no look of the
    // thread (every 100 ms) finds it quiet: nothing is copied back while it lasts.
    for (let i = 0; i < 150; i++) {
      store.tx((w) => w.run(qb.insertInto('settings').values({ key: `cp-q${i}`, value: 'x' })));
      spin(2);
    }
    expect(rowsInMainFile(store.file, dir)).toBe(0);
    // Quiet: the next looks checkpoint.
    expect(await until(() => rowsInMainFile(store.file, dir) === 150)).toBe(true);
    store.close();
  });

  it('checkpoints a morning that is never quiet once enough commits have piled up', () => {
    const dir = tempDir('loket-cp-');
    const store = new Store(join(dir, 'loket.sqlite'));
    migrate(store);
    store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    store.checkpointInBackground(20);
    let copied = 0;
    for (let i = 0; i < 3000 && copied === 0; i++) {
      store.tx((w) => w.run(qb.insertInto('settings').values({ key: `cp-m${i}`, value: 'x' })));
      spin(1);
      if (i >= 1000 && i % 50 === 0) copied = rowsInMainFile(store.file, dir);
    }
    // Without the cap nothing would be copied back until the commits stop.
    expect(copied).toBeGreaterThan(0);
    store.close();
  });

  it('pauses while a restore swaps the file, and checkpoints the restored one afterwards', async () => {
    const dir = tempDir('loket-cp-');
    const store = new Store(join(dir, 'loket.sqlite'));
    migrate(store);
    store.tx((w) => w.run(qb.insertInto('settings').values({ key: 'cp-before', value: 'x' })));
    const backup = join(dir, 'backup.sqlite');
    store.sqlite.exec(`VACUUM INTO '${backup}'`);
    store.checkpointInBackground(10);
    for (let i = 0; i < 20; i++) store.replaceWith(backup);
    expect(store.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    store.tx((w) => w.run(qb.insertInto('settings').values({ key: 'cp-after', value: 'x' })));
    expect(await until(() => rowsInMainFile(store.file, dir) === 2)).toBe(true);
    store.close();
  });
});
