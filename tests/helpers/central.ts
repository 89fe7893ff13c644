// The central server for tests: a real embedded PostgreSQL in a temp folder (as root it runs as
// the `postgres` user, so the folder is under the system temp dir) and the server in-process, plus
// an admin session to create offices and enrolment codes, and a misbehaving proxy.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCentralServer, type CentralServer } from '../../server/src/server';
import { freePort } from './host';

export const ADMIN_PASSWORD = 'admin-pusat-rahasia';

export interface TestCentral extends CentralServer {
  cookie: string;
  createOffice(name: string): Promise<string>;
  enrolCode(officeId: string): Promise<string>;
  revoke(officeId: string): Promise<void>;
  query<R>(sql: string, params?: unknown[]): Promise<R[]>;
}

export async function startTestCentral(port = 0): Promise<TestCentral> {
  const dataDir = join(mkdtempSync(join(tmpdir(), 'loket-central-')), 'pg');
  const server = await startCentralServer({ port, dataDir, pgPort: await freePort(), adminPassword: ADMIN_PASSWORD, poolSize: 30 });
  const login = await fetch(`${server.url}/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
  });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const post = async (path: string, body: unknown = {}) => {
    const res = await fetch(`${server.url}${path}`, { method: 'POST', headers: { cookie, 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(body) });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<Record<string, unknown>>;
  };
  return Object.assign(server, {
    cookie,
    createOffice: async (name: string) => (await post('/api/offices', { name, kabKota: 'Kota Palembang', province: 'Sumatera Selatan' })).id as string,
    enrolCode: async (officeId: string) => (await post(`/api/offices/${officeId}/codes`)).code as string,
    revoke: async (officeId: string) => void (await post(`/api/offices/${officeId}/revoke`)),
    query: async <R>(sql: string, params: unknown[] = []) => (await server.db.pool.query(sql, params)).rows as R[],
  });
}

/** The central server as its own process (`node out/server/main.js`, built by server/build.mjs). */
export interface CentralProcess {
  url: string;
  pgUrl: string;
  proc: import('node:child_process').ChildProcess;
  cookie: string;
  createOffice(name: string, kabKota?: string): Promise<string>;
  enrolCode(officeId: string): Promise<string>;
  revoke(officeId: string): Promise<void>;
  /** A user of the central pages (role 'central' reads across offices). */
  createUser(username: string, password: string, role: string, officeId?: string): Promise<void>;
  query<R>(sql: string, params?: unknown[]): Promise<R[]>;
  stop(): Promise<void>;
}

export async function startCentralProcess(): Promise<CentralProcess> {
  const { spawn, execFileSync } = await import('node:child_process');
  // `npm run build` builds the desk app only; the server's bundle is made here (esbuild, ~1 s).
  execFileSync(process.execPath, ['server/build.mjs'], { stdio: 'inherit' });
  const pg = (await import('pg')).default;
  const dataDir = join(mkdtempSync(join(tmpdir(), 'loket-central-')), 'pg');
  const pgPort = await freePort();
  const proc = spawn(process.execPath, ['out/server/main.js', '--port', '0', '--pg-port', String(pgPort), '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, LOKET_SERVER_ADMIN_PASSWORD: ADMIN_PASSWORD, DATABASE_URL: '' },
  });
  const exited = new Promise<void>((r) => proc.once('exit', () => r()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`central server did not start: ${out}`)), 60_000);
    proc.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
      const line = out.split('\n')[0];
      if (out.includes('\n')) {
        clearTimeout(timer);
        try {
          resolve((JSON.parse(line!) as { url: string }).url);
        } catch {
          reject(new Error(`central server's first line: ${line}`));
        }
      }
    });
    proc.stderr!.on('data', (b: Buffer) => (out += b.toString()));
    proc.once('exit', (code) => reject(new Error(`central server exited ${code}: ${out}`)));
  });
  const pgUrl = `postgres://postgres:loket@127.0.0.1:${pgPort}/loket`;
  const pool = new pg.Pool({ connectionString: pgUrl, max: 2 });
  // An idle connection ended by the server (shutdown) must not crash the test process.
  pool.on('error', () => undefined);
  const login = await fetch(`${url}/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
  });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const post = async (path: string, body: unknown = {}) => {
    const res = await fetch(`${url}${path}`, { method: 'POST', headers: { cookie, 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(body) });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<Record<string, unknown>>;
  };
  return {
    url,
    pgUrl,
    proc,
    cookie,
    createOffice: async (name, kabKota = 'Kota Palembang') => (await post('/api/offices', { name, kabKota, province: 'Sumatera Selatan' })).id as string,
    enrolCode: async (officeId) => (await post(`/api/offices/${officeId}/codes`)).code as string,
    revoke: async (officeId) => void (await post(`/api/offices/${officeId}/revoke`)),
    createUser: async (username, password, role, officeId) => void (await post('/api/users', { username, password, role, officeId: officeId ?? null })),
    query: async <R>(sql: string, params: unknown[] = []) => (await pool.query(sql, params)).rows as R[],
    stop: async () => {
      await pool.end();
      proc.kill('SIGTERM');
      await exited;
    },
  };
}
