// Sync to the central server (../shared/sync.md) with real processes and a real embedded Postgres:
// enrolment and revocation, the guard on synced tables, exactly once through a proxy that drops,
// duplicates, delays and reorders (P3), Postgres restarted mid-run (P2), status forward only (P5),
// quarantine (P6), clocks a day off (P7), a reinstalled host (P8) and the indicator (P9).
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../../main/platform/db';
import { migrate } from '../../main/platform/db/migrate';
import { installSyncGuards, syncInsert, GUARD_MESSAGE } from '../../main/platform/sync';
import type { SyncOp } from '../../common/sync/protocol';
import { ok, setupOffice, startHostProcess, tempDir, type HostProcess } from '../helpers/host';
import { startTestCentral, type TestCentral } from '../helpers/central';
import { startChaosProxy, type ChaosProxy } from '../helpers/chaosProxy';

let central: TestCentral;
const hosts: HostProcess[] = [];
const proxies: ChaosProxy[] = [];

beforeAll(async () => {
  process.env.LOKET_SYNC_INTERVAL_MS = '300';
  process.env.LOKET_SYNC_PROBE_MS = '250';
  central = await startTestCentral();
}, 60_000);
afterAll(async () => {
  await Promise.all(hosts.map((h) => h.stop().catch(() => undefined)));
  await Promise.all(proxies.map((p) => p.close()));
  await central?.close();
});

const canonical = (rows: Record<string, unknown>[]) => JSON.stringify(rows.map((r) => Object.fromEntries(Object.entries(r).sort(([a], [b]) => a.localeCompare(b)))));

