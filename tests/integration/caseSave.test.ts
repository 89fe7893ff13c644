// The host checks a case record the way the form does: every field in one pass, specific
// Indonesian messages, an over-long NIK refused (never cut), nothing stored on a refusal.
import { describe, expect, it } from 'vitest';
import { KK_VALID, NIK_MALE } from '../helpers/factories';
import { inProcessHost } from '../helpers/inproc';

describe('cases.save checks every field at once', () => {
  it('reports the name, NIK, KK and phone problems together and stores nothing', async () => {
    const h = inProcessHost(new Date('2026-11-27T02:00:00Z'));
    const { tokens } = await h.setup();
    const t = await h.ok('queue.issue', { serviceCode: 'A', priority: null }, tokens.satpam1);
    await h.ok('queue.callNext', { stage: 'resepsionis' }, tokens.resep1);
    const r = await h.call('cases.save', { ticketId: t.id, nik: `${NIK_MALE}7`, name: '  ', kk: '123', phone: 'abc', purpose: 'x'.repeat(2001) }, tokens.resep1);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('VALIDATION');
    expect(Object.keys(r.error.fields ?? {}).sort()).toEqual(['kk', 'name', 'nik', 'phone', 'purpose']);
    expect(r.error.fields?.name).toBe('Nama wajib diisi.');
    expect(r.error.fields?.nik).toMatch(/17/);
    expect(r.error.fields?.purpose).toBe('Maksimal 2.000 karakter (sekarang 2.001).');
    expect(await h.ok('cases.get', { ticketId: t.id }, tokens.resep1)).toBeNull();
    // The same record, corrected, is stored with the NIK exactly as typed.
    const saved = await h.ok('cases.save', { ticketId: t.id, nik: NIK_MALE, name: 'Budi', kk: KK_VALID, phone: '0812 3456 789', purpose: 'Cek kepesertaan' }, tokens.resep1);
    expect(saved.record.nik).toBe(NIK_MALE);
  });
});
