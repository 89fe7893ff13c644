// What the visitor is told on the ticket and on the phone: how many are called before them and
// roughly how long that takes, from today's own pace. Pure: callers pass the figures and `now`.

/** One visitor's turn at the stage today: when the desk started serving them and when it let them go. */
export interface StageVisit {
  startedAt: string;
  endedAt: string;
}

export interface WaitEstimateInput {
  /** Visitors the stage calls before this one (callingOrder position). */
  ahead: number;
  /** Today's finished turns at the stage (the whole run of its steps at one desk, e.g. steps 2 to 6). */
  visits: readonly StageVisit[];
  /** Desks that called at this stage recently; at least one serves even when none has yet. */
  activeDesks: number;
}

/** Turns considered: the most recent ones, so the estimate follows the pace of the last hour, not of the morning. */
export const ESTIMATE_SAMPLE = 20;
/** Fewer finished turns than this today say too little: no estimate is better than a wrong one. */
export const ESTIMATE_MIN_SAMPLES = 3;
/** Rounded up to this many minutes: "± 5 menit", "± 10 menit", never a false "± 7 menit". */
export const ESTIMATE_STEP_MIN = 5;

const median = (values: readonly number[]): number => {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/**
 * Minutes until this visitor is called, or null when today has too few finished turns to tell.
 * Each desk takes one visitor per turn; `ahead` visitors share the active desks, so the wait is
 * ceil(ahead / desks) median turns. The median, not the mean: one long case must not scare the
 * whole waiting room. Nobody ahead: 0 (next to be called), whatever today's figures.
 */
export function estimateWaitMin({ ahead, visits, activeDesks }: WaitEstimateInput): number | null {
  if (ahead <= 0) return 0;
  const turns = [...visits]
    .sort((a, b) => b.endedAt.localeCompare(a.endedAt))
    .slice(0, ESTIMATE_SAMPLE)
    .map((v) => Math.max(0, Date.parse(v.endedAt) - Date.parse(v.startedAt)) / 60_000)
    .filter((m) => Number.isFinite(m));
  if (turns.length < ESTIMATE_MIN_SAMPLES) return null;
  const rounds = Math.ceil(ahead / Math.max(1, activeDesks));
  const minutes = rounds * median(turns);
  return Math.max(ESTIMATE_STEP_MIN, Math.ceil(minutes / ESTIMATE_STEP_MIN) * ESTIMATE_STEP_MIN);
}

/**
 * Each visitor's turn at a stage from their step timings: from the first step of that role started
 * to the last one ended, when all of that role's steps are done. Steps closed without a start
 * (passed over by a transfer) do not count as work.
 */
export function stageVisits(
  steps: readonly { ticketId: string; role: string; startedAt: string | null; endedAt: string | null }[],
  role: string,
): StageVisit[] {
  const byTicket = new Map<string, { start: string | null; end: string | null; open: boolean }>();
  for (const s of steps) {
    if (s.role !== role) continue;
    const v = byTicket.get(s.ticketId) ?? { start: null, end: null, open: false };
    if (s.endedAt === null) v.open = true;
    if (s.startedAt && s.endedAt) {
      if (!v.start || s.startedAt < v.start) v.start = s.startedAt;
      if (!v.end || s.endedAt > v.end) v.end = s.endedAt;
    }
    byTicket.set(s.ticketId, v);
  }
  return [...byTicket.values()].filter((v) => !v.open && v.start && v.end).map((v) => ({ startedAt: v.start!, endedAt: v.end! }));
}

/** The ticket's words, the same on paper, on the kiosk screen and on the phone. */
export const aheadText = (ahead: number): string => (ahead === 0 ? 'Anda antrean berikutnya' : `${ahead} antrean sebelum Anda`);

export const waitText = (min: number | null): string =>
  min === null ? 'Perkiraan tunggu: belum tersedia' : min === 0 ? 'Perkiraan tunggu: segera' : `Perkiraan tunggu: \u00b1 ${min} menit`;
