import { describe, expect, it } from 'vitest';
import { Announcer, announcementClips, counterClips, labelClips } from '../../renderer/features/display/announcer';

describe('announcementClips', () => {
  it('says "Nomor antrean A nol satu empat, silakan ke loket dua"', () => {
    expect(announcementClips({ label: 'A-014', counterNo: 2 })).toEqual([
      'chime', 'nomor-antrean', 'A', '0', '1', '4', 'silakan-ke', 'loket', 'c2',
    ]);
  });

  it.each([
    ['B-100', 12, ['B', '1', '0', '0'], ['c12']],
    ['Z-007', 20, ['Z', '0', '0', '7'], ['c20']],
    ['c-9', 1, ['C', '9'], ['c1']],
    ['D123', 21, ['D', '1', '2', '3'], ['c2', 'puluh', 'c1']],
    ['E-001', 30, ['E', '0', '0', '1'], ['c3', 'puluh']],
    ['F-010', 99, ['F', '0', '1', '0'], ['c9', 'puluh', 'c9']],
  ])('%s at counter %i', (label, counterNo, labelPart, counterPart) => {
    expect(labelClips(label)).toEqual(labelPart);
    expect(counterClips(counterNo)).toEqual(counterPart);
    expect(announcementClips({ label, counterNo })).toEqual([
      'chime', 'nomor-antrean', ...labelPart, 'silakan-ke', 'loket', ...counterPart,
    ]);
  });

  it('has a clip for every counter word from 1 to 20 and only clips that exist', async () => {
    const { readFileSync } = await import('node:fs');
    const manifest = JSON.parse(readFileSync(new URL('../../renderer/public/audio/manifest.json', import.meta.url), 'utf8')) as {
      clips: Record<string, { file: string; durationMs: number }>;
    };
    const needed = new Set<string>();
    for (let n = 1; n <= 99; n++) counterClips(n).forEach((c) => needed.add(c));
    for (const label of ['A-0123456789', 'BCDEFGHIJKLMNOPQRSTUVWXYZ']) announcementClips({ label, counterNo: 1 }).forEach((c) => needed.add(c));
    for (const clip of needed) {
      expect(manifest.clips[clip], clip).toBeDefined();
      expect(manifest.clips[clip]!.durationMs).toBeGreaterThan(100);
    }
  });
});

/** A fake player whose clips take `ms` each and that records when each started and ended. */
function fakePlayer(ms = 5, fails: (clip: string, n: number) => boolean = () => false) {
  const log: { clip: string; start: number; end: number }[] = [];
  let active = 0;
  let maxActive = 0;
  let n = 0;
  const play = async (clip: string): Promise<void> => {
    const index = n++;
    active++;
    maxActive = Math.max(maxActive, active);
    const start = performance.now();
    await new Promise((resolve) => setTimeout(resolve, ms));
    active--;
    log.push({ clip, start, end: performance.now() });
    if (fails(clip, index)) throw new Error(`clip ${clip} broke`);
  };
  return { play, log, maxActive: () => maxActive };
}

const call = (callId: string, label: string, counterNo: number) => ({ callId, label, counterNo });

