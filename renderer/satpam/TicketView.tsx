import type { Ticket } from '../../main/api/contract';
import { t } from '../i18n/id';
import { clockTime } from '../lib/format';
import { PriorityBadge } from '../components/PriorityBadge';

/** The issued ticket, big on screen; the same block is the only thing printed (80 mm ticket). */
export function TicketView({ ticket, officeName, onNext }: { ticket: Ticket; officeName: string; onNext(): void }) {
  return (
    <section className="ticket-screen" data-testid="ticket" data-ticket-id={ticket.id}>
      <div className="print-ticket">
        <div className="print-office">{officeName}</div>
        <div className="ticket-caption">{t.satpam.ticketTitle}</div>
        <div className="ticket-label" data-testid="ticket-label">
          {ticket.label}
        </div>
        <div className="ticket-service" data-testid="ticket-service">
          {ticket.serviceName}
        </div>
        <PriorityBadge priority={ticket.priority} />
        <div className="ticket-time" data-testid="ticket-time">
          {t.satpam.issuedAt(clockTime(ticket.issuedAt))}
        </div>
        <div className="ticket-note">{t.satpam.waitNote}</div>
      </div>
      <div className="ticket-actions no-print">
        <button type="button" className="btn btn-primary btn-xl" data-testid="print-ticket" onClick={() => window.print()}>
          {t.satpam.print}
        </button>
        <button type="button" className="btn btn-secondary btn-xl" data-testid="next-visitor" onClick={onNext}>
          {t.satpam.next}
        </button>
      </div>
    </section>
  );
}
