import { describe, expect, it } from 'vitest';
import { callingOrder, canDo, currentStep, formatLabel, MOVES_TO, normalsSinceLastPriority, pickNext, transitionError, type Candidate } from '../../common/domain/queue';
import { FINAL_STATUSES } from '../../common/domain/words';
import { officeDay, officeDayStart } from '../../common/domain/time';
import { implausibleStep, median, MIN_PLAUSIBLE_STEP_SEC, percentile, slaClock, stepFigures } from '../../common/domain/sla';

const c = (id: string, priority: Candidate['priority'], minute: number): Candidate => ({
  id, priority, number: minute, waitingSince: `2026-11-25T08:${String(minute).padStart(2, '0')}:00.000Z`,
});

describe('numbering', () => {
  it('labels with the service letter and three digits', () => {
    expect(formatLabel('A', 14)).toBe('A-014');
    expect(formatLabel('D', 1)).toBe('D-001');
    expect(formatLabel('B', 1234)).toBe('B-1234');
  });
  it("uses the office local day, whatever the PC's own zone", () => {
    // 23:59 and 00:00 WIB are 16:59 and 17:00 UTC.
    expect(officeDay(new Date('2026-11-25T16:59:00Z'), 'Asia/Jakarta')).toBe('2026-11-25');
    expect(officeDay(new Date('2026-11-25T17:00:00Z'), 'Asia/Jakarta')).toBe('2026-11-26');
    expect(officeDayStart(new Date('2026-11-25T16:59:59Z'), 'Asia/Jakarta')).toEqual(new Date('2026-11-24T17:00:00Z'));
  });
  it('moves the day boundary with WITA and WIT', () => {
    const at = new Date('2026-11-25T15:30:00Z'); // 22:30 WIB, 23:30 WITA, 00:30 WIT next day
    expect(officeDay(at, 'Asia/Jakarta')).toBe('2026-11-25');
    expect(officeDay(at, 'Asia/Makassar')).toBe('2026-11-25');
    expect(officeDay(at, 'Asia/Jayapura')).toBe('2026-11-26');
    expect(officeDayStart(at, 'Asia/Jayapura')).toEqual(new Date('2026-11-25T15:00:00Z'));
    expect(officeDayStart(at, 'Asia/Makassar')).toEqual(new Date('2026-11-24T16:00:00Z'));
  });
});

describe('state machine', () => {
  it('allows only the SOP moves', () => {
    expect(canDo('call', 'waiting')).toBe(true);
    expect(canDo('call', 'done')).toBe(false);
    expect(canDo('skip', 'called')).toBe(true);
    expect(canDo('skip', 'serving')).toBe(false);
    expect(canDo('callSkipped', 'skipped')).toBe(true);
    expect(canDo('startStep', 'called')).toBe(true);
    expect(canDo('finishStep', 'called')).toBe(false);
    expect(canDo('finishStep', 'serving')).toBe(true);
    expect(canDo('transfer', 'done')).toBe(false);
    expect(canDo('recall', 'waiting')).toBe(false);
  });
  it('explains a refused move in Indonesian', () => {
    expect(transitionError('call', 'done', 'A-001')).toBe('Nomor antrean A-001 sudah selesai, jadi tidak dapat dipanggil.');
  });
  it('finds the first unfinished step', () => {
    const steps = [
      { seq: 2, role: 'resepsionis', startedAt: 'x', endedAt: null },
      { seq: 1, role: 'satpam', startedAt: 'x', endedAt: 'y' },
    ];
    expect(currentStep(steps)?.seq).toBe(2);
    expect(currentStep([{ seq: 1, role: 'satpam', startedAt: 'x', endedAt: 'y' }])).toBeNull();
  });
});

