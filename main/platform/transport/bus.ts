// In-process fan-out of host events to the transports (WebSocket, Electron IPC).
import type { ServerEvent } from '../../../common/contract/index';

export interface EventBus {
  publish: (event: ServerEvent) => void;
  subscribe: (listener: (event: ServerEvent) => void) => () => void;
}

export function createBus(): EventBus {
  const listeners = new Set<(event: ServerEvent) => void>();
  return {
    publish: (event) => {
      for (const l of listeners) {
        try {
          l(event);
        } catch (err) {
          console.error('[loket] event listener failed', err);
        }
      }
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
