// Structure checks of NIK (KTP) and KK numbers. Pure: the caller passes `today`.
// NIK: PP KK CC DDMMYY SSSS — province, regency/city, district, birth date (DD + 40 for women),
// serial. KK: same area code, then the issue date DDMMYY (no +40), then a serial.
import { dayInWords } from './time';

/** Province codes in use by Dukcapil (incl. the 2022 Papua provinces 93–97). */
const PROVINCES = new Set([
  '11', '12', '13', '14', '15', '16', '17', '18', '19', '21', '31', '32', '33', '34', '35', '36',
  '51', '52', '53', '61', '62', '63', '64', '65', '71', '72', '73', '74', '75', '76', '81', '82',
  '91', '92', '93', '94', '95', '96', '97',
]);

export type IdIssueCode =
  | 'empty' | 'not_digits' | 'length' | 'province' | 'area_zero' | 'date_invalid' | 'date_future' | 'serial_zero';

export interface IdIssue { code: IdIssueCode; message: string }

export interface NikInfo {
  provinceCode: string;
  regencyCode: string;
  districtCode: string;
  birthDate: string; // YYYY-MM-DD
  sex: 'L' | 'P';
  serial: string;
}

export interface IdCheck<T> { valid: boolean; errors: IdIssue[]; info: T | null }

/** Spaces, dots and dashes people type between digit groups. */
export const normaliseIdNumber = (raw: string): string => raw.replace(/[\s.-]/g, '');

/** Issues after which the digits cannot be read as fields at all. */
const isUnreadable = (e: IdIssue): boolean => e.code === 'empty' || e.code === 'not_digits' || e.code === 'length';

function structural(value: string, label: string): IdIssue[] {
  if (value.length === 0) return [{ code: 'empty', message: `${label} wajib diisi.` }];
  if (!/^\d+$/.test(value)) return [{ code: 'not_digits', message: `${label} hanya boleh berisi angka.` }];
  if (value.length !== 16)
    return [{ code: 'length', message: `${label} harus 16 digit (sekarang ${value.length} digit).` }];
  const errors: IdIssue[] = [];
  if (!PROVINCES.has(value.slice(0, 2)))
    errors.push({ code: 'province', message: `Kode provinsi ${value.slice(0, 2)} pada ${label} tidak dikenal.` });
  if (value.slice(2, 4) === '00' || value.slice(4, 6) === '00')
    errors.push({ code: 'area_zero', message: `Kode kabupaten/kota atau kecamatan pada ${label} tidak boleh 00.` });
  if (value.slice(12) === '0000')
    errors.push({ code: 'serial_zero', message: `Nomor urut (4 digit terakhir) ${label} tidak boleh 0000.` });
  return errors;
}

/** Two-digit years: a date that would lie in the future belongs to the previous century. */
function resolveDate(dd: number, mm: number, yy: number, today: Date): { date: Date; iso: string } | null {
  if (mm < 1 || mm > 12 || dd < 1 || dd > 31) return null;
  const thisYear = today.getUTCFullYear();
  let year = 2000 + yy;
  if (year > thisYear) year -= 100;
  const date = new Date(Date.UTC(year, mm - 1, dd));
  if (date.getUTCMonth() !== mm - 1) return null; // 31 April and friends
  if (date.getTime() > today.getTime()) {
    const older = new Date(Date.UTC(year - 100, mm - 1, dd));
    return { date: older, iso: older.toISOString().slice(0, 10) };
  }
  return { date, iso: date.toISOString().slice(0, 10) };
}

export function checkNik(raw: string, today: Date): IdCheck<NikInfo> {
  const nik = normaliseIdNumber(raw);
  const errors = structural(nik, 'NIK');
  if (errors.some(isUnreadable)) return { valid: false, errors, info: null };
  let dd = Number(nik.slice(6, 8));
  const sex = dd > 40 ? 'P' : 'L';
  if (dd > 40) dd -= 40;
  const date = resolveDate(dd, Number(nik.slice(8, 10)), Number(nik.slice(10, 12)), today);
  if (!date) errors.push({ code: 'date_invalid', message: 'Tanggal lahir pada NIK (digit 7–12) tidak mungkin.' });
  if (errors.length) return { valid: false, errors, info: null };
  return {
    valid: true,
    errors: [],
    info: {
      provinceCode: nik.slice(0, 2),
      regencyCode: nik.slice(0, 4),
      districtCode: nik.slice(0, 6),
      birthDate: date!.iso,
      sex,
      serial: nik.slice(12),
    },
  };
}

export interface KkInfo { regencyCode: string; districtCode: string; issuedOn: string; serial: string }

export function checkKk(raw: string, today: Date): IdCheck<KkInfo> {
  const kk = normaliseIdNumber(raw);
  const errors = structural(kk, 'Nomor KK');
  if (errors.some(isUnreadable)) return { valid: false, errors, info: null };
  const dd = Number(kk.slice(6, 8));
  const mm = Number(kk.slice(8, 10));
  const date = resolveDate(dd, mm, Number(kk.slice(10, 12)), today);
  if (!date) errors.push({ code: 'date_invalid', message: 'Tanggal terbit pada nomor KK (digit 7–12) tidak mungkin.' });
  if (errors.length) return { valid: false, errors, info: null };
  return { valid: true, errors: [], info: { regencyCode: kk.slice(0, 4), districtCode: kk.slice(0, 6), issuedOn: date!.iso, serial: kk.slice(12) } };
}

/** A mismatch between the birth date typed and the one encoded in the NIK: warn, never reject
 *  (Dukcapil data has known errors, and the visitor must still be served). */
export function birthDateWarning(nik: NikInfo, typedBirthDate: string | undefined): string | null {
  if (!typedBirthDate) return null;
  if (typedBirthDate === nik.birthDate) return null;
  return `Tanggal lahir ${dayInWords(typedBirthDate)} tidak sama dengan tanggal pada NIK (${dayInWords(nik.birthDate)}${nik.sex === 'P' ? ', perempuan' : ''}). Periksa KTP; data tetap disimpan.`;
}

