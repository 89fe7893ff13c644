// The office's time zone, not the PC's, decides the office day: numbering restarts at the office's
// midnight in WIB, WITA or WIT, today's figures and the board follow it, and the admin can change it.
import { describe, expect, it } from 'vitest';
import { FIRST_RUN } from '../helpers/factories';
import { inProcessHost } from '../helpers/inproc';

describe('office time zone', () => {
  it('restarts numbering at midnight WIT for an office in Papua, whatever the host PC zone', async () => {
    const h = inProcessHost(new Date('2026-11-25T14:58:00Z')); // 23:58 WIT
    const first = await h.ok('setup.firstRun', { ...FIRST_RUN, timeZone: 'Asia/Jayapura' });
    const admin = first.sessionToken;
    expect((await h.ok('system.status', {})).office?.timeZone).toBe('Asia/Jayapura');
    expect((await h.ok('queue.issue', { serviceCode: 'A', priority: null }, admin)).label).toBe('A-001');
    expect((await h.ok('queue.issue', { serviceCode: 'A', priority: null }, admin)).label).toBe('A-002');
    h.setTime(new Date('2026-11-25T15:00:30Z')); // 00:00:30 WIT, still 22:00 WIB
    expect((await h.ok('queue.issue', { serviceCode: 'A', priority: null }, admin)).label).toBe('A-001');
    const stats = await h.ok('stats.today', {}, admin);
    expect(stats.day).toBe('2026-11-26');
    expect(stats.issued).toBe(1);
    expect((await h.ok('display.state', {})).timeZone).toBe('Asia/Jayapura');
  });

  it('starts a WIB office by default and lets the admin move it to WITA, audited', async () => {
    const h = inProcessHost(new Date('2026-11-25T15:30:00Z')); // 22:30 WIB, 23:30 WITA
    const { tokens } = await h.setup();
    expect((await h.ok('auth.me', {}, tokens.admin)).office.timeZone).toBe('Asia/Jakarta');
    await h.ok('queue.issue', { serviceCode: 'A', priority: null }, tokens.admin);
    const saved = await h.ok('office.save', { name: 'Dinas Kesehatan Kota Makassar', kabKota: 'Kota Makassar', address: 'Jl. Ahmad Yani No. 2', timeZone: 'Asia/Makassar' }, tokens.admin);
    expect(saved).toMatchObject({ name: 'Dinas Kesehatan Kota Makassar', timeZone: 'Asia/Makassar' });
    h.setTime(new Date('2026-11-25T16:00:30Z')); // 00:00:30 WITA: a new office day
    expect((await h.ok('queue.issue', { serviceCode: 'A', priority: null }, tokens.admin)).label).toBe('A-001');
    // Only an admin, and only the three Indonesian zones.
    expect(await h.call('office.save', { ...saved, timeZone: 'Asia/Makassar' }, tokens.resep1)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await h.call('office.save', { ...saved, timeZone: 'Europe/London' as 'Asia/Makassar' }, tokens.admin)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { timeZone: expect.any(String) } },
    });
    const audit = h.store.sqlite.prepare("SELECT count(*) AS n FROM audit WHERE action = 'office.save'").get() as { n: number };
    expect(audit.n).toBe(1);
  });
});
