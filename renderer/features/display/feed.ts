// Pure pieces of the board's WebSocket feed: message parsing and reconnect timing.
import { backoffDelayMs, RECONNECT } from '../../../common/domain/backoff';
import { DisplayCall, DisplayState, type DisplayEvent } from '../../../common/contract/index';

/**
 * The board trusts nothing it cannot draw: a message that is not a well-formed display event is
 * ignored rather than blanking the screen.
 */
export function parseDisplayEvent(data: unknown): DisplayEvent | null {
  if (typeof data !== 'string') return null;
  let raw: unknown;
  try {
    raw = JSON.parse(data);
  } catch {
    return null;
  }
  if (typeof raw !== 'object' || raw === null || (raw as { type?: unknown }).type !== 'display.state') return null;
  const { state, announce } = raw as { state?: unknown; announce?: unknown };
  const parsedState = DisplayState.safeParse(state);
  if (!parsedState.success) return null;
  const parsedAnnounce = announce == null ? null : DisplayCall.safeParse(announce);
  if (parsedAnnounce && !parsedAnnounce.success) return null;
  return { type: 'display.state', state: parsedState.data, announce: parsedAnnounce ? parsedAnnounce.data : null };
}

/** Delay before reconnect attempt `attempt` (0-based): the one reconnect rule (common/domain/backoff.ts). */
export function reconnectDelayMs(attempt: number, random: () => number = Math.random): number {
  return backoffDelayMs(attempt, RECONNECT, random);
}

/** The last `limit` calls of each counter, newest first, counters in number order. */
export function recentByCounter(state: DisplayState, limit = 10): { counterNo: number; labels: string[] }[] {
  return [...state.recentByCounter]
    .sort((a, b) => a.counterNo - b.counterNo)
    .map(({ counterNo, calls }) => ({
      counterNo,
      labels: [...calls]
        .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
        .slice(0, limit)
        .map((c) => c.label),
    }));
}

/** Calls the whole board shows across its counter columns, at a size read from across the room. */
export const BOARD_SLOTS = 40;
/** Never fewer than this per counter, however many counters: a visitor looks for "their" column. */
const MIN_ROWS = 4;
export const MAX_ROWS = 10;

/**
 * The board's grid for `counters` columns: how many recent calls each column lists (all of them
 * shown, never clipped: the CSS sizes each row to 1/rows of the column's height) and how the
 * columns are laid out. Up to 4 counters sit side by side with the last 10 calls each; more wrap
 * into two rows of columns with fewer calls each.
 */
export function boardLayout(counters: number): { rows: number; columns: number; gridRows: number } {
  const n = Math.max(1, counters);
  const columns = n <= 4 ? n : Math.ceil(n / 2);
  const gridRows = Math.ceil(n / columns);
  const rows = Math.max(MIN_ROWS, Math.min(MAX_ROWS, Math.floor(BOARD_SLOTS / (n <= 4 ? 4 : n))));
  return { rows, columns, gridRows };
}

/** A call counts as "now" on the board for this long; after that the board shows the office's information. */
export const IDLE_AFTER_MS = 10 * 60_000;

export function isIdle(current: { at: string } | null, nowMs: number): boolean {
  return current === null || nowMs - Date.parse(current.at) > IDLE_AFTER_MS;
}
