// The office's clock: its time zone (WIB, WITA, WIT) decides the office day, when numbering
// restarts, and every date shown, whatever the PC's own time zone. Pure: callers pass `now`.

export const OFFICE_TIME_ZONES = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] as const;
export type OfficeTimeZone = (typeof OFFICE_TIME_ZONES)[number];
export const DEFAULT_TIME_ZONE: OfficeTimeZone = 'Asia/Jakarta';

export const TIME_ZONE_LABELS: Record<OfficeTimeZone, string> = {
  'Asia/Jakarta': 'WIB (UTC+7)',
  'Asia/Makassar': 'WITA (UTC+8)',
  'Asia/Jayapura': 'WIT (UTC+9)',
};

export const isOfficeTimeZone = (tz: string): tz is OfficeTimeZone => (OFFICE_TIME_ZONES as readonly string[]).includes(tz);

/** Indonesia has kept no daylight saving time since 1964: each zone is a fixed offset. */
const OFFSET_MIN: Record<OfficeTimeZone, number> = { 'Asia/Jakarta': 7 * 60, 'Asia/Makassar': 8 * 60, 'Asia/Jayapura': 9 * 60 };

const offsetOf = (tz: string): number => OFFSET_MIN[isOfficeTimeZone(tz) ? tz : DEFAULT_TIME_ZONE];

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** The wall clock in the office at `now`, as a Date whose UTC fields are the office's local fields. */
function wall(now: Date, tz: string): Date {
  return new Date(now.getTime() + offsetOf(tz) * 60_000);
}

/** The office's calendar day (YYYY-MM-DD) at `now`: numbers restart each day. */
export function officeDay(now: Date, tz: string): string {
  const w = wall(now, tz);
  return `${w.getUTCFullYear()}-${pad(w.getUTCMonth() + 1)}-${pad(w.getUTCDate())}`;
}

/** The instant the office's day containing `now` began (its local midnight). */
export function officeDayStart(now: Date, tz: string): Date {
  const w = wall(now, tz);
  return new Date(Date.UTC(w.getUTCFullYear(), w.getUTCMonth(), w.getUTCDate()) - offsetOf(tz) * 60_000);
}

/** The hour (0–23) of `at` on the office's clock. */
export function officeHour(at: Date | string, tz: string): number {
  return wall(typeof at === 'string' ? new Date(at) : at, tz).getUTCHours();
}

/** HH:MM of `at` on the office's clock. */
export function officeTime(at: Date | string, tz: string, withSeconds = false): string {
  const w = wall(typeof at === 'string' ? new Date(at) : at, tz);
  const hm = `${pad(w.getUTCHours())}.${pad(w.getUTCMinutes())}`;
  return withSeconds ? `${hm}.${pad(w.getUTCSeconds())}` : hm;
}

const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
const DAYS = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'];

/** A calendar date (YYYY-MM-DD, a birth date say) in words: "16 Januari 1990"; anything else as given. */
export function dayInWords(day: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  const month = m ? MONTHS[Number(m[2]) - 1] : undefined;
  return m && month ? `${Number(m[3])} ${month} ${m[1]}` : day;
}

/** "Jumat, 27 November 2026" on the office's calendar. */
export function officeDateLong(at: Date | string, tz: string, withWeekday = true): string {
  const w = wall(typeof at === 'string' ? new Date(at) : at, tz);
  const date = `${w.getUTCDate()} ${MONTHS[w.getUTCMonth()]} ${w.getUTCFullYear()}`;
  return withWeekday ? `${DAYS[w.getUTCDay()]}, ${date}` : date;
}

/** The zone's short name for labels: WIB, WITA or WIT. */
export function zoneAbbreviation(tz: string): string {
  return (TIME_ZONE_LABELS[isOfficeTimeZone(tz) ? tz : DEFAULT_TIME_ZONE]).split(' ')[0]!;
}

/**
 * One host clock for screens: the offset between the host's clock and this device's, learned from
 * a server timestamp, so step timers and the board agree with the host whatever the PC's clock says.
 */
export function clockOffsetMs(serverTimeIso: string, localNowMs: number, roundTripMs = 0): number {
  return Date.parse(serverTimeIso) + roundTripMs / 2 - localNowMs;
}

/** "27-11-2026 14:05" on the office's clock (tickets, printouts). */
export function officeStamp(at: Date | string, tz: string): string {
  const w = wall(typeof at === 'string' ? new Date(at) : at, tz);
  return `${pad(w.getUTCDate())}-${pad(w.getUTCMonth() + 1)}-${w.getUTCFullYear()} ${pad(w.getUTCHours())}:${pad(w.getUTCMinutes())}`;
}
