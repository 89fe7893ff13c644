// Group commit (Store.groupCommit, on in the real host): the requests of one event-loop turn share
// one COMMIT, each still rolls back alone, and nothing is answered before its work is on disk.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { inProcessHost } from '../helpers/inproc';
import { qb } from '../../main/platform/db';

describe('group commit', () => {
  it('commits a turn’s requests together, answers only after the commit, and keeps a failed one out', async () => {
    const h = inProcessHost();
    const { tokens } = await h.setup();
    h.store.groupCommit = true;
    const reader = new Database(h.store.file, { readonly: true });
    const count = () => (reader.prepare('SELECT COUNT(*) AS n FROM tickets').get() as { n: number }).n;
    let answered = 0;
    const pending = [
      h.call('queue.issue', { serviceCode: 'A', priority: null }, tokens.satpam1),
      h.call('queue.issue', { serviceCode: 'B', priority: null }, tokens.satpam2),
      h.call('queue.issue', { serviceCode: 'Z', priority: null }, tokens.satpam1),
    ].map((p) => p.finally(() => (answered += 1)));
    // The three ran in this turn: two tickets written, none on disk and none answered yet.
    expect(h.store.sqlite.inTransaction).toBe(true);
    expect(count()).toBe(0);
    expect(answered).toBe(0);
    const [a, b, z] = await Promise.all(pending);
    expect(count()).toBe(2);
    expect(a).toMatchObject({ ok: true, value: { label: 'A-001' } });
    expect(b).toMatchObject({ ok: true, value: { label: 'B-001' } });
    expect(z).toMatchObject({ ok: false, error: { code: 'SERVICE_UNAVAILABLE' } });
    expect(h.store.sqlite.inTransaction).toBe(false);
    // A write outside a request commits what the group holds first, then itself.
    void h.call('queue.issue', { serviceCode: 'A', priority: null }, tokens.satpam1);
    h.store.tx((w) => w.run(qb.updateTable('settings').set({ value: '' }).where('key', '=', 'no-such-setting')));
    expect(count()).toBe(3);
    reader.close();
  });

  it('answers only after the WAL sync the connection no longer does itself; a failed sync fails its requests', async () => {
    const h = inProcessHost();
    const { tokens } = await h.setup();
    const synchronous = () => h.store.sqlite.pragma('synchronous', { simple: true });
    expect(synchronous()).toBe(2); // FULL
    h.store.groupCommit = true;
    expect(synchronous()).toBe(1); // NORMAL: the store syncs the WAL itself
    const flushes: { file: string; done: () => void }[] = [];
    h.store.walFlusher = (file) => new Promise<void>((resolve) => flushes.push({ file, done: resolve }));
    let answered = false;
    const pending = h.call('queue.issue', { serviceCode: 'A', priority: null }, tokens.satpam1).finally(() => (answered = true));
    // Committed, but the WAL is not synced: no answer yet.
    await new Promise((r) => setTimeout(r, 30));
    expect(h.store.sqlite.inTransaction).toBe(false);
    expect(flushes.map((f) => f.file)).toEqual([`${h.store.file}-wal`]);
    expect(answered).toBe(false);
    flushes[0]!.done();
    await expect(pending).resolves.toMatchObject({ ok: true, value: { label: 'A-001' } });
    // A sync that fails fails the requests of its group: nothing is answered as done that may not be on disk.
    h.store.walFlusher = () => Promise.reject(new Error('EIO'));
    await expect(h.call('queue.issue', { serviceCode: 'A', priority: null }, tokens.satpam1)).resolves.toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    // Turned off (as a desk's local store is), the connection syncs every commit again.
    h.store.groupCommit = false;
    expect(synchronous()).toBe(2);
  });
});
