import { describe, expect, it } from 'vitest';
import { birthDateWarning, checkKk, checkNik } from '../../common/domain/nik';
import { KK_VALID, NIK_FEMALE, NIK_MALE } from '../helpers/factories';

const today = new Date('2026-11-25T00:00:00Z');

describe('NIK structure', () => {
  it.each([
    [NIK_MALE, '1990-01-15', 'L'],
    [NIK_FEMALE, '1990-01-15', 'P'],
    ['1671014107850001', '1985-07-01', 'P'], // Palembang, woman born 01-07-1985 (01 + 40)
    ['9471022912000015', '2000-12-29', 'L'], // Jayapura
    ['3573012902040002', '2004-02-29', 'L'], // leap day
    ['1101010101260001', '2026-01-01', 'L'], // born this year
    ['3201011001300001', '1930-01-10', 'L'], // two-digit year 30 is 1930, not 2030
  ])('accepts %s (born %s, %s)', (nik, birth, sex) => {
    const r = checkNik(nik, today);
    expect(r.errors).toEqual([]);
    expect(r.info).toMatchObject({ birthDate: birth, sex });
  });

  it.each([
    ['', 'empty'],
    ['320101150190000', 'length'],
    ['32010115019000031', 'length'],
    ['32010115O1900003', 'not_digits'], // letter O
    ['3201011501900000', 'serial_zero'],
    ['9901011501900003', 'province'],
    ['3200011501900003', 'area_zero'],
    ['3201013201900003', 'date_invalid'], // day 32
    ['3201017201900003', 'date_invalid'], // woman, day 72 - 40 = 32
    ['3201011513900003', 'date_invalid'], // month 13
    ['3201013102900003', 'date_invalid'], // 31 February
    ['3201012902010003', 'date_invalid'], // 29 Feb 2001 is no leap year
    ['3201010001900003', 'date_invalid'], // day 00
  ])('rejects %s as %s', (nik, code) => {
    const r = checkNik(nik, today);
    expect(r.valid).toBe(false);
    expect(r.errors.map((e) => e.code)).toContain(code);
    for (const e of r.errors) expect(e.message).toMatch(/NIK|Nomor|Tanggal|Kode/);
  });

  it('ignores spaces, dots and dashes a person types', () => {
    expect(checkNik('3201 0115 0190 0003', today).valid).toBe(true);
    expect(checkNik('3201.0115.0190.0003', today).valid).toBe(true);
  });

  it('warns (does not reject) when the typed birth date differs from the NIK', () => {
    const info = checkNik(NIK_FEMALE, today).info!;
    expect(birthDateWarning(info, '1990-01-15')).toBeNull();
    expect(birthDateWarning(info, undefined)).toBeNull();
    expect(birthDateWarning(info, '1991-01-15')).toMatch(/tidak sama/);
  });
});

describe('KK structure', () => {
  it('accepts a valid KK with its issue date', () => {
    expect(checkKk(KK_VALID, today).info).toMatchObject({ issuedOn: '2015-03-20' });
  });
  it.each([
    ['3201012003150000', 'serial_zero'],
    ['3201014503150007', 'date_invalid'], // KK dates carry no +40
    ['320101200315000', 'length'],
    ['abcd012003150007', 'not_digits'],
  ])('rejects %s as %s', (kk, code) => {
    expect(checkKk(kk, today).errors.map((e) => e.code)).toContain(code);
  });
});