describe('priority ratio', () => {
  const waiting = [c('n1', null, 1), c('p1', 'lansia', 2), c('n2', null, 3), c('n3', null, 4), c('p2', 'ibu_hamil', 5)];

  it('serves gawat darurat first, whatever the ratio', () => {
    expect(pickNext([...waiting, c('gd', 'gawat_darurat', 9)], 0, 2)?.id).toBe('gd');
  });
  it('serves 2 normal then 1 priority', () => {
    const order: string[] = [];
    const left = [...waiting];
    const calls: { priority: boolean }[] = [];
    while (left.length) {
      const next = pickNext(left, normalsSinceLastPriority(calls), 2)!;
      order.push(next.id);
      calls.unshift({ priority: next.priority !== null });
      left.splice(left.indexOf(next), 1);
    }
    expect(order).toEqual(['n1', 'n2', 'p1', 'n3', 'p2']);
  });
  it('serves whichever kind is waiting when the other is not', () => {
    expect(pickNext([c('p', 'disabilitas', 1)], 0, 2)?.id).toBe('p');
    expect(pickNext([c('n', null, 1)], 9, 2)?.id).toBe('n');
    expect(pickNext([], 0, 2)).toBeNull();
  });
  it('a ratio of 1 alternates', () => {
    expect(pickNext(waiting, 1, 1)?.id).toBe('p1');
    expect(pickNext(waiting, 0, 1)?.id).toBe('n1');
  });
  it('counts normal calls since the last priority call', () => {
    expect(normalsSinceLastPriority([{ priority: false }, { priority: false }, { priority: true }, { priority: false }])).toBe(2);
    expect(normalsSinceLastPriority([])).toBe(0);
  });
});

describe('SLA clock and figures', () => {
  const now = new Date('2026-11-25T08:05:00.000Z');
  it('flags an overrun the moment elapsed passes mutu baku', () => {
    expect(slaClock('2026-11-25T08:03:00.000Z', 2, now)).toMatchObject({ elapsedSec: 120, overrun: false, remainingSec: 0 });
    expect(slaClock('2026-11-25T08:02:59.000Z', 2, now)).toMatchObject({ elapsedSec: 121, overrun: true });
    expect(slaClock('2026-11-25T08:00:00.000Z', 3, now, '2026-11-25T08:02:00.000Z').overrun).toBe(false);
  });
  it('computes median and nearest-rank p90', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([1, 2, 3, 4])).toBe(2.5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(percentile([7], 90)).toBe(7);
    expect(percentile([], 90)).toBeNull();
  });
  it('summarises a step: waits, service times, share within mutu baku', () => {
    const at = (m: number, s = 0) => new Date(Date.UTC(2026, 10, 25, 8, m, s)).toISOString();
    const f = stepFigures([
      { readyAt: at(0), startedAt: at(1), endedAt: at(2), mutuBakuMin: 2 }, // wait 60, service 60
      { readyAt: at(0), startedAt: at(3), endedAt: at(6), mutuBakuMin: 2 }, // wait 180, service 180 (over)
      { readyAt: at(0), startedAt: at(5), endedAt: null, mutuBakuMin: 2 }, // unfinished: not counted
    ]);
    expect(f).toEqual({ count: 2, waitMedianSec: 120, waitP90Sec: 180, serviceMedianSec: 120, serviceP90Sec: 180, withinMutuBakuPct: 50, implausibleCount: 0 });
  });
});

