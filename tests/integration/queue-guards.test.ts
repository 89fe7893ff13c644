// The queue's guards (issue 8): no visitor moves on without a saved case unless the resepsionis says
// why; no second call while one is being served at the desk; a visit can be ended with a reason and
// a skipped visitor closed as absent, neither counted as served; the petugas records an outcome;
// the board lists the waiting room in real calling order; "Panggil nomor ini".
import { describe, expect, it } from 'vitest';
import { inProcessHost } from '../helpers/inproc';
import { KK_VALID, NIK_MALE } from '../helpers/factories';

const VISITOR = { nik: NIK_MALE, name: 'Budi Santoso', kk: KK_VALID, phone: '081234567890', purpose: 'Kartu KIS tidak aktif' };

async function calledAndServing() {
  const h = inProcessHost();
  const setup = await h.setup();
  const t = await h.ok('queue.issue', { serviceCode: 'A', priority: null }, setup.tokens.satpam1);
  await h.ok('queue.callNext', { stage: 'resepsionis' }, setup.tokens.resep1);
  await h.ok('queue.startStep', { ticketId: t.id }, setup.tokens.resep1);
  return { h, ...setup, t };
}

describe('queue guards', () => {
  it('refuses a transfer and the last resepsionis step without a saved case, unless a reason is given (audited)', async () => {
    const { h, tokens, ids, t } = await calledAndServing();
    const refused = await h.call('queue.transfer', { ticketId: t.id, toUserId: ids.petugas1 }, tokens.resep1);
    expect(refused).toMatchObject({ ok: false, error: { code: 'CASE_REQUIRED' } });
    if (!refused.ok) expect(refused.error.message).toContain('A-001');
    for (let i = 0; i < 4; i++) {
      h.advance(20);
      await h.ok('queue.finishStep', { ticketId: t.id }, tokens.resep1);
    }
    h.advance(20);
    // The fifth resepsionis step is the last one: it needs the case.
    expect(await h.call('queue.finishStep', { ticketId: t.id }, tokens.resep1)).toMatchObject({ ok: false, error: { code: 'CASE_REQUIRED' } });
    expect((await h.ok('queue.board', { stage: 'resepsionis' }, tokens.resep1)).mine[0]?.currentStep?.name).toBe('Menghubungi petugas layanan');
    const onward = await h.ok('queue.finishStep', { ticketId: t.id, noCaseReason: 'Pengunjung lupa membawa KTP dan KK' }, tokens.resep1);
    expect(onward).toMatchObject({ stage: 'petugas', status: 'waiting', hasCase: false });
    const audited = h.store.sqlite.prepare("SELECT detail FROM audit WHERE action = 'queue.noCase'").all() as { detail: string }[];
    expect(audited.map((a) => JSON.parse(a.detail))).toEqual([{ action: 'queue.finishStep', reason: 'Pengunjung lupa membawa KTP dan KK' }]);
  });

  it('lets a saved case through without a reason', async () => {
    const { h, tokens, ids, t } = await calledAndServing();
    await h.ok('cases.save', { ticketId: t.id, ...VISITOR }, tokens.resep1);
    expect(await h.ok('queue.transfer', { ticketId: t.id, toUserId: ids.petugas1 }, tokens.resep1)).toMatchObject({ stage: 'petugas', hasCase: true });
  });

  it('refuses calling another visitor while one is called or served at the desk, unless forced', async () => {
    const { h, tokens, t } = await calledAndServing();
    const second = await h.ok('queue.issue', { serviceCode: 'B', priority: null }, tokens.satpam1);
    const before = h.events.filter((e) => e.type === 'display.call').length;
    const busy = await h.call('queue.callNext', { stage: 'resepsionis' }, tokens.resep1);
    expect(busy).toMatchObject({ ok: false, error: { code: 'BUSY_WITH_VISITOR' } });
    if (!busy.ok) expect(busy.error.message).toContain('A-001');
    expect(await h.call('queue.callTicket', { ticketId: second.id }, tokens.resep1)).toMatchObject({ ok: false, error: { code: 'BUSY_WITH_VISITOR' } });
    // Nothing was called or announced.
    expect(h.events.filter((e) => e.type === 'display.call')).toHaveLength(before);
    expect((await h.ok('queue.board', { stage: 'resepsionis' }, tokens.resep1)).waiting.map((x) => x.label)).toEqual(['B-001']);
    // Another desk is free to call; this desk may call when the person confirms.
    const forced = await h.ok('queue.callNext', { stage: 'resepsionis', force: true }, tokens.resep1);
    expect(forced).toMatchObject({ label: 'B-001', status: 'called' });
    expect((await h.ok('queue.board', { stage: 'resepsionis' }, tokens.resep1)).mine.map((x) => x.id).sort()).toEqual([t.id, second.id].sort());
  });

  it('ends a visit with a reason at any point, counted as cancelled, not served', async () => {
    const { h, tokens, t } = await calledAndServing();
    h.advance(30);
    const w = await h.ok('queue.issue', { serviceCode: 'A', priority: null }, tokens.satpam1);
    const ended = await h.ok('queue.endVisit', { ticketId: t.id, reason: 'pergi', note: 'Pulang sebelum dilayani' }, tokens.resep1);
    expect(ended).toMatchObject({ status: 'cancelled', endReason: 'pergi', stage: null });
    expect(ended.closedAt).not.toBeNull();
    // The desk is free again at once.
    expect(await h.ok('queue.callNext', { stage: 'resepsionis' }, tokens.resep1)).toMatchObject({ id: w.id });
    // A waiting visitor who came for the wrong service, ended by another desk.
    const x = await h.ok('queue.issue', { serviceCode: 'D', priority: null }, tokens.satpam1);
    await h.ok('queue.endVisit', { ticketId: x.id, reason: 'salah_layanan' }, tokens.resep2);
    expect(await h.call('queue.endVisit', { ticketId: w.id, reason: 'lainnya' }, tokens.resep2)).toMatchObject({ ok: false, error: { code: 'NOT_YOURS' } });
    expect(await h.call('queue.callTicket', { ticketId: t.id }, tokens.resep2)).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    const stats = await h.ok('stats.today', {}, tokens.admin);
    expect(stats).toMatchObject({ issued: 3, done: 0, cancelled: 2, noShow: 0 });
    // The interrupted step is not counted as served.
    expect(stats.steps.find((s) => s.serviceCode === 'A' && s.seq === 2)?.count).toBe(0);
    expect(h.store.sqlite.prepare("SELECT count(*) AS n FROM audit WHERE action = 'queue.endVisit'").get()).toEqual({ n: 2 });
  });

  it('closes a skipped visitor as a no-show, and shows since when it was skipped', async () => {
    const h = inProcessHost();
    const { tokens } = await h.setup();
    const t = await h.ok('queue.issue', { serviceCode: 'A', priority: null }, tokens.satpam1);
    await h.ok('queue.callNext', { stage: 'resepsionis' }, tokens.resep1);
    h.advance(60);
    const skipped = await h.ok('queue.skip', { ticketId: t.id }, tokens.resep1);
    expect(skipped.skippedAt).toBe(new Date(Date.parse(skipped.calledAt!) + 60_000).toISOString());
    expect(await h.call('queue.closeNoShow', { ticketId: (await h.ok('queue.issue', { serviceCode: 'A', priority: null }, tokens.satpam1)).id }, tokens.resep1))
      .toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    const closed = await h.ok('queue.closeNoShow', { ticketId: t.id }, tokens.resep2);
    expect(closed).toMatchObject({ status: 'no_show', skippedAt: null, stage: null });
    expect((await h.ok('queue.board', { stage: 'resepsionis' }, tokens.resep1)).skipped).toEqual([]);
    expect(await h.ok('stats.today', {}, tokens.admin)).toMatchObject({ issued: 2, done: 0, noShow: 1, cancelled: 0 });
  });

  it('requires an outcome and a short note before the last petugas step, stored on the ticket', async () => {
    const { h, tokens, ids, t } = await calledAndServing();
    await h.ok('cases.save', { ticketId: t.id, ...VISITOR }, tokens.resep1);
    await h.ok('queue.transfer', { ticketId: t.id, toUserId: ids.petugas1 }, tokens.resep1);
    await h.ok('queue.callNext', { stage: 'petugas' }, tokens.petugas1);
    await h.ok('queue.startStep', { ticketId: t.id }, tokens.petugas1);
    h.advance(200);
    const missing = await h.call('queue.finishStep', { ticketId: t.id }, tokens.petugas1);
    expect(missing).toMatchObject({ ok: false, error: { code: 'OUTCOME_REQUIRED', fields: { outcome: expect.any(String), outcomeNote: expect.any(String) } } });
    expect(await h.call('queue.finishStep', { ticketId: t.id, outcome: 'ditolak', outcomeNote: 'x'.repeat(501) }, tokens.petugas1))
      .toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { outcomeNote: expect.any(String) } } });
    const done = await h.ok('queue.finishStep', { ticketId: t.id, outcome: 'kurang_berkas', outcomeNote: 'Belum membawa surat pengantar' }, tokens.petugas1);
    expect(done).toMatchObject({ status: 'done', outcome: 'kurang_berkas', outcomeNote: 'Belum membawa surat pengantar' });
    const audit = h.store.sqlite.prepare("SELECT detail FROM audit WHERE action = 'queue.outcome'").get() as { detail: string };
    expect(JSON.parse(audit.detail)).toEqual({ outcome: 'kurang_berkas', note: 'Belum membawa surat pengantar' });
  });

  it('lists the waiting room in calling order with the next one marked, and calls a chosen number', async () => {
    const h = inProcessHost();
    const { tokens } = await h.setup();
    const labels: Record<string, string> = {};
    for (const p of [null, 'lansia', null, null, 'gawat_darurat', null] as const) {
      h.advance(1);
      const t = await h.ok('queue.issue', { serviceCode: 'A', priority: p }, tokens.satpam1);
      labels[t.id] = t.label;
    }
    const board = await h.ok('queue.board', { stage: 'resepsionis' }, tokens.resep1);
    // Gawat darurat (issued fifth) first; then two normal, the lansia, and the rest.
    expect(board.waiting.map((t) => t.label)).toEqual(['A-005', 'A-001', 'A-003', 'A-002', 'A-004', 'A-006']);
    expect(labels[board.nextTicketId!]).toBe('A-005');
    // The order is what callNext does, call after call.
    const order: string[] = [];
    for (let i = 0; i < 3; i++) {
      const t = (await h.ok('queue.callNext', { stage: 'resepsionis' }, tokens.resep1))!;
      order.push(t.label);
      await h.ok('queue.skip', { ticketId: t.id }, tokens.resep1);
    }
    expect(order).toEqual(['A-005', 'A-001', 'A-003']);
    // "Panggil nomor ini": A-006 out of turn, announced like any call.
    const chosen = board.waiting.find((t) => t.label === 'A-006')!;
    const called = await h.ok('queue.callTicket', { ticketId: chosen.id }, tokens.resep2);
    expect(called).toMatchObject({ label: 'A-006', status: 'called', counterNo: 2 });
    expect(h.events.filter((e) => e.type === 'display.call').at(-1)).toMatchObject({ call: { label: 'A-006', counterNo: 2 } });
    expect((await h.ok('queue.board', { stage: 'resepsionis' }, tokens.resep1)).waiting.map((t) => t.label)).toEqual(['A-002', 'A-004']);
    // Not a petugas's ticket, not twice.
    expect(await h.call('queue.callTicket', { ticketId: chosen.id }, tokens.resep1)).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
  });

  it('flags steps clicked through in seconds and never counts them within mutu baku', async () => {
    const { h, tokens, t } = await calledAndServing();
    h.advance(3);
    const after = await h.ok('queue.finishStep', { ticketId: t.id }, tokens.resep1);
    expect(after.steps.find((s) => s.seq === 2)).toMatchObject({ durationSec: 3, implausible: true });
    const row = (await h.ok('stats.today', {}, tokens.admin)).steps.find((s) => s.serviceCode === 'A' && s.seq === 2)!;
    expect(row).toMatchObject({ count: 1, implausibleCount: 1, withinMutuBakuPct: 0 });
  });

  it('keeps notes out of the ticket, counting them only', async () => {
    const { h, tokens, t } = await calledAndServing();
    await h.ok('queue.addNote', { ticketId: t.id, text: 'NIK 3201011501900003 dicek ulang' }, tokens.resep1);
    await h.ok('queue.addNote', { ticketId: t.id, text: 'Menunggu fotokopi KK' }, tokens.resep1);
    const mine = (await h.ok('queue.board', { stage: 'resepsionis' }, tokens.resep1)).mine[0]!;
    expect(mine.noteCount).toBe(2);
    expect(JSON.stringify(mine)).not.toContain('3201011501900003');
  });
});
