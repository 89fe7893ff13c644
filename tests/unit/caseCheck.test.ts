// The case form's one-pass check, the dd-mm-yyyy birth date, and the step clock's "near" tone.
import { describe, expect, it } from 'vitest';
import { checkCaseText, formatDayMonthYear, parseDayMonthYear, type CaseText } from '../../common/domain/caseCheck';
import { birthDateWarning, checkNik } from '../../common/domain/nik';
import { clockTone, slaClock } from '../../common/domain/sla';
import { dayInWords } from '../../common/domain/time';
import { typeDayMonthYear } from '../../renderer/features/queue/dayMonthYear';
import { KK_VALID, NIK_MALE } from '../helpers/factories';

const TODAY = new Date('2026-11-27T03:00:00Z');
const FILLED: CaseText = { nik: NIK_MALE, name: 'Ahmad Sulaiman', kk: KK_VALID, birthDate: '15-01-1990', phone: '081234567890', purpose: 'Cek kepesertaan' };

describe('checkCaseText', () => {
  it('reports every missing required field in one pass, with specific messages', () => {
    const errors = checkCaseText({ nik: '', name: '', kk: '', birthDate: '', phone: '', purpose: '' }, TODAY);
    expect(Object.keys(errors).sort()).toEqual(['kk', 'name', 'nik', 'purpose']);
    expect(errors.name).toBe('Nama wajib diisi.');
    expect(errors.nik).toBe('NIK wajib diisi.');
    expect(errors.purpose).toBe('Keperluan wajib diisi.');
  });

  it('accepts a complete record', () => {
    expect(checkCaseText(FILLED, TODAY)).toEqual({});
  });

  it('refuses an over-long NIK and KK instead of cutting them, and names the length', () => {
    const errors = checkCaseText({ ...FILLED, nik: `${NIK_MALE}7`, kk: `${KK_VALID}12` }, TODAY);
    expect(errors.nik).toContain('sekarang 17 digit');
    expect(errors.kk).toContain('sekarang 18 digit');
  });

  it('counts characters over the limit in Indonesian numbers', () => {
    expect(checkCaseText({ ...FILLED, purpose: 'x'.repeat(2345) }, TODAY).purpose).toBe('Maksimal 2.000 karakter (sekarang 2.345).');
  });

  it('checks the birth date as dd-mm-yyyy and speaks dates in Indonesian', () => {
    expect(checkCaseText({ ...FILLED, birthDate: '1990-01-15' }, TODAY).birthDate).toMatch(/hh-bb-tttt/);
    expect(checkCaseText({ ...FILLED, birthDate: '31-02-1990' }, TODAY).birthDate).toBe('Tanggal 31-02-1990 tidak ada di kalender.');
    expect(checkCaseText({ ...FILLED, birthDate: '01-01-2030' }, TODAY).birthDate).toBe('Tanggal lahir 1 Januari 2030 belum terjadi (hari ini 27 November 2026).');
    expect(checkCaseText({ ...FILLED, phone: '12ab' }, TODAY).phone).toMatch(/8–20 digit/);
  });
});

describe('the birth date field', () => {
  it('puts the dashes in while digits are typed and keeps every digit', () => {
    expect(typeDayMonthYear('1')).toBe('1');
    expect(typeDayMonthYear('150')).toBe('15-0');
    expect(typeDayMonthYear('15011990')).toBe('15-01-1990');
    expect(typeDayMonthYear('25031985')).toBe('25-03-1985');
    expect(typeDayMonthYear('150119901')).toBe('15-01-19901');
    expect(typeDayMonthYear('1-1-1990')).toBe('01-01-1990');
    expect(typeDayMonthYear('15-')).toBe('15-');
    expect(typeDayMonthYear('15/01/1990')).toBe('15-01-1990');
  });

  it('converts to and from the contract ISO date', () => {
    expect(parseDayMonthYear('15-01-1990')).toBe('1990-01-15');
    expect(parseDayMonthYear('1-2-1990')).toBe('1990-02-01');
    expect(parseDayMonthYear('')).toBe('');
    expect(parseDayMonthYear('31-04-1990')).toBeNull();
    expect(formatDayMonthYear('1990-01-15')).toBe('15-01-1990');
  });

  it('the NIK mismatch warning names both dates in words', () => {
    const info = checkNik(NIK_MALE, TODAY).info!;
    expect(birthDateWarning(info, '1990-01-16')).toContain('16 Januari 1990');
    expect(birthDateWarning(info, '1990-01-16')).toContain('(15 Januari 1990)');
    expect(dayInWords('2026-11-27')).toBe('27 November 2026');
  });
});

describe('clockTone', () => {
  const start = '2026-11-27T02:00:00.000Z';
  const at = (sec: number) => new Date(Date.parse(start) + sec * 1000);
  it('is ok, then near in the last fifth (at least 30 s), then over by slaClock', () => {
    expect(clockTone(slaClock(start, 5, at(200)))).toBe('ok');
    expect(clockTone(slaClock(start, 5, at(240)))).toBe('near');
    expect(clockTone(slaClock(start, 5, at(300)))).toBe('near');
    expect(clockTone(slaClock(start, 5, at(301)))).toBe('over');
    expect(clockTone(slaClock(start, 2, at(89)))).toBe('ok');
    expect(clockTone(slaClock(start, 2, at(90)))).toBe('near');
  });
});
