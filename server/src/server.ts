// The central server's composition: Postgres (given or embedded), migrations, the first admin,
// the office hosts' sync routes and the central pages.
import { randomBytes, randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import rateLimit from '@fastify/rate-limit';
import { hashPassword } from './auth';
import { migrateServer, openDb, startEmbeddedPostgres, type Db, type EmbeddedDb } from './db';
import { registerSyncRoutes } from './sync';
import { registerWebRoutes } from './web';

export interface CentralOptions {
  port: number;
  host?: string;
  /** A real Postgres; when absent an embedded one starts in `dataDir` on `pgPort`. */
  databaseUrl?: string;
  dataDir?: string;
  pgPort?: number;
  /** The first admin's password (only used while the server has no user). */
  adminPassword?: string;
  now?: () => Date;
  poolSize?: number;
  log?: (line: string) => void;
}

export interface CentralServer {
  url: string;
  port: number;
  app: FastifyInstance;
  db: Db;
  embedded: EmbeddedDb | null;
  /** The generated first admin password, when none was given. */
  adminPassword: string | null;
  close(): Promise<void>;
}

export async function startCentralServer(opts: CentralOptions): Promise<CentralServer> {
  const log = opts.log ?? (() => {});
  let embedded: EmbeddedDb | null = null;
  let url = opts.databaseUrl;
  if (!url) {
    if (!opts.dataDir) throw new Error('dataDir is needed for the embedded Postgres');
    embedded = await startEmbeddedPostgres(opts.dataDir, opts.pgPort ?? 54329, log);
    url = embedded.url;
  }
  const db = openDb(url, opts.poolSize ?? 20);
  await migrateServer(db.pool);
  let adminPassword: string | null = null;
  const users = await db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
  if (users.rows[0]!.n === 0) {
    adminPassword = opts.adminPassword ?? randomBytes(9).toString('base64url');
    await db.pool.query("INSERT INTO users (id, username, password_hash, role) VALUES ($1, 'admin', $2, 'admin')", [randomUUID(), hashPassword(adminPassword)]);
    if (opts.adminPassword) adminPassword = null;
  }
  const app = Fastify({ logger: false, bodyLimit: 32 * 1024 * 1024, trustProxy: true });
  await app.register(cookie);
  await app.register(formbody);
  await app.register(rateLimit, { global: false });
  registerSyncRoutes(app, db, opts.now ?? (() => new Date()));
  registerWebRoutes(app, db);
  await app.listen({ port: opts.port, host: opts.host ?? '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  return {
    url: `http://${opts.host && opts.host !== '0.0.0.0' ? opts.host : '127.0.0.1'}:${port}`,
    port,
    app,
    db,
    embedded,
    adminPassword,
    close: async () => {
      await app.close();
      await db.kysely.destroy();
      await embedded?.stop();
    },
  };
}
