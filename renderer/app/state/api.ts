// Every page calls the host through `api`, which wraps the client's `call` to keep the app state
// honest: an unreachable host raises the banner, any answer lowers it, and an expired session
// sends the user back to the login screen.
import { call, onConnection, session } from '../client';
import type { AppError, CallInput, CallName, CallOutput, Result } from '../../../common/contract/index';
import { useApp } from './app';

export async function api<N extends CallName>(name: N, input: CallInput<N>): Promise<Result<CallOutput<N>>> {
  const result = await call(name, input);
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
