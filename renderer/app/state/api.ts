// Every page calls the host through `api`, which wraps the client's `call` to keep the app state
// honest: an unreachable host raises the banner, any answer lowers it, and an expired session
// sends the user back to the login screen.
import { v7 as uuidv7 } from 'uuid';
import { call, onConnection, session } from '../client';
import { contract, type AppError, type CallInput, type CallName, type CallOutput, type Result } from '../../../common/contract/index';
import { useApp } from './app';

/** A requestId for one user action (common/contract/core.ts, EntryFlags.idempotent). */
export const newRequestId = (): string => uuidv7();

/**
 * Every call that creates or moves something gets a requestId for this user action, unless the
 * caller brings one: a caller that retries the same action (the kiosk's button pressed again after
 * an error) passes the id of the first attempt, so the host answers with that attempt's result
 * instead of doing the work twice.
 */
export function withRequestId<N extends CallName>(name: N, input: CallInput<N>): CallInput<N> {
  if (!contract[name].idempotent) return input;
  const given = (input as { requestId?: string } | undefined)?.requestId;
  return given ? input : ({ ...(input ?? {}), requestId: newRequestId() } as CallInput<N>);
}

export async function api<N extends CallName>(name: N, input: CallInput<N>): Promise<Result<CallOutput<N>>> {
  const result = await call(name, withRequestId(name, input));
  const app = useApp.getState();
  const reachable = result.ok || result.error.code !== 'HOST_UNREACHABLE';
  if (app.hostReachable !== reachable) app.set({ hostReachable: reachable });
  if (!result.ok && result.error.code === 'UNAUTHENTICATED' && app.user) {
    session.token = null;
    app.set({ user: null, desk: null });
  }
  return result;
}

export type ApiError = AppError;

onConnection((online) => {
  const app = useApp.getState();
  app.set({ eventsLive: online, eventsEpoch: online ? app.eventsEpoch + 1 : app.eventsEpoch });
});
