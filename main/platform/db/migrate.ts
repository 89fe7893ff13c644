// Numbered SQL migrations, applied in order at start-up, each in its own transaction and recorded
// with a checksum. An applied file that changed afterwards stops start-up: never edit, add one.
// The migrations ship inside the code (./migrations.ts); a folder on disk is read only when a
// caller (a test) passes one.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Store } from './index';
import { MIGRATIONS, type MigrationSource } from './migrations';

export class MigrationError extends Error {}

export interface MigrationFile { id: number; name: string; sql: string; checksum: string }

const NAME = /^\d{3}_[a-z0-9_]+\.sql$/;

/** Checks names and order and adds id and checksum. */
export function toMigrationFiles(sources: readonly MigrationSource[]): MigrationFile[] {
  const files = sources.map(({ name, sql }) => {
    if (!NAME.test(name)) throw new MigrationError(`Nama migrasi tidak valid: ${name} (harus NNN_nama.sql).`);
    return { id: Number(name.slice(0, 3)), name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
  });
  files.sort((a, b) => a.id - b.id);
  for (let i = 1; i < files.length; i++)
    if (files[i]!.id === files[i - 1]!.id) throw new MigrationError(`Dua migrasi bernomor sama: ${files[i - 1]!.name} dan ${files[i]!.name}.`);
  return files;
}

/** The migrations in a folder laid out like migrations/ (tests use this for changed or extra files). */
export function readMigrations(dir: string): MigrationFile[] {
  return toMigrationFiles(
    readdirSync(dir)
      .filter((f) => NAME.test(f))
      .map((name) => ({ name, sql: readFileSync(join(dir, name), 'utf8') })),
  );
}

/**
 * Applies what is not applied yet and returns the names applied now. `source` defaults to the
 * migrations built into the code; a folder path or a list replaces them (tests).
 */
export function migrate(
  store: Store,
  source: string | readonly MigrationSource[] = MIGRATIONS,
  now = () => new Date().toISOString(),
): string[] {
  const db = store.sqlite;
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const applied = new Map(
    (db.prepare('SELECT id, name, checksum FROM schema_migrations').all() as { id: number; name: string; checksum: string }[]).map(
      (r) => [r.id, r],
    ),
  );
  const files = typeof source === 'string' ? readMigrations(source) : toMigrationFiles(source);
  for (const [id, row] of applied) {
    const file = files.find((f) => f.id === id);
    if (!file) throw new MigrationError(`Migrasi ${row.name} sudah diterapkan pada database ini tetapi filenya tidak ada. Gunakan versi aplikasi yang sesuai.`);
    if (file.checksum !== row.checksum)
      throw new MigrationError(
        `Migrasi ${file.name} telah diubah setelah diterapkan (checksum berbeda). Aplikasi tidak dijalankan agar data tetap aman; kembalikan file aslinya dan tambahkan migrasi baru.`,
      );
  }
  const done: string[] = [];
  for (const file of files) {
    if (applied.has(file.id)) continue;
    db.transaction(() => {
      db.exec(file.sql);
      db.prepare('INSERT INTO schema_migrations (id, name, checksum, applied_at) VALUES (?, ?, ?, ?)').run(
        file.id,
        file.name,
        file.checksum,
        now(),
      );
    }).immediate();
    done.push(file.name);
  }
  return done;
}
