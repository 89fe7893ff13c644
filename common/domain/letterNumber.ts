// Letter numbers: the admin's pattern per letter type, filled with the sequence of that type in the
// office's calendar year. The sequence itself is taken by the host in the approval's transaction;
// this file only says what a pattern may contain and how a number reads.
import { officeDay } from './time';

export const NUMBER_TOKENS = ['seq', 'tahun', 'bulan', 'bulan_romawi'] as const;
export type NumberToken = (typeof NUMBER_TOKENS)[number];

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'] as const;

/** 1..12 → I..XII, as official letters write the month. */
export function romanMonth(month: number): string {
  const r = ROMAN[month - 1];
  if (!r) throw new RangeError(`month ${month}`);
  return r;
}

/** `{seq}` or `{seq:3}` (zero-padded to 3), `{tahun}`, `{bulan}`, `{bulan_romawi}`. */
const TOKEN = /\{([a-z_]+)(?::(\d))?\}/g;

/** What is wrong with a pattern, in Indonesian; empty when it is usable. */
export function checkNumberPattern(pattern: string): string[] {
  const problems: string[] = [];
  if (!pattern.trim()) return ['Pola nomor wajib diisi.'];
  if (pattern.length > 120) problems.push('Pola nomor paling panjang 120 karakter.');
  const names = [...pattern.matchAll(TOKEN)].map((m) => m[1]!);
  const unknown = names.filter((n) => !(NUMBER_TOKENS as readonly string[]).includes(n));
  if (unknown.length) problems.push(`Kode tidak dikenal: ${unknown.map((n) => `{${n}}`).join(', ')}. Yang boleh: {seq}, {tahun}, {bulan}, {bulan_romawi}.`);
  const seqs = names.filter((n) => n === 'seq').length;
  if (seqs !== 1) problems.push('Pola nomor harus memuat {seq} tepat satu kali (nomor urut).');
  // The sequence restarts every year: without the year two letters would read the same.
  if (!names.includes('tahun')) problems.push('Pola nomor harus memuat {tahun}, karena nomor urut mulai dari 1 setiap tahun.');
  if (/[{}]/.test(pattern.replace(TOKEN, ''))) problems.push('Kurung kurawal { } hanya untuk kode seperti {seq}.');
  return problems;
}

export interface NumberParts { seq: number; year: number; month: number }

export function formatLetterNumber(pattern: string, parts: NumberParts): string {
  return pattern.replace(TOKEN, (_all, name: string, pad?: string) => {
    switch (name) {
      case 'seq':
        return pad ? String(parts.seq).padStart(Number(pad), '0') : String(parts.seq);
      case 'tahun':
        return String(parts.year);
      case 'bulan':
        return String(parts.month).padStart(2, '0');
      case 'bulan_romawi':
        return romanMonth(parts.month);
      default:
        return `{${name}}`;
    }
  });
}

/** The numbering year and month on the office's calendar (a letter approved at 00:30 WIB on
 *  1 January belongs to the new year, whatever the PC's own zone). */
export function numberingPeriod(now: Date, tz: string): { year: number; month: number } {
  const day = officeDay(now, tz);
  return { year: Number(day.slice(0, 4)), month: Number(day.slice(5, 7)) };
}
