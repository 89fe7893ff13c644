// The letters' pure rules: number patterns, Roman months, the numbering year on the office's
// calendar, signature blocks, delegation periods, moves and step times against mutu baku.
import { describe, expect, it } from 'vitest';
import { checkNumberPattern, formatLetterNumber, numberingPeriod, romanMonth } from '../../common/domain/letterNumber';
import { delegationApplies, formatNip, signatureBlock } from '../../common/domain/signature';
import { canMove, letterStepTimings, maskNik, stepTimeText } from '../../common/domain/letterFlow';

describe('letter numbers', () => {
  it('fills the pattern', () => {
    expect(formatLetterNumber('400.7.3.1/{seq}/Dinkes/{tahun}', { seq: 12, year: 2026, month: 11 })).toBe('400.7.3.1/12/Dinkes/2026');
    expect(formatLetterNumber('445/{seq:3}/Dinkes/{bulan_romawi}/{tahun}', { seq: 7, year: 2026, month: 4 })).toBe('445/007/Dinkes/IV/2026');
    expect(formatLetterNumber('{seq}/{bulan}/{tahun}', { seq: 1, year: 2027, month: 1 })).toBe('1/01/2027');
    expect(romanMonth(12)).toBe('XII');
  });

  it('names what is wrong with a pattern', () => {
    expect(checkNumberPattern('400/{seq}/{tahun}')).toEqual([]);
    expect(checkNumberPattern('')).toEqual(['Pola nomor wajib diisi.']);
    expect(checkNumberPattern('400/{tahun}').join(' ')).toContain('{seq} tepat satu kali');
    expect(checkNumberPattern('400/{seq}/{seq}/{tahun}').join(' ')).toContain('{seq} tepat satu kali');
    expect(checkNumberPattern('400/{seq}').join(' ')).toContain('{tahun}');
    expect(checkNumberPattern('400/{seq}/{year}/{tahun}').join(' ')).toContain('Kode tidak dikenal: {year}');
    expect(checkNumberPattern('400/{seq/{tahun}').join(' ')).toContain('Kurung kurawal');
  });

  it('takes the year and month from the office calendar', () => {
    // 1 January 2027 00:30 WIB is still 31 December in UTC; 07:30 WITA on 1 Jan is 23:30 UTC.
    expect(numberingPeriod(new Date('2026-12-31T17:30:00Z'), 'Asia/Jakarta')).toEqual({ year: 2027, month: 1 });
    expect(numberingPeriod(new Date('2026-12-31T16:30:00Z'), 'Asia/Jakarta')).toEqual({ year: 2026, month: 12 });
    expect(numberingPeriod(new Date('2026-12-31T15:30:00Z'), 'Asia/Jayapura')).toEqual({ year: 2027, month: 1 });
  });
});

describe('signature blocks', () => {
  const head = { name: 'dr. HENDRA', title: 'Kepala Dinas Kesehatan', rank: 'Pembina Utama Muda (IV/c)', nip: '196704012000031006' };
  const sek = { name: 'SRI', title: 'Sekretaris', rank: 'Pembina (IV/a)', nip: '197203152000032004' };
  it('writes each form', () => {
    expect(signatureBlock(head, head, 'sendiri')).toEqual({ heading: ['KEPALA DINAS KESEHATAN'], name: 'dr. HENDRA', rank: 'Pembina Utama Muda (IV/c)', nipLine: 'NIP. 19670401 200003 1 006', form: 'sendiri' });
    expect(signatureBlock(head, sek, 'an').heading).toEqual(['a.n. KEPALA DINAS KESEHATAN', 'SEKRETARIS']);
    expect(signatureBlock(head, sek, 'plt').name).toBe('SRI');
    expect(formatNip('1967 0401 2000 0310 06')).toBe('19670401 200003 1 006');
  });

  it('applies a delegation inside its period only, not once revoked', () => {
    const d = { validFrom: '2026-11-24', validTo: '2026-11-30', revokedAt: null };
    expect(delegationApplies(d, '2026-11-23')).toBe(false);
    expect(delegationApplies(d, '2026-11-24')).toBe(true);
    expect(delegationApplies(d, '2026-11-30')).toBe(true);
    expect(delegationApplies(d, '2026-12-01')).toBe(false);
    expect(delegationApplies({ ...d, validTo: null }, '2027-05-01')).toBe(true);
    expect(delegationApplies({ ...d, revokedAt: '2026-11-25T00:00:00Z' }, '2026-11-26')).toBe(false);
  });
});

describe('letter flow', () => {
  it('allows only forward moves', () => {
    expect(canMove('approve', 'draf')).toBe(true);
    expect(canMove('approve', 'lengkap')).toBe(false);
    expect(canMove('sign', 'draf')).toBe(false);
    expect(canMove('cancel', 'diserahkan')).toBe(false);
    expect(canMove('check', 'dikembalikan')).toBe(true);
  });

  it('times each step against mutu baku (seed 002)', () => {
    const steps = letterStepTimings(
      { receivedAt: '2026-11-25T01:00:00Z', checkedAt: '2026-11-25T01:16:00Z', draftedAt: '2026-11-25T01:20:00Z', signedAt: null, collectedAt: null, handedOverAt: null },
      new Date('2026-11-25T01:23:00Z'),
    );
    expect(steps.map((s) => [s.key, s.mutuBakuMin, s.elapsedSec, s.overrun, s.running])).toEqual([
      ['periksa', 15, 960, true, false],
      ['draf', 15, 240, false, false],
      ['tandaTangan', 5, 180, false, true],
      ['ambil', 2, null, false, false],
      ['serah', 2, null, false, false],
    ]);
    expect(stepTimeText(steps[0]!)).toBe('16 mnt 00 dtk / 15 mnt (lewat)');
    expect(maskNik('1671014506800002')).toBe('1671********0002');
  });

  it('leaves a step whose end was never recorded unknown when a later step was (an imported register)', () => {
    // Imported from Excel: received and handed over only. Nothing runs since months.
    const steps = letterStepTimings(
      { receivedAt: '2026-01-05T01:00:00Z', checkedAt: null, draftedAt: null, signedAt: null, collectedAt: '2026-01-05T03:00:00Z', handedOverAt: '2026-01-05T03:05:00Z' },
      new Date('2026-11-25T01:23:00Z'),
    );
    expect(steps.map((s) => [s.key, s.elapsedSec, s.running])).toEqual([
      ['periksa', null, false],
      ['draf', null, false],
      ['tandaTangan', null, false],
      ['ambil', null, false],
      ['serah', 300, false],
    ]);
  });
});
