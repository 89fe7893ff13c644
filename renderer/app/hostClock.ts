// The one host clock of a screen: the difference between the host's clock and this device's,
// learned from system.status, so step timers, the board's clock and "today" agree with the host
// whatever this PC's or TV's own clock says. The office's time zone comes with it.
import type { Result } from '../../common/contract/index';
import { clockOffsetMs, DEFAULT_TIME_ZONE } from '../../common/domain/time';

let offsetMs = 0;
let timeZone: string = DEFAULT_TIME_ZONE;

/** Learns the offset from a status answer; `sentAt` is Date.now() when the call went out. */
export function learnHostClock(status: Result<{ serverTime: string; office: { timeZone: string } | null }>, sentAt: number): void {
  if (!status.ok) return;
  const receivedAt = Date.now();
  const server = Date.parse(status.value.serverTime);
  if (Number.isFinite(server)) offsetMs = clockOffsetMs(status.value.serverTime, receivedAt, receivedAt - sentAt);
  if (status.value.office) timeZone = status.value.office.timeZone;
}

/** Sets the office's zone when a screen learns it another way (the board's state, the office form). */
export function setOfficeTimeZone(tz: string): void {
  timeZone = tz;
}

/** Host time now, in ms since the epoch. */
export const hostNow = (): number => Date.now() + offsetMs;

/** The office's IANA time zone (WIB, WITA, WIT): every date and time shown uses it. */
export const officeZone = (): string => timeZone;
