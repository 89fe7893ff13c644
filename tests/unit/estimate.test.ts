// The ticket's "N antrean sebelum Anda" and "perkiraan tunggu" rules (common/domain/estimate.ts).
import { describe, expect, it } from 'vitest';
import { ESTIMATE_MIN_SAMPLES, ESTIMATE_SAMPLE, estimateWaitMin, stageVisits, type StageVisit } from '../../common/domain/estimate';

/** A turn of `minutes` ending `endMin` minutes after 08:00 UTC. */
const turn = (minutes: number, endMin: number): StageVisit => ({
  startedAt: new Date(Date.UTC(2026, 10, 25, 8, endMin - minutes)).toISOString(),
  endedAt: new Date(Date.UTC(2026, 10, 25, 8, endMin)).toISOString(),
});

describe('estimateWaitMin', () => {
  const tenMinuteTurns = [turn(10, 10), turn(10, 20), turn(10, 30), turn(10, 40)];

  it('is null while today has too few finished turns, and 0 with nobody ahead', () => {
    const few = tenMinuteTurns.slice(0, ESTIMATE_MIN_SAMPLES - 1);
    expect(estimateWaitMin({ ahead: 3, visits: few, activeDesks: 1 })).toBeNull();
    expect(estimateWaitMin({ ahead: 0, visits: few, activeDesks: 1 })).toBe(0);
    expect(estimateWaitMin({ ahead: 0, visits: tenMinuteTurns, activeDesks: 2 })).toBe(0);
  });

  it('shares the visitors ahead among the active desks, in whole rounds of the median turn', () => {
    expect(estimateWaitMin({ ahead: 3, visits: tenMinuteTurns, activeDesks: 1 })).toBe(30);
    // 3 ahead on 2 desks: two rounds.
    expect(estimateWaitMin({ ahead: 3, visits: tenMinuteTurns, activeDesks: 2 })).toBe(20);
    expect(estimateWaitMin({ ahead: 4, visits: tenMinuteTurns, activeDesks: 2 })).toBe(20);
    // No desk seen yet: one desk is assumed, never a division by zero.
    expect(estimateWaitMin({ ahead: 1, visits: tenMinuteTurns, activeDesks: 0 })).toBe(10);
  });

  it('uses the median, so one long case does not scare the room, and rounds up to 5 minutes', () => {
    const withLongCase = [turn(6, 10), turn(7, 20), turn(6, 30), turn(90, 200)];
    // median of 6, 6, 7, 90 = 6.5 -> 2 rounds = 13 -> 15
    expect(estimateWaitMin({ ahead: 2, visits: withLongCase, activeDesks: 1 })).toBe(15);
    // A short wait is still "± 5 menit", not "± 0".
    expect(estimateWaitMin({ ahead: 1, visits: [turn(1, 1), turn(1, 2), turn(1, 3)], activeDesks: 3 })).toBe(5);
  });

  it('follows the recent pace: only the last ESTIMATE_SAMPLE turns count', () => {
    const slowMorning = Array.from({ length: ESTIMATE_SAMPLE }, (_, i) => turn(30, 30 * (i + 1)));
    const fastNow = Array.from({ length: ESTIMATE_SAMPLE }, (_, i) => turn(5, 1000 + 5 * (i + 1)));
    expect(estimateWaitMin({ ahead: 2, visits: [...fastNow, ...slowMorning], activeDesks: 1 })).toBe(10);
  });
});

describe('stageVisits', () => {
  const at = (min: number) => new Date(Date.UTC(2026, 10, 25, 8, min)).toISOString();

  it('spans a visitor\'s run of steps of one role, only when all of them are done', () => {
    const steps = [
      { ticketId: 'a', role: 'satpam', startedAt: at(0), endedAt: at(2) },
      { ticketId: 'a', role: 'resepsionis', startedAt: at(5), endedAt: at(7) },
      { ticketId: 'a', role: 'resepsionis', startedAt: at(7), endedAt: at(15) },
      { ticketId: 'a', role: 'petugas', startedAt: null, endedAt: null },
      // still being served: not a finished turn
      { ticketId: 'b', role: 'resepsionis', startedAt: at(10), endedAt: at(12) },
      { ticketId: 'b', role: 'resepsionis', startedAt: at(12), endedAt: null },
      // a step passed over by a transfer (ended, never started) is no work
      { ticketId: 'c', role: 'resepsionis', startedAt: at(20), endedAt: at(24) },
      { ticketId: 'c', role: 'resepsionis', startedAt: null, endedAt: at(24) },
    ];
    expect(stageVisits(steps, 'resepsionis')).toEqual([
      { startedAt: at(5), endedAt: at(15) },
      { startedAt: at(20), endedAt: at(24) },
    ]);
    expect(stageVisits(steps, 'petugas')).toEqual([]);
  });
});
