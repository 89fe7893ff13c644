import { describe, expect, it } from 'vitest';
import { inProcessHost } from '../helpers/inproc';
import { KK_VALID, NIK_FEMALE, NIK_MALE, PASSWORD } from '../helpers/factories';

const VISITOR = { nik: NIK_MALE, name: 'Budi Santoso', kk: KK_VALID, phone: '081234567890', purpose: 'Kartu KIS tidak aktif' };

describe('queue use cases on a real SQLite file', () => {
  it('runs a visitor from satpam through resepsionis and petugas, timing every step', async () => {
    const h = inProcessHost();
    const { tokens } = await h.setup();
    const t = await h.ok('queue.issue', { serviceCode: 'A', priority: null, satpamMs: 90_000 }, tokens.satpam1);
    expect(t).toMatchObject({ label: 'A-001', status: 'waiting', stage: 'resepsionis' });
    expect(t.steps[0]).toMatchObject({ role: 'satpam' });
    expect(Date.parse(t.steps[0]!.endedAt!) - Date.parse(t.steps[0]!.startedAt!)).toBe(90_000);

    h.advance(60);
    const called = await h.ok('queue.callNext', { stage: 'resepsionis' }, tokens.resep1);
    expect(called).toMatchObject({ id: t.id, status: 'called', counterNo: 1 });
    expect(h.events.some((e) => e.type === 'display.call' && e.call.label === 'A-001' && e.call.counterNo === 1)).toBe(true);

    await h.ok('queue.startStep', { ticketId: t.id }, tokens.resep1);
    await h.ok('cases.save', { ticketId: t.id, ...VISITOR }, tokens.resep1);
    // Five resepsionis steps: each finish starts the next at the same desk.
    for (let i = 0; i < 5; i++) {
      h.advance(100);
      await h.ok('queue.finishStep', { ticketId: t.id }, tokens.resep1);
    }
    const handed = (await h.ok('queue.board', { stage: 'petugas' }, tokens.petugas1)).waiting;
    expect(handed.map((x) => x.id)).toEqual([t.id]);
    expect(handed[0]).toMatchObject({ stage: 'petugas', status: 'waiting', counterNo: null });

    h.advance(30);
    const p = await h.ok('queue.callNext', { stage: 'petugas' }, tokens.petugas1);
    expect(p?.counterNo).toBe(2);
    await h.ok('queue.startStep', { ticketId: t.id }, tokens.petugas1);
    h.advance(400); // 6m40s against a 5-minute mutu baku
    const done = await h.ok('queue.finishStep', { ticketId: t.id, outcome: 'selesai', outcomeNote: 'Kepesertaan diaktifkan kembali' }, tokens.petugas1);
    expect(done.status).toBe('done');
    expect(done).toMatchObject({ outcome: 'selesai', outcomeNote: 'Kepesertaan diaktifkan kembali' });

    const stats = await h.ok('stats.today', {}, tokens.admin);
    expect(stats).toMatchObject({ issued: 1, done: 1 });
    const row = (seq: number) => stats.steps.find((s) => s.serviceCode === 'A' && s.seq === seq)!;
    expect(row(1)).toMatchObject({ count: 1, serviceMedianSec: 90, withinMutuBakuPct: 100 });
    expect(row(2)).toMatchObject({ count: 1, waitMedianSec: 60, serviceMedianSec: 100 });
    expect(row(7)).toMatchObject({ count: 1, waitMedianSec: 30, serviceMedianSec: 400, withinMutuBakuPct: 0 });
  });

  it('numbers per service and day, never repeating, restarting the next day', async () => {
    const h = inProcessHost();
    const { tokens, deskToken } = await h.setup();
    const labels = [];
    for (const code of ['A', 'A', 'B', 'A', 'B']) labels.push((await h.ok('queue.issue', { serviceCode: code, priority: null }, tokens.satpam1)).label);
    expect(labels).toEqual(['A-001', 'A-002', 'B-001', 'A-003', 'B-002']);
    h.setTime(new Date(2026, 10, 26, 7, 30));
    // Yesterday's session has expired (sessions last one working day): sign in again.
    expect(await h.call('queue.issue', { serviceCode: 'A', priority: null }, tokens.satpam1)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const { sessionToken } = await h.ok('auth.login', { deskToken, username: 'satpam1', password: PASSWORD });
    expect((await h.ok('queue.issue', { serviceCode: 'A', priority: null }, sessionToken)).label).toBe('A-001');
  });

  it('gives gawat darurat first and one priority visitor after every two normal ones', async () => {
    const h = inProcessHost();
    const { tokens } = await h.setup();
    const issue = async (priority: 'lansia' | 'gawat_darurat' | null) => {
      h.advance(1);
      return (await h.ok('queue.issue', { serviceCode: 'A', priority }, tokens.satpam1)).label;
    };
    for (const p of [null, 'lansia', null, null, 'lansia', null, 'gawat_darurat'] as const) await issue(p);
    const order: string[] = [];
    for (let i = 0; i < 7; i++) {
      const t = (await h.ok('queue.callNext', { stage: 'resepsionis' }, tokens.resep1))!;
      order.push(t.label);
      await h.ok('queue.skip', { ticketId: t.id }, tokens.resep1);
    }
    // A-007 is gawat darurat; then normal, normal, priority, normal, normal(none left) ...
    expect(order).toEqual(['A-007', 'A-001', 'A-003', 'A-002', 'A-004', 'A-006', 'A-005']);
    expect(await h.ok('queue.callNext', { stage: 'resepsionis' }, tokens.resep1)).toBeNull();
  });

  it('skips an absent visitor and calls them again later the same day', async () => {
    const h = inProcessHost();
    const { tokens } = await h.setup();
    const t = await h.ok('queue.issue', { serviceCode: 'D', priority: null }, tokens.satpam1);
    await h.ok('queue.callNext', { stage: 'resepsionis' }, tokens.resep1);
    await h.ok('queue.recall', { ticketId: t.id }, tokens.resep1);
    const skipped = await h.ok('queue.skip', { ticketId: t.id }, tokens.resep1);
    expect(skipped.status).toBe('skipped');
    const board = await h.ok('queue.board', { stage: 'resepsionis' }, tokens.resep2);
    expect(board.skipped.map((x) => x.label)).toEqual(['D-001']);
    const again = await h.ok('queue.callSkipped', { ticketId: t.id }, tokens.resep2);
    expect(again).toMatchObject({ status: 'called', counterNo: 2 });
    const calls = h.events.filter((e) => e.type === 'display.call');
    expect(calls).toHaveLength(3);
  });

  it('refuses moves out of order with a clear Indonesian message and changes nothing', async () => {
    const h = inProcessHost();
    const { tokens } = await h.setup();
    const t = await h.ok('queue.issue', { serviceCode: 'A', priority: null }, tokens.satpam1);
    const r = await h.call('queue.finishStep', { ticketId: t.id }, tokens.resep1);
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    if (!r.ok) expect(r.error.message).toContain('A-001');
    await h.ok('queue.callNext', { stage: 'resepsionis' }, tokens.resep1);
    const other = await h.call('queue.startStep', { ticketId: t.id }, tokens.resep2);
    expect(other).toMatchObject({ ok: false, error: { code: 'NOT_YOURS' } });
    const board = await h.ok('queue.board', { stage: 'resepsionis' }, tokens.resep1);
    expect(board.mine.map((x) => x.status)).toEqual(['called']);
  });

  it('enforces roles in the host, not only the UI', async () => {
    const h = inProcessHost();
    const { tokens } = await h.setup();
    expect(await h.call('queue.issue', { serviceCode: 'A', priority: null }, tokens.resep1)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await h.call('users.list', {}, tokens.satpam1)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await h.call('queue.callNext', { stage: 'petugas' }, tokens.resep1)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await h.call('queue.issue', { serviceCode: 'A', priority: null }, 'forged-token')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await h.call('queue.issue', { serviceCode: 'A', priority: null })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('transfers to another service and to a named petugas', async () => {
    const h = inProcessHost();
    const { tokens, ids } = await h.setup();
    const t = await h.ok('queue.issue', { serviceCode: 'D', priority: null }, tokens.satpam1);
    await h.ok('queue.callNext', { stage: 'resepsionis' }, tokens.resep1);
    await h.ok('queue.startStep', { ticketId: t.id }, tokens.resep1);
    await h.ok('cases.save', { ticketId: t.id, ...VISITOR }, tokens.resep1);
    h.advance(30);
    const moved = await h.ok('queue.transfer', { ticketId: t.id, serviceCode: 'B', toUserId: ids.petugas2 }, tokens.resep1);
    expect(moved).toMatchObject({ serviceCode: 'B', label: 'D-001', stage: 'petugas', status: 'waiting', assignedUserId: ids.petugas2 });
    expect(moved.steps.filter((s) => s.endedAt).map((s) => s.seq)).toEqual([1, 2]);
    expect(moved.currentStep?.name).toBe('Memeriksa kelengkapan berkas');
    expect(await h.ok('queue.callNext', { stage: 'petugas' }, tokens.petugas1)).toBeNull();
    expect((await h.ok('queue.callNext', { stage: 'petugas' }, tokens.petugas2))?.id).toBe(t.id);
  });

  it('a resepsionis sending a visitor to a named petugas passes over the unstarted desk steps, uncounted', async () => {
    const h = inProcessHost();
    const { tokens, ids } = await h.setup();
    const t = await h.ok('queue.issue', { serviceCode: 'A', priority: null }, tokens.satpam1);
    await h.ok('queue.callNext', { stage: 'resepsionis' }, tokens.resep1);
    await h.ok('queue.startStep', { ticketId: t.id }, tokens.resep1);
    h.advance(45);
    const moved = await h.ok('queue.transfer', { ticketId: t.id, toUserId: ids.petugas1, noCaseReason: 'Pengunjung tidak membawa KTP' }, tokens.resep1);
    expect(moved).toMatchObject({ stage: 'petugas', status: 'waiting', assignedUserId: ids.petugas1 });
    expect(moved.steps.map((s) => [s.seq, s.startedAt !== null, s.endedAt !== null])).toEqual([
      [1, true, true], [2, true, true], [3, false, true], [4, false, true], [5, false, true], [6, false, true], [7, false, false],
    ]);
    expect((await h.ok('queue.callNext', { stage: 'petugas' }, tokens.petugas1))?.id).toBe(t.id);
    const stats = await h.ok('stats.today', {}, tokens.admin);
    expect(stats.steps.find((s) => s.serviceCode === 'A' && s.seq === 3)?.count).toBe(0);
    expect(stats.steps.find((s) => s.serviceCode === 'A' && s.seq === 2)).toMatchObject({ count: 1, serviceMedianSec: 45 });
  });

  it('checks NIK and KK, warns on a birth-date mismatch, keeps notes', async () => {
    const h = inProcessHost();
    const { tokens } = await h.setup();
    const t = await h.ok('queue.issue', { serviceCode: 'A', priority: null }, tokens.satpam1);
    const bad = await h.call('cases.save', { ticketId: t.id, nik: '320101150190000', name: 'Siti', kk: KK_VALID, phone: '0812', purpose: '' }, tokens.resep1);
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.fields?.nik).toMatch(/16 digit/);
      expect(bad.error.fields?.phone).toBeDefined();
    }
    expect(await h.ok('cases.get', { ticketId: t.id }, tokens.resep1)).toBeNull();
    const saved = await h.ok('cases.save', { ticketId: t.id, nik: NIK_FEMALE, name: 'Siti Aminah', kk: KK_VALID, birthDate: '1990-02-15', phone: '081234567890', purpose: 'Kartu KIS tidak aktif' }, tokens.resep1);
    expect(saved.warnings.map((w) => w.code)).toEqual(['birth_date_mismatch']);
    expect((await h.ok('cases.get', { ticketId: t.id }, tokens.petugas1))?.nik).toBe(NIK_FEMALE);
    const ok2 = await h.ok('cases.save', { ticketId: t.id, nik: NIK_MALE, name: 'Budi', kk: KK_VALID, birthDate: '1990-01-15', phone: '', purpose: '' }, tokens.resep1);
    expect(ok2.warnings).toEqual([]);
    await h.ok('queue.addNote', { ticketId: t.id, text: 'Membawa fotokopi KK' }, tokens.resep1);
    expect((await h.ok('queue.notes', { ticketId: t.id }, tokens.petugas1)).map((n) => n.text)).toEqual(['Membawa fotokopi KK']);
    const views = h.store.sqlite.prepare("SELECT count(*) n FROM audit WHERE action = 'cases.view'").get() as { n: number };
    expect(views.n).toBe(1);
  });

  it('allows first run only once and only from the host itself', async () => {
    const h = inProcessHost();
    const { FIRST_RUN } = await import('../helpers/factories');
    // Over HTTPS from another PC: encrypted, but first run belongs to the host PC itself.
    expect(await h.call('setup.firstRun', FIRST_RUN, null, '192.168.1.20', true)).toMatchObject({ ok: false, error: { code: 'SETUP_LOCAL_ONLY' } });
    // Over plain HTTP from another PC the password is not even read.
    expect(await h.call('setup.firstRun', FIRST_RUN, null, '192.168.1.20', false)).toMatchObject({ ok: false, error: { code: 'INSECURE_TRANSPORT' } });
    await h.setup();
    expect(await h.call('setup.firstRun', FIRST_RUN)).toMatchObject({ ok: false, error: { code: 'ALREADY_CONFIGURED' } });
  });

  it('revoking a desk signs out its sessions', async () => {
    const h = inProcessHost();
    const { tokens } = await h.setup();
    const desks = await h.ok('desks.list', {}, tokens.admin);
    const loket2 = desks.find((d) => d.counterNo === 2)!;
    await h.ok('desks.revoke', { deskId: loket2.id }, tokens.admin);
    expect(await h.call('queue.board', { stage: 'petugas' }, tokens.petugas1)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});
