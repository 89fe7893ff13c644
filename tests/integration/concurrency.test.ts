import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { ok, setupOffice, startHostProcess, type HostProcess } from '../helpers/host';

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
    // Built inside the repo so the worker resolves node_modules like the app does.
    const worker = join(process.cwd(), 'out', 'test-workers', 'issue-worker.mjs');
    await build({
      entryPoints: ['tests/helpers/issue-worker.ts'], outfile: worker, bundle: true, platform: 'node', format: 'esm',
      packages: 'external', absWorkingDir: process.cwd(), logLevel: 'error',
      banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    });
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
