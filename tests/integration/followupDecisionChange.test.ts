// Changing a member's membership decision closes the follow-up the earlier decision opened (status
// "Dibatalkan", "Keputusan diubah" in its history with who and when) and opens the new one, so a
// member never has two decision follow-ups open; changing back opens a fresh one. Against the BPJS
// simulator on 127.0.0.1 and the in-process host.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { qb } from '../../main/platform/db';
import { startFakeBpjs } from '../../scripts/fake-bpjs.mjs';
import { FAMILY_KK, FIVE_OUTCOMES, nikWith } from '../helpers/family';
import { inProcessHost } from '../helpers/inproc';

let sim: Awaited<ReturnType<typeof startFakeBpjs>>;
beforeAll(async () => (sim = await startFakeBpjs({ slowMs: 3_000 })));
afterAll(() => sim.close());

const RINA = FIVE_OUTCOMES[2]!.nik; // inactive, arrears: proposed form_transfer
const SITI = FIVE_OUTCOMES[0]!.nik; // active PBI, no card: proposed request_eid

// Wednesday 25 November 2026, 09:00 in Jakarta.
async function checkedFamily() {
  const h = inProcessHost(new Date('2026-11-25T02:00:00Z'));
  const { tokens, ids } = await h.setup();
  const t = await h.ok('queue.issue', { serviceCode: 'A', priority: null }, tokens.satpam1);
  await h.ok('queue.callNext', { stage: 'resepsionis' }, tokens.resep1);
  await h.ok('cases.save', { ticketId: t.id, nik: nikWith('0001'), name: 'Siti Aminah', kk: FAMILY_KK, phone: '0812 3456 789', purpose: 'Cek kepesertaan' }, tokens.resep1);
  await h.ok('membership.settings.save', { service: 'pcare', pcareUrl: sim.pcareUrl, vclaimUrl: sim.vclaimUrl, ...sim.credentials, timeoutMs: 1_000 }, tokens.admin);
  await h.ok('cases.family.save', { ticketId: t.id, kk: FAMILY_KK, address: 'Jl. Kebon Kelapa No. 5', headName: 'Budi Santoso', members: FIVE_OUTCOMES }, tokens.resep1);
  await h.ok('membership.checkFamily', { ticketId: t.id }, tokens.resep1);
  const rows = (nik: string) =>
    h.store.all(qb.selectFrom('followups').select(['id', 'kind', 'status']).where('ticket_id', '=', t.id).where('nik', '=', nik).orderBy('created_at').orderBy('id'));
  const open = (nik: string) => rows(nik).filter((r) => r.status !== 'cancelled' && r.status !== 'done');
  return { h, tokens, ids, ticketId: t.id, rows, open };
}

