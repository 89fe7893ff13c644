// The one retry rule for every reconnect loop (display board, staff event feed, desk forwarder):
// doubling from a base delay up to a ceiling, with jitter so an office's screens do not all hit the
// host in the same instant after it restarts. Pure: the caller passes the random source.

export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
  /** ± fraction of the delay, e.g. 0.2 for ±20%. */
  jitter: number;
}

/** Screens and desks reconnecting to the host: 1 s, 2 s, 4 s … 15 s, ±20%. */
export const RECONNECT: BackoffPolicy = { baseMs: 1000, maxMs: 15_000, jitter: 0.2 };

/** Delay before attempt `attempt` (0-based). */
export function backoffDelayMs(attempt: number, policy: BackoffPolicy = RECONNECT, random: () => number = Math.random): number {
  const plain = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(30, Math.max(0, attempt)));
  return Math.round(plain * (1 - policy.jitter + 2 * policy.jitter * random()));
}

/** The sync worker retrying the central server: 1 s doubling to 5 min, full jitter (0 … delay). */
export const SYNC_RETRY: BackoffPolicy = { baseMs: 1000, maxMs: 5 * 60_000, jitter: 1 };

/**
 * Full jitter (AWS's "exponential backoff and jitter"): a uniform delay between 0 and the doubled
 * ceiling, so thousands of offices coming back after a provincial outage spread over the whole
 * window instead of arriving in waves. Used by the sync worker.
 */
export function fullJitterDelayMs(attempt: number, policy: BackoffPolicy = SYNC_RETRY, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(30, Math.max(0, attempt)));
  return Math.round(ceiling * random());
}
