import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { ok, setupOffice, startHostProcess, type HostProcess } from '../helpers/host';
import { buildIssueWorker } from '../helpers/workers';

const run = promisify(execFile);

describe('two satpam screens issuing at the same moment', () => {
  let host: HostProcess;
  let tokens: Record<string, string>;
  beforeAll(async () => {
    host = await startHostProcess();
    ({ tokens } = await setupOffice(host.url));
  });
  afterAll(() => host.stop());

  it('over HTTP: 2 × 100 concurrent issues give 200 distinct, gap-free numbers', async () => {
    const burst = (n: number) => Promise.all(Array.from({ length: n }, () => ok(host.url, 'queue.issue', { serviceCode: 'C', priority: null }, tokens.satpam1)));
    const [a, b] = await Promise.all([burst(100), burst(100)]);
    const numbers = [...a!, ...b!].map((t) => Number(t.label.slice(2))).sort((x, y) => x - y);
    expect(numbers).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
  });

  it('two OS processes writing the same database file never share or skip a number', async () => {
    const worker = await buildIssueWorker();
    const dbFile = join(host.dataDir, 'loket.sqlite');
    const spawnWorker = () => run(process.execPath, [worker, dbFile, tokens.satpam1!, '150', 'D'], { cwd: process.cwd() });
    const [w1, w2] = await Promise.all([spawnWorker(), spawnWorker()]);
    const labels = [...JSON.parse(w1.stdout), ...JSON.parse(w2.stdout)] as string[];
    expect(new Set(labels).size).toBe(300);
    const db = new Database(dbFile, { readonly: true });
    const rows = db.prepare("SELECT t.number FROM tickets t JOIN services s ON s.id = t.service_id WHERE s.code = 'D' ORDER BY t.number").all() as { number: number }[];
    db.close();
    expect(rows.map((r) => r.number)).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
  });
});