describe('a changed membership decision and its follow-ups', () => {
  it('cancels the earlier follow-up with "keputusan diubah" (who, when) and opens the new one, never two open', async () => {
    const { h, tokens, ticketId, rows, open } = await checkedFamily();
    await h.ok('membership.decide', { ticketId, nik: RINA, action: 'form_transfer' }, tokens.resep1);
    const [transfer] = rows(RINA);
    expect(transfer).toMatchObject({ kind: 'pengalihan', status: 'open' });
    // The form went out: the follow-up moved on before the decision changed.
    await h.ok('followups.advance', { followupId: transfer!.id, to: 'sent' }, tokens.resep1);

    // An hour later another resepsionis changes the decision.
    h.advance(3600);
    const changedAt = new Date(h.deps.now()).toISOString();
    h.events.length = 0;
    await h.ok('membership.decide', { ticketId, nik: RINA, action: 'form_new_participant', reason: 'Kartu lama atas nama orang lain' }, tokens.resep2);
    expect(rows(RINA).map((r) => [r.kind, r.status])).toEqual([['pengalihan', 'cancelled'], ['peserta_baru', 'open']]);
    expect(open(RINA)).toHaveLength(1);
    expect(h.events.filter((e) => e.type === 'followups.changed').length).toBeGreaterThanOrEqual(2);

    const closed = await h.ok('followups.get', { followupId: transfer!.id }, tokens.petugas1);
    expect(closed.status).toBe('cancelled');
    expect(closed.dueState).toBe('closed');
    const last = closed.history.at(-1)!;
    expect(last).toMatchObject({ action: 'advanced', fromStatus: 'sent', toStatus: 'cancelled', userName: 'RESEP2', at: changedAt });
    expect(last.note.toLowerCase()).toContain('keputusan diubah');
    expect(last.note).toContain('Form Peserta Baru');
    expect(last.note).toContain('Kartu lama atas nama orang lain');
    const audit = h.store.all(qb.selectFrom('audit').select(['action', 'entity_id']).where('action', '=', 'followups.cancel'));
    expect(audit).toEqual([{ action: 'followups.cancel', entity_id: transfer!.id }]);

    // The board shows only the open one.
    const board = await h.ok('followups.board', { scope: 'all' }, tokens.resep1);
    const onBoard = [...board.overdue, ...board.dueToday, ...board.later].filter((f) => f.nik === RINA);
    expect(onBoard.map((f) => f.kind)).toEqual(['peserta_baru']);

    // Changing back opens a fresh transfer follow-up (the cancelled one stays cancelled).
    h.advance(60);
    await h.ok('membership.decide', { ticketId, nik: RINA, action: 'form_transfer' }, tokens.resep1);
    expect(rows(RINA).map((r) => [r.kind, r.status])).toEqual([['pengalihan', 'cancelled'], ['peserta_baru', 'cancelled'], ['pengalihan', 'open']]);
    expect(open(RINA)).toHaveLength(1);
    expect(open(RINA)[0]!.id).not.toBe(transfer!.id);

    // Confirming the same decision again changes nothing.
    await h.ok('membership.decide', { ticketId, nik: RINA, action: 'form_transfer' }, tokens.resep2);
    expect(rows(RINA)).toHaveLength(3);
    expect(open(RINA)).toHaveLength(1);

    // A decision that calls for no paper closes the open one and opens none.
    h.advance(60);
    await h.ok('membership.decide', { ticketId, nik: RINA, action: 'officer_decides', reason: 'Tunggakan sudah dilunasi kemarin' }, tokens.resep1);
    expect(open(RINA)).toEqual([]);
    expect(rows(RINA).map((r) => r.status)).toEqual(['cancelled', 'cancelled', 'cancelled']);
    h.store.close();
  });

  it('leaves the other members and the follow-ups no decision opens alone', async () => {
    const { h, tokens, ticketId, rows, open } = await checkedFamily();
    await h.ok('membership.decide', { ticketId, nik: SITI, action: 'request_eid' }, tokens.resep1);
    await h.ok('membership.decide', { ticketId, nik: RINA, action: 'form_transfer' }, tokens.resep1);
    // The officer opened a KIS hand-over for Rina by hand.
    const handover = await h.ok('followups.create', { ticketId, nik: RINA, memberName: 'Rina Santoso', kind: 'kis_handover' }, tokens.petugas1);

    await h.ok('membership.decide', { ticketId, nik: RINA, action: 'request_eid', reason: 'Ternyata PBI, hanya kartunya hilang' }, tokens.resep1);
    expect(rows(RINA).map((r) => [r.kind, r.status])).toEqual([['pengalihan', 'cancelled'], ['kis_handover', 'open'], ['eid_print', 'open']]);
    expect(open(RINA).filter((r) => r.kind !== 'kis_handover')).toHaveLength(1);
    expect((await h.ok('followups.get', { followupId: handover.id }, tokens.resep1)).history).toHaveLength(1);
    // Siti's E-ID request is untouched.
    expect(rows(SITI).map((r) => [r.kind, r.status])).toEqual([['eid_print', 'open']]);

    // By hand, a cancelled kind may be started again; an open one still may not.
    const again = await h.call('followups.create', { ticketId, nik: RINA, memberName: 'Rina Santoso', kind: 'eid_print' }, tokens.resep1);
    expect(!again.ok && again.error.code).toBe('VALIDATION');
    expect((await h.call('followups.create', { ticketId, nik: RINA, memberName: 'Rina Santoso', kind: 'pengalihan' }, tokens.resep1)).ok).toBe(true);
    h.store.close();
  });

  it('a refused change (no reason for an override) cancels nothing', async () => {
    const { h, tokens, ticketId, rows } = await checkedFamily();
    await h.ok('membership.decide', { ticketId, nik: RINA, action: 'form_transfer' }, tokens.resep1);
    const r = await h.call('membership.decide', { ticketId, nik: RINA, action: 'form_new_participant', reason: '' }, tokens.resep1);
    expect(!r.ok && r.error.code).toBe('VALIDATION');
    expect(rows(RINA).map((x) => [x.kind, x.status])).toEqual([['pengalihan', 'open']]);
    h.store.close();
  });
});
