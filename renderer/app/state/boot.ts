// Start-up: ask the host whether it is configured, whether this desk is paired and whether the
// stored session is still valid, and decide which gate screen (if any) comes first.
import type { Desk, User } from '../../../common/contract/index';
import { session } from '../client';
import { clearAllCaseDrafts } from '../../features/queue/caseDraft';
import { landingRoute } from '../../features/satpam/kiosk';
import { navigate, type Route } from '../router';
import { api } from './api';
import { useApp } from './app';
import { learnHostClock } from '../hostClock';

export async function boot(): Promise<void> {
  const app = useApp.getState();
  app.set({ boot: 'loading', bootError: null, deskPaired: Boolean(session.deskToken) });
  const sentAt = Date.now();
  const status = await api('system.status', {});
  learnHostClock(status, sentAt);
  if (!status.ok) {
    app.set({ boot: 'unreachable', bootError: status.error });
    return;
  }
  const { configured, office } = status.value;
  app.set({ configured, office });
  if (configured && session.deskToken && session.token) {
    const me = await api('auth.me', {});
    if (me.ok) app.set({ user: me.value.user, desk: me.value.desk, office: me.value.office });
    else if (me.error.code === 'HOST_UNREACHABLE') {
      app.set({ boot: 'unreachable', bootError: me.error });
      return;
    } else session.token = null;
  }
  app.set({ boot: 'ready' });
}

/** The screen the user must see first, or null when the requested route may be shown. */
export function gateFor(route: string, s: { configured: boolean; deskPaired: boolean; user: User | null }): Route | null {
  if (!s.configured) return route === '/setup' ? null : '/setup';
  if (!s.deskPaired) return route === '/pair' ? null : '/pair';
  if (!s.user) return route === '/login' ? null : '/login';
  if (route === '/setup' || route === '/pair' || route === '/login') return '/';
  return null;
}

/** Stores a fresh session and loads the desk and office it belongs to. */
export async function signedIn(sessionToken: string, user: User, desk: Desk | null): Promise<void> {
  session.token = sessionToken;
  const app = useApp.getState();
  app.set({ user, desk });
  const me = await api('auth.me', {});
  if (me.ok) app.set({ user: me.value.user, desk: me.value.desk, office: me.value.office, configured: true });
  // A kiosk browser or a satpam-only account goes straight to the ticket screen.
  navigate(landingRoute(user.roles));
}

export function pairDesk(deskToken: string | null): void {
  session.deskToken = deskToken;
  useApp.getState().set({ deskPaired: Boolean(deskToken) });
}

export async function logout(): Promise<void> {
  // Sign out locally even if the host is unreachable: the desk must not stay open.
  await api('auth.logout', {});
  session.token = null;
  // Unsaved visitor data must not wait in this tab for whoever uses the desk next.
  clearAllCaseDrafts();
  useApp.getState().set({ user: null, desk: null });
  navigate('/login');
}
