// The visitor's side of a ticket: people ahead and the estimated wait, the unguessable phone link
// with its QR code, the public status behind it (numbers only), and the TV's texts from Admin.
import { describe, expect, it } from 'vitest';
import { resolveListen } from '../../common/domain/network';
import { VisitorStatus } from '../../common/contract/index';
import { KK_VALID, NIK_MALE } from '../helpers/factories';
import { inProcessHost } from '../helpers/inproc';

const NO_CASE = 'Uji integrasi tanpa data pengunjung';

/** Serves one visitor of service D through the resepsionis stage (its one greeting step) in `minutes`. */
async function serveAtResepsionis(h: ReturnType<typeof inProcessHost>, token: string, minutes: number) {
  const t = await h.ok('queue.callNext', { stage: 'resepsionis' }, token);
  if (!t) throw new Error('nobody waiting');
  await h.ok('queue.startStep', { ticketId: t.id }, token);
  h.advance(minutes * 60);
  await h.ok('queue.finishStep', { ticketId: t.id, noCaseReason: NO_CASE }, token);
  return t;
}

describe('visitor', () => {
  it('counts the visitors ahead in the real calling order, gawat darurat first', async () => {
    const h = inProcessHost();
    const { tokens } = await h.setup();
    const a1 = await h.ok('queue.issue', { serviceCode: 'A', priority: null }, tokens.satpam1);
    const a2 = await h.ok('queue.issue', { serviceCode: 'B', priority: null }, tokens.satpam1);
    const gd = await h.ok('queue.issue', { serviceCode: 'C', priority: 'gawat_darurat' }, tokens.satpam1);
    const ahead = async (id: string) => (await h.ok('visitor.position', { ticketId: id }, tokens.satpam1)).ahead;
    expect([await ahead(gd.id), await ahead(a1.id), await ahead(a2.id)]).toEqual([0, 1, 2]);
    // Too few finished visits today: no estimate rather than a wrong one; next in line is "segera".
    expect(await h.ok('visitor.position', { ticketId: a2.id }, tokens.satpam1)).toEqual({ ahead: 2, estimatedWaitMin: null });
    expect(await h.ok('visitor.position', { ticketId: gd.id }, tokens.satpam1)).toEqual({ ahead: 0, estimatedWaitMin: 0 });
    // Called: nobody ahead any more.
    const called = await h.ok('queue.callNext', { stage: 'resepsionis' }, tokens.resep1);
    expect(called?.id).toBe(gd.id);
    expect(await h.ok('visitor.position', { ticketId: a1.id }, tokens.satpam1)).toMatchObject({ ahead: 0 });
    expect(await h.ok('visitor.position', { ticketId: gd.id }, tokens.satpam1)).toEqual({ ahead: 0, estimatedWaitMin: 0 });
    // Only the kiosk's roles ask.
    expect(await h.call('visitor.position', { ticketId: a1.id }, tokens.resep1)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await h.call('visitor.position', { ticketId: 'nope' }, tokens.satpam1)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('estimates the wait from today\'s finished turns at the stage and the desks serving it', async () => {
    const h = inProcessHost();
    const { tokens } = await h.setup();
    for (let i = 0; i < 3; i++) await h.ok('queue.issue', { serviceCode: 'D', priority: null }, tokens.satpam1);
    for (const minutes of [4, 6, 5]) await serveAtResepsionis(h, tokens.resep1!, minutes);
    const waiting = [];
    for (let i = 0; i < 4; i++) waiting.push(await h.ok('queue.issue', { serviceCode: 'D', priority: null }, tokens.satpam1));
    // Median turn 5 min, one desk (resep1's counter) called in the last hour: 3 ahead -> 15 min.
    expect(await h.ok('visitor.position', { ticketId: waiting[3]!.id }, tokens.satpam1)).toEqual({ ahead: 3, estimatedWaitMin: 15 });
    // A second desk starts calling: the same three share two desks -> 2 rounds -> 10 min.
    await serveAtResepsionis(h, tokens.resep2!, 5);
    expect(await h.ok('visitor.position', { ticketId: waiting[3]!.id }, tokens.satpam1)).toEqual({ ahead: 2, estimatedWaitMin: 5 });
  });

  it('makes one unguessable link per ticket, with a QR code, on the host\'s LAN address', async () => {
    const h = inProcessHost();
    const { tokens } = await h.setup();
    const t1 = await h.ok('queue.issue', { serviceCode: 'A', priority: null }, tokens.satpam1);
    const t2 = await h.ok('queue.issue', { serviceCode: 'A', priority: null }, tokens.satpam1);

    // Listening on this PC only: the link exists but no phone could open it.
    const local = await h.ok('visitor.link', { ticketId: t1.id }, tokens.satpam1);
    expect(local.token).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(local).toMatchObject({ url: `http://127.0.0.1:4700/#/v/${local.token}`, reachable: false });

    h.deps.host.listen = resolveListen({ bindAddress: '0.0.0.0' }, { bindAddress: null, port: null });
    const lan = await h.ok('visitor.link', { ticketId: t1.id }, tokens.admin);
    expect(lan).toMatchObject({ token: local.token, url: `http://192.168.1.10:4700/#/v/${local.token}`, reachable: true });
    expect(lan.qr.size).toBeGreaterThanOrEqual(21 + 8);
    expect(lan.qr.path).toMatch(/^(M\d+ \d+h\d+v1h-\d+z)+$/);

    const other = await h.ok('visitor.link', { ticketId: t2.id }, tokens.satpam1);
    expect(other.token).not.toBe(local.token);
    expect(h.store.sqlite.prepare('SELECT count(*) AS n FROM visitor_links').get()).toEqual({ n: 2 });
    const audited = h.store.sqlite.prepare("SELECT count(*) AS n FROM audit WHERE action = 'visitor.link'").get() as { n: number };
    expect(audited.n).toBe(2);

    expect(await h.call('visitor.link', { ticketId: t1.id }, tokens.resep1)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await h.call('visitor.link', { ticketId: 'nope' }, tokens.satpam1)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('answers the phone without a login: numbers only, the counters\' calls and its own call', async () => {
    const h = inProcessHost();
    const { tokens } = await h.setup();
    const mine = await h.ok('queue.issue', { serviceCode: 'A', priority: null }, tokens.satpam1);
    const first = await h.ok('queue.issue', { serviceCode: 'A', priority: 'gawat_darurat' }, tokens.satpam1);
    const { token } = await h.ok('visitor.link', { ticketId: mine.id }, tokens.satpam1);

    // Over plain HTTP from a phone on the LAN, with no session.
    const waiting = await h.call('visitor.status', { token }, null, '192.168.1.50', false);
    if (!waiting.ok) throw new Error(waiting.error.message);
    expect(waiting.value).toMatchObject({ label: mine.label, serviceName: 'Kepesertaan JKN/UHC', status: 'waiting', ahead: 1, counterNo: null, calledAt: null, recentCalls: [] });
    expect(waiting.value.officeName).toBe('Dinas Kesehatan Kabupaten Musi Banyuasin');

    const c1 = await h.ok('queue.callNext', { stage: 'resepsionis' }, tokens.resep1);
    expect(c1?.id).toBe(first.id);
    const c2 = await h.ok('queue.callNext', { stage: 'resepsionis' }, tokens.resep2);
    expect(c2?.id).toBe(mine.id);
    // The resepsionis types the visitor's record: the phone must still see numbers only.
    await h.ok('cases.save', { ticketId: mine.id, nik: NIK_MALE, name: 'Budi Santoso', kk: KK_VALID, phone: '081234567890', purpose: 'Kartu tidak aktif' }, tokens.resep2);
    const called = await h.ok('visitor.status', { token }, null);
    expect(called).toMatchObject({ status: 'called', counterNo: 2, ahead: 0 });
    expect(called.calledAt).not.toBeNull();
    expect(called.recentCalls.map((c) => [c.counterNo, c.label])).toEqual([[1, first.label], [2, mine.label]]);
    expect(Object.keys(called).sort()).toEqual(Object.keys(VisitorStatus.shape).sort());
    expect(JSON.stringify(called)).not.toMatch(new RegExp(`Budi|${NIK_MALE}|${KK_VALID}|081234567890|Kartu tidak aktif`));

    expect(await h.call('visitor.status', { token: 'x'.repeat(24) }, null)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await h.call('visitor.status', { token: 'short' }, null)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('keeps one row per visitor on the TV: a recall moves the row up instead of adding one', async () => {
    const h = inProcessHost();
    const { tokens } = await h.setup();
    const a = await h.ok('queue.issue', { serviceCode: 'A', priority: null }, tokens.satpam1);
    const b = await h.ok('queue.issue', { serviceCode: 'A', priority: null }, tokens.satpam1);
    await h.ok('queue.callNext', { stage: 'resepsionis' }, tokens.resep1);
    h.advance(5);
    await h.ok('queue.recall', { ticketId: a.id }, tokens.resep1);
    h.advance(5);
    await h.ok('queue.recall', { ticketId: a.id }, tokens.resep1);
    await h.ok('queue.callNext', { stage: 'resepsionis' }, tokens.resep2);
    const board = await h.ok('display.state', {}, null);
    expect(board.recentByCounter).toEqual([
      { counterNo: 1, calls: [expect.objectContaining({ label: a.label })] },
      { counterNo: 2, calls: [expect.objectContaining({ label: b.label })] },
    ]);
    expect(board.current?.label).toBe(b.label);
  });

  it('keeps the TV\'s running text and office information, set by the admin only', async () => {
    const h = inProcessHost();
    const { tokens } = await h.setup();
    expect(await h.ok('display.settings', {}, null)).toEqual({ runningText: '', infoText: '' });
    const saved = await h.ok('display.saveSettings', { runningText: '  Layanan gratis.  ', infoText: 'Buka 08.00–15.00' }, tokens.admin);
    expect(saved).toEqual({ runningText: 'Layanan gratis.', infoText: 'Buka 08.00–15.00' });
    expect(await h.ok('display.settings', {}, null)).toEqual(saved);
    expect(await h.call('display.saveSettings', { runningText: 'x', infoText: '' }, tokens.satpam1)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const tooLong = await h.call('display.saveSettings', { runningText: 'x'.repeat(501), infoText: '' }, tokens.admin);
    expect(tooLong).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { runningText: expect.any(String) } } });
    expect(await h.ok('display.saveSettings', { runningText: '', infoText: '' }, tokens.admin)).toEqual({ runningText: '', infoText: '' });
  });
});
