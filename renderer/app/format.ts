// Display formats used across screens. Times and dates are on the office's clock (WIB, WITA or WIT,
// set by the admin), not the PC's own time zone.
import { officeZone } from './hostClock';

/** 754 -> "12:34"; null -> "–". Hours roll into minutes so long waits stay readable. */
export function mmss(totalSec: number | null): string {
  if (totalSec === null || !Number.isFinite(totalSec)) return '–';
  const s = Math.max(0, Math.round(totalSec));
  const m = Math.floor(s / 60);
  return `${String(m).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

export function clockTime(iso: string): string {
  return new Date(iso).toLocaleTimeString('id-ID', { hour: '2-digit', minute: '2-digit', timeZone: officeZone() });
}

export function dateTime(iso: string): string {
  return new Date(iso).toLocaleString('id-ID', { dateStyle: 'medium', timeStyle: 'short', timeZone: officeZone() });
}

export function percent(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '–';
  return `${Math.round(value)}%`;
}

/** "2026-11-25" (an office day) -> "Rabu, 25 November 2026". */
export function longDate(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  if (!y || !m || !d) return day;
  // Noon UTC of that calendar day falls on the same day in every Indonesian zone.
  return new Date(Date.UTC(y, m - 1, d, 12)).toLocaleDateString('id-ID', { dateStyle: 'full', timeZone: 'UTC' });
}

/** 170 -> "2 mnt 50 dtk", 45 -> "45 dtk", 3900 -> "1 jam 5 mnt": a duration nobody reads as a time of day. */
export function durationWords(totalSec: number | null): string {
  if (totalSec === null || !Number.isFinite(totalSec)) return '–';
  const s = Math.max(0, Math.round(totalSec));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (h > 0) return m > 0 ? `${h} jam ${m} mnt` : `${h} jam`;
  if (m > 0) return s % 60 > 0 ? `${m} mnt ${s % 60} dtk` : `${m} mnt`;
  return `${s} dtk`;
}
