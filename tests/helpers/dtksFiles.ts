// DTKS test lists: valid NIKs/KKs made from a counter, written as CSV or .xlsx.
import { writeFileSync } from 'node:fs';

/** A valid NIK: area 320101, birth 15-01-90 (+40 for odd i: women), serial from i. */
export const dtksNik = (i: number): string => `320101${i % 2 ? '55' : '15'}0190${String((i % 9999) + 1).padStart(4, '0')}`.slice(0, 16);
/** Unique across a large list: vary the district code and serial. */
export function bigNik(i: number): string {
  const district = String(10 + Math.floor(i / 9999) % 89).padStart(2, '0');
  return `3201${district}${i % 2 ? '55' : '15'}0190${String((i % 9999) + 1).padStart(4, '0')}`;
}
export const dtksKk = (h: number): string => `32010120031${String(50000 + h).slice(-5)}`;

export const HEADER = ['No', 'ID DTKS', 'No KK', 'NIK', 'Nama', 'Alamat', 'Desa/Kelurahan', 'Kecamatan', 'Desil'];

export function row(i: number, household: number, name: string): string[] {
  return [String(i + 1), `DTKS-${household}`, dtksKk(household), bigNik(i), name, `Jl. Mawar No. ${household}, RT 01`, 'Sungai Lilin', 'Sungai Lilin', String((household % 10) + 1)];
}

export function csv(rows: string[][], delim = ';'): string {
  const q = (c: string) => (c.includes(delim) || c.includes('"') || c.includes('\n') ? `"${c.replace(/"/g, '""')}"` : c);
  return '\uFEFF' + rows.map((r) => r.map(q).join(delim)).join('\r\n') + '\r\n';
}

/** A big CSV list written line by line: `n` people in households of four. */
export function writeBigCsv(path: string, n: number): void {
  const lines: string[] = [HEADER.join(';')];
  for (let i = 0; i < n; i++) lines.push(row(i, Math.floor(i / 4), `WARGA ${i}`).join(';'));
  writeFileSync(path, lines.join('\n') + '\n');
}
