// Numbered SQL migrations, applied in order at start-up, each in its own transaction and recorded
// with a checksum. An applied file that changed afterwards stops start-up: never edit, add one.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Store } from './index';

export class MigrationError extends Error {}

/** migrations/ sits two levels above both main/db/*.ts and the bundled out/main/*.js. */
export function defaultMigrationsDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [resolve(here, '../../migrations'), resolve(here, '../migrations'), resolve(process.cwd(), 'migrations')];
  const found = candidates.find((d) => existsSync(d));
  if (!found) throw new MigrationError(`Folder migrasi tidak ditemukan (dicari: ${candidates.join(', ')}).`);
  return found;
}

export interface MigrationFile { id: number; name: string; sql: string; checksum: string }

export function readMigrations(dir: string): MigrationFile[] {
  return readdirSync(dir)
    .filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name), 'utf8');
      return { id: Number(name.slice(0, 3)), name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

export function migrate(store: Store, dir = defaultMigrationsDir(), now = () => new Date().toISOString()): string[] {
  const db = store.sqlite;
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const applied = new Map(
    (db.prepare('SELECT id, name, checksum FROM schema_migrations').all() as { id: number; name: string; checksum: string }[]).map(
      (r) => [r.id, r],
    ),
  );
  const files = readMigrations(dir);
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
