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
export function pickNext<C extends Candidate>(candidates: readonly C[], normalsSinceLastPriority: number, ratio: number): C | null {
  // The longest-waiting of each kind, in one pass (callNext runs this on every call).
  const heads: Heads<C> = { emergency: undefined, priority: undefined, normal: undefined };
  for (const c of candidates) {
    const k = kindOf(c);
    const head = heads[k];
    if (!head || waitOrder(c, head) < 0) heads[k] = c;
  }
  return choose(heads, normalsSinceLastPriority, ratio) ?? null;
}

type Kind = 'emergency' | 'priority' | 'normal';
type Heads<C> = Record<Kind, C | undefined>;
const kindOf = (c: Candidate): Kind => (c.priority === 'gawat_darurat' ? 'emergency' : c.priority === null ? 'normal' : 'priority');

/** The calling rule on the longest-waiting visitor of each kind. */
function choose<C>(heads: Heads<C>, normalsSinceLastPriority: number, ratio: number): C | undefined {
  if (heads.emergency) return heads.emergency;
  if (!heads.priority) return heads.normal;
  if (!heads.normal) return heads.priority;
  return normalsSinceLastPriority >= ratio ? heads.priority : heads.normal;
}

/**
 * The whole waiting list in the order callNext would take it, one call after another: pickNext
 * applied repeatedly, each pick counted as the call it would be (a priority call, gawat darurat
 * included, restarts the count of normal calls, as the host's call history does).
 */
export function callingOrder<C extends Candidate>(candidates: readonly C[], normalsSinceLastPriority: number, ratio: number): C[] {
  // One sort, then three queues in waiting order, taken from the front as pickNext would choose:
  // n log n for the whole list (a board with hundreds waiting is read on every change).
  const queues: Record<Kind, C[]> = { emergency: [], priority: [], normal: [] };
  for (const c of [...candidates].sort(waitOrder)) queues[kindOf(c)].push(c);
  const at: Record<Kind, number> = { emergency: 0, priority: 0, normal: 0 };
  const order: C[] = [];
  let normals = normalsSinceLastPriority;
  for (;;) {
    const heads: Heads<C> = { emergency: queues.emergency[at.emergency], priority: queues.priority[at.priority], normal: queues.normal[at.normal] };
    const next = choose(heads, normals, ratio);
    if (!next) return order;
    at[kindOf(next)]++;
    order.push(next);
    normals = next.priority === null ? normals + 1 : 0;
  }
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
