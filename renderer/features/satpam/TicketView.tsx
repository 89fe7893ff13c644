import type { AppError, Ticket } from '../../../common/contract/index';
import { t } from '../../i18n/id';
import { clockTime } from '../../app/format';
import { PriorityBadge } from '../../components/PriorityBadge';

/** Where printing the shown ticket on the host's printer stands; browser printing has no status. */
export type PrintState =
  | { status: 'idle' }
  | { status: 'printing'; printer: string }
  | { status: 'printed'; printer: string }
  | { status: 'failed'; error: AppError };

interface TicketViewProps {
  ticket: Ticket;
  officeName: string;
  print: PrintState;
  onPrint(): void;
  onNext(): void;
}

/**
 * The issued ticket, big on screen; the same block is the only thing the browser prints (80 mm
 * ticket). The number stays on screen whatever happens to the printer.
 */
export function TicketView({ ticket, officeName, print, onPrint, onNext }: TicketViewProps) {
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
      <PrintStatus print={print} />
      <div className="ticket-actions no-print">
        <button
          type="button"
          className="btn btn-primary btn-xl"
          data-testid="print-ticket"
          disabled={print.status === 'printing'}
          onClick={onPrint}
        >
          {t.satpam.print}
        </button>
        <button type="button" className="btn btn-secondary btn-xl" data-testid="next-visitor" onClick={onNext}>
          {t.satpam.next}
        </button>
      </div>
    </section>
  );
}

function PrintStatus({ print }: { print: PrintState }) {
  if (print.status === 'idle') return null;
  if (print.status === 'failed') {
    return (
      <div className="alert alert-error print-status no-print" role="alert" data-testid="print-status" data-state="failed" data-code={print.error.code}>
        {print.error.message}
      </div>
    );
  }
  const printing = print.status === 'printing';
  return (
    <div
      className={`alert ${printing ? 'alert-info' : 'alert-ok'} print-status no-print`}
      role="status"
      data-testid="print-status"
      data-state={print.status}
    >
      {printing ? t.satpam.printing(print.printer) : t.satpam.printed(print.printer)}
    </div>
  );
}
