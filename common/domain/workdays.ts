// Working days (hari kerja): deadlines such as "3x24 jam" count office days that are neither a
// weekend nor a national holiday nor cuti bersama. Pure: days are office days 'YYYY-MM-DD' (see
// time.ts officeDay), the holiday set is passed in (the shipped list plus the admin's changes).
import { OFFICIAL_HOLIDAYS, type Holiday } from './holidays';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(day: string): [number, number, number] {
  const m = DAY.exec(day);
  if (!m) throw new Error(`not a day: ${day}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: string): number {
  const [y, m, d] = parts(day);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

export function nextDay(day: string, step = 1): string {
  const [y, m, d] = parts(day);
  return new Date(Date.UTC(y, m - 1, d + step)).toISOString().slice(0, 10);
}

export function isWorkingDay(day: string, holidays: ReadonlySet<string>): boolean {
  const wd = weekday(day);
  return wd !== 0 && wd !== 6 && !holidays.has(day);
}

/**
 * The day `n` working days after `day`. n = 0 means "the same working day": `day` itself when it
 * is a working day, else the next one (something due "today" on a Sunday is due on Monday).
 */
export function addWorkingDays(day: string, n: number, holidays: ReadonlySet<string>): string {
  if (!Number.isInteger(n) || n < 0) throw new Error(`bad working-day count: ${n}`);
  let d = day;
  while (!isWorkingDay(d, holidays)) d = nextDay(d);
  for (let left = n; left > 0; ) {
    d = nextDay(d);
    if (isWorkingDay(d, holidays)) left--;
  }
  return d;
}

/** Working days from `from` (exclusive) up to `to` (inclusive); negative when `to` is earlier. */
export function workingDaysBetween(from: string, to: string, holidays: ReadonlySet<string>): number {
  if (from === to) return 0;
  const sign = from < to ? 1 : -1;
  let [a, b] = sign > 0 ? [from, to] : [to, from];
  let n = 0;
  while (a < b) {
    a = nextDay(a);
    if (isWorkingDay(a, holidays)) n++;
  }
  return sign * n;
}

/**
 * The holiday set in force: the shipped official list, plus dates the admin added, minus dates the
 * admin removed (a cuti bersama the office works on, say).
 */
export function holidaySet(added: Iterable<string>, removed: Iterable<string>, official: readonly Holiday[] = OFFICIAL_HOLIDAYS): Set<string> {
  const set = new Set(official.map((x) => x.day));
  for (const d of added) set.add(d);
  for (const d of removed) set.delete(d);
  return set;
}
