// App-wide state: who is signed in at which desk, and whether the host can be reached.
import { create } from 'zustand';
import type { AppError, Desk, Office, User } from '../../../common/contract/index';

export type BootState = 'loading' | 'unreachable' | 'ready';

interface AppState {
  boot: BootState;
  bootError: AppError | null;
  configured: boolean;
  /** This browser/PC holds a desk token (paired with the host). */
  deskPaired: boolean;
  office: Office | null;
  user: User | null;
  desk: Desk | null;
  /** Last HTTP/IPC call reached the host. */
  hostReachable: boolean;
  /** The push-event channel is open (queue screens stay current without polling). */
  eventsLive: boolean;
  /** Counts openings of the event channel; screens reload when it moves (events may have been missed). */
  eventsEpoch: number;
  set(patch: Partial<Omit<AppState, 'set'>>): void;
}

export const useApp = create<AppState>()((set) => ({
  boot: 'loading',
  bootError: null,
  configured: false,
  deskPaired: false,
  office: null,
  user: null,
  desk: null,
  hostReachable: true,
  eventsLive: true,
  eventsEpoch: 0,
  set: (patch) => set(patch),
}));

export { hostNow } from '../hostClock';
