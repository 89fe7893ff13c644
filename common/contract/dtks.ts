// The DTKS/DTSEN register from Dinas Sosial: the admin uploads the list (in chunks, it is personal
// data), previews the column mapping, imports it as a job; staff look members up by NIK.
import { z } from 'zod';
import { DTKS_FIELDS } from '../domain/dtksColumns';
import { empty, entry, Id, Iso } from './core';
import { JobStarted } from './jobs';

/** Largest list accepted (a regency's list is well under this). */
export const DTKS_MAX_BYTES = 200 * 1024 * 1024;
/** Bytes per upload chunk before base64. */
export const DTKS_CHUNK_BYTES = 512 * 1024;

export const DtksField = z.enum(DTKS_FIELDS);
export const DtksMapping = z.partialRecord(DtksField, z.number().int().min(0).max(500));

export const DtksPerson = z.object({
  nik: z.string(),
  name: z.string(),
  kk: z.string(),
  householdId: z.string(),
  address: z.string(),
  village: z.string(),
  district: z.string(),
  desil: z.string(),
});
export type DtksPerson = z.infer<typeof DtksPerson>;

export const DtksList = z.object({ id: Id, fileName: z.string(), importedAt: Iso, rowCount: z.number().int(), badCount: z.number().int() });

export const DtksReport = z.object({
  fileName: z.string(),
  at: Iso,
  outcome: z.enum(['imported', 'refused', 'cancelled']),
  message: z.string(),
  rowCount: z.number().int(),
  badCount: z.number().int(),
  /** The first bad rows (row number as in the spreadsheet, reason in Indonesian). */
  badRows: z.array(z.object({ row: z.number().int(), reason: z.string() })),
});
export type DtksReport = z.infer<typeof DtksReport>;

export const DtksLookup = z.discriminatedUnion('status', [
  z.object({ status: z.literal('terdaftar'), list: DtksList, person: DtksPerson, members: z.array(DtksPerson) }),
  z.object({ status: z.literal('tidak_terdaftar'), list: DtksList, nik: z.string(), nextStep: z.string() }),
  z.object({ status: z.literal('belum_ada_data'), nik: z.string(), nextStep: z.string() }),
]);
export type DtksLookup = z.infer<typeof DtksLookup>;

export const dtksContract = {
  'dtks.uploadStart': entry(
    z.object({ fileName: z.string().trim().min(1).max(255), sizeBytes: z.number().int().min(1, 'Berkas kosong.').max(DTKS_MAX_BYTES, 'Berkas lebih dari 200 MB.') }),
    z.object({ uploadId: Id }),
    ['admin'],
  ),
  /** One chunk of the file, base64, in order. */
  'dtks.uploadChunk': entry(
    z.object({ uploadId: Id, index: z.number().int().min(0), data: z.string().max(Math.ceil((DTKS_CHUNK_BYTES * 4) / 3) + 8) }),
    z.object({ receivedBytes: z.number().int() }),
    ['admin'],
    { personal: true },
  ),
  /** Reads the header and the first rows; says which columns were recognised. */
  'dtks.preview': entry(
    z.object({ uploadId: Id }),
    z.object({
      format: z.enum(['xlsx', 'csv']),
      headers: z.array(z.string()),
      sample: z.array(z.array(z.string())),
      mapping: DtksMapping,
      missing: z.array(DtksField),
      problems: z.array(z.string()),
    }),
    ['admin'],
    { personal: true },
  ),
  'dtks.import': entry(z.object({ uploadId: Id, mapping: DtksMapping.optional() }), JobStarted, ['admin'], { job: true }),
  'dtks.status': entry(empty, z.object({ active: DtksList.nullable(), lastReport: DtksReport.nullable() }), ['admin', 'resepsionis', 'petugas'], { personal: true }),
  'dtks.lookup': entry(z.object({ nik: z.string().trim().regex(/^\d{16}$/, 'NIK harus 16 digit angka.') }), DtksLookup, ['admin', 'resepsionis', 'petugas'], { personal: true }),
  /** The household's record as a printable A4 PDF (base64). */
  'dtks.recordPdf': entry(z.object({ nik: z.string().trim().regex(/^\d{16}$/) }), z.object({ fileName: z.string(), pdfBase64: z.string() }), ['admin', 'resepsionis', 'petugas'], { personal: true }),
} as const;
