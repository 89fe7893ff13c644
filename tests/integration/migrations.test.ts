import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Store } from '../../main/platform/db';
import { defaultMigrationsDir, migrate, MigrationError } from '../../main/platform/db/migrate';
import { tempDir, startHostProcess } from '../helpers/host';

describe('migrations', () => {
  it('apply once, in order, with WAL, synchronous=FULL and foreign keys on', () => {
    const store = new Store(join(tempDir('loket-mig-'), 'loket.sqlite'));
    expect(migrate(store)).toEqual(readdirSync(defaultMigrationsDir()).filter((f) => f.endsWith('.sql')).sort());
    expect(migrate(store)).toEqual([]);
    expect(store.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.sqlite.pragma('synchronous', { simple: true })).toBe(2);
    expect(store.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    store.close();
  });

  it('stop start-up with a clear message when an applied file was changed', async () => {
    const dir = tempDir('loket-mig-');
    const migrations = join(dir, 'migrations');
    mkdirSync(migrations);
    for (const f of readdirSync(defaultMigrationsDir())) copyFileSync(join(defaultMigrationsDir(), f), join(migrations, f));
    const store = new Store(join(dir, 'loket.sqlite'));
    migrate(store, migrations);
    writeFileSync(join(migrations, '001_foundation.sql'), '-- edited\n', { flag: 'a' });
    expect(() => migrate(store, migrations)).toThrow(MigrationError);
    expect(() => migrate(store, migrations)).toThrow(/001_foundation\.sql telah diubah/);
    store.close();
  });

  it('a failing migration leaves nothing half-applied', () => {
    const dir = tempDir('loket-mig-');
    const migrations = join(dir, 'migrations');
    mkdirSync(migrations);
    for (const f of readdirSync(defaultMigrationsDir())) copyFileSync(join(defaultMigrationsDir(), f), join(migrations, f));
    writeFileSync(join(migrations, '900_broken.sql'), 'CREATE TABLE half (id INTEGER);\nTHIS IS NOT SQL;\n');
    const store = new Store(join(dir, 'loket.sqlite'));
    expect(() => migrate(store, migrations)).toThrow();
    expect(store.sqlite.prepare("SELECT name FROM sqlite_master WHERE name = 'half'").get()).toBeUndefined();
    store.close();
  });

  it('the host refuses to start on a database from a changed migration, saying why', async () => {
    const dir = tempDir('loket-mig-');
    const host = await startHostProcess(dir);
    await host.stop();
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(join(dir, 'loket.sqlite'));
    db.prepare("UPDATE schema_migrations SET checksum = 'x' WHERE id = 1").run();
    db.close();
    await expect(startHostProcess(dir)).rejects.toThrow(/telah diubah setelah diterapkan/);
  });
});
