// The DTKS/DTSEN list from Dinas Sosial: which column holds what. Lists come with many header
// spellings ("NIK", "No. NIK", "NOKK", "ID DTKS", "Desa/Kelurahan", …); the headers are matched
// by their normalised text against the aliases below. A layout that does not match is mapped once
// by the admin in the import preview (column index per field). Pure.

export const DTKS_FIELDS = ['nik', 'name', 'kk', 'householdId', 'address', 'village', 'district', 'desil'] as const;
export type DtksField = (typeof DTKS_FIELDS)[number];
/** Fields without which a list cannot be imported. */
export const DTKS_REQUIRED: readonly DtksField[] = ['nik', 'name'];

export const DTKS_FIELD_LABELS: Record<DtksField, string> = {
  nik: 'NIK',
  name: 'Nama',
  kk: 'Nomor KK',
  householdId: 'ID keluarga / ID DTKS',
  address: 'Alamat',
  village: 'Desa/Kelurahan',
  district: 'Kecamatan',
  desil: 'Desil',
};

/** Known header spellings, normalised (lower case, letters and digits only). */
export const DTKS_ALIASES: Record<DtksField, readonly string[]> = {
  nik: ['nik', 'noknik', 'nonik', 'nomornik', 'niknik', 'nikart', 'nikanggota', 'noktp', 'nomorktp', 'nomorindukkependudukan'],
  name: ['nama', 'namalengkap', 'namaart', 'namaanggota', 'namapenerima', 'namaanggotarumahtangga', 'nm'],
  kk: ['nokk', 'kk', 'nomorkk', 'nokartukeluarga', 'nomorkartukeluarga', 'nkk'],
  householdId: ['iddtks', 'idkeluarga', 'idkel', 'idrumahtangga', 'idart', 'idruta', 'iddtsen', 'idkeluargap3ke', 'idsemesta'],
  address: ['alamat', 'alamatlengkap', 'alamatdomisili', 'jalan'],
  village: ['desa', 'kelurahan', 'desakelurahan', 'desakel', 'kelurahandesa', 'namadesa', 'namakelurahan'],
  district: ['kecamatan', 'kec', 'namakecamatan'],
  desil: ['desil', 'desilkesejahteraan', 'peringkatdesil', 'desilnasional'],
};

export const normaliseHeader = (h: string): string => h.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Column index per field; a field absent from the list is left out. */
export type DtksMapping = Partial<Record<DtksField, number>>;

export interface HeaderMatch {
  mapping: DtksMapping;
  /** Required fields with no column: the admin must map them. */
  missing: DtksField[];
  /** Two columns claiming the same field: the first is taken, the rest listed. */
  duplicates: string[];
}

export function mapHeaders(headers: readonly string[]): HeaderMatch {
  const mapping: DtksMapping = {};
  const duplicates: string[] = [];
  headers.forEach((raw, i) => {
    const n = normaliseHeader(raw ?? '');
    if (!n) return;
    for (const f of DTKS_FIELDS) {
      if (!DTKS_ALIASES[f].includes(n)) continue;
      if (mapping[f] === undefined) mapping[f] = i;
      else duplicates.push(raw);
      return;
    }
  });
  return { mapping, missing: DTKS_REQUIRED.filter((f) => mapping[f] === undefined), duplicates };
}

/** Problems with a mapping the admin chose: required fields unmapped, a column used twice. */
export function mappingProblems(mapping: DtksMapping, columnCount: number): string[] {
  const out: string[] = [];
  for (const f of DTKS_REQUIRED) if (mapping[f] === undefined) out.push(`Kolom untuk ${DTKS_FIELD_LABELS[f]} belum dipilih.`);
  const seen = new Map<number, DtksField>();
  for (const f of DTKS_FIELDS) {
    const i = mapping[f];
    if (i === undefined) continue;
    if (!Number.isInteger(i) || i < 0 || i >= columnCount) out.push(`Kolom untuk ${DTKS_FIELD_LABELS[f]} tidak ada di berkas.`);
    else if (seen.has(i)) out.push(`Satu kolom dipilih untuk ${DTKS_FIELD_LABELS[seen.get(i)!]} dan ${DTKS_FIELD_LABELS[f]}.`);
    else seen.set(i, f);
  }
  return out;
}

/**
 * Why one row of the list cannot be imported, in Indonesian, or null when it can. SELF-CONTAINED
 * on purpose (no reference to anything outside its body): the import worker runs its source text
 * (`String(dtksRowIssue)`) on a worker thread, where this module is not loaded.
 */
export function dtksRowIssue(row: { nik: string; name: string; kk: string; desil: string }): string | null {
  const nik = row.nik;
  if (!nik) return 'NIK kosong (sel kosong atau sel yang digabung)';
  if (!/^\d+$/.test(nik)) return 'NIK berisi selain angka: ' + nik.slice(0, 20);
  if (nik.length !== 16) return 'NIK harus 16 digit (' + nik.length + ' digit)';
  if (nik.slice(12) === '0000') return 'Nomor urut NIK 0000';
  const dd = Number(nik.slice(6, 8)) % 40;
  const mm = Number(nik.slice(8, 10));
  if (mm < 1 || mm > 12 || dd < 1 || dd > 31) return 'Tanggal lahir pada NIK tidak valid';
  if (!row.name) return 'Nama kosong';
  if (row.kk && !/^\d{16}$/.test(row.kk)) return 'Nomor KK harus 16 digit angka';
  if (row.desil && !/^(10|[1-9])$/.test(row.desil)) return 'Desil harus angka 1 sampai 10';
  return null;
}

/** Cleans a cell's text as the import does: trimmed, inner whitespace collapsed; digits only for numbers typed with spaces or dots. */
export function cleanIdCell(v: string): string {
  const s = v.trim();
  return /^[\d\s.'-]+$/.test(s) ? s.replace(/[\s.'-]/g, '') : s;
}
