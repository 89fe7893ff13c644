import { useEffect, useRef, useState } from 'react';
import type { AppError, Ticket } from '../../../common/contract/index';
import { aheadText, waitText } from '../../../common/domain/estimate';
import { officeDateLong, officeTime, zoneAbbreviation } from '../../../common/domain/time';
import { t } from '../../i18n/id';
import { useLoad } from '../../app/hooks';
import { officeZone } from '../../app/hostClock';
import { api } from '../../app/state/api';
import { PriorityBadge } from '../../components/PriorityBadge';
import { KIOSK_RETURN_SEC } from './kiosk';
import { QrCode } from './QrCode';

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
  /** The locked kiosk: no buttons needed; it returns to the start by itself. */
  kiosk?: boolean;
  /** A host printer is set: the kiosk's ticket comes out on paper. */
  hasPrinter?: boolean;
}

/** People ahead, the estimate and the phone link: asked once the number exists. */
function useTicketFacts(ticketId: string) {
  return useLoad(async () => {
    const [position, link] = await Promise.all([api('visitor.position', { ticketId }), api('visitor.link', { ticketId })]);
    if (!position.ok) return position;
    // Without a link the ticket is still whole; only the QR code is left out.
    return { ok: true as const, value: { position: position.value, link: link.ok && link.value.reachable ? link.value : null } };
  });
}

/**
 * The issued ticket, big on screen; the same block is the only thing the browser prints (80 mm
 * ticket). The number stays on screen whatever happens to the printer.
 */
export function TicketView({ ticket, officeName, print, onPrint, onNext, kiosk, hasPrinter }: TicketViewProps) {
  const facts = useTicketFacts(ticket.id);
  const tz = officeZone();
  const position = facts.data?.position;
  return (
    <section className="ticket-screen" data-testid="ticket" data-ticket-id={ticket.id} data-state={facts.state}>
      <div className="print-ticket">
        <div className="print-office">{officeName}</div>
        <div className="ticket-date" data-testid="ticket-date">
          {officeDateLong(ticket.issuedAt, tz)} · {officeTime(ticket.issuedAt, tz)} {zoneAbbreviation(tz)}
        </div>
        <div className="ticket-caption">{t.satpam.ticketTitle}</div>
        <div className="ticket-label" data-testid="ticket-label">
          {ticket.label}
        </div>
        <div className="ticket-service" data-testid="ticket-service">
          {ticket.serviceName}
        </div>
        <PriorityBadge priority={ticket.priority} />
        <div className="ticket-ahead" data-testid="ticket-ahead" data-ahead={position?.ahead ?? ''}>
          {position ? aheadText(position.ahead) : t.satpam.factsLoading}
        </div>
        <div className="ticket-wait" data-testid="ticket-wait" data-minutes={position?.estimatedWaitMin ?? ''}>
          {position ? waitText(position.estimatedWaitMin) : '\u00a0'}
        </div>
        {facts.data?.link ? (
          <div className="ticket-qr" data-testid="ticket-qr" data-url={facts.data.link.url}>
            <QrCode qr={facts.data.link.qr} label={t.satpam.qrLabel(ticket.label)} className="ticket-qr-code" />
            <span>{t.satpam.scanQr}</span>
          </div>
        ) : null}
        <div className="ticket-note">{t.satpam.waitNote}</div>
      </div>
      <PrintStatus print={print} />
      {kiosk ? (
        <KioskReturn seconds={hasPrinter ? KIOSK_RETURN_SEC.printed : KIOSK_RETURN_SEC.onScreen} hasPrinter={Boolean(hasPrinter)} onNext={onNext} onPrint={onPrint} />
      ) : (
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
      )}
    </section>
  );
}

/** The kiosk's way back to the start: a visible countdown, and "Selesai" for whoever is in a hurry. */
function KioskReturn({ seconds, hasPrinter, onNext, onPrint }: { seconds: number; hasPrinter: boolean; onNext(): void; onPrint(): void }) {
  const [left, setLeft] = useState(seconds);
  const next = useRef(onNext);
  next.current = onNext;
  useEffect(() => {
    const started = Date.now();
    const id = window.setInterval(() => {
      const remaining = seconds - Math.floor((Date.now() - started) / 1000);
      setLeft(Math.max(0, remaining));
      if (remaining <= 0) {
        window.clearInterval(id);
        next.current();
      }
    }, 250);
    return () => window.clearInterval(id);
  }, [seconds]);
  return (
    <div className="kiosk-return no-print" data-testid="kiosk-return" data-seconds={left}>
      <p className="kiosk-hint">{hasPrinter ? t.satpam.kioskTakeTicket : t.satpam.kioskSeeScreen}</p>
      <div className="kiosk-countdown" aria-hidden="true">
        <span style={{ animationDuration: `${seconds}s` }} />
      </div>
      <p className="kiosk-return-text" role="status">
        {t.satpam.kioskReturn(left)}
      </p>
      <div className="ticket-actions">
        {hasPrinter ? null : (
          <button type="button" className="btn btn-secondary btn-xl" data-testid="print-ticket" onClick={onPrint}>
            {t.satpam.print}
          </button>
        )}
        <button type="button" className="btn btn-primary btn-xl" data-testid="kiosk-done" onClick={onNext}>
          {t.satpam.kioskDone}
        </button>
      </div>
    </div>
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