async function until<T>(what: string, fn: () => Promise<T | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function enrolledHost(officeName: string, serverUrl: string, dataDir?: string) {
  const host = await startHostProcess(dataDir);
  hosts.push(host);
  const office = await setupOffice(host.url);
  const officeId = await central.createOffice(officeName);
  const code = await central.enrolCode(officeId);
  // With a requestId, as the screen sends it (the idempotent path).
  await ok(host.url, 'sync.enrol', { serverUrl, code, requestId: uuidv7() }, office.tokens.admin!);
  return { host, officeId, ...office };
}

/** The host's queue_day_stats as the server holds them, and as the host holds them. */
async function serverStats(officeId: string) {
  const rows = await central.query<{ data: Record<string, unknown> }>("SELECT data FROM records WHERE office_id = $1 AND table_name = 'queue_day_stats'", [officeId]);
  return rows.map((r) => r.data).sort((a, b) => String(a.id).localeCompare(String(b.id)));
}
function localStats(dbFile: string) {
  const store = new Store(dbFile);
  try {
    return (store.sqlite.prepare('SELECT * FROM queue_day_stats ORDER BY id').all() as Record<string, unknown>[]);
  } finally {
    store.close();
  }
}

describe('enrolment and the queue day figures', () => {
  it('an enrolled host sends its queue figures, a revoked one stops at once with a clear message', async () => {
    const { host, officeId, tokens } = await enrolledHost('Dinkes Kota Palembang', central.url);
    for (const code of ['A', 'A', 'B']) await ok(host.url, 'queue.issue', { serviceCode: code, priority: null }, tokens.satpam1!);
    const synced = await until('Tersinkron', async () => {
      const s = await ok(host.url, 'sync.status', {}, tokens.admin!);
      return s.state === 'synced' && s;
    });
    expect(synced.pending).toBe(0);
    const server = await serverStats(officeId);
    expect(server.filter((r) => r.step_seq === 0).map((r) => [r.service_code, r.issued]).sort()).toEqual([['A', 2], ['B', 1]]);
    await central.revoke(officeId);
    await ok(host.url, 'queue.issue', { serviceCode: 'A', priority: null }, tokens.satpam1!);
    const refused = await until('refused', async () => {
      const s = await ok(host.url, 'sync.status', {}, tokens.admin!);
      return s.state === 'refused' && s;
    });
    expect(refused.message).toMatch(/dicabut/);
    expect(refused.pending).toBeGreaterThan(0);
    // A code already used cannot enrol again.
    const reuse = await ok(host.url, 'sync.status', {}, tokens.admin!);
    expect(reuse.state).toBe('refused');
  });
});

describe('the one write path', () => {
  it('a synced table refuses any write that does not come through the write path', () => {
    const store = new Store(join(tempDir('loket-guard-'), 'g.sqlite'));
    try {
      migrate(store);
      installSyncGuards(store);
      const row = { id: uuidv7(), day: '2026-11-27', service_code: 'A', service_name: 'A', step_seq: 0, step_name: '', issued: 1, done: 0, cancelled: 0, no_show: 0, steps: 0, service_median_sec: null, within_mutu_baku_pct: null };
      expect(() => store.sqlite.prepare("INSERT INTO queue_day_stats (id, day, service_code, service_name, step_seq, step_name, issued, done, cancelled, no_show, steps, created_at, updated_at) VALUES ('x', '2026-11-27', 'A', 'A', 1, '', 0, 0, 0, 0, 0, 'a', 'a')").run()).toThrow(GUARD_MESSAGE);
      store.tx((w) => syncInsert(w, 'queue_day_stats', row, new Date()));
      expect(() => store.sqlite.prepare('UPDATE queue_day_stats SET issued = 9').run()).toThrow(GUARD_MESSAGE);
      expect(() => store.sqlite.prepare('DELETE FROM queue_day_stats').run()).toThrow(GUARD_MESSAGE);
      expect(store.sqlite.prepare('SELECT open FROM sync_gate').get()).toEqual({ open: 0 });
      expect(store.sqlite.prepare('SELECT COUNT(*) AS n FROM sync_outbox').get()).toEqual({ n: 1 });
    } finally {
      store.close();
    }
  });
});

describe('the server merge (P5, P6, P7) over HTTP', () => {
  async function device(officeName: string) {
    const officeId = await central.createOffice(officeName);
    const deviceId = uuidv7();
    const res = await fetch(`${central.url}/sync/enrol`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: await central.enrolCode(officeId), deviceId, deviceName: 'uji' }) });
    const { token } = (await res.json()) as { token: string };
    let seq = 0;
    const push = async (ops: Omit<SyncOp, 'opId' | 'deviceOpSeq' | 'createdAt'>[], opIds?: string[]) => {
      const full = ops.map((o, i) => ({ ...o, opId: opIds?.[i] ?? uuidv7(), deviceOpSeq: ++seq, createdAt: o.updatedAt }));
      const r = await fetch(`${central.url}/sync/push`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ deviceId, ops: full, backlog: 0 }) });
      return { ack: (await r.json()) as { applied: string[]; duplicates: string[]; quarantined: { opId: string; reason: string }[] }, ops: full };
    };
    return { officeId, push, token };
  }
  const letter = (id: string, status: string, at: string) => ({ id, status, status_rank: 0, patient_name: 'Siti Aminah', number: null, day: at.slice(0, 10), created_at: at, updated_at: at });

  it('status moves forward only, LWW keeps the loser in history, a poisoned op is quarantined and the rest flow', async () => {
    const d = await device('Puskesmas Merdeka');
    const id = uuidv7();
    const t0 = new Date(Date.now() - 60_000).toISOString();
    const t1 = new Date(Date.now() - 30_000).toISOString();
    const first = await d.push([
      { table: 'letters', recordId: id, kind: 'insert', payload: letter(id, 'draf', t0), updatedAt: t0 },
      { table: 'letters', recordId: id, kind: 'status', payload: { status: 'ditandatangani', updated_at: t1 }, updatedAt: t1 },
      { table: 'letters', recordId: uuidv7(), kind: 'patch', payload: { patient_name: 'X' }, updatedAt: t1 },
      { table: 'letters', recordId: id, kind: 'insert', payload: { id, status: 'entah' }, updatedAt: t1 },
      { table: 'letters', recordId: id, kind: 'patch', payload: { patient_name: 'Siti Aminah Binti Ahmad' }, updatedAt: t1 },
    ]);
    expect(first.ack.applied).toHaveLength(3);
    expect(first.ack.quarantined.map((q) => q.reason)).toEqual([expect.stringMatching(/tidak dikenal/), expect.stringMatching(/tidak valid/)]);
    // A stale "draf" arriving later never overwrites "ditandatangani"; an older name loses LWW.
    await d.push([
      { table: 'letters', recordId: id, kind: 'status', payload: { status: 'draf' }, updatedAt: t0 },
      { table: 'letters', recordId: id, kind: 'patch', payload: { patient_name: 'nama lama' }, updatedAt: t0 },
    ]);
    const [rec] = await central.query<{ data: Record<string, unknown> }>('SELECT data FROM records WHERE record_id = $1', [id]);
    expect(rec!.data).toMatchObject({ status: 'ditandatangani', patient_name: 'Siti Aminah Binti Ahmad' });
    const lost = await central.query<{ field: string; value: unknown; reason: string }>('SELECT field, value, reason FROM record_history WHERE record_id = $1 ORDER BY id', [id]);
    expect(lost).toEqual(expect.arrayContaining([
      { field: 'status', value: 'draf', reason: 'status_backward' },
      { field: 'patient_name', value: 'nama lama', reason: 'lww' },
    ]));
    expect((await central.query('SELECT 1 FROM quarantine WHERE office_id = $1', [d.officeId])).length).toBe(2);
  });

  it('a repeated batch is acknowledged again without change; clocks a day off do not order anything', async () => {
    const d = await device('Puskesmas Sukarami');
    const id = uuidv7();
    const ahead = new Date(Date.now() + 86_400_000).toISOString();
    const behind = new Date(Date.now() - 86_400_000).toISOString();
    const ops = [
      { table: 'letters', recordId: id, kind: 'insert' as const, payload: letter(id, 'draf', ahead), updatedAt: ahead },
      { table: 'letters', recordId: id, kind: 'patch' as const, payload: { diagnosis: 'dari jam cepat' }, updatedAt: ahead },
    ];
    const a = await d.push(ops);
    const again = await fetch(`${central.url}/sync/push`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${d.token}` },
      body: JSON.stringify({ deviceId: (await central.query<{ id: string }>('SELECT id FROM devices WHERE office_id = $1', [d.officeId]))[0]!.id, ops: a.ops, backlog: 0 }),
    });
    expect(((await again.json()) as { duplicates: string[] }).duplicates).toEqual(a.ops.map((o) => o.opId));
    // A later edit from a device a day behind still wins: the fast clock was clamped to the server's time.
    await new Promise((r) => setTimeout(r, 5));
    await d.push([{ table: 'letters', recordId: id, kind: 'patch', payload: { diagnosis: 'koreksi' }, updatedAt: new Date().toISOString() }]);
    await d.push([{ table: 'letters', recordId: id, kind: 'patch', payload: { hospital_name: 'RSUD' }, updatedAt: behind }]);
    const changes = await central.query<{ server_seq: number }>('SELECT server_seq FROM changes WHERE record_id = $1 ORDER BY at, server_seq', [id]);
    expect(changes.map((c) => c.server_seq)).toEqual([...changes.map((c) => c.server_seq)].sort((x, y) => x - y));
    expect(changes).toHaveLength(4);
    const [rec] = await central.query<{ data: Record<string, unknown> }>('SELECT data FROM records WHERE record_id = $1', [id]);
    expect(rec!.data).toMatchObject({ diagnosis: 'koreksi', hospital_name: 'RSUD' });
  });
});

describe('a link that misbehaves, a Postgres restart, a reinstall', () => {
  it('P3 + P2 + P8 + P9: dropped, duplicated, reordered requests and a Postgres restart converge; a reinstalled host uploads what was pending', async () => {
    const proxy = await startChaosProxy(central.url, 7);
    proxies.push(proxy);
    const { host, officeId, tokens } = await enrolledHost('Dinkes Kab. Banyuasin', proxy.url);
    Object.assign(proxy.rules, { dropRequest: 0.15, dropResponse: 0.15, duplicate: 0.2, reorder: 0.15, delayMs: 40 });
    for (let i = 0; i < 24; i++) {
      await ok(host.url, 'queue.issue', { serviceCode: i % 3 ? 'A' : 'B', priority: null }, tokens.satpam1!);
      // P9: whenever ops wait, the state is not "synced".
      const s = await ok(host.url, 'sync.status', {}, tokens.admin!);
      if (s.pending > 0) expect(s.state).not.toBe('synced');
      if (i === 11) {
        await central.embedded!.stop();
        await central.embedded!.start();
      }
    }
    // The link must really have misbehaved before it heals: keep writing and syncing until the proxy
    // has dropped, duplicated or reordered at least 3 requests (how many fall in the loop above
    // depends on the worker's timing, not on the seed alone).
    const chaos = () => proxy.stats.dropped + proxy.stats.duplicated + proxy.stats.reordered;
    await until('the link to misbehave', async () => {
      if (chaos() >= 3) return true;
      await ok(host.url, 'queue.issue', { serviceCode: 'A', priority: null }, tokens.satpam1!);
      const s = await ok(host.url, 'sync.now', {}, tokens.admin!);
      if (s.pending > 0) expect(s.state).not.toBe('synced');
      return false;
    }, 60_000);
    Object.assign(proxy.rules, { dropRequest: 0, dropResponse: 0, duplicate: 0, reorder: 0, delayMs: 0 });
        await until('synced after chaos', async () => (await ok(host.url, 'sync.status', {}, tokens.admin!)).state === 'synced', 60_000);
    expect(proxy.stats.dropped + proxy.stats.duplicated + proxy.stats.reordered).toBeGreaterThanOrEqual(3);
    expect(await serverStats(officeId)).toEqual(localStats(host.started.dbFile));
    const applied = await central.query<{ device_op_seq: number }>('SELECT device_op_seq FROM applied_ops WHERE office_id = $1 ORDER BY device_op_seq', [officeId]);
    expect(applied.map((a) => a.device_op_seq)).toEqual(applied.map((_, i) => i + 1));

    // P8: offline writes, the host removed, a new install on the old database file.
    proxy.rules.offline = true;
    for (let i = 0; i < 4; i++) await ok(host.url, 'queue.issue', { serviceCode: 'B', priority: null }, tokens.satpam1!);
    await until('pending', async () => (await ok(host.url, 'sync.status', {}, tokens.admin!)).pending > 0);
    await host.kill9();
    const fresh = tempDir('loket-reinstall-');
    for (const suffix of ['', '-wal', '-shm']) {
      try {
        copyFileSync(`${host.started.dbFile}${suffix}`, join(fresh, `loket.sqlite${suffix}`));
      } catch {
        // no such sidecar
      }
    }
    proxy.rules.offline = false;
    const again = await startHostProcess(fresh);
    hosts.push(again);


    await until('reinstalled host synced', async () => {
      const local = localStats(join(fresh, 'loket.sqlite'));
      const server = await serverStats(officeId);
      return canonical(local) === canonical(server) && server.filter((r) => r.service_code === 'B' && r.step_seq === 0)[0]?.issued === 12;
    }, 60_000);
  }, 180_000);
});
