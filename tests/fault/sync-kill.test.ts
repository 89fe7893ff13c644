// P1 and P4 of ../shared/sync.md with real processes and a real embedded Postgres: the host is
// SIGKILLed over and over (≥100 times) while it writes and uploads, at points chosen by counts of
// acknowledged work, never by a clock:
//  - "answer": the server has committed a batch and its answer is on its way back; the proxy kills
//    the host before passing the answer on (between the server's commit and the host's saving of
//    the acknowledgement), so the host must send those ops again on restart;
//  - "applied": once the server has applied more of this device's ops than before;
//  - "burst": during a burst of ticket issuing, after some of the tickets were acknowledged (P4:
//    a power cut with local writes in flight).
// Then the link is left alone and the host converges. Exactly once: the server applied device op
// seqs 1..N, each once, N = the ops the host ever made; one change-log row per applied op; nothing
// quarantined; server records equal the host's; every ticket the satpam was given is counted.
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { api, ok, removeTempDirs, setupOffice, startHostProcess, tempDir, type HostProcess } from '../helpers/host';
import { startTestCentral, type TestCentral } from '../helpers/central';
import { seededRandom, startChaosProxy, type ChaosProxy } from '../helpers/chaosProxy';

const KILLS = Number(process.env.LOKET_SYNC_KILLS ?? 100);
const SERVICES = ['A', 'B'];

let central: TestCentral;
let proxy: ChaosProxy;

beforeAll(async () => {
  // Short idle and probe times and small batches: many uploads, so many points to kill between.
  process.env.LOKET_SYNC_INTERVAL_MS = '150';
  process.env.LOKET_SYNC_PROBE_MS = '100';
  process.env.LOKET_SYNC_BATCH = '3';
  central = await startTestCentral();
  proxy = await startChaosProxy(central.url, 12);
}, 60_000);
afterAll(async () => {
  await proxy?.close();
  await central?.close();
  removeTempDirs();
});