describe('calling order (the waiting list as callNext takes it)', () => {
  const ids = (list: readonly Candidate[]) => list.map((x) => x.id);

  it('puts gawat darurat first wherever it arrived, then one priority after every `ratio` normal ones', () => {
    const list = [c('n1', null, 1), c('l1', 'lansia', 2), c('n2', null, 3), c('n3', null, 4), c('l2', 'lansia', 5), c('n4', null, 6), c('g1', 'gawat_darurat', 7)];
    expect(ids(callingOrder(list, 0, 2))).toEqual(['g1', 'n1', 'n2', 'l1', 'n3', 'n4', 'l2']);
  });

  it('is pickNext applied call after call: its head is what callNext takes', () => {
    const list = [c('n1', null, 1), c('h1', 'ibu_hamil', 2), c('n2', null, 3)];
    for (const normals of [0, 1, 2, 3]) expect(callingOrder(list, normals, 2)[0]).toBe(pickNext(list, normals, 2));
    // Two normal calls already made: the priority visitor is due now.
    expect(ids(callingOrder(list, 2, 2))).toEqual(['h1', 'n1', 'n2']);
  });

  it('counts a gawat darurat call as a priority call, as the host history does', () => {
    const list = [c('n1', null, 1), c('n2', null, 2), c('d1', 'disabilitas', 3), c('g1', 'gawat_darurat', 4)];
    expect(ids(callingOrder(list, 5, 2))).toEqual(['g1', 'n1', 'n2', 'd1']);
  });

  it('equals pickNext applied call after call on any list (random lists, ties in waiting time included)', () => {
    // The definition, one pick at a time: what callNext would do again and again.
    const byPicks = (list: Candidate[], normals: number, ratio: number) => {
      const left = [...list];
      const order: Candidate[] = [];
      while (left.length) {
        const next = pickNext(left, normals, ratio)!;
        left.splice(left.indexOf(next), 1);
        order.push(next);
        normals = next.priority === null ? normals + 1 : 0;
      }
      return order;
    };
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const kinds = [null, null, null, 'lansia', 'ibu_hamil', 'disabilitas', 'gawat_darurat'] as const;
    for (let round = 0; round < 300; round++) {
      const size = Math.floor(rnd() * 40);
      const list = Array.from({ length: size }, (_, i) => c(`t${i}`, kinds[Math.floor(rnd() * kinds.length)]!, Math.floor(rnd() * 10)));
      const normals = Math.floor(rnd() * 5);
      const ratio = 1 + Math.floor(rnd() * 4);
      expect(ids(callingOrder(list, normals, ratio))).toEqual(ids(byPicks(list, normals, ratio)));
    }
  });

  it('keeps every candidate exactly once, and an empty list empty', () => {
    const list = [c('a', null, 3), c('b', 'lansia', 1), c('c', null, 2), c('d', 'ibu_hamil', 2)];
    expect([...ids(callingOrder(list, 0, 1))].sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(callingOrder([], 0, 2)).toEqual([]);
  });
});

describe('ending a visit and closing no-shows', () => {
  it('ends a visit from any open status, and nothing moves a closed ticket', () => {
    for (const s of ['waiting', 'called', 'serving', 'skipped'] as const) expect(canDo('endVisit', s)).toBe(true);
    expect(canDo('closeNoShow', 'skipped')).toBe(true);
    expect(canDo('closeNoShow', 'waiting')).toBe(false);
    for (const closed of FINAL_STATUSES)
      for (const a of ['call', 'recall', 'skip', 'callSkipped', 'startStep', 'finishStep', 'transfer', 'endVisit', 'closeNoShow'] as const)
        expect(canDo(a, closed), `${a} from ${closed}`).toBe(false);
    expect(MOVES_TO.endVisit).toBe('cancelled');
    expect(MOVES_TO.closeNoShow).toBe('no_show');
  });
  it('says why in Indonesian', () => {
    expect(transitionError('call', 'cancelled', 'A-001')).toBe('Nomor antrean A-001 sudah diakhiri kunjungannya, jadi tidak dapat dipanggil.');
    expect(transitionError('closeNoShow', 'waiting', 'B-002')).toBe('Nomor antrean B-002 masih menunggu, jadi tidak dapat ditutup sebagai tidak hadir.');
  });
});

describe('implausibly short steps', () => {
  const at = (s: number) => new Date(Date.UTC(2026, 10, 25, 8, 0, s)).toISOString();
  it('flags a step finished in under MIN_PLAUSIBLE_STEP_SEC and never counts it within mutu baku', () => {
    expect(MIN_PLAUSIBLE_STEP_SEC).toBe(10);
    expect(implausibleStep(at(0), at(9))).toBe(true);
    expect(implausibleStep(at(0), at(10))).toBe(false);
    expect(implausibleStep(at(0), null)).toBe(false);
    const f = stepFigures([
      { readyAt: at(0), startedAt: at(0), endedAt: at(1), mutuBakuMin: 2 }, // clicked through
      { readyAt: at(0), startedAt: at(0), endedAt: at(60), mutuBakuMin: 2 }, // real, within
    ]);
    expect(f).toMatchObject({ count: 2, implausibleCount: 1, withinMutuBakuPct: 50 });
  });
});
