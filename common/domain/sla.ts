// The SOP clock: elapsed time against a step's mutu baku, and today's figures per step.
// Pure: callers pass `now`.

/**
 * A step finished faster than this was clicked through, not served: no SOP step (greeting, typing
 * an identity, checking a card) takes under ten seconds. Such a step is flagged and never counted
 * as within mutu baku.
 */
export const MIN_PLAUSIBLE_STEP_SEC = 10;

/** Whether a finished step's duration is too short to be real work. */
export function implausibleStep(startedAt: string | null, endedAt: string | null): boolean {
  if (!startedAt || !endedAt) return false;
  return (Date.parse(endedAt) - Date.parse(startedAt)) / 1000 < MIN_PLAUSIBLE_STEP_SEC;
}

export interface SlaClock { elapsedSec: number; limitSec: number; overrun: boolean; remainingSec: number }

export function slaClock(startedAt: string, mutuBakuMin: number, now: Date, endedAt?: string | null): SlaClock {
  const end = endedAt ? Date.parse(endedAt) : now.getTime();
  const elapsedSec = Math.max(0, Math.floor((end - Date.parse(startedAt)) / 1000));
  const limitSec = mutuBakuMin * 60;
  return { elapsedSec, limitSec, overrun: elapsedSec > limitSec, remainingSec: limitSec - elapsedSec };
}

/**
 * The step clock turns amber when this share of the mutu baku (and at least NEAR_LIMIT_MIN_SEC) is
 * left, so the person at the desk sees the limit coming before it is overrun.
 */
export const NEAR_LIMIT_SHARE = 0.2;
export const NEAR_LIMIT_MIN_SEC = 30;

/** 'over' by slaClock's overrun rule; 'near' in the last stretch before it; else 'ok'. */
export function clockTone(clock: SlaClock): 'ok' | 'near' | 'over' {
  if (clock.overrun) return 'over';
  return clock.remainingSec <= Math.max(NEAR_LIMIT_MIN_SEC, Math.ceil(clock.limitSec * NEAR_LIMIT_SHARE)) ? 'near' : 'ok';
}

/** Nearest-rank percentile (p in 0..100) of unsorted values; null for none. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

/** Median as the mean of the two middle values for an even count. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export interface TimedStep { readyAt: string | null; startedAt: string | null; endedAt: string | null; mutuBakuMin: number }

export interface StepFigures {
  count: number;
  waitMedianSec: number | null;
  waitP90Sec: number | null;
  serviceMedianSec: number | null;
  serviceP90Sec: number | null;
  withinMutuBakuPct: number | null;
  /** Finished occurrences shorter than MIN_PLAUSIBLE_STEP_SEC: counted, never within mutu baku. */
  implausibleCount: number;
}

const seconds = (from: string, to: string): number => Math.max(0, (Date.parse(to) - Date.parse(from)) / 1000);

/** Figures for one SOP step over finished occurrences. Wait = ready → start; service = start → end. */
export function stepFigures(rows: readonly TimedStep[]): StepFigures {
  const done = rows.filter((r) => r.startedAt && r.endedAt);
  const waits = done.filter((r) => r.readyAt).map((r) => seconds(r.readyAt!, r.startedAt!));
  const services = done.map((r) => seconds(r.startedAt!, r.endedAt!));
  // Within mutu baku = not overrun, by the same rule the desk's step clock shows, and plausibly
  // served: a step clicked through in a second is no proof of good service.
  const implausible = done.filter((r) => implausibleStep(r.startedAt, r.endedAt)).length;
  const within = done.filter(
    (r) => !implausibleStep(r.startedAt, r.endedAt) && !slaClock(r.startedAt!, r.mutuBakuMin, new Date(Date.parse(r.endedAt!)), r.endedAt).overrun,
  ).length;
  const round = (v: number | null) => (v === null ? null : Math.round(v));
  return {
    count: done.length,
    waitMedianSec: round(median(waits)),
    waitP90Sec: round(percentile(waits, 90)),
    serviceMedianSec: round(median(services)),
    serviceP90Sec: round(percentile(services, 90)),
    withinMutuBakuPct: done.length ? Math.round((1000 * within) / done.length) / 10 : null,
    implausibleCount: implausible,
  };
}

/** Arithmetic mean; null for none. */
export function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}

const finished = (rows: readonly TimedStep[]) => rows.filter((r) => r.startedAt && r.endedAt);

/** Mean wait (ready → start) and mean service time (start → end) over finished occurrences, in whole seconds. */
export function stepAverages(rows: readonly TimedStep[]): { waitAvgSec: number | null; serviceAvgSec: number | null } {
  const done = finished(rows);
  const round = (v: number | null) => (v === null ? null : Math.round(v));
  return {
    waitAvgSec: round(mean(done.filter((r) => r.readyAt).map((r) => seconds(r.readyAt!, r.startedAt!)))),
    serviceAvgSec: round(mean(done.map((r) => seconds(r.startedAt!, r.endedAt!)))),
  };
}

/**
 * One visitor's total wait over a visit: the sum of ready → start over every step that started
 * (the waiting room before the resepsionis, again before the petugas, after a transfer, …); null
 * when no step with a wait has started yet.
 */
export function visitWaitSec(rows: readonly TimedStep[]): number | null {
  const waited = rows.filter((r) => r.readyAt && r.startedAt);
  return waited.length ? waited.reduce((sum, r) => sum + seconds(r.readyAt!, r.startedAt!), 0) : null;
}
