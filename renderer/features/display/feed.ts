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
