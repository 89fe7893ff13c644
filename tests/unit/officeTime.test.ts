// The office clock: WIB, WITA and WIT decide the day and the times shown, not the PC's own zone.
import { describe, expect, it } from 'vitest';
import { clockOffsetMs, officeDateLong, officeStamp, officeTime, zoneAbbreviation } from '../../common/domain/time';

describe('office clock', () => {
  const at = new Date('2026-11-27T01:05:09Z');
  it('shows the time on each zone', () => {
    expect(officeTime(at, 'Asia/Jakarta')).toBe('08.05');
    expect(officeTime(at, 'Asia/Makassar')).toBe('09.05');
    expect(officeTime(at, 'Asia/Jayapura', true)).toBe('10.05.09');
  });
  it('writes dates in Indonesian on the office calendar', () => {
    expect(officeDateLong(at, 'Asia/Jakarta')).toBe('Jumat, 27 November 2026');
    expect(officeDateLong(new Date('2026-11-26T16:30:00Z'), 'Asia/Jakarta')).toBe('Kamis, 26 November 2026');
    expect(officeDateLong(new Date('2026-11-26T16:30:00Z'), 'Asia/Jayapura', false)).toBe('27 November 2026');
    expect(officeStamp(at, 'Asia/Makassar')).toBe('27-11-2026 09:05');
  });
  it('names the zone and treats an unknown one as WIB', () => {
    expect(zoneAbbreviation('Asia/Makassar')).toBe('WITA');
    expect(zoneAbbreviation('Europe/London')).toBe('WIB');
    expect(officeTime(at, 'Europe/London')).toBe('08.05');
  });
  it('learns the host clock offset from a server timestamp', () => {
    expect(clockOffsetMs('2026-11-27T01:00:10.000Z', Date.parse('2026-11-27T01:00:00.000Z'))).toBe(10_000);
    expect(clockOffsetMs('2026-11-27T01:00:10.000Z', Date.parse('2026-11-27T01:00:00.000Z'), 200)).toBe(10_100);
  });
});
