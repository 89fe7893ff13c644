// Working-day deadlines across weekends, national holidays and cuti bersama (issue 9).
import { describe, expect, it } from 'vitest';
import { OFFICIAL_HOLIDAYS, OFFICIAL_YEARS } from '../../common/domain/holidays';
import { officeDay } from '../../common/domain/time';
import { addWorkingDays, holidaySet, isWorkingDay, weekday, workingDaysBetween } from '../../common/domain/workdays';

const H = holidaySet([], []);

describe('working days', () => {
  it('skips the weekend', () => {
    expect(weekday('2026-11-27')).toBe(5); // Friday
    expect(addWorkingDays('2026-11-27', 3, H)).toBe('2026-12-02');
    expect(addWorkingDays('2026-11-23', 3, H)).toBe('2026-11-26');
  });

  it('n = 0 is today on a working day, else the next working day', () => {
    expect(addWorkingDays('2026-11-26', 0, H)).toBe('2026-11-26');
    expect(addWorkingDays('2026-11-28', 0, H)).toBe('2026-11-30'); // Saturday → Monday
    expect(addWorkingDays('2026-12-25', 0, H)).toBe('2026-12-28'); // Christmas (Friday) → Monday
  });

  it('skips Idul Fitri 2026 with its cuti bersama (18–24 March)', () => {
    for (const d of ['2026-03-18', '2026-03-19', '2026-03-20', '2026-03-23', '2026-03-24']) expect(isWorkingDay(d, H), d).toBe(false);
    expect(addWorkingDays('2026-03-17', 1, H)).toBe('2026-03-25');
    expect(addWorkingDays('2026-03-17', 4, H)).toBe('2026-03-30');
  });

  it('skips Christmas 2026 with the cuti bersama on the 24th', () => {
    expect(addWorkingDays('2026-12-23', 1, H)).toBe('2026-12-28');
    expect(addWorkingDays('2026-12-23', 3, H)).toBe('2026-12-30');
  });

  it('skips Nyepi and Idul Fitri 2025 (28 March – 7 April)', () => {
    expect(addWorkingDays('2025-03-27', 1, H)).toBe('2025-04-08');
  });

  it('emergency grace of 7 working days over Ascension and Idul Adha 2026', () => {
    expect(addWorkingDays('2026-05-13', 7, H)).toBe('2026-05-26');
    expect(addWorkingDays('2026-05-26', 1, H)).toBe('2026-05-29'); // 27 libur, 28 cuti bersama
  });

  it("follows the admin's additions and removals", () => {
    const worked = holidaySet([], ['2026-12-24']);
    expect(addWorkingDays('2026-12-23', 1, worked)).toBe('2026-12-24');
    const extra = holidaySet(['2026-12-01'], []);
    expect(addWorkingDays('2026-11-30', 1, extra)).toBe('2026-12-02');
  });

  it('counts working days between two days', () => {
    expect(workingDaysBetween('2026-11-27', '2026-12-02', H)).toBe(3);
    expect(workingDaysBetween('2026-12-02', '2026-11-27', H)).toBe(-3);
  });

  it('takes deadlines on the office day, not the UTC day', () => {
    // 23:30 WIT on Friday is still Friday in Jayapura but Friday 14:30 UTC; 00:30 WIB Saturday is Friday in UTC.
    const late = new Date('2026-11-27T17:30:00Z'); // Saturday 00:30 WIB
    expect(officeDay(late, 'Asia/Jakarta')).toBe('2026-11-28');
    expect(addWorkingDays(officeDay(late, 'Asia/Jakarta'), 0, H)).toBe('2026-11-30');
    expect(addWorkingDays(officeDay(new Date('2026-11-27T14:30:00Z'), 'Asia/Jayapura'), 0, H)).toBe('2026-11-27');
  });

  it('ships a sane official list', () => {
    expect(OFFICIAL_YEARS).toEqual([2025, 2026]);
    const days = OFFICIAL_HOLIDAYS.map((h) => h.day);
    expect(new Set(days).size).toBe(days.length);
    expect(OFFICIAL_HOLIDAYS.filter((h) => h.day.startsWith('2025') && h.kind === 'cuti')).toHaveLength(10);
    expect(OFFICIAL_HOLIDAYS.filter((h) => h.day.startsWith('2026') && h.kind === 'cuti')).toHaveLength(8);
    expect(OFFICIAL_HOLIDAYS.filter((h) => h.day.startsWith('2025') && h.kind === 'libur')).toHaveLength(17);
    expect(OFFICIAL_HOLIDAYS.filter((h) => h.day.startsWith('2026') && h.kind === 'libur')).toHaveLength(17);
    expect(OFFICIAL_HOLIDAYS.some((h) => h.day.startsWith('2027'))).toBe(false);
  });
});
