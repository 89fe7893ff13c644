// Sync on the desk against a real central server process (its own embedded Postgres) behind a
// proxy that can take the link away: enrol from Admin → Sinkronisasi, see a change wait ("1
// menunggu sinkronisasi, terakhir berhasil HH.MM") while the link is down, then "Tersinkron" once
// it is back; a poisoned op listed with the server's reason; revocation shown at once.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { expect, openSignedIn, test } from './fixtures';
import { ok, removeTempDir, setupOffice, startHostProcess, tempDir, type HostProcess } from '../helpers/host';
import { startCentralProcess, type CentralProcess } from '../helpers/central';
import { startChaosProxy, type ChaosProxy } from '../helpers/chaosProxy';
import { AdminPage } from './pages/AdminPage';
import { SyncPanel } from './pages/SyncPages';

const SHOTS = join('test-results', 'screens');

/** A host of its own, with a short sync interval and probe, so the shared fixture host stays unenrolled. */
function syncHost(dataDir: string): Promise<HostProcess> {
  return startHostProcess(dataDir, 0, { env: { LOKET_SYNC_INTERVAL_MS: '1000', LOKET_SYNC_PROBE_MS: '300' } });
}

/** A broken op, as a damaged or foreign outbox row would be: a patch of a record the server never saw. */
function appendPoisonedOp(dbFile: string): string {
  const db = new Database(dbFile);
  try {
    const opId = uuidv7();
    db.transaction(() => {
      const next = Number((db.prepare("SELECT value FROM sync_state WHERE key = 'next_op_seq'").get() as { value: string }).value);
      db.prepare("UPDATE sync_state SET value = ? WHERE key = 'next_op_seq'").run(String(next + 1));
      const at = new Date().toISOString();
      db.prepare('INSERT INTO sync_outbox (op_id, device_op_seq, table_name, record_id, kind, payload, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
        opId, next, 'queue_day_stats', uuidv7(), 'patch', JSON.stringify({ issued: 3, updated_at: at }), at, at,
      );
    }).immediate();
    return opId;
  } finally {
    db.close();
  }
}

test.describe('Sinkronisasi', () => {
  let central: CentralProcess;
  let proxy: ChaosProxy;
  let host: HostProcess;
  let dataDir: string;

  test.beforeAll(async () => {
    central = await startCentralProcess();
    proxy = await startChaosProxy(central.url, 3);
    dataDir = tempDir('loket-e2e-sync-');
    host = await syncHost(dataDir);
  });
  test.afterAll(async () => {
    await host?.stop();
    await proxy?.close();
    await central?.stop();
    if (dataDir) removeTempDir(dataDir);
  });

  test('enrol, a change waits while the link is down, then Tersinkron; quarantine and revocation', async ({ browser }) => {
    const office = await setupOffice(host.url);
    const officeId = await central.createOffice('Puskesmas Kenten');
    const { page } = await openSignedIn(browser, host.url, office.deskToken, office.tokens.admin!);
    await page.setViewportSize({ width: 1366, height: 768 });
    mkdirSync(SHOTS, { recursive: true });
    await new AdminPage(page).open();
    const sync = await SyncPanel.open(page);

    await test.step('not enrolled: the panel says so and the header shows nothing', async () => {
      await expect(sync.notEnrolled).toBeVisible();
      await expect(sync.indicator.self).toHaveCount(0);
      await page.screenshot({ path: join(SHOTS, 'sync-01-not-enrolled-1366x768.png') });
    });

    await test.step('a wrong code is refused in Indonesian', async () => {
      await sync.enrol(proxy.url, 'SALAH-KODE-123');
      await expect(sync.enrolError).toContainText('Kode pendaftaran salah');
    });

    await test.step('enrolled with a one-time code: Tersinkron', async () => {
      await sync.enrol(proxy.url, await central.enrolCode(officeId));
      await expect(sync.office).toHaveText('Puskesmas Kenten');
      await sync.indicator.expectSynced();
      await sync.expectState('synced');
      await sync.indicator.show();
      await page.screenshot({ path: join(SHOTS, 'sync-02-enrolled-synced-1366x768.png') });
    });

    await test.step('link down: a ticket issued at the satpam desk waits, the header says so', async () => {
      proxy.rules.offline = true;
      await ok(host.url, 'queue.issue', { serviceCode: 'A', priority: null }, office.tokens.satpam1!);
      // One ticket is several ops (the service's figures and each SOP step's): the header says how many.
      const waiting = await sync.indicator.pending();
      expect(waiting).toBe((await ok(host.url, 'sync.status', {}, office.tokens.admin!)).pending);
      await sync.indicator.expectPending(waiting);
      await sync.indicator.show();
      await page.screenshot({ path: join(SHOTS, 'sync-03-pending-1366x768.png') });
      // It stays pending while the link is down, even when asked to sync now.
      await sync.syncNow();
      await sync.indicator.expectPending(waiting);
      await expect(sync.stateText).toHaveText(new RegExp(`^${waiting} menunggu sinkronisasi`));
    });

    await test.step('link back: it reaches the server by itself, Tersinkron', async () => {
      proxy.rules.offline = false;
      await sync.indicator.expectSynced();
      const rows = await central.query<{ data: { service_code: string; issued: number; step_seq: number } }>(
        "SELECT data FROM records WHERE office_id = $1 AND table_name = 'queue_day_stats'",
        [officeId],
      );
      expect(rows.filter((r) => r.data.step_seq === 0).map((r) => [r.data.service_code, r.data.issued])).toEqual([['A', 1]]);
      await sync.indicator.show();
      await page.screenshot({ path: join(SHOTS, 'sync-04-synced-again-1366x768.png') });
    });

    await test.step('a poisoned op is quarantined with its reason and the rest flow', async () => {
      const opId = appendPoisonedOp(host.started.dbFile);
      await ok(host.url, 'queue.issue', { serviceCode: 'B', priority: null }, office.tokens.satpam1!);
      await sync.syncNow();
      await expect(sync.quarantineRows).toHaveCount(1);
      await expect(sync.quarantineRows.first()).toHaveAttribute('data-op-id', opId);
      await expect(sync.quarantineRows.first()).toContainText('tidak dikenal di server');
      await sync.indicator.expectSynced();
      const b = await central.query("SELECT 1 FROM records WHERE office_id = $1 AND data->>'service_code' = 'B'", [officeId]);
      expect(b.length).toBeGreaterThan(0);
      await sync.quarantineRows.first().scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(SHOTS, 'sync-05-quarantine-1366x768.png') });
    });

    await test.step('revoked on the server: sync stops at once with a clear message', async () => {
      await central.revoke(officeId);
      await ok(host.url, 'queue.issue', { serviceCode: 'A', priority: null }, office.tokens.satpam1!);
      await sync.syncNow();
      await expect(sync.refused).toContainText('Komputer ini telah dicabut');
      await sync.indicator.expectRefused();
      await sync.indicator.show();
      await page.screenshot({ path: join(SHOTS, 'sync-06-revoked-1366x768.png') });
    });
  });
});
