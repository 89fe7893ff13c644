// Today's figures per SOP step, and the waiting-room board (no login, numbers only).
import { z } from 'zod';
import { empty, entry, Id, Iso } from './core';

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
  'display.state': entry(empty, DisplayState, 'public'),
} as const;
