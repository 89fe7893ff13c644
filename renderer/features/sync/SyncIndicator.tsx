// The header's sync state, always visible to staff once this host is enrolled (hidden while it is
// not: nothing to say to a petugas then). "Tersinkron" only when the host says nothing waits (P9);
// refreshed by `sync.changed`, by any other pushed change (a ticket just issued is pending work),
// and when the event channel reopens.
import { useEffect, useRef } from 'react';
import type { SyncStatus } from '../../../common/contract/index';
import { clockTime } from '../../app/format';
import { useLoad, useOnEventsOpened, useServerEvents } from '../../app/hooks';
import { api } from '../../app/state/api';
import { syncStrings } from './strings';
import './sync.css';

const ts = syncStrings.indicator;

/** The indicator's words for a state: the one rule, shared with Admin → Sinkronisasi. */
export function syncLabel(s: SyncStatus): string {
  const last = s.lastSuccessAt ? clockTime(s.lastSuccessAt) : null;
  if (s.state === 'refused') return ts.refused;
  if (s.pending > 0) return ts.pending(s.pending, last);
  if (s.state === 'synced') return ts.synced;
  return ts.failingNoPending(last);
}

export function SyncIndicator() {
  const status = useLoad(() => api('sync.status', {}));
  const timer = useRef<number | null>(null);
  const soon = () => {
    if (timer.current !== null) return;
    timer.current = window.setTimeout(() => {
      timer.current = null;
      void status.reload();
    }, 400);
  };
  useEffect(() => () => {
    if (timer.current !== null) window.clearTimeout(timer.current);
  }, []);
  useServerEvents((e) => (e.type === 'sync.changed' ? void status.reload() : soon()));
  useOnEventsOpened(() => void status.reload());
  const s = status.data;
  if (!s || s.state === 'off') return null;
  const tone = s.state === 'synced' && s.pending === 0 ? 'synced' : s.state === 'refused' || s.state === 'failing' ? 'failing' : 'pending';
  const text = syncLabel(s);
  return (
    <span className={`sync-ind sync-ind-${tone}`} data-testid="sync-indicator" data-sync-state={s.state} data-pending={s.pending} title={s.message ?? text}>
      <span className="sync-ind-dot" aria-hidden="true" />
      <span className="sync-ind-text">{text}</span>
    </span>
  );
}
