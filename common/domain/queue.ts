// The visitor queue's rules (seed 001): numbering, who is called next, which moves are allowed.
// Pure: no I/O and no clock; callers pass `now`.
import type { Priority, Stage, StepRole, TicketStatus } from './words';

export const formatLabel = (code: string, number: number): string => `${code}-${String(number).padStart(3, '0')}`;

export type QueueAction =
  | 'call' | 'recall' | 'skip' | 'callSkipped' | 'startStep' | 'finishStep' | 'transfer' | 'endVisit' | 'closeNoShow';

/** The state machine: which statuses each move starts from. done, cancelled and no_show are final. */
const ALLOWED: Record<QueueAction, readonly TicketStatus[]> = {
  call: ['waiting'],
  recall: ['called', 'serving'],
  skip: ['called'],
  callSkipped: ['skipped'],
  startStep: ['called'],
  finishStep: ['serving'],
  transfer: ['waiting', 'called', 'serving', 'skipped'],
  endVisit: ['waiting', 'called', 'serving', 'skipped'],
  closeNoShow: ['skipped'],
};

/** Where each move leaves the ticket, when it decides that by itself (finishStep and transfer depend on the steps left). */
export const MOVES_TO: Partial<Record<QueueAction, TicketStatus>> = {
  call: 'called',
  callSkipped: 'called',
  skip: 'skipped',
  startStep: 'serving',
  endVisit: 'cancelled',
  closeNoShow: 'no_show',
};

export function canDo(action: QueueAction, status: TicketStatus): boolean {
  return ALLOWED[action].includes(status);
}

const ACTION_WORDS: Record<QueueAction, string> = {
  call: 'dipanggil',
  recall: 'dipanggil ulang',
  skip: 'ditandai tidak hadir',
  callSkipped: 'dipanggil dari daftar terlewat',
  startStep: 'dimulai langkahnya',
  finishStep: 'diselesaikan langkahnya',
  transfer: 'dialihkan',
  endVisit: 'diakhiri kunjungannya',
  closeNoShow: 'ditutup sebagai tidak hadir',
};
const STATUS_WORDS: Record<TicketStatus, string> = {
  waiting: 'masih menunggu',
  called: 'sedang dipanggil',
  serving: 'sedang dilayani',
  skipped: 'ditandai tidak hadir',
  done: 'sudah selesai',
  cancelled: 'sudah diakhiri kunjungannya',
  no_show: 'sudah ditutup sebagai tidak hadir',
};

export function transitionError(action: QueueAction, status: TicketStatus, label: string): string {
  return `Nomor antrean ${label} ${STATUS_WORDS[status]}, jadi tidak dapat ${ACTION_WORDS[action]}.`;
}

export interface Candidate {
  id: string;
  priority: Priority | null;
  waitingSince: string;
  number: number;
}

/** Longest waiting first; the same moment, the lower number first. */
const waitOrder = (a: Candidate, b: Candidate) => (a.waitingSince < b.waitingSince ? -1 : a.waitingSince > b.waitingSince ? 1 : a.number - b.number);

/**
 * Who is called next at a stage. Gawat darurat always first; otherwise one priority visitor
 * (lansia, disabilitas, ibu hamil) after every `ratio` normal visitors, and whichever kind is
 * waiting when the other is not. `normalsSinceLastPriority` counts this stage's calls today.
 */
export function pickNext(candidates: readonly Candidate[], normalsSinceLastPriority: number, ratio: number): Candidate | null {
  const byWait = [...candidates].sort(waitOrder);
  const emergency = byWait.find((c) => c.priority === 'gawat_darurat');
  if (emergency) return emergency;
  const priority = byWait.find((c) => c.priority !== null);
  const normal = byWait.find((c) => c.priority === null);
  if (!priority) return normal ?? null;
  if (!normal) return priority;
  return normalsSinceLastPriority >= ratio ? priority : normal;
}

/**
 * The whole waiting list in the order callNext would take it, one call after another: pickNext
 * applied repeatedly, each pick counted as the call it would be (a priority call, gawat darurat
 * included, restarts the count of normal calls, as the host's call history does).
 */
export function callingOrder<C extends Candidate>(candidates: readonly C[], normalsSinceLastPriority: number, ratio: number): C[] {
  // One sort, then three queues in waiting order, taken from the front as pickNext would choose:
  // n log n for the whole list (a board with hundreds waiting is read on every change).
  const byWait = [...candidates].sort(waitOrder);
  const emergency = byWait.filter((c) => c.priority === 'gawat_darurat');
  const priority = byWait.filter((c) => c.priority !== null && c.priority !== 'gawat_darurat');
  const normal = byWait.filter((c) => c.priority === null);
  let e = 0;
  let p = 0;
  let n = 0;
  const order: C[] = [];
  let normals = normalsSinceLastPriority;
  while (order.length < byWait.length) {
    let next: C;
    if (e < emergency.length) next = emergency[e++]!;
    else if (p < priority.length && (n >= normal.length || normals >= ratio)) next = priority[p++]!;
    else next = normal[n++]!;
    order.push(next);
    normals = next.priority === null ? normals + 1 : 0;
  }
  return order;
}

/** Counts normal calls since the most recent priority call, newest first. */
export function normalsSinceLastPriority(recentCallsNewestFirst: readonly { priority: boolean }[]): number {
  let n = 0;
  for (const c of recentCallsNewestFirst) {
    if (c.priority) break;
    n += 1;
  }
  return n;
}

export interface StepRow { seq: number; role: StepRole | string; startedAt: string | null; endedAt: string | null }

/** The step the visitor is in or waiting for: the first one not yet ended. */
export function currentStep<T extends StepRow>(steps: readonly T[]): T | null {
  return [...steps].sort((a, b) => a.seq - b.seq).find((s) => s.endedAt === null) ?? null;
}

export function stageOf(role: string | undefined): Stage | null {
  return role === 'resepsionis' || role === 'petugas' ? role : null;
}