async function until<T>(what: string, fn: () => Promise<T | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const appliedCount = async (officeId: string) =>
  (await central.query<{ n: number }>('SELECT count(*)::int AS n FROM applied_ops WHERE office_id = $1', [officeId]))[0]!.n;

describe('P1 + P4: SIGKILL of the host at any point', () => {
  it(`exactly once across ${KILLS} kills, including between the server's commit and the saved acknowledgement`, async () => {
    const random = seededRandom(20261128);
    const dataDir = tempDir('loket-sync-kill-');
    let host: HostProcess = await startHostProcess(dataDir);
    const office = await setupOffice(host.url);
    const officeId = await central.createOffice('Puskesmas Plaju');
    await ok(host.url, 'sync.enrol', { serverUrl: proxy.url, code: await central.enrolCode(officeId), requestId: uuidv7() }, office.tokens.admin!);
    const satpam = office.tokens.satpam1!;
    const acknowledged = new Map<string, number>(SERVICES.map((s) => [s, 0]));
    const kills = { answer: 0, applied: 0, burst: 0 };
    const issue = async (h: HostProcess, code: string) => {
      const r = await api(h.url, 'queue.issue', { serviceCode: code, priority: null }, satpam).catch(() => null);
      if (r?.ok) acknowledged.set(code, acknowledged.get(code)! + 1);
      return r?.ok === true;
    };

    for (let k = 0; k < KILLS; k++) {
      if (k > 0) host = await startHostProcess(dataDir);
      const h = host;
      const exited = new Promise<void>((r) => (h.proc.exitCode !== null ? r() : h.proc.once('exit', () => r())));
      const mode = k % 5 === 4 ? 'burst' : random() < 0.6 ? 'answer' : 'applied';
      const n = 1 + Math.floor(random() * 4);
      if (mode === 'answer') {
        // Kill at the first push answered 200 whose ops the server has committed.
        proxy.onPushAnswer = async (status) => {
          if (status !== 200) return true;
          proxy.onPushAnswer = null;
          h.proc.kill('SIGKILL');
          await exited;
          kills.answer++;
          return false;
        };
        for (let i = 0; i < n; i++) await issue(h, SERVICES[i % 2]!);
        // Uploads follow by themselves (the ops exist; a cycle runs every 150 ms).
        await Promise.race([exited, until('a push answered', async () => h.proc.exitCode !== null, 20_000)]);
      } else if (mode === 'applied') {
        const before = await appliedCount(officeId);
        for (let i = 0; i < n; i++) await issue(h, SERVICES[(i + 1) % 2]!);
        const target = before + 1 + Math.floor(random() * 2);
        await until('the server applied more ops', async () => (await appliedCount(officeId)) >= target || h.proc.exitCode !== null, 20_000);
        await h.kill9();
        kills.applied++;
      } else {
        // A burst of local writes with the link down; the power goes after `cutAfter` were acknowledged.
        proxy.rules.offline = true;
        const cutAfter = 1 + Math.floor(random() * 6);
        let acks = 0;
        await new Promise<void>((resolve) => {
          for (let i = 0; i < 10; i++)
            void issue(h, SERVICES[i % 2]!).then((done) => {
              if (done && ++acks === cutAfter) resolve();
            });
          void exited.then(resolve);
        });
        await h.kill9();
        proxy.rules.offline = false;
        kills.burst++;
      }
      proxy.onPushAnswer = null;
      await exited;
    }
    expect(kills.answer + kills.applied + kills.burst).toBe(KILLS);
    expect(kills.answer).toBeGreaterThanOrEqual(Math.floor(KILLS * 0.3));

    // The link is left alone: the host converges.
    host = await startHostProcess(dataDir);
    await until('synced', async () => {
      const s = await ok(host.url, 'sync.status', {}, office.tokens.admin!);
      return s.state === 'synced' && s.pending === 0;
    }, 60_000);
    const db = new Database(host.started.dbFile, { readonly: true });
    try {
      const made = Number((db.prepare("SELECT value FROM sync_state WHERE key = 'next_op_seq'").get() as { value: string }).value) - 1;
      const applied = await central.query<{ device_op_seq: string; result: string }>(
        'SELECT device_op_seq, result FROM applied_ops WHERE office_id = $1 ORDER BY device_op_seq', [officeId]);
      // Every op the host made reached the server exactly once: seqs 1..N, none missing, none twice.
      expect(applied.map((a) => Number(a.device_op_seq))).toEqual(Array.from({ length: made }, (_, i) => i + 1));
      expect(applied.every((a) => a.result === 'applied')).toBe(true);
      const perOp = await central.query<{ n: number }>('SELECT count(*)::int AS n FROM changes WHERE office_id = $1 GROUP BY op_id HAVING count(*) <> 1', [officeId]);
      expect(perOp).toEqual([]);
      expect((await central.query<{ n: number }>('SELECT count(*)::int AS n FROM changes WHERE office_id = $1', [officeId]))[0]!.n).toBe(made);
      expect(await central.query('SELECT 1 FROM quarantine WHERE office_id = $1', [officeId])).toEqual([]);
      // The records as the server holds them are the host's.
      const local = (db.prepare('SELECT * FROM queue_day_stats ORDER BY id').all() as Record<string, unknown>[]);
      const server = (await central.query<{ data: Record<string, unknown> }>(
        "SELECT data FROM records WHERE office_id = $1 AND table_name = 'queue_day_stats' ORDER BY record_id", [officeId])).map((r) => r.data);
      const canonical = (rows: Record<string, unknown>[]) => rows.map((r) => JSON.stringify(Object.fromEntries(Object.entries(r).sort(([a], [b]) => a.localeCompare(b)))));
      expect(canonical(server)).toEqual(canonical(local));
      // P4: every ticket the host acknowledged is counted on the server (committed but unanswered ones too).
      const tickets = db.prepare('SELECT s.code, count(*) AS n FROM tickets t JOIN services s ON s.id = t.service_id GROUP BY s.code').all() as { code: string; n: number }[];
      for (const code of SERVICES) {
        const count = tickets.find((t) => t.code === code)?.n ?? 0;
        expect(count).toBeGreaterThanOrEqual(acknowledged.get(code)!);
        const issued = server.filter((r) => r.service_code === code && r.step_seq === 0).reduce((sum, r) => sum + Number(r.issued), 0);
        expect(issued).toBe(count);
      }
      expect(db.prepare('PRAGMA integrity_check').pluck().get()).toBe('ok');
      console.log(`[sync-kill] ${KILLS} kills (${kills.answer} between commit and ack, ${kills.applied} after apply, ${kills.burst} mid-burst); ${made} ops applied once each; ${[...acknowledged.values()].reduce((a, b) => a + b, 0)} tickets acknowledged`);
    } finally {
      db.close();
      await host.stop();
    }
  }, 900_000);
});
