// The case file's words and rules: which papers exist, which each service asks for (seeds 000,
// 001, 002, 004), what a case still lacks, and the limits of a stored file. Pure: no I/O, no clock.

/** Every kind of paper a case can hold, with the office's own name for it. */
export const DOC_TYPES = {
  ktp: 'Fotokopi KTP',
  kk: 'Fotokopi Kartu Keluarga (KK)',
  ket_domisili: 'Surat keterangan domisili',
  ktp_orang_tua: 'Fotokopi KTP orang tua',
  rujukan_puskesmas: 'Rujukan dari Puskesmas',
  rujukan_rs_kelas_c: 'Rujukan dari RS kelas C',
  rekomendasi_dinas_kab: 'Rekomendasi dari Dinas Kesehatan kab/kota',
  rujukan_resume_rs: 'Rujukan dan resume medis RS pengirim (ditandatangani direktur)',
  sktm: 'Surat Keterangan Tidak Mampu (SKTM)',
  form_peserta_baru: 'Surat pernyataan peserta baru (bermaterai)',
  form_pengalihan: 'Surat pernyataan pengalihan peserta (bermaterai)',
  pengantar_desa: 'Surat pengantar desa/kelurahan (DTKS)',
  foto_keluarga: 'Dokumentasi keluarga pasien (rawat inap)',
  lainnya: 'Dokumen lain',
} as const;
export type DocType = keyof typeof DOC_TYPES;
export const DOC_TYPE_CODES = Object.keys(DOC_TYPES) as [DocType, ...DocType[]];

export const isDocType = (s: string): s is DocType => Object.prototype.hasOwnProperty.call(DOC_TYPES, s);

/**
 * The seeds' checklists for the default services (main/features/catalog DEFAULT_SERVICES):
 * A Kepesertaan JKN/UHC (seed 001 step 4: KTP and KK copies), B Surat Rekomendasi Rujukan (seed 002
 * step 1), C Kartu KIS (seed 004: SKTM, KK, KTP); D Informasi & Pengaduan asks for nothing.
 */
const BY_CODE: Record<string, DocType[]> = {
  A: ['ktp', 'kk'],
  B: ['ktp', 'kk', 'rujukan_puskesmas', 'rujukan_rs_kelas_c', 'rekomendasi_dinas_kab', 'rujukan_resume_rs'],
  C: ['sktm', 'kk', 'ktp'],
  D: [],
};

/** What a service asks for until the admin says otherwise: by its code, else by words in its name. */
export function defaultChecklist(service: { code: string; name: string }): DocType[] {
  const byCode = BY_CODE[service.code.toUpperCase()];
  if (byCode) return [...byCode];
  const name = service.name.toLowerCase();
  if (/rekomendasi|rujukan|penjaminan/.test(name)) return [...BY_CODE.B!];
  if (/kartu|kis\b/.test(name)) return [...BY_CODE.C!];
  if (/kepesertaan|jkn|bpjs|uhc/.test(name)) return [...BY_CODE.A!];
  return [];
}

export interface ChecklistLine {
  docType: DocType;
  name: string;
  present: boolean;
  pages: number;
}

/** The case's checklist: every required paper, present when it has at least one page. */
export function checklistState(required: readonly DocType[], pagesByType: Partial<Record<DocType, number>>): { lines: ChecklistLine[]; missing: DocType[]; complete: boolean } {
  const lines = required.map((docType) => {
    const pages = pagesByType[docType] ?? 0;
    return { docType, name: DOC_TYPES[docType], present: pages > 0, pages };
  });
  const missing = lines.filter((l) => !l.present).map((l) => l.docType);
  return { lines, missing, complete: missing.length === 0 };
}

/** Largest file one upload or one stored page may be, unless the admin sets another limit. */
export const DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024;
/** Bytes per upload chunk: well under the host's 1 MiB request limit once base64-encoded. */
export const UPLOAD_CHUNK_BYTES = 512 * 1024;

/** "4,7 MB" the way the office writes numbers. */
export function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toLocaleString('id-ID', { maximumFractionDigits: 1 })} MB`;
}

export function tooLargeMessage(bytes: number, limit: number): string {
  return `Berkas terlalu besar (${megabytes(bytes)}); batasnya ${megabytes(limit)} per berkas. Pindai ulang dengan resolusi lebih rendah (150–200 dpi) atau mode abu-abu, atau pecah menjadi beberapa halaman. Berkas yang lain tetap tersimpan.`;
}

/** Image types a page may arrive as (scanners, cameras, scan-to-folder devices). */
export const PAGE_MIME = ['image/jpeg', 'image/png', 'image/tiff', 'image/webp'] as const;
export type PageMime = (typeof PAGE_MIME)[number];

/** What a file's first bytes say it is; null for anything that is not a page image. */
export function sniffImage(head: Uint8Array): PageMime | null {
  const b = (i: number) => head[i] ?? -1;
  if (b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff) return 'image/jpeg';
  if (b(0) === 0x89 && b(1) === 0x50 && b(2) === 0x4e && b(3) === 0x47) return 'image/png';
  if ((b(0) === 0x49 && b(1) === 0x49 && b(2) === 0x2a && b(3) === 0) || (b(0) === 0x4d && b(1) === 0x4d && b(2) === 0 && b(3) === 0x2a)) return 'image/tiff';
  if (b(0) === 0x52 && b(1) === 0x49 && b(2) === 0x46 && b(3) === 0x46 && b(8) === 0x57 && b(9) === 0x45 && b(10) === 0x42 && b(11) === 0x50) return 'image/webp';
  return null;
}

export const NOT_AN_IMAGE_MESSAGE =
  'Berkas ini bukan gambar pindaian (JPEG, PNG, TIFF, WEBP), jadi tidak dimasukkan. Pindai ulang atau pilih berkas gambar.';

/** Scan settings a desk's scanner is asked for. */
export const SCAN_MODES = ['gray', 'color'] as const;
export type ScanMode = (typeof SCAN_MODES)[number];
export const PAPER_SIZES = { A4: [210, 297], F4: [215, 330], Letter: [216, 279] } as const;
export type PaperSize = keyof typeof PAPER_SIZES;
export const SCAN_SOURCES = ['flatbed', 'adf'] as const;
export type ScanSource = (typeof SCAN_SOURCES)[number];
