// The waiting list in the host's real calling order (the next one marked, any number callable by
// hand) and the skipped list (since when; call again or close as absent).
import { useState } from 'react';
import type { Ticket } from '../../../common/contract/index';
import { t } from '../../i18n/id';
import { clockTime } from '../../app/format';
import { useHostNow } from '../../app/hooks';
import { useApp } from '../../app/state/app';
import { PriorityBadge } from '../../components/PriorityBadge';

const minutesSince = (now: number, iso: string) => Math.floor((now - Date.parse(iso)) / 60_000);

interface WaitingListProps {
  tickets: Ticket[];
  nextTicketId: string | null;
  pending: boolean;
  onCall(ticket: Ticket): void;
}

export function WaitingList({ tickets, nextTicketId, pending, onCall }: WaitingListProps) {
  const now = useHostNow(15_000);
  const me = useApp((s) => s.user?.id);
  return (
    <section className="side-panel" aria-labelledby="waiting-title">
      <h2 id="waiting-title">
        {t.queue.waiting} <span className="count" data-testid="waiting-count">{tickets.length}</span>
        <span className="muted small heading-note">{t.queue.waitingOrder}</span>
      </h2>
      {tickets.length === 0 ? <p className="muted" data-testid="waiting-empty">{t.queue.waitingEmpty}</p> : null}
      <ol className="ticket-list" data-testid="waiting-list">
        {tickets.map((tk) => {
          const next = tk.id === nextTicketId;
          return (
            <li key={tk.id} className={`ticket-row${next ? ' is-next' : ''}`} data-testid={`waiting-${tk.label}`} data-next={next} data-label={tk.label}>
              <div className="row-main">
                <span className="row-label">{tk.label}</span>
                {next ? <span className="badge badge-next" data-testid="waiting-next">{t.queue.next}</span> : null}
                <PriorityBadge priority={tk.priority} />
                {tk.assignedUserId && tk.assignedUserId === me ? <span className="badge">{t.queue.assignedToYou}</span> : null}
                <span className="row-wait muted">{t.queue.waitedFor(minutesSince(now, tk.waitingSince))}</span>
              </div>
              <div className="row-meta">
                <span className="row-service muted" title={tk.serviceName}>{tk.serviceName}</span>
                <button type="button" className="btn btn-ghost btn-sm" data-testid={`call-ticket-${tk.label}`} disabled={pending} onClick={() => onCall(tk)}>
                  {t.queue.callThis}
                </button>
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

interface SkippedListProps {
  tickets: Ticket[];
  pending: boolean;
  onCall(ticket: Ticket): void;
  onNoShow(ticket: Ticket): void;
}

export function SkippedList({ tickets, pending, onCall, onNoShow }: SkippedListProps) {
  const now = useHostNow(15_000);
  const [confirming, setConfirming] = useState<string | null>(null);
  return (
    <section className="side-panel" aria-labelledby="skipped-title">
      <h2 id="skipped-title">
        {t.queue.skipped} <span className="count" data-testid="skipped-count">{tickets.length}</span>
      </h2>
      {tickets.length === 0 ? <p className="muted">{t.queue.skippedEmpty}</p> : null}
      <ul className="ticket-list" data-testid="skipped-list">
        {tickets.map((tk) => (
          <li key={tk.id} className="ticket-row" data-testid={`skipped-${tk.label}`}>
            <div className="row-main">
              <span className="row-label">{tk.label}</span>
              <PriorityBadge priority={tk.priority} />
              {tk.skippedAt ? (
                <span className="row-wait muted" data-testid={`skipped-since-${tk.label}`}>
                  {t.queue.skippedSince(clockTime(tk.skippedAt), minutesSince(now, tk.skippedAt))}
                </span>
              ) : null}
            </div>
            {confirming === tk.id ? (
              <div className="row-meta confirm">
                <span>{t.queue.closeNoShowConfirm(tk.label)}</span>
                <button type="button" className="btn btn-danger btn-sm" data-testid={`no-show-confirm-${tk.label}`} disabled={pending} onClick={() => onNoShow(tk)} autoFocus>
                  {t.app.yes}
                </button>
                <button type="button" className="btn btn-ghost btn-sm" onClick={() => setConfirming(null)}>
                  {t.app.no}
                </button>
              </div>
            ) : (
              <div className="row-meta">
                <button type="button" className="btn btn-secondary btn-sm" data-testid={`call-skipped-${tk.label}`} disabled={pending} onClick={() => onCall(tk)}>
                  {t.queue.callSkipped}
                </button>
                <button type="button" className="btn btn-ghost btn-sm" data-testid={`no-show-${tk.label}`} disabled={pending} onClick={() => setConfirming(tk.id)}>
                  {t.queue.closeNoShow}
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
