// The visitor's case record (cases.save) checked field by field, every field in one pass, so a form
// can show every problem at once instead of in rounds. Pure: the caller passes `today`.
// NIK and KK use nik.ts, the same checks the host runs.
import { checkKk, checkNik } from './nik';
import { dayInWords } from './time';

/** What the case form holds: text as typed, the birth date as `dd-mm-yyyy`. */
export interface CaseText {
  nik: string;
  name: string;
  kk: string;
  birthDate: string;
  phone: string;
  purpose: string;
}
export type CaseErrors = Partial<Record<keyof CaseText, string>>;

/** The contract's upper bounds (common/contract/cases.ts), shown as counters. */
export const CASE_LIMITS = { name: 200, phone: 30, purpose: 2000 } as const;
/** The fields a person must fill, in the form's order. */
export const CASE_REQUIRED: readonly (keyof CaseText)[] = ['nik', 'name', 'kk', 'purpose'];

const PHONE = /^\+?[0-9 -]{8,20}$/;

/** 2000 -> "2.000", the Indonesian way. */
export const thousands = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');

const tooLong = (value: string, max: number): string | null =>
  value.length > max ? `Maksimal ${thousands(max)} karakter (sekarang ${thousands(value.length)}).` : null;

/** "16-01-1990" (also 16/01/1990, 16.01.1990, 1-6-1990) -> "1990-01-16"; '' -> ''; null when not a date. */
export function parseDayMonthYear(text: string): string | null {
  const s = text.trim();
  if (s === '') return '';
  const m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(s);
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${m[3]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** "1990-01-16" -> "16-01-1990", the way the form shows a stored birth date. */
export function formatDayMonthYear(isoDay: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDay);
  return m ? `${m[3]}-${m[2]}-${m[1]}` : isoDay;
}

/** What is wrong with a typed `dd-mm-yyyy` birth date (null: nothing; empty is allowed). */
export function birthDateError(text: string, today: Date): string | null {
  if (text.trim() === '') return null;
  if (!/^\d{1,2}[-/.]\d{1,2}[-/.]\d{4}$/.test(text.trim())) return 'Tulis tanggal lahir sebagai hh-bb-tttt, misalnya 16-01-1990.';
  const iso = parseDayMonthYear(text);
  if (!iso) return `Tanggal ${text.trim()} tidak ada di kalender.`;
  const todayIso = today.toISOString().slice(0, 10);
  if (iso > todayIso) return `Tanggal lahir ${dayInWords(iso)} belum terjadi (hari ini ${dayInWords(todayIso)}).`;
  if (iso < '1900-01-01') return `Tanggal lahir ${dayInWords(iso)} terlalu lama; periksa tahunnya.`;
  return null;
}

/** Every field's problem at once; an empty object when the record may be saved. */
export function checkCaseText(f: CaseText, today: Date): CaseErrors {
  const errors: CaseErrors = {};
  const nik = checkNik(f.nik, today);
  if (!nik.valid) errors.nik = nik.errors.map((e) => e.message).join(' ');
  const name = f.name.trim();
  if (name === '') errors.name = 'Nama wajib diisi.';
  else errors.name = tooLong(name, CASE_LIMITS.name) ?? undefined;
  const kk = checkKk(f.kk, today);
  if (!kk.valid) errors.kk = kk.errors.map((e) => e.message).join(' ');
  errors.birthDate = birthDateError(f.birthDate, today) ?? undefined;
  const phone = f.phone.trim();
  if (phone !== '' && !PHONE.test(phone)) errors.phone = 'Nomor HP hanya angka (boleh diawali +), 8–20 digit.';
  const purpose = f.purpose.trim();
  if (purpose === '') errors.purpose = 'Keperluan wajib diisi.';
  else errors.purpose = tooLong(purpose, CASE_LIMITS.purpose) ?? undefined;
  for (const k of Object.keys(errors) as (keyof CaseText)[]) if (errors[k] === undefined) delete errors[k];
  return errors;
}
