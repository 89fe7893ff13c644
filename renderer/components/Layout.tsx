// The frame around every staff screen: who and where, the connection light, and the banner when the
// host cannot be reached.
import type { ReactNode } from 'react';
import { t } from '../i18n/id';
import { useApp } from '../app/state/app';
import { navigate } from '../app/router';
import { logout } from '../app/state/boot';
import { SyncIndicator } from '../features/sync/SyncIndicator';

export function ConnectionIndicator() {
  const reachable = useApp((s) => s.hostReachable);
  const live = useApp((s) => s.eventsLive);
  const state = !reachable ? 'offline' : live ? 'online' : 'degraded';
  const text = !reachable ? t.connection.offline : live ? t.connection.online : t.connection.eventsDown;
  return (
    <span className={`conn conn-${state}`} data-testid="connection" data-connection={state} title={text}>
      <span className="conn-dot" aria-hidden="true" />
      <span className="conn-text">{text}</span>
    </span>
  );
}

export function UnreachableBanner() {
  const reachable = useApp((s) => s.hostReachable);
  if (reachable) return null;
  return (
    <div className="banner banner-offline" role="alert" data-testid="host-unreachable">
      {t.connection.unreachableBanner}
    </div>
  );
}

interface LayoutProps {
  title: string;
  testId: string;
  state: 'loading' | 'ready';
  children: ReactNode;
  /** Kiosk screens hide the menu link and use bigger type. */
  kiosk?: boolean;
  wide?: boolean;
  /** The menu itself has no "back to menu" link. */
  isMenu?: boolean;
}

export function Layout({ title, testId, state, children, kiosk, wide, isMenu }: LayoutProps) {
  const user = useApp((s) => s.user);
  const desk = useApp((s) => s.desk);
  const office = useApp((s) => s.office);
  const where = `${office?.name ?? ''}${desk ? ` · ${desk.name} (${t.app.counter(desk.counterNo)})` : ''}`;
  return (
    <div className={`page${kiosk ? ' kiosk' : ''}`} data-testid={testId} data-state={state}>
      <header className="topbar">
        {/* One line: the screen, then where (cut with an ellipsis, in full on hover). */}
        <div className="topbar-title">
          <h1>{title}</h1>
          <span className="topbar-sub" title={where}>
            {where}
          </span>
        </div>
        <div className="topbar-right">
          <ConnectionIndicator />
          {user ? <SyncIndicator /> : null}
          {user ? <span className="topbar-user" data-testid="current-user">{user.fullName}</span> : null}
          {user && !isMenu ? (
            <button type="button" className="btn btn-ghost" data-testid="nav-home" onClick={() => navigate('/')}>
              {t.app.back}
            </button>
          ) : null}
          {user ? (
            <button type="button" className="btn btn-ghost" data-testid="logout" onClick={() => void logout()}>
              {t.app.logout}
            </button>
          ) : null}
        </div>
      </header>
      <UnreachableBanner />
      <main className={`content${wide ? ' content-wide' : ''}`}>{children}</main>
    </div>
  );
}

/** A centred card for the start-up screens (setup, pair, login). */
interface GateLayoutProps extends Omit<LayoutProps, 'kiosk' | 'wide' | 'isMenu'> {
  /** The start-up screen shows the host error itself; the banner would repeat it. */
  hideBanner?: boolean;
}

export function GateLayout({ title, testId, state, children, hideBanner }: GateLayoutProps) {
  const office = useApp((s) => s.office);
  return (
    <div className="page page-gate" data-testid={testId} data-state={state}>
      {hideBanner ? null : <UnreachableBanner />}
      <main className="gate">
        <div className="gate-card">
          <div className="gate-brand">
            {t.app.name}
            <ConnectionIndicator />
          </div>
          {office ? <div className="gate-office">{office.name}</div> : null}
          <h1>{title}</h1>
          {children}
        </div>
      </main>
    </div>
  );
}
