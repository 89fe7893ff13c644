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
