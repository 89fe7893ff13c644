// The figures of an office day (per SOP step of its own service, per desk, per officer, arrivals per
// hour; today's or any past day's), and the waiting-room board (no login, numbers only).
import { z } from 'zod';
import { empty, entry, Id, Iso } from './core';
import { EndReason, StepRole } from '../domain/words';

export const StepStats = z.object({
  serviceCode: z.string(),
  serviceName: z.string(),
  seq: z.number().int(),
  name: z.string(),
  mutuBakuMin: z.number(),
  count: z.number().int(),
  waitMedianSec: z.number().nullable(),
  waitP90Sec: z.number().nullable(),
  serviceMedianSec: z.number().nullable(),
  serviceP90Sec: z.number().nullable(),
  withinMutuBakuPct: z.number().nullable(),
  /** Occurrences finished in under MIN_PLAUSIBLE_STEP_SEC: flagged, never within mutu baku. */
  implausibleCount: z.number().int(),
});
export type StepStats = z.infer<typeof StepStats>;

/** An office day, YYYY-MM-DD on the office's calendar. */
export const OfficeDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Tanggal harus TTTT-BB-HH.');

/** One SOP step on one day: StepStats plus the means the dashboard's plain headings name. */
export const DayStepStats = StepStats.extend({
  role: StepRole,
  waitAvgSec: z.number().nullable(),
  serviceAvgSec: z.number().nullable(),
});
export type DayStepStats = z.infer<typeof DayStepStats>;

/** What one desk or one officer did on a day, over the steps they finished. */
const WorkFigures = z.object({
  /** Distinct visitors with at least one finished step here. */
  visitors: z.number().int(),
  steps: z.number().int(),
  serviceMedianSec: z.number().nullable(),
  withinMutuBakuPct: z.number().nullable(),
  implausibleCount: z.number().int(),
});

export const DeskStats = WorkFigures.extend({
  counterNo: z.number().int(),
  /** Calls made from this counter ('Panggil', not recalls). */
  calls: z.number().int(),
});
export type DeskStats = z.infer<typeof DeskStats>;

export const OfficerStats = WorkFigures.extend({
  userId: Id,
  fullName: z.string(),
  /** The kinds of step this officer served that day. */
  roles: z.array(StepRole),
});
export type OfficerStats = z.infer<typeof OfficerStats>;

export const DayStats = z.object({
  day: OfficeDay,
  issued: z.number().int(),
  done: z.number().int(),
  cancelled: z.number().int(),
  noShow: z.number().int(),
  /** Not finished yet (still waiting, called, being served or skipped). */
  open: z.number().int(),
  cancelledByReason: z.record(EndReason, z.number().int()),
  /** Per visitor: the total time spent waiting for steps (ready → started), mean and 90th percentile. */
  waitAvgSec: z.number().nullable(),
  waitP90Sec: z.number().nullable(),
  /** Over every finished step of the day. */
  withinMutuBakuPct: z.number().nullable(),
  implausibleCount: z.number().int(),
  steps: z.array(DayStepStats),
  desks: z.array(DeskStats),
  officers: z.array(OfficerStats),
  /** Tickets issued per hour on the office's clock; contiguous, at least 08–15. */
  arrivalsByHour: z.array(z.object({ hour: z.number().int().min(0).max(23), issued: z.number().int() })),
});
export type DayStats = z.infer<typeof DayStats>;

export const DisplayCall = z.object({
  callId: Id,
  label: z.string(),
  counterNo: z.number().int(),
  at: Iso,
});
export type DisplayCall = z.infer<typeof DisplayCall>;

export const DisplayState = z.object({
  officeName: z.string(),
  /** The office's IANA time zone: the board shows the office's clock, whatever the TV's own zone. */
  timeZone: z.string(),
  current: DisplayCall.nullable(),
  recentByCounter: z.array(z.object({ counterNo: z.number().int(), calls: z.array(DisplayCall) })),
});
export type DisplayState = z.infer<typeof DisplayState>;

/**
 * The waiting-room board's feed (no login, numbers only). The host sends the whole state on
 * connect and after every call; `announce` is the call to speak, if any.
 */
export interface DisplayEvent {
  type: 'display.state';
  state: DisplayState;
  announce: DisplayCall | null;
}

export const statsContract = {
  'stats.today': entry(
    empty,
    z.object({
      day: z.string(),
      steps: z.array(StepStats),
      issued: z.number().int(),
      done: z.number().int(),
      /** Visits ended early (queue.endVisit) and skipped visitors closed as absent: not served. */
      cancelled: z.number().int(),
      noShow: z.number().int(),
    }),
    ['admin', 'resepsionis', 'petugas'],
  ),
  /** Any office day's figures (today's too): per step of its own service, per desk and officer. */
  'stats.day': entry(z.object({ day: OfficeDay }), DayStats, ['admin', 'resepsionis', 'petugas']),
  /** The office days that have tickets, newest first, with how many were issued. */
  'stats.days': entry(
    empty,
    z.object({ today: OfficeDay, days: z.array(z.object({ day: OfficeDay, issued: z.number().int() })) }),
    ['admin', 'resepsionis', 'petugas'],
  ),
  'display.state': entry(empty, DisplayState, 'public'),
} as const;
