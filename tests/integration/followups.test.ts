// Follow-ups from creation to done: due days in working days, forward-only statuses, history,
// reassignment, the board and the menu counts; Admin → Hari libur changes deadlines.
import { afterEach, describe, expect, it } from 'vitest';
import { inProcessHost } from '../helpers/inproc';
import { FIRST_RUN, NIK_FEMALE, NIK_MALE, PASSWORD } from '../helpers/factories';

let h: ReturnType<typeof inProcessHost>;
afterEach(() => h?.store.close());

describe('follow-ups', () => {
  it('runs a follow-up through its life, with working-day deadlines and history', async () => {
    // Wednesday 23 December 2026, 09:00 WIB: the 24th is cuti bersama, the 25th Christmas.
    h = inProcessHost(new Date('2026-12-23T02:00:00Z'));
    const { tokens, ids, deskToken } = await h.setup();
    const t = await h.ok('queue.issue', { serviceCode: 'A', priority: null }, tokens.satpam1);

    const eid = await h.ok('followups.create', { ticketId: t.id, nik: NIK_MALE, memberName: 'BUDI', kind: 'eid_print' }, tokens.resep1);
    expect(eid).toMatchObject({ status: 'open', openedDay: '2026-12-23', dueDay: '2026-12-30', ownerId: ids.resep1, ticketLabel: t.label, dueState: 'later' });
    const same = await h.ok('followups.create', { ticketId: t.id, nik: NIK_FEMALE, memberName: 'SITI', kind: 'disdukcapil_registered' }, tokens.resep1);
    expect(same.dueDay).toBe('2026-12-23');
    const one = await h.ok('followups.create', { ticketId: t.id, nik: NIK_FEMALE, memberName: 'SITI', kind: 'disdukcapil_unregistered', ownerId: ids.petugas1 }, tokens.resep1);
    expect(one.dueDay).toBe('2026-12-28');

    // The same kind twice for one member of one visit is refused, in Indonesian.
    const dup = await h.call('followups.create', { ticketId: t.id, nik: NIK_MALE, memberName: 'BUDI', kind: 'eid_print' }, tokens.resep1);
    expect(dup.ok).toBe(false);
    if (!dup.ok) expect(dup.error.message).toMatch(/sudah ada/);
    // A bad NIK never gets in.
    const bad = await h.call('followups.create', { ticketId: t.id, nik: '12345', memberName: 'X', kind: 'eid_print' }, tokens.resep1);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.fields?.nik).toBeTruthy();

    // Forward only.
    const sent = await h.ok('followups.advance', { followupId: eid.id, note: 'dikirim lewat e-mail' }, tokens.resep1);
    expect(sent.status).toBe('sent');
    const back = await h.call('followups.advance', { followupId: eid.id, to: 'open' }, tokens.resep1);
    expect(back.ok).toBe(false);
    if (!back.ok) expect(back.error.code).toBe('INVALID_STATE');
    await h.ok('followups.reassign', { followupId: eid.id, ownerId: ids.petugas2! }, tokens.resep1);
    const done = await h.ok('followups.advance', { followupId: eid.id, to: 'done' }, tokens.petugas2);
    expect(done.status).toBe('done');
    const again = await h.call('followups.advance', { followupId: eid.id }, tokens.petugas2);
    expect(again.ok).toBe(false);

    const full = await h.ok('followups.get', { followupId: eid.id }, tokens.admin);
    expect(full.history.map((e) => [e.action, e.toStatus])).toEqual([['created', 'open'], ['advanced', 'sent'], ['reassigned', 'sent'], ['advanced', 'done']]);
    expect(full.history[1]!.note).toBe('dikirim lewat e-mail');
    expect(full.ownerName).toBe('PETUGAS2');

    // The board: today; then on Monday 28th the one due the 23rd is overdue and the other due today.
    let board = await h.ok('followups.board', { scope: 'all' }, tokens.admin);
    expect(board.today).toBe('2026-12-23');
    expect(board.dueToday.map((f) => f.id)).toEqual([same.id]);
    h.setTime(new Date('2026-12-28T02:00:00Z'));
    // Monday: everyone signs in again.
    tokens.admin = (await h.ok('auth.login', { deskToken, username: FIRST_RUN.adminUsername, password: FIRST_RUN.adminPassword })).sessionToken;
    tokens.petugas1 = (await h.ok('auth.login', { deskToken, username: 'petugas1', password: PASSWORD })).sessionToken;
    board = await h.ok('followups.board', { scope: 'all' }, tokens.admin);
    expect(board.overdue.map((f) => f.id)).toEqual([same.id]);
    expect(board.dueToday.map((f) => f.id)).toEqual([one.id]);
    expect(board.officers.find((o) => o.userId === ids.petugas1)).toMatchObject({ dueToday: 1, overdue: 0, open: 1 });
    const mine = await h.ok('followups.board', { scope: 'mine' }, tokens.petugas1);
    expect(mine.dueToday.map((f) => f.id)).toEqual([one.id]);
    expect(mine.overdue).toEqual([]);
    expect(await h.ok('followups.counts', {}, tokens.petugas1)).toEqual({ dueToday: 1, overdue: 1, mineDueToday: 1, mineOverdue: 0 });

    // Audited.
    const audits = h.store.sqlite.prepare("SELECT action FROM audit WHERE action LIKE 'followups.%' ORDER BY at").all() as { action: string }[];
    expect(audits.map((a) => a.action)).toEqual(['followups.create', 'followups.create', 'followups.create', 'followups.advance', 'followups.reassign', 'followups.advance']);
  });

  it('lets the admin add and remove holidays, which moves later deadlines', async () => {
    h = inProcessHost(new Date('2026-12-23T02:00:00Z'));
    const { tokens } = await h.setup();
    const list = await h.ok('holidays.list', { year: 2026 }, tokens.resep1);
    expect(list.officialListMissing).toBe(false);
    expect(list.rows.find((r) => r.day === '2026-12-24')).toMatchObject({ kind: 'cuti', source: 'official' });
    expect((await h.ok('holidays.list', { year: 2027 }, tokens.admin)).officialListMissing).toBe(true);

    // The office works on the cuti bersama of the 24th.
    await h.ok('holidays.remove', { day: '2026-12-24' }, tokens.admin);
    const t = await h.ok('queue.issue', { serviceCode: 'A', priority: null }, tokens.satpam1);
    const f = await h.ok('followups.create', { ticketId: t.id, nik: NIK_MALE, memberName: 'BUDI', kind: 'disdukcapil_unregistered' }, tokens.resep1);
    expect(f.dueDay).toBe('2026-12-24');
    expect((await h.ok('holidays.list', { year: 2026 }, tokens.admin)).rows.find((r) => r.day === '2026-12-24')?.source).toBe('removed');

    // A regional holiday the list lacks.
    await h.ok('holidays.add', { day: '2026-12-28', name: 'Hari jadi kabupaten' }, tokens.admin);
    await h.ok('holidays.add', { day: '2026-12-24', name: 'Cuti bersama Natal' }, tokens.admin); // back to the official list
    const g = await h.ok('followups.create', { ticketId: t.id, nik: NIK_FEMALE, memberName: 'SITI', kind: 'disdukcapil_unregistered' }, tokens.resep1);
    expect(g.dueDay).toBe('2026-12-29');
    const nonAdmin = await h.call('holidays.add', { day: '2026-12-30', name: 'x' }, tokens.resep1);
    expect(nonAdmin.ok).toBe(false);
    const badDay = await h.call('holidays.add', { day: '2026-02-30', name: 'x' }, tokens.admin);
    expect(badDay.ok).toBe(false);
    if (!badDay.ok) expect(badDay.error.message).toMatch(/Tanggal tidak valid/);
    const audits = h.store.sqlite.prepare("SELECT count(*) AS n FROM audit WHERE action LIKE 'holidays.%'").get() as { n: number };
    expect(audits.n).toBe(3);
  });
});
