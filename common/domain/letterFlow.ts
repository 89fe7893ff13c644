// A letter's way from the patient's file to the hand-over (seed 002, SOP pembuatan surat
// rekomendasi), and each step's time against its mutu baku.
import { z } from 'zod';

/** In the order a letter moves; a status never moves back (returned → checked is forward:
 *  the completed file is checked again). `batal` may follow any status before the hand-over. */
export const LETTER_STATUSES = ['diterima', 'dikembalikan', 'lengkap', 'draf', 'disetujui', 'ditandatangani', 'dicetak', 'diambil', 'diserahkan', 'batal'] as const;
export const LetterStatus = z.enum(LETTER_STATUSES);
export type LetterStatus = z.infer<typeof LetterStatus>;

export const LETTER_STATUS_LABELS: Record<LetterStatus, string> = {
  diterima: 'Berkas diterima',
  dikembalikan: 'Berkas dikembalikan (belum lengkap)',
  lengkap: 'Berkas lengkap',
  draf: 'Draf surat',
  disetujui: 'Disetujui ketua tim, menunggu tanda tangan',
  ditandatangani: 'Ditandatangani, belum dicetak',
  dicetak: 'Dicetak, menunggu diambil',
  diambil: 'Diambil, siap diserahkan',
  diserahkan: 'Diserahkan',
  batal: 'Batal',
};

export const statusRank = (s: LetterStatus): number => LETTER_STATUSES.indexOf(s);

/** The moves each call makes; anything else is refused with the letter's present status. */
export const MOVES = {
  check: ['diterima', 'dikembalikan'],
  draft: ['lengkap', 'draf'],
  approve: ['draf'],
  sign: ['disetujui'],
  print: ['ditandatangani', 'dicetak', 'diambil', 'diserahkan'],
  collect: ['dicetak'],
  handOver: ['diambil'],
  cancel: ['diterima', 'dikembalikan', 'lengkap', 'draf', 'disetujui', 'ditandatangani', 'dicetak', 'diambil'],
} as const satisfies Record<string, readonly LetterStatus[]>;
export type LetterMove = keyof typeof MOVES;

export const canMove = (move: LetterMove, from: LetterStatus): boolean => (MOVES[move] as readonly LetterStatus[]).includes(from);

/** When each step's clock starts and stops (the letter's timestamps) and its mutu baku (seed 002). */
export const LETTER_STEPS = [
  { key: 'periksa', label: 'Memeriksa kelengkapan berkas', from: 'receivedAt', to: 'checkedAt', mutuBakuMin: 15 },
  { key: 'draf', label: 'Membuat surat keterangan penjaminan', from: 'checkedAt', to: 'draftedAt', mutuBakuMin: 15 },
  { key: 'tandaTangan', label: 'Tanda tangan ketua tim dan kepala dinas', from: 'draftedAt', to: 'signedAt', mutuBakuMin: 5 },
  { key: 'ambil', label: 'Mengambil surat yang telah ditandatangani', from: 'signedAt', to: 'collectedAt', mutuBakuMin: 2 },
  { key: 'serah', label: 'Menyerahkan surat ke pasien', from: 'collectedAt', to: 'handedOverAt', mutuBakuMin: 2 },
] as const;
export type LetterStepKey = (typeof LETTER_STEPS)[number]['key'];
export type LetterTimes = Record<(typeof LETTER_STEPS)[number]['from' | 'to'], string | null>;

export interface LetterStepTiming {
  key: LetterStepKey;
  label: string;
  mutuBakuMin: number;
  /** Seconds spent; for a running step, up to `now`; null before it starts. */
  elapsedSec: number | null;
  running: boolean;
  overrun: boolean;
}

export function letterStepTimings(t: LetterTimes, now: Date, stopped = false): LetterStepTiming[] {
  return LETTER_STEPS.map((s, i) => {
    const from = t[s.from];
    const to = t[s.to];
    // A step whose end was not recorded but a later one was (a register imported from Excel keeps
    // only some dates) is unknown, not running since months: only the letter's current step runs.
    const laterRecorded = LETTER_STEPS.slice(i + 1).some((x) => t[x.to] !== null);
    const running = from !== null && to === null && !stopped && !laterRecorded;
    const end = to ? Date.parse(to) : running ? now.getTime() : null;
    const elapsedSec = from && end !== null ? Math.max(0, Math.round((end - Date.parse(from)) / 1000)) : null;
    return { key: s.key, label: s.label, mutuBakuMin: s.mutuBakuMin, elapsedSec, running, overrun: elapsedSec !== null && elapsedSec > s.mutuBakuMin * 60 };
  });
}

/** "12 mnt 05 dtk / 15 mnt": a step's time against its standard, as the letter and register show it. */
export function stepTimeText(t: Pick<LetterStepTiming, "elapsedSec" | "mutuBakuMin" | "overrun">): string {
  if (t.elapsedSec === null) return `– / ${t.mutuBakuMin} mnt`;
  const m = Math.floor(t.elapsedSec / 60);
  const s = t.elapsedSec % 60;
  return `${m} mnt ${String(s).padStart(2, '0')} dtk / ${t.mutuBakuMin} mnt${t.overrun ? ' (lewat)' : ''}`;
}

/** NIK shown in lists: first four and last four digits. */
export const maskNik = (nik: string): string => (nik.length >= 8 ? `${nik.slice(0, 4)}${'*'.repeat(nik.length - 8)}${nik.slice(-4)}` : '*'.repeat(nik.length));
