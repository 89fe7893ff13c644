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
});
