// Case follow-ups: what must still happen for one family member after the membership check, by
// when (in working days, see workdays.ts) and through which steps. The table below is the SOP
// (seeds 000 and 001) as data; statuses only move forward along a kind's path.

export const FOLLOWUP_KINDS = [
  'eid_print',
  'peserta_baru',
  'pengalihan',
  'disdukcapil_registered',
  'disdukcapil_unregistered',
  'disdukcapil_recording',
  'emergency_grace',
  'kis_handover',
] as const;
export type FollowupKind = (typeof FOLLOWUP_KINDS)[number];

export const FOLLOWUP_STATUSES = ['open', 'sent', 'answered', 'bpjs_told', 'delivered', 'done', 'cancelled'] as const;
export type FollowupStatus = (typeof FOLLOWUP_STATUSES)[number];

export interface FollowupRule {
  label: string;
  /** Deadline in working days from the day it is opened (0: the same working day). */
  workingDays: number;
  /** The statuses in order, first to last; 'cancelled' is always reachable from any open one. */
  path: readonly FollowupStatus[];
  /** What the deadline stands for, shown beside it. */
  basis: string;
}

export const FOLLOWUP_RULES: Record<FollowupKind, FollowupRule> = {
  // Seed 001: BPJS answers an E-ID print request within 3x24 working hours (fastest 30 minutes).
  eid_print: { label: 'Permintaan cetak E-ID', workingDays: 3, path: ['open', 'sent', 'answered', 'delivered', 'done'], basis: 'BPJS menjawab paling lambat 3 hari kerja' },
  // Seed 001 gives no deadline for the forms; they follow the same 3-working-day BPJS answer.
  peserta_baru: { label: 'Formulir Peserta Baru', workingDays: 3, path: ['open', 'sent', 'answered', 'delivered', 'done'], basis: 'Formulir dikirim ke BPJS; jawaban ditunggu 3 hari kerja' },
  pengalihan: { label: 'Formulir Pengalihan', workingDays: 3, path: ['open', 'sent', 'answered', 'delivered', 'done'], basis: 'Formulir dikirim ke BPJS; jawaban ditunggu 3 hari kerja' },
  disdukcapil_registered: { label: 'Perbaikan Disdukcapil (terdaftar)', workingDays: 0, path: ['open', 'sent', 'answered', 'delivered', 'done'], basis: 'E-ID kembali hari yang sama' },
  disdukcapil_unregistered: { label: 'Perbaikan Disdukcapil (tidak terdaftar/ganda)', workingDays: 1, path: ['open', 'sent', 'answered', 'delivered', 'done'], basis: 'Diperbaiki paling lambat 1 hari kerja' },
  // Needs recording: the family visits Disdukcapil (up to 4 working days), then BPJS is told.
  disdukcapil_recording: { label: 'Perekaman Disdukcapil', workingDays: 4, path: ['open', 'sent', 'answered', 'bpjs_told', 'delivered', 'done'], basis: 'Perekaman paling lambat 4 hari kerja, lalu BPJS diberi tahu' },
  // Seed 000: an emergency patient without papers has 7 working days to complete them.
  emergency_grace: { label: 'Masa tenggang pasien gawat darurat', workingDays: 7, path: ['open', 'answered', 'done'], basis: 'Berkas dilengkapi paling lambat 7 hari kerja' },
  // Seed 000 steps 8-9: the printed KIS card is handed over within 3 working days.
  kis_handover: { label: 'Penyerahan kartu KIS', workingDays: 3, path: ['open', 'answered', 'delivered', 'done'], basis: 'Kartu diserahkan paling lambat 3 hari kerja' },
};

export const STATUS_LABELS: Record<FollowupStatus, string> = {
  open: 'Baru',
  sent: 'Dikirim',
  answered: 'Dijawab',
  bpjs_told: 'BPJS diberi tahu',
  delivered: 'Diteruskan ke peserta',
  done: 'Selesai',
  cancelled: 'Dibatalkan',
};

export const isClosed = (s: FollowupStatus): boolean => s === 'done' || s === 'cancelled';

/** The status after `from` on the kind's path (null: none, it is closed). */
export function nextStatus(kind: FollowupKind, from: FollowupStatus): FollowupStatus | null {
  if (isClosed(from)) return null;
  const path = FOLLOWUP_RULES[kind].path;
  const i = path.indexOf(from);
  return i >= 0 && i + 1 < path.length ? path[i + 1]! : null;
}

/** Whether `from` may move to `to`: forward along the path (skipping is allowed), or cancelled. */
export function canMove(kind: FollowupKind, from: FollowupStatus, to: FollowupStatus): boolean {
  if (isClosed(from)) return false;
  if (to === 'cancelled') return true;
  const path = FOLLOWUP_RULES[kind].path;
  const a = path.indexOf(from);
  const b = path.indexOf(to);
  return a >= 0 && b > a;
}

/** Where a follow-up stands against its deadline on `today` (office days, compared as strings). */
export function dueState(dueDay: string, today: string, status: FollowupStatus): 'closed' | 'overdue' | 'today' | 'later' {
  if (isClosed(status)) return 'closed';
  if (dueDay < today) return 'overdue';
  return dueDay === today ? 'today' : 'later';
}
