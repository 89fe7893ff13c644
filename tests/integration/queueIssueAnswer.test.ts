// queue.issue answers from what it has just written (no read back): the answer must be exactly the
// ticket as the host reads it afterwards, for every service, with and without priority and satpam
// time; and a service changed in Admin (kept in memory between calls) is issued as changed at once.
import { describe, expect, it } from 'vitest';
import { inProcessHost } from '../helpers/inproc';

describe('queue.issue answer', () => {
  it('is the ticket as read back, for every service', async () => {
    const h = inProcessHost();
    const { tokens } = await h.setup();
    const cases = [
      { serviceCode: 'A', priority: null },
      { serviceCode: 'A', priority: 'lansia', satpamMs: 75_000 },
      { serviceCode: 'B', priority: null, satpamMs: 1_000 },
      { serviceCode: 'C', priority: 'disabilitas' },
      { serviceCode: 'D', priority: null },
    ] as const;
    for (const input of cases) {
      const issued = await h.ok('queue.issue', input, tokens.satpam1);
      const stage = issued.stage!;
      const board = await h.ok('queue.board', { stage }, stage === 'resepsionis' ? tokens.resep1 : tokens.petugas1);
      const readBack = board.waiting.find((t) => t.id === issued.id);
      expect(readBack).toBeDefined();
      expect(issued).toEqual(readBack);
      h.advance(5);
    }
  });

  it('follows a service changed in Admin from the next ticket on', async () => {
    const h = inProcessHost();
    const { tokens } = await h.setup();
    const before = await h.ok('queue.issue', { serviceCode: 'D', priority: null }, tokens.satpam1);
    const d = (await h.ok('services.list', {}, tokens.admin)).find((s) => s.code === 'D')!;
    await h.ok(
      'services.save',
      { id: d.id, code: 'D', name: 'Informasi, Pengaduan & Saran', active: true, steps: [...d.steps, { seq: d.steps.length + 1, role: 'petugas', name: 'Mencatat saran', mutuBakuMin: 4 }] },
      tokens.admin,
    );
    const after = await h.ok('queue.issue', { serviceCode: 'D', priority: null }, tokens.satpam1);
    expect(after.serviceName).toBe('Informasi, Pengaduan & Saran');
    expect(after.steps).toHaveLength(before.steps.length + 1);
    expect(after.steps.at(-1)).toMatchObject({ name: 'Mencatat saran', mutuBakuMin: 4 });
    await h.ok('services.save', { id: d.id, code: 'D', name: d.name, active: false, steps: d.steps }, tokens.admin);
    expect(await h.call('queue.issue', { serviceCode: 'D', priority: null }, tokens.satpam1)).toMatchObject({ ok: false, error: { code: 'SERVICE_UNAVAILABLE' } });
  });
});
