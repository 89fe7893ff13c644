// Desks (issue 8): short pairing codes (8 characters without look-alikes, expiring, single use), one
// desk per counter number, the services each desk calls, and a paused or closed desk that calls nobody.
import { describe, expect, it } from 'vitest';
import { inProcessHost } from '../helpers/inproc';
import { PASSWORD } from '../helpers/factories';
import { PAIRING_ALPHABET } from '../../common/domain/pairing';

const CODE = /^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/;

async function office() {
  const h = inProcessHost();
  const setup = await h.setup();
  const desks = await h.ok('desks.list', {}, setup.tokens.admin);
  const desk2 = desks.find((d) => d.counterNo === 2)!;
  return { h, ...setup, desk2 };
}

describe('desk pairing codes', () => {
  it('are 8 characters from an alphabet without 0, O, 1, I or L, stored only as a hash, with the QR link', async () => {
    const { h, tokens, desk2 } = await office();
    expect(PAIRING_ALPHABET).not.toMatch(/[01OIL]/);
    const seen = new Set<string>();
    for (let i = 0; i < 40; i++) {
      const made = await h.ok('desks.pairingCode', { deskId: desk2.id }, tokens.admin);
      expect(made.code).toMatch(CODE);
      seen.add(made.code);
      expect(Date.parse(made.expiresAt) - h.deps.now().getTime()).toBe(15 * 60_000);
      expect(made.qrText).toBe(`loket://pair?code=${made.code}`);
      expect(made.qr.size).toBeGreaterThan(20);
    }
    expect(seen.size).toBe(40);
    // A new code replaces the unused one: one row per desk, and no code in clear.
    const rows = h.store.sqlite.prepare('SELECT * FROM pairing_codes').all() as Record<string, unknown>[];
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain([...seen].at(-1));
  });

  it('pairs a desk once, ignoring case, spaces and dashes; the desk gets a new token and the old one stops', async () => {
    const { h, tokens, desk2 } = await office();
    const oldToken = (h.store.sqlite.prepare('SELECT token_hash FROM desks WHERE id = ?').get(desk2.id) as { token_hash: string }).token_hash;
    const { code } = await h.ok('desks.pairingCode', { deskId: desk2.id }, tokens.admin);
    const typed = `${code.slice(0, 4).toLowerCase()} - ${code.slice(4)}`;
    const paired = await h.ok('auth.pair', { code: typed });
    expect(paired.desk).toMatchObject({ id: desk2.id, name: 'Loket 2', counterNo: 2, status: 'open' });
    const login = await h.ok('auth.login', { deskToken: paired.deskToken, username: 'petugas1', password: PASSWORD });
    expect(login.desk.id).toBe(desk2.id);
    expect((h.store.sqlite.prepare('SELECT token_hash FROM desks WHERE id = ?').get(desk2.id) as { token_hash: string }).token_hash).not.toBe(oldToken);
    // Sessions opened with the desk's previous token end with it.
    expect(await h.call('auth.me', {}, tokens.petugas2)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    // Single use.
    const again = await h.call('auth.pair', { code });
    expect(again).toMatchObject({ ok: false, error: { code: 'PAIRING_CODE_INVALID' } });
    if (!again.ok) expect(again.error.message).toContain('kode pemasangan baru');
    // The QR link carries the same code.
    const next = await h.ok('desks.pairingCode', { deskId: desk2.id }, tokens.admin);
    expect(await h.ok('auth.pair', { code: next.qrText })).toMatchObject({ desk: { id: desk2.id } });
  });

  it('expire after 15 minutes', async () => {
    const { h, tokens, desk2 } = await office();
    const { code, expiresAt } = await h.ok('desks.pairingCode', { deskId: desk2.id }, tokens.admin);
    h.setTime(new Date(Date.parse(expiresAt)));
    expect(await h.call('auth.pair', { code })).toMatchObject({ ok: false, error: { code: 'PAIRING_CODE_INVALID' } });
    const fresh = await h.ok('desks.pairingCode', { deskId: desk2.id }, tokens.admin);
    h.setTime(new Date(Date.parse(fresh.expiresAt) - 1000));
    expect((await h.call('auth.pair', { code: fresh.code })).ok).toBe(true);
  });

  it('refuses malformed, unknown and replaced codes, codes of revoked desks, and a code for the desk in use', async () => {
    const { h, tokens, desk2 } = await office();
    expect(await h.call('auth.pair', { code: 'ABCD-EFG' })).toMatchObject({ ok: false, error: { code: 'PAIRING_CODE_INVALID', fields: { code: expect.any(String) } } });
    expect(await h.call('auth.pair', { code: 'ABCD-EFGO' })).toMatchObject({ ok: false, error: { code: 'PAIRING_CODE_INVALID' } });
    const first = await h.ok('desks.pairingCode', { deskId: desk2.id }, tokens.admin);
    await h.ok('desks.pairingCode', { deskId: desk2.id }, tokens.admin);
    expect(await h.call('auth.pair', { code: first.code })).toMatchObject({ ok: false, error: { code: 'PAIRING_CODE_INVALID' } });
    const pending = await h.ok('desks.pairingCode', { deskId: desk2.id }, tokens.admin);
    await h.ok('desks.revoke', { deskId: desk2.id }, tokens.admin);
    expect(await h.call('auth.pair', { code: pending.code })).toMatchObject({ ok: false, error: { code: 'PAIRING_CODE_INVALID' } });
    expect(await h.call('desks.pairingCode', { deskId: desk2.id }, tokens.admin)).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    const own = (await h.ok('auth.me', {}, tokens.admin)).desk.id;
    expect(await h.call('desks.pairingCode', { deskId: own }, tokens.admin)).toMatchObject({ ok: false, error: { code: 'SELF_LOCKOUT' } });
    expect(await h.call('desks.pairingCode', { deskId: desk2.id }, tokens.resep1)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('travel only encrypted or on the host PC itself', async () => {
    const { h, tokens, desk2 } = await office();
    const { code } = await h.ok('desks.pairingCode', { deskId: desk2.id }, tokens.admin);
    expect(await h.call('auth.pair', { code }, null, '192.168.1.20', false)).toMatchObject({ ok: false, error: { code: 'INSECURE_TRANSPORT' } });
    expect((await h.call('auth.pair', { code }, null, '192.168.1.20', true)).ok).toBe(true);
  });
});

describe('desk counter numbers', () => {
  it('refuses a number a desk already uses, naming that desk; a revoked desk frees it', async () => {
    const { h, tokens, desk2 } = await office();
    const taken = await h.call('desks.create', { name: 'Loket Dua Lagi', counterNo: 2 }, tokens.admin);
    expect(taken).toMatchObject({ ok: false, error: { code: 'COUNTER_TAKEN', fields: { counterNo: expect.stringContaining('Loket 2') } } });
    if (!taken.ok) expect(taken.error.message).toBe('Nomor loket 2 sudah dipakai meja "Loket 2". Pilih nomor lain, atau cabut meja itu dulu.');
    expect((await h.ok('desks.list', {}, tokens.admin)).filter((d) => d.counterNo === 2)).toHaveLength(1);
    await h.ok('desks.revoke', { deskId: desk2.id }, tokens.admin);
    expect(await h.ok('desks.create', { name: 'Loket 2 baru', counterNo: 2 }, tokens.admin)).toMatchObject({ desk: { counterNo: 2, status: 'open' } });
  });
});

describe('desk services and status', () => {
  it('a desk calls only the services chosen for it; none chosen calls every service', async () => {
    const { h, tokens, desk2 } = await office();
    const a1 = await h.ok('queue.issue', { serviceCode: 'A', priority: null }, tokens.satpam1);
    const b1 = await h.ok('queue.issue', { serviceCode: 'B', priority: null }, tokens.satpam1);
    const a2 = await h.ok('queue.issue', { serviceCode: 'A', priority: 'gawat_darurat' }, tokens.satpam1);
    expect(await h.ok('desks.setServices', { deskId: desk2.id, serviceCodes: ['b'] }, tokens.admin)).toMatchObject({ id: desk2.id, serviceCodes: ['B'] });
    expect((await h.ok('desks.list', {}, tokens.admin)).find((d) => d.id === desk2.id)?.serviceCodes).toEqual(['B']);
    // resep2 sits at Loket 2 (services: B): the emergency A ticket is not theirs to call.
    expect((await h.ok('queue.board', { stage: 'resepsionis' }, tokens.resep2)).nextTicketId).toBe(b1.id);
    expect(await h.ok('queue.callNext', { stage: 'resepsionis' }, tokens.resep2)).toMatchObject({ id: b1.id, counterNo: 2 });
    await h.ok('queue.skip', { ticketId: b1.id }, tokens.resep2);
    expect(await h.ok('queue.callNext', { stage: 'resepsionis' }, tokens.resep2)).toBeNull();
    // resep1 at the host desk (none chosen) calls A in the usual order.
    expect(await h.ok('queue.callNext', { stage: 'resepsionis' }, tokens.resep1)).toMatchObject({ id: a2.id, counterNo: 1 });
    await h.ok('desks.setServices', { deskId: desk2.id, serviceCodes: [] }, tokens.admin);
    expect(await h.ok('queue.callNext', { stage: 'resepsionis' }, tokens.resep2)).toMatchObject({ id: a1.id });
    expect(await h.call('desks.setServices', { deskId: desk2.id, serviceCodes: ['Z'] }, tokens.admin)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('a paused or closed desk cannot call; opening it again can', async () => {
    const { h, tokens } = await office();
    const t = await h.ok('queue.issue', { serviceCode: 'A', priority: null }, tokens.satpam1);
    expect(await h.ok('desks.setStatus', { status: 'paused' }, tokens.resep2)).toMatchObject({ counterNo: 2, status: 'paused' });
    expect((await h.ok('auth.me', {}, tokens.resep2)).desk.status).toBe('paused');
    const calls = h.events.filter((e) => e.type === 'display.call').length;
    const refused = await h.call('queue.callNext', { stage: 'resepsionis' }, tokens.resep2);
    expect(refused).toMatchObject({ ok: false, error: { code: 'DESK_PAUSED' } });
    if (!refused.ok) expect(refused.error.message).toContain('istirahat');
    expect(await h.call('queue.callTicket', { ticketId: t.id }, tokens.resep2)).toMatchObject({ ok: false, error: { code: 'DESK_PAUSED' } });
    // petugas1 shares Loket 2: the desk is paused for everyone at it.
    await h.ok('desks.setStatus', { status: 'closed' }, tokens.petugas1);
    const closed = await h.call('queue.callNext', { stage: 'resepsionis' }, tokens.resep2);
    expect(closed).toMatchObject({ ok: false, error: { code: 'DESK_PAUSED' } });
    if (!closed.ok) expect(closed.error.message).toContain('tutup');
    expect(h.events.filter((e) => e.type === 'display.call')).toHaveLength(calls);
    // Another desk is not affected.
    expect(await h.ok('queue.callNext', { stage: 'resepsionis' }, tokens.resep1)).toMatchObject({ id: t.id, counterNo: 1 });
    await h.ok('queue.skip', { ticketId: t.id }, tokens.resep1);
    await h.ok('desks.setStatus', { status: 'open' }, tokens.resep2);
    expect(await h.ok('queue.callSkipped', { ticketId: t.id }, tokens.resep2)).toMatchObject({ id: t.id, counterNo: 2 });
    expect(await h.call('desks.setStatus', { status: 'paused' }, tokens.satpam1)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const audited = h.store.sqlite.prepare("SELECT detail FROM audit WHERE action = 'desks.setStatus' ORDER BY at").all() as { detail: string }[];
    expect(audited.map((a) => JSON.parse(a.detail))).toEqual([
      { from: 'open', to: 'paused' },
      { from: 'paused', to: 'closed' },
      { from: 'closed', to: 'open' },
    ]);
  });
});
