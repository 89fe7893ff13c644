// The host is killed with SIGKILL after a call's transaction has committed and before it answers
// (LOKET_TEST_CRASH_AFTER_COMMIT, see main/platform/transport/dispatch.ts), the one moment a
// client's retry could double the work. The satpam's retry of queue.issue and the desk's retry of
// queue.callNext reuse their requestId: one ticket, one call, one announcement.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, describe, expect, it } from 'vitest';
import { DB_FILE_NAME } from '../../main/app/start';
import { api, ok, removeTempDirs, setupOffice, startHostProcess, tempDir, type HostProcess } from '../helpers/host';

/** Starts the host on dataDir, killing itself right after `crashAfter` commits (if given). */
function hostCrashingAfter(dataDir: string, crashAfter: string | null): Promise<HostProcess> {
  return startHostProcess(dataDir, 0, crashAfter ? { env: { LOKET_TEST_CRASH_AFTER_COMMIT: crashAfter } } : {});
}

/** Counts rows in the host's database file, read while no host runs. */
function countRows(dataDir: string, sql: string): number {
  const db = new Database(join(dataDir, DB_FILE_NAME), { readonly: true });
  try {
    return (db.prepare(sql).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

const exited = (h: HostProcess) => new Promise<number | null>((r) => (h.proc.exitCode !== null || h.proc.signalCode !== null ? r(null) : h.proc.once('exit', (code) => r(code))));

afterAll(() => removeTempDirs());

describe('retry after a SIGKILL between commit and answer', () => {
  it('gives one ticket for a retried issue and one call for a retried callNext', async () => {
    const dataDir = tempDir('loket-retry-kill-');
    let host = await hostCrashingAfter(dataDir, 'queue.issue');
    const office = await setupOffice(host.url);

    const issueId = uuidv7();
    const issueInput = { serviceCode: 'A', priority: null, requestId: issueId };
    // The answer never comes: the connection dies with the host.
    await expect(api(host.url, 'queue.issue', issueInput, office.tokens.satpam1)).rejects.toThrow();
    await exited(host);
    expect(host.proc.signalCode).toBe('SIGKILL');
    // It died after committing: the ticket is there, answered or not.
    expect(countRows(dataDir, 'SELECT count(*) AS n FROM tickets')).toBe(1);

    host = await hostCrashingAfter(dataDir, 'queue.callNext');
    const retried = await ok(host.url, 'queue.issue', issueInput, office.tokens.satpam1);
    expect(retried).toMatchObject({ label: 'A-001', status: 'waiting' });
    const callId = uuidv7();
    await expect(api(host.url, 'queue.callNext', { stage: 'resepsionis', requestId: callId }, office.tokens.resep1)).rejects.toThrow();
    await exited(host);
    expect(host.proc.signalCode).toBe('SIGKILL');
    expect(countRows(dataDir, 'SELECT count(*) AS n FROM tickets')).toBe(1);
    expect(countRows(dataDir, "SELECT count(*) AS n FROM ticket_events WHERE kind = 'called'")).toBe(1);

    host = await hostCrashingAfter(dataDir, null);
    try {
      const called = await ok(host.url, 'queue.callNext', { stage: 'resepsionis', requestId: callId }, office.tokens.resep1);
      expect(called).toMatchObject({ id: retried.id, label: 'A-001', status: 'called' });
      const board = await ok(host.url, 'display.state', {});
      expect(board.recentByCounter.flatMap((c) => c.calls).map((c) => c.label)).toEqual(['A-001']);
      // A second ticket is a new request, numbered on: nothing was lost or doubled.
      expect((await ok(host.url, 'queue.issue', { serviceCode: 'A', priority: null, requestId: uuidv7() }, office.tokens.satpam1)).label).toBe('A-002');
    } finally {
      await host.stop();
    }
    expect(countRows(dataDir, 'SELECT count(*) AS n FROM tickets')).toBe(2);
    expect(countRows(dataDir, "SELECT count(*) AS n FROM ticket_events WHERE kind = 'called'")).toBe(1);
    expect(countRows(dataDir, "SELECT count(*) AS n FROM ticket_events WHERE kind = 'issued'")).toBe(2);
  });
});