describe('Announcer', () => {
  it('speaks three calls that arrive at once one after another, in order, never overlapping', async () => {
    const player = fakePlayer(3);
    const announcer = new Announcer(player.play, { pauseMs: 0 });
    announcer.announce(call('c1', 'A-001', 1));
    announcer.announce(call('c2', 'B-002', 2));
    announcer.announce(call('c3', 'C-003', 3));
    expect(announcer.busy).toBe(true);
    await announcer.idle();

    expect(player.maxActive()).toBe(1);
    for (let i = 1; i < player.log.length; i++) expect(player.log[i]!.start).toBeGreaterThanOrEqual(player.log[i - 1]!.end);
    expect(player.log.map((e) => e.clip)).toEqual([
      ...announcementClips({ label: 'A-001', counterNo: 1 }),
      ...announcementClips({ label: 'B-002', counterNo: 2 }),
      ...announcementClips({ label: 'C-003', counterNo: 3 }),
    ]);
    expect(announcer.busy).toBe(false);
  });

  it('queues a call that arrives while another is being spoken', async () => {
    const player = fakePlayer(2);
    const announcer = new Announcer(player.play, { pauseMs: 0 });
    announcer.announce(call('c1', 'A-001', 1));
    await new Promise((resolve) => setTimeout(resolve, 7));
    announcer.announce(call('c2', 'A-002', 2));
    await announcer.idle();
    expect(player.maxActive()).toBe(1);
    expect(player.log.filter((e) => e.clip === 'chime')).toHaveLength(2);
    expect(player.log.at(-1)!.clip).toBe('c2');
  });

  it('waits the pause between two announcements', async () => {
    const pauses: number[] = [];
    const player = fakePlayer(0);
    const announcer = new Announcer(player.play, { pauseMs: 700, sleep: async (ms) => void pauses.push(ms) });
    announcer.announce(call('c1', 'A-001', 1));
    announcer.announce(call('c2', 'A-002', 1));
    await announcer.idle();
    expect(pauses).toEqual([700]);
  });

  it('announces a callId only once, even when state is resent', async () => {
    const player = fakePlayer(1);
    const announcer = new Announcer(player.play, { pauseMs: 0 });
    expect(announcer.announce(call('c1', 'A-001', 1))).toBe(true);
    expect(announcer.announce(call('c1', 'A-001', 1))).toBe(false);
    await announcer.idle();
    expect(announcer.announce(call('c1', 'A-001', 1))).toBe(false);
    announcer.markSeen('c2');
    expect(announcer.announce(call('c2', 'A-002', 1))).toBe(false);
    // A recall is a new call with its own id and is spoken again.
    expect(announcer.announce(call('c3', 'A-001', 1))).toBe(true);
    await announcer.idle();
    expect(player.log.filter((e) => e.clip === 'chime')).toHaveLength(2);
  });

  it('goes on to the next call when a clip fails, and skips the rest of the broken one', async () => {
    const errors: string[] = [];
    const player = fakePlayer(1, (clip, n) => clip === '4' && n < 8);
    const announcer = new Announcer(player.play, { pauseMs: 0, onError: (clip) => errors.push(clip) });
    announcer.announce(call('c1', 'A-014', 2));
    announcer.announce(call('c2', 'A-015', 3));
    await announcer.idle();
    expect(errors).toEqual(['4']);
    const clips = player.log.map((e) => e.clip);
    expect(clips).toEqual([
      'chime', 'nomor-antrean', 'A', '0', '1', '4',
      ...announcementClips({ label: 'A-015', counterNo: 3 }),
    ]);
  });

  it('still speaks the words when only the chime fails', async () => {
    const player = fakePlayer(1, (clip) => clip === 'chime');
    const announcer = new Announcer(player.play, { pauseMs: 0 });
    announcer.announce(call('c1', 'A-014', 2));
    await announcer.idle();
    expect(player.log.map((e) => e.clip)).toEqual(announcementClips({ label: 'A-014', counterNo: 2 }));
  });

  it('survives a player that throws instead of rejecting and keeps the queue moving', async () => {
    let calls = 0;
    const announcer = new Announcer(
      (clip) => {
        calls++;
        if (clip === 'nomor-antrean' && calls === 2) throw new Error('sync failure');
        return Promise.resolve();
      },
      { pauseMs: 0 },
    );
    announcer.announce(call('c1', 'A-001', 1));
    announcer.announce(call('c2', 'A-002', 1));
    await announcer.idle();
    expect(announcer.busy).toBe(false);
    expect(calls).toBe(2 + announcementClips({ label: 'A-002', counterNo: 1 }).length);
  });

  it('drops the oldest waiting calls beyond maxPending', async () => {
    const player = fakePlayer(1);
    const announcer = new Announcer(player.play, { pauseMs: 0, maxPending: 2 });
    for (let i = 1; i <= 5; i++) announcer.announce(call(`c${i}`, `A-00${i}`, 1));
    await announcer.idle();
    const spoken = player.log.filter((e) => e.clip === 'A').length;
    expect(spoken).toBeLessThanOrEqual(3);
    expect(player.log.filter((e) => e.clip === '5')).toHaveLength(1);
  });
});
