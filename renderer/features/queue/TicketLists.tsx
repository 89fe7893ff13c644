// The waiting and skipped lists beside the desk's current visitor.
import type { Ticket } from '../../../common/contract/index';
import { t } from '../../i18n/id';
import { useHostNow } from '../../app/hooks';
import { useApp } from '../../app/state/app';
import { PriorityBadge } from '../../components/PriorityBadge';

export function WaitingList({ tickets }: { tickets: Ticket[] }) {
  const now = useHostNow(15_000);
  const me = useApp((s) => s.user?.id);
  return (
    <section className="panel" aria-labelledby="waiting-title">
      <h2 id="waiting-title">
        {t.queue.waiting} <span className="count" data-testid="waiting-count">{tickets.length}</span>
      </h2>
      {tickets.length === 0 ? <p className="muted" data-testid="waiting-empty">{t.queue.waitingEmpty}</p> : null}
      <ul className="ticket-list" data-testid="waiting-list">
        {tickets.map((tk) => (
          <li key={tk.id} className="ticket-row" data-testid={`waiting-${tk.label}`}>
            <span className="row-label">{tk.label}</span>
            <span className="row-service">{tk.serviceName}</span>
            <PriorityBadge priority={tk.priority} />
            {tk.assignedUserId && tk.assignedUserId === me ? <span className="badge">{t.queue.assignedToYou}</span> : null}
            <span className="row-wait muted">{t.queue.waitedFor(Math.floor((now - Date.parse(tk.waitingSince)) / 60_000))}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function SkippedList({ tickets, pending, onCall }: { tickets: Ticket[]; pending: boolean; onCall(ticket: Ticket): void }) {
  return (
    <section className="panel" aria-labelledby="skipped-title">
      <h2 id="skipped-title">
        {t.queue.skipped} <span className="count" data-testid="skipped-count">{tickets.length}</span>
      </h2>
      {tickets.length === 0 ? <p className="muted">{t.queue.skippedEmpty}</p> : null}
      <ul className="ticket-list" data-testid="skipped-list">
        {tickets.map((tk) => (
          <li key={tk.id} className="ticket-row" data-testid={`skipped-${tk.label}`}>
            <span className="row-label">{tk.label}</span>
            <span className="row-service">{tk.serviceName}</span>
            <PriorityBadge priority={tk.priority} />
            <button
              type="button"
              className="btn btn-secondary"
              data-testid={`call-skipped-${tk.label}`}
              disabled={pending}
              onClick={() => onCall(tk)}
            >
              {t.queue.callSkipped}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
