// The follow-up numbers on the home menu's tile: due today and overdue, kept fresh by events.
import { useLoad, useOnEventsOpened, useServerEvents } from '../../app/hooks';
import { api } from '../../app/state/api';
import { followupsStrings as s } from './strings';

export function FollowupCountsBadge() {
  const c = useLoad(() => api('followups.counts', {}));
  useServerEvents((e) => {
    if (e.type === 'followups.changed') void c.reload();
  });
  useOnEventsOpened(() => void c.reload());
  if (!c.data) return null;
  return (
    <span className={`menu-tile-count${c.data.overdue ? ' menu-tile-count-late' : ''}`} data-testid="menu-followup-counts" data-due-today={c.data.dueToday} data-overdue={c.data.overdue}>
      {s.menuCounts(c.data.dueToday, c.data.overdue)}
    </span>
  );
}
