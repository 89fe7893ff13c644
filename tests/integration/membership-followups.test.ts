// The resepsionis's membership decision opens the matching follow-up for that member in the same
// transaction, once: against the BPJS simulator on 127.0.0.1 and the in-process host.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { qb } from '../../main/platform/db';
import { startFakeBpjs } from '../../scripts/fake-bpjs.mjs';
import { FAMILY_KK, FIVE_OUTCOMES, nikWith } from '../helpers/family';
import { inProcessHost } from '../helpers/inproc';

let sim: Awaited<ReturnType<typeof startFakeBpjs>>;
beforeAll(async () => (sim = await startFakeBpjs({ slowMs: 3_000 })));
afterAll(() => sim.close());

// Wednesday 25 November 2026, 09:00 in Jakarta.
async function checkedFamily() {
  const h = inProcessHost(new Date('2026-11-25T02:00:00Z'));
  const { tokens } = await h.setup();
  const t = await h.ok('queue.issue', { serviceCode: 'A', priority: null }, tokens.satpam1);
  await h.ok('queue.callNext', { stage: 'resepsionis' }, tokens.resep1);
  await h.ok('cases.save', { ticketId: t.id, nik: nikWith('0001'), name: 'Siti Aminah', kk: FAMILY_KK, phone: '0812 3456 789', purpose: 'Cek kepesertaan' }, tokens.resep1);
  await h.ok('membership.settings.save', { service: 'pcare', pcareUrl: sim.pcareUrl, vclaimUrl: sim.vclaimUrl, ...sim.credentials, timeoutMs: 1_000 }, tokens.admin);
  await h.ok('cases.family.save', { ticketId: t.id, kk: FAMILY_KK, address: 'Jl. Kebon Kelapa No. 5', headName: 'Budi Santoso', members: FIVE_OUTCOMES }, tokens.resep1);
  const { checks } = await h.ok('membership.checkFamily', { ticketId: t.id }, tokens.resep1);
  expect(checks.map((c) => c.nextAction)).toEqual(['request_eid', 'continue', 'form_transfer', 'form_new_participant', 'disdukcapil']);
  const rows = () => h.store.all(qb.selectFrom('followups').select(['nik', 'kind', 'status', 'due_day', 'owner_id']).where('ticket_id', '=', t.id).orderBy('created_at').orderBy('id'));
  return { h, tokens, ticketId: t.id, rows };
}

describe('follow-ups opened by the membership decision', () => {
  it('confirming each member opens its follow-up with its working-day deadline, and nothing for the others', async () => {
    const { h, tokens, ticketId, rows } = await checkedFamily();
    for (const m of FIVE_OUTCOMES) {
      const { checks } = await h.ok('membership.list', { ticketId }, tokens.resep1);
      const action = checks.find((c) => c.nik === m.nik)!.nextAction;
      await h.ok('membership.decide', { ticketId, nik: m.nik, action }, tokens.resep1);
    }
    const resep1 = h.store.first(qb.selectFrom('users').select('id').where('username', '=', 'resep1'));
    const kinds = Object.fromEntries(rows().map((r) => [r.nik, r]));
    expect(Object.keys(kinds)).toHaveLength(4);
    // Wed 25 Nov 2026: +3 working days is Mon 30 Nov; +1 is Thu 26 Nov.
    expect(kinds[FIVE_OUTCOMES[0]!.nik]).toMatchObject({ kind: 'eid_print', status: 'open', due_day: '2026-11-30', owner_id: resep1?.id });
    expect(kinds[FIVE_OUTCOMES[1]!.nik]).toBeUndefined();
    expect(kinds[FIVE_OUTCOMES[2]!.nik]).toMatchObject({ kind: 'pengalihan', due_day: '2026-11-30' });
    expect(kinds[FIVE_OUTCOMES[3]!.nik]).toMatchObject({ kind: 'peserta_baru', due_day: '2026-11-30' });
    expect(kinds[FIVE_OUTCOMES[4]!.nik]).toMatchObject({ kind: 'disdukcapil_unregistered', due_day: '2026-11-26' });
    expect(h.events.some((e) => e.type === 'followups.changed')).toBe(true);

    // The board shows them, named and numbered.
    const board = await h.ok('followups.board', { scope: 'all' }, tokens.resep1);
    expect([...board.dueToday, ...board.later].map((f) => f.memberName).sort()).toEqual(['Agus Santoso', 'Dewi Santoso', 'Rina Santoso', 'Siti Aminah']);

    // Deciding again (a second confirmation, a retried request) opens nothing more.
    await h.ok('membership.decide', { ticketId, nik: FIVE_OUTCOMES[0]!.nik, action: 'request_eid' }, tokens.resep2);
    await h.ok('membership.decide', { ticketId, nik: FIVE_OUTCOMES[3]!.nik, action: 'form_new_participant' }, tokens.resep1);
    expect(rows()).toHaveLength(4);
  });

  it('an override opens the follow-up of the chosen path; "officer decides" and "continue" open none', async () => {
    const { h, tokens, ticketId, rows } = await checkedFamily();
    const transfer = FIVE_OUTCOMES[2]!.nik;
    await h.ok('membership.decide', { ticketId, nik: transfer, action: 'officer_decides', reason: 'Ibu sudah melunasi tunggakan kemarin' }, tokens.resep1);
    await h.ok('membership.decide', { ticketId, nik: FIVE_OUTCOMES[1]!.nik, action: 'continue' }, tokens.resep1);
    expect(rows()).toEqual([]);
    const { checks } = await h.ok('membership.decide', { ticketId, nik: transfer, action: 'form_new_participant', reason: 'Kartu lama atas nama orang lain' }, tokens.resep1);
    expect(checks[2]!.decision).toMatchObject({ action: 'form_new_participant', overridden: true });
    expect(rows().map((r) => [r.nik, r.kind])).toEqual([[transfer, 'peserta_baru']]);
    const f = await h.ok('followups.forTicket', { ticketId }, tokens.resep1);
    expect(f[0]!.note).toContain('Form Peserta Baru');
  });

  it('a refused decision opens no follow-up (same transaction)', async () => {
    const { h, tokens, ticketId, rows } = await checkedFamily();
    const r = await h.call('membership.decide', { ticketId, nik: FIVE_OUTCOMES[0]!.nik, action: 'form_transfer', reason: '' }, tokens.resep1);
    expect(!r.ok && r.error.code).toBe('VALIDATION');
    expect(rows()).toEqual([]);
    expect(h.store.all(qb.selectFrom('membership_decisions').select('id'))).toEqual([]);
  });
});
