// Exactly-once calls (common/contract/core.ts, EntryFlags.idempotent), in-process: a repeated
// requestId answers the first result without doing the work again or re-publishing its events.
// The SIGKILL version is tests/fault/retry-after-kill.test.ts.
import { describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { composeDispatch } from '../../main/app/compose';
import { REQUEST_LOG_KEEP_MS } from '../../main/platform/transport/idempotency';
import { inProcessHost } from '../helpers/inproc';
import { KK_VALID, NIK_MALE, PASSWORD } from '../helpers/factories';

const count = (h: ReturnType<typeof inProcessHost>, sql: string) => (h.store.sqlite.prepare(sql).get() as { n: number }).n;

describe('exactly-once calls', () => {
  it('answers a repeated issue and call with the first result, once in the data and on the TV', async () => {
    const h = inProcessHost();
    const { tokens } = await h.setup();
    const issueId = uuidv7();
    const first = await h.ok('queue.issue', { serviceCode: 'A', priority: null, requestId: issueId }, tokens.satpam1);
    const eventsAfterFirst = h.events.length;
    h.advance(5);
    const again = await h.ok('queue.issue', { serviceCode: 'A', priority: null, requestId: issueId }, tokens.satpam1);
    expect(again).toEqual(first);
    expect(count(h, 'SELECT count(*) AS n FROM tickets')).toBe(1);
    expect(h.events).toHaveLength(eventsAfterFirst);
    // A new action is a new id: the next visitor gets the next number.
    expect((await h.ok('queue.issue', { serviceCode: 'A', priority: null, requestId: uuidv7() }, tokens.satpam1)).label).toBe('A-002');

    const callId = uuidv7();
    const called = await h.ok('queue.callNext', { stage: 'resepsionis', requestId: callId }, tokens.resep1);
    const calls = () => h.events.filter((e) => e.type === 'display.call').length;
    expect(calls()).toBe(1);
    expect(await h.ok('queue.callNext', { stage: 'resepsionis', requestId: callId }, tokens.resep1)).toEqual(called);
    expect(calls()).toBe(1);
    expect(count(h, "SELECT count(*) AS n FROM ticket_events WHERE kind = 'called'")).toBe(1);
    // Without the id the busy guard applies as usual: the repeat above did not meet it.
    expect(await h.call('queue.callNext', { stage: 'resepsionis' }, tokens.resep1)).toMatchObject({ ok: false, error: { code: 'BUSY_WITH_VISITOR' } });
  });

  it('refuses an id reused by another user or for another call', async () => {
    const h = inProcessHost();
    const { tokens } = await h.setup();
    const id = uuidv7();
    await h.ok('queue.issue', { serviceCode: 'A', priority: null, requestId: id }, tokens.satpam1);
    expect(await h.call('queue.issue', { serviceCode: 'A', priority: null, requestId: id }, tokens.satpam2)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await h.call('queue.callNext', { stage: 'resepsionis', requestId: id }, tokens.resep1)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(count(h, 'SELECT count(*) AS n FROM tickets')).toBe(1);
    expect(await h.call('queue.issue', { serviceCode: 'A', priority: null, requestId: 'bukan-uuid' }, tokens.satpam1)).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { requestId: expect.any(String) } } });
  });

  it('does not remember a refusal: the same id runs again once the desk is free', async () => {
    const h = inProcessHost();
    const { tokens } = await h.setup();
    const a = await h.ok('queue.issue', { serviceCode: 'A', priority: null }, tokens.satpam1);
    await h.ok('queue.issue', { serviceCode: 'B', priority: null }, tokens.satpam1);
    await h.ok('queue.callNext', { stage: 'resepsionis' }, tokens.resep1);
    const id = uuidv7();
    expect(await h.call('queue.callNext', { stage: 'resepsionis', requestId: id }, tokens.resep1)).toMatchObject({ ok: false, error: { code: 'BUSY_WITH_VISITOR' } });
    await h.ok('queue.skip', { ticketId: a.id }, tokens.resep1);
    expect(await h.ok('queue.callNext', { stage: 'resepsionis', requestId: id }, tokens.resep1)).toMatchObject({ label: 'B-001' });
  });

  it('never keeps personal data or a desk token in the log: such repeats are refused, not replayed', async () => {
    const h = inProcessHost();
    const { tokens } = await h.setup();
    const t = await h.ok('queue.issue', { serviceCode: 'A', priority: null }, tokens.satpam1);
    const caseId = uuidv7();
    const input = { ticketId: t.id, nik: NIK_MALE, name: 'Budi Santoso', kk: KK_VALID, phone: '', purpose: '', requestId: caseId };
    await h.ok('cases.save', input, tokens.resep1);
    expect(await h.call('cases.save', input, tokens.resep1)).toMatchObject({ ok: false, error: { code: 'DUPLICATE_REQUEST' } });
    const deskId = uuidv7();
    await h.ok('desks.create', { name: 'Loket 5', counterNo: 5, requestId: deskId }, tokens.admin);
    expect(await h.call('desks.create', { name: 'Loket 5', counterNo: 5, requestId: deskId }, tokens.admin)).toMatchObject({ ok: false, error: { code: 'DUPLICATE_REQUEST' } });
    expect(count(h, "SELECT count(*) AS n FROM desks WHERE name = 'Loket 5'")).toBe(1);
    const log = JSON.stringify(h.store.sqlite.prepare('SELECT * FROM request_log').all());
    expect(log).not.toContain(NIK_MALE);
    expect(log).not.toContain('deskToken');
  });

  it('replays a call whose handler awaits (users.create hashes the password first)', async () => {
    const h = inProcessHost();
    const { tokens } = await h.setup();
    const id = uuidv7();
    const input = { username: 'resep9', fullName: 'Resep Sembilan', roles: ['resepsionis' as const], password: PASSWORD, requestId: id };
    const first = await h.ok('users.create', input, tokens.admin);
    expect(await h.ok('users.create', input, tokens.admin)).toEqual(first);
    expect(count(h, "SELECT count(*) AS n FROM users WHERE username = 'resep9'")).toBe(1);
    expect(count(h, `SELECT count(*) AS n FROM request_log WHERE request_id = '${id}' AND result IS NOT NULL`)).toBe(1);
  });

  it('forgets requests older than two days at start-up', async () => {
    const h = inProcessHost();
    await h.setup();
    const old = new Date(h.deps.now().getTime() - REQUEST_LOG_KEEP_MS - 1000).toISOString();
    const recent = new Date(h.deps.now().getTime() - 3600_000).toISOString();
    const ins = h.store.sqlite.prepare("INSERT INTO request_log (request_id, call, user_id, result, at) VALUES (?, 'queue.issue', NULL, 'null', ?)");
    ins.run('old', old);
    ins.run('recent', recent);
    composeDispatch(h.deps, () => {});
    expect(h.store.sqlite.prepare('SELECT request_id FROM request_log ORDER BY request_id').all()).toEqual([{ request_id: 'recent' }]);
  });
});
