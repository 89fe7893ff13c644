// The running host's retry loop, reachable from a request (checkFamily kicks it when BPJS answers).
import type { Store } from '../../platform/db';
import type { ServerEvent } from '../../../common/contract/index';
import type { Deps } from '../../platform/context';
import { startMembershipRetry, type RetryLoop } from './retry';

const loops = new WeakMap<Store, RetryLoop>();

export function kickRetry(store: Store): void {
  loops.get(store)?.kick();
}

/** Started by the composition root (main/app/start.ts); the returned function stops it. */
export function startRetryLoop(deps: Deps, publish: (e: ServerEvent) => void, tickMs?: number): () => Promise<void> {
  const loop = startMembershipRetry(deps, publish, tickMs);
  loops.set(deps.store, loop);
  return async () => {
    loops.delete(deps.store);
    await loop.stop();
  };
}
