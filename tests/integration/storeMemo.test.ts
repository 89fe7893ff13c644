// Store.memo: a value read from rarely changed rows (the office row) is kept between requests, and
// read again whenever it may have changed: its writer says so, a transaction rolls back, another
// connection commits, or the file is replaced by a restore.
import Database from 'better-sqlite3';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { qb, Store } from '../../main/platform/db';
import { migrate } from '../../main/platform/db/migrate';
import { getOffice, officeChanged } from '../../main/platform/office';
import { tempDir } from '../helpers/host';

function officeStore() {
  const dir = tempDir('loket-memo-');
  const store = new Store(join(dir, 'loket.sqlite'));
  migrate(store);
  store.tx((w) => {
    w.run(qb.insertInto('office').values({ id: 'o1', name: 'Dinkes A', kab_kota: 'Kab A', address: 'Jl. A', time_zone: 'Asia/Jakarta', created_at: 'x', updated_at: 'x' }));
    officeChanged(w);
  });
  return { dir, store };
}

const rename = (store: Store, name: string, then: () => void = () => {}) =>
  store.tx((w) => {
    w.run(qb.updateTable('office').set({ name }).where('id', '=', 'o1'));
    officeChanged(w);
    then();
  });

describe('Store.memo', () => {
  it('reads once, then answers from memory until the writer says the rows changed', () => {
    const { store } = officeStore();
    let reads = 0;
    const key = {};
    const read = () => (reads++, store.first(qb.selectFrom('office').select('name'))?.name);
    expect(store.memo(key, read)).toBe('Dinkes A');
    expect(store.memo(key, read)).toBe('Dinkes A');
    expect(reads).toBe(1);
    store.tx((w) => {
      w.run(qb.updateTable('office').set({ name: 'Dinkes B' }));
      w.forget(key);
    });
    expect(store.memo(key, read)).toBe('Dinkes B');
    expect(reads).toBe(2);
  });

  it('the office: a rename is seen at once, a rolled-back one never stays', () => {
    const { store } = officeStore();
    expect(getOffice(store)?.name).toBe('Dinkes A');
    rename(store, 'Dinkes B');
    expect(getOffice(store)?.name).toBe('Dinkes B');
    // Read inside the transaction (the new name), then the transaction fails: the old name is back.
    expect(() =>
      rename(store, 'Dinkes C', () => {
        expect(getOffice(store)?.name).toBe('Dinkes C');
        throw new Error('refused');
      }),
    ).toThrow('refused');
    expect(getOffice(store)?.name).toBe('Dinkes B');
  });

  it('a rolled-back request inside a group commit does not leave its value behind', () => {
    const { store } = officeStore();
    store.groupCommit = true;
    try {
      store.grouped(() => {
        expect(() =>
          rename(store, 'Dinkes C', () => {
            expect(getOffice(store)?.name).toBe('Dinkes C');
            throw new Error('refused');
          }),
        ).toThrow('refused');
        expect(getOffice(store)?.name).toBe('Dinkes A');
      });
    } finally {
      store.groupCommit = false;
    }
    expect(getOffice(store)?.name).toBe('Dinkes A');
  });

  it('another connection committing (a worker, another process) makes it read again', () => {
    const { store } = officeStore();
    expect(getOffice(store)?.name).toBe('Dinkes A');
    const other = new Database(store.file);
    other.prepare("UPDATE office SET name = 'Dinkes dari proses lain'").run();
    other.close();
    expect(getOffice(store)?.name).toBe('Dinkes dari proses lain');
  });

  it('a restore (the file replaced) makes it read again', () => {
    const { dir, store } = officeStore();
    rename(store, 'Dinkes lama');
    store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const backup = join(dir, 'backup.sqlite');
    copyFileSync(store.file, backup);
    rename(store, 'Dinkes baru');
    expect(getOffice(store)?.name).toBe('Dinkes baru');
    store.replaceWith(backup);
    expect(getOffice(store)?.name).toBe('Dinkes lama');
  });
});
