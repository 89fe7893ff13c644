// The waiting-room board's state is kept per connection and brought up to date with only the calls
// recorded since the last look (main/features/stats/stats.ts). It must always equal what a fresh
// read of the database gives: after calls, recalls, calls at other counters, a new office day.
import { describe, expect, it } from 'vitest';
import { Store } from '../../main/platform/db';
import { displayState } from '../../main/features/stats';
import { inProcessHost } from '../helpers/inproc';

describe('display board state', () => {
  it('equals a fresh read after every call and recall, keeps one row per visitor and starts empty on a new day', async () => {
    const h = inProcessHost();
    const { tokens } = await h.setup();
    const fresh = () => {
      // Another connection: its board is read from the database from scratch.
      const other = new Store(h.store.file);
      try {
        return displayState({ store: other, now: h.deps.now });
      } finally {
        other.close();
      }
    };
    const board = () => h.ok('display.state', {});
    expect(await board()).toMatchObject({ current: null, recentByCounter: [] });
    for (let i = 0; i < 6; i++) await h.ok('queue.issue', { serviceCode: 'A', priority: null }, tokens.satpam1);
    const a = await h.ok('queue.callNext', { stage: 'resepsionis' }, tokens.resep1);
    h.advance(5);
    const b = await h.ok('queue.callNext', { stage: 'resepsionis' }, tokens.resep2);
    expect(await board()).toEqual(fresh());
    h.advance(5);
    // A recall moves A-001's row to the top at counter 1, no second row.
    await h.ok('queue.recall', { ticketId: a!.id }, tokens.resep1);
    const afterRecall = await board();
    expect(afterRecall).toEqual(fresh());
    expect(afterRecall.current).toMatchObject({ label: a!.label, counterNo: 1 });
    expect(afterRecall.recentByCounter.find((c) => c.counterNo === 1)!.calls.map((c) => c.label)).toEqual([a!.label]);
    expect(afterRecall.recentByCounter.find((c) => c.counterNo === 2)!.calls.map((c) => c.label)).toEqual([b!.label]);
    // Skipped and called again at the same counter: still one row for that visitor.
    await h.ok('queue.skip', { ticketId: b!.id }, tokens.resep2);
    h.advance(5);
    await h.ok('queue.callSkipped', { ticketId: b!.id }, tokens.resep2);
    const again = await board();
    expect(again).toEqual(fresh());
    expect(again.recentByCounter.find((c) => c.counterNo === 2)!.calls).toHaveLength(1);
    // The next office day starts with an empty board, without any call in between.
    h.advance(24 * 3600);
    expect(await board()).toMatchObject({ current: null, recentByCounter: [] });
    expect(await board()).toEqual(fresh());
  });
});
