// What a BPJS membership check can answer, and what the office does next for that family member
// (../shared/bpjs-bridging.md, "What the outcome of a check means for the case"; seeds 000 and 001).
// Pure: no I/O, no clock.
import type { BackoffPolicy } from './backoff';

export const RELATIONS = ['kepala', 'istri', 'suami', 'anak', 'orang_tua', 'mertua', 'menantu', 'cucu', 'famili_lain', 'lainnya'] as const;
export type Relation = (typeof RELATIONS)[number];
export const RELATION_WORDS: Record<Relation, string> = {
  kepala: 'Kepala keluarga', istri: 'Istri', suami: 'Suami', anak: 'Anak', orang_tua: 'Orang tua', mertua: 'Mertua',
  menantu: 'Menantu', cucu: 'Cucu', famili_lain: 'Famili lain', lainnya: 'Lainnya',
};

/** A KK lists at most this many people here; more is almost surely a paste error. */
export const MAX_MEMBERS = 20;

export type InactiveReason = 'arrears' | 'deceased' | 'other';

/** The one result type of a check, whatever service answered. */
export type BpjsResult =
  | { kind: 'active'; cardNo: string; name: string; className: string; participantCode: string; participantName: string; provider: string }
  | { kind: 'inactive'; reasonCode: InactiveReason; reason: string; cardNo: string; name: string; participantName: string }
  | { kind: 'not_found'; duplicateNik: boolean; reason: string }
  | { kind: 'error'; reason: string };

/** What the row shows: 'unchecked' is "belum dicek" (BPJS could not be asked). */
export const CHECK_STATUSES = ['active', 'inactive', 'not_found', 'unchecked'] as const;
export type CheckStatus = (typeof CHECK_STATUSES)[number];

export const NEXT_ACTIONS = ['request_eid', 'continue', 'form_transfer', 'officer_decides', 'form_new_participant', 'disdukcapil', 'retry_or_manual'] as const;
export type NextAction = (typeof NEXT_ACTIONS)[number];

export const NEXT_ACTION_WORDS: Record<NextAction, string> = {
  request_eid: 'Minta BPJS mencetak E-ID (paling lama 3 hari kerja)',
  continue: 'Tidak ada yang perlu diperbaiki; lanjutkan keperluan kunjungan',
  form_transfer: 'Isi Form Pengalihan + lampiran, kirim ke BPJS',
  officer_decides: 'Tunjukkan alasannya; petugas memutuskan',
  form_new_participant: 'Isi Form Peserta Baru + fotokopi KK dan KTP orang tua, kirim ke BPJS',
  disdukcapil: 'Minta Disdukcapil memperbaiki NIK',
  retry_or_manual: 'Belum dicek: dicoba lagi otomatis, atau isi hasil P-Care secara manual',
};

export const STATUS_WORDS: Record<CheckStatus, string> = {
  active: 'Aktif', inactive: 'Tidak aktif', not_found: 'Tidak terdaftar', unchecked: 'Belum dicek',
};

/** PBI: the state (APBN, 21) or the region (APBD, 22) pays the premium. */
export const isPbi = (participantCode: string): boolean => participantCode === '21' || participantCode === '22';

export function statusOf(result: BpjsResult): CheckStatus {
  return result.kind === 'error' ? 'unchecked' : result.kind;
}

/** The next step for one member, from the bridging table. */
export function nextAction(result: BpjsResult, member: { hasCard: boolean }): NextAction {
  switch (result.kind) {
    case 'active':
      return member.hasCard ? 'continue' : 'request_eid';
    case 'inactive':
      return result.reasonCode === 'arrears' ? 'form_transfer' : 'officer_decides';
    case 'not_found':
      return result.duplicateNik ? 'disdukcapil' : 'form_new_participant';
    case 'error':
      return 'retry_or_manual';
  }
}

/** Retries inside one check (connection refused, 5xx, an HTML error page): short, three attempts. */
export const BPJS_ATTEMPT_RETRY: BackoffPolicy = { baseMs: 300, maxMs: 2_000, jitter: 0.2 };
export const BPJS_ATTEMPTS = 3;
/** The background retry of "belum dicek" rows: 30 s doubling up to 15 min. */
export const BPJS_PENDING_RETRY: BackoffPolicy = { baseMs: 30_000, maxMs: 15 * 60_000, jitter: 0.2 };

// ---- statement forms (seeds 000 and 001) --------------------------------------------------------

/**
 * The printable forms a membership outcome calls for: the new-participant and the transfer statement
 * (seed 001, "Surat Pernyataan Form Peserta Baru / Pengalihan bermaterai"), the E-ID print request
 * to BPJS (seed 001 step 8) and the statement of a family not in DTKS that goes with the village's
 * letter for the DTKS/SKTM certificate (seed 000 step 11).
 */
export const STATEMENT_FORMS = ['peserta_baru', 'pengalihan', 'cetak_eid', 'dtks'] as const;
export type StatementForm = (typeof STATEMENT_FORMS)[number];

export const STATEMENT_FORM_TITLES: Record<StatementForm, string> = {
  peserta_baru: 'Formulir Pendaftaran Peserta Baru',
  pengalihan: 'Formulir Pengalihan Kepesertaan',
  cetak_eid: 'Permintaan Cetak E-ID',
  dtks: 'Surat Pernyataan Belum Terdaftar DTKS',
};

/** The form a member's next action calls for (null: none). */
export const FORM_OF_ACTION: Record<NextAction, StatementForm | null> = {
  request_eid: 'cetak_eid',
  form_transfer: 'pengalihan',
  form_new_participant: 'peserta_baru',
  continue: null,
  officer_decides: null,
  disdukcapil: null,
  retry_or_manual: null,
};
