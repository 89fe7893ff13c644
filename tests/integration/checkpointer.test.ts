// WAL checkpoints on their own thread (main/platform/db/checkpointer.ts): the host's connection
// never checkpoints on a commit, the WAL still reaches the database file, and a restore with the
// checkpointer running swaps the file cleanly.
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
