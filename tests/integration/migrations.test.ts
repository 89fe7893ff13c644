import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Store } from '../../main/platform/db';
import { migrate, MigrationError } from '../../main/platform/db/migrate';
import { MIGRATIONS } from '../../main/platform/db/migrations';
import { tempDir, startHostProcess } from '../helpers/host';

/** The repository's migrations/ folder: the source of the list built into the code. */
const MIGRATIONS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../migrations');
const sqlFiles = () => readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith('.sql')).sort();

describe('migrations', () => {
  it('are built into the code exactly as the files in migrations/, names and content (add a new file to migrations.ts)', () => {
    expect(MIGRATIONS.map((m) => m.name)).toEqual(sqlFiles());
    for (const m of MIGRATIONS) expect(m.sql, m.name).toBe(readFileSync(join(MIGRATIONS_DIR, m.name), 'utf8'));
    expect(readdirSync(MIGRATIONS_DIR).filter((f) => !/^\d{3}_[a-z0-9_]+\.sql$/.test(f))).toEqual([]);
  });

  it('apply once, in order, with WAL, synchronous=FULL and foreign keys on', () => {
    const store = new Store(join(tempDir('loket-mig-'), 'loket.sqlite'));
    expect(migrate(store)).toEqual(sqlFiles());
    expect(migrate(store)).toEqual([]);
    expect(store.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.sqlite.pragma('synchronous', { simple: true })).toBe(2);
    expect(store.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    store.close();
  });

  it('rename the words first run seeded before the glossary, and only those', () => {
    const store = new Store(join(tempDir('loket-mig-'), 'loket.sqlite'));
    const upTo = (id: number) => MIGRATIONS.filter((m) => Number(m.name.slice(0, 3)) <= id);
    migrate(store, upTo(12));
    const db = store.sqlite;
    const now = '2026-01-05T01:00:00.000Z';
    db.prepare("INSERT INTO desks (id, name, counter_no, token_hash, created_at) VALUES ('d1', 'Komputer host', 1, 'h1', ?), ('d2', 'Loket host lama', 2, 'h2', ?)").run(now, now);
    db.prepare("INSERT INTO services (id, code, name, active, sort, created_at, updated_at) VALUES ('s1', 'A', 'Layanan A', 1, 1, ?, ?)").run(now, now);
    db.prepare("INSERT INTO service_steps (id, service_id, seq, name, role, mutu_baku_min) VALUES ('st1', 's1', 1, 'Menanyakan tujuan dan memberi nomor antrian', 'satpam', 2), ('st2', 's1', 2, 'Memberi nomor antrian ulang', 'resepsionis', 3)").run();
    migrate(store);
    const names = (table: string) => (db.prepare(`SELECT name FROM ${table} ORDER BY id`).all() as { name: string }[]).map((r) => r.name);
    expect(names('desks')).toEqual(['Komputer utama', 'Loket host lama']);
    // The exact seeded name only: a step the admin named is theirs.
    expect(names('service_steps')).toEqual(['Menanyakan tujuan dan memberi nomor antrean', 'Memberi nomor antrian ulang']);
    store.close();
  });

  it('stop start-up with a clear message when an applied file was changed', async () => {
    const dir = tempDir('loket-mig-');
    const migrations = join(dir, 'migrations');
    mkdirSync(migrations);
    for (const f of readdirSync(MIGRATIONS_DIR)) copyFileSync(join(MIGRATIONS_DIR, f), join(migrations, f));
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
    for (const f of readdirSync(MIGRATIONS_DIR)) copyFileSync(join(MIGRATIONS_DIR, f), join(migrations, f));
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

  it('take a list in place of the built-in ones, and refuse a changed one the same way', () => {
    const store = new Store(join(tempDir('loket-mig-'), 'loket.sqlite'));
    expect(migrate(store, MIGRATIONS)).toEqual(sqlFiles());
    const changed = MIGRATIONS.map((m, i) => (i === 0 ? { ...m, sql: `${m.sql}\n-- edited\n` } : m));
    expect(() => migrate(store, changed)).toThrow(/001_foundation\.sql telah diubah/);
    expect(() => migrate(store, [...MIGRATIONS, { name: 'bad name.sql', sql: '' }])).toThrow(MigrationError);
    expect(() => migrate(store, [...MIGRATIONS, { ...MIGRATIONS[0]!, name: '001_again.sql' }])).toThrow(/bernomor sama/);
    store.close();
  });
});
