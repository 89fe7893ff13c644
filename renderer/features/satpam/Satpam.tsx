// The satpam's screen, also run as a touch kiosk in a browser: pick the visitor's purpose, mark a
// priority if any, issue the ticket and print it: on the host's ticket printer when the admin set
// one up (automatically, unless the satpam turns that off), otherwise through the browser.
// On a browser set up as the locked kiosk (kiosk.ts) the same flow runs full screen in KioskFrame.
import { useRef, useState } from 'react';
import { PRIORITIES, type Priority, type Ticket } from '../../../common/contract/index';
import { t } from '../../i18n/id';
import { useAction, useLoad, useOnEventsOpened, useServerEvents } from '../../app/hooks';
import { api, newRequestId } from '../../app/state/api';
import { useApp } from '../../app/state/app';
import { ErrorAlert, Notice } from '../../components/Alert';
import { Layout } from '../../components/Layout';
import { TicketView, type PrintState } from './TicketView';
import { isKioskBrowser } from './kiosk';
import { KioskFrame } from './KioskFrame';
import { KioskStart } from './KioskStart';

export function Satpam() {
  const services = useLoad(() => api('services.list', {}));
  // A failed look-up leaves printing to the browser, which always works.
  const devices = useLoad(() => api('devices.status', {}));
  const printer = devices.data?.ticketPrinter ?? null;
  const [autoPrintChoice, setAutoPrintChoice] = useState<boolean | null>(null);
  const autoPrint = printer !== null && (autoPrintChoice ?? true);
  const [print, setPrint] = useState<PrintState>({ status: 'idle' });
  // The ticket a host print was sent for; an answer for a ticket no longer shown is dropped.
  const printingFor = useRef<string | null>(null);
  const officeName = useApp((s) => s.office?.name ?? '');
  const [serviceCode, setServiceCode] = useState<string | null>(null);
  const [priority, setPriority] = useState<Priority | null>(null);
  const [ticket, setTicket] = useState<Ticket | null>(null);
  const [hint, setHint] = useState(false);
  const issue = useAction();
  // The satpam step's clock starts at the first touch for this visitor, not when the screen idled.
  const flowStartedAt = useRef<number | null>(null);
  // One requestId per ticket asked for: pressing again after an error (the host may have issued it
  // and died before answering) repeats the same request, so the visitor never gets two numbers.
  // A different choice is a different request.
  const pendingIssue = useRef<{ choice: string; requestId: string } | null>(null);
  const [kiosk] = useState(isKioskBrowser);

  useServerEvents((e) => {
    if (e.type === 'services.changed') void services.reload();
  });
  useOnEventsOpened(() => {
    void services.reload();
    void devices.reload();
  });

  const active = (services.data ?? []).filter((s) => s.active);

  function touch() {
    flowStartedAt.current ??= performance.now();
  }

  /** The kiosk issues on the touch of a purpose, passing it here; the desk uses the chosen one. */
  async function issueTicket(code: string | null = serviceCode) {
    const serviceCode = code;
    if (!serviceCode) {
      setHint(true);
      return;
    }
    const satpamMs = Math.round(performance.now() - (flowStartedAt.current ?? performance.now()));
    const choice = `${serviceCode}/${priority ?? ''}`;
    if (pendingIssue.current?.choice !== choice) pendingIssue.current = { choice, requestId: newRequestId() };
    const { requestId } = pendingIssue.current;
    const result = await issue.run(() => api('queue.issue', { serviceCode, priority, satpamMs, requestId }));
    if (!result.ok) return;
    pendingIssue.current = null;
    setTicket(result.value);
    setPrint({ status: 'idle' });
    if (autoPrint && printer) void printOnHost(result.value, printer);
  }

  async function printOnHost(tk: Ticket, on: string) {
    printingFor.current = tk.id;
    setPrint({ status: 'printing', printer: on });
    const r = await api('queue.printTicket', { ticketId: tk.id });
    if (printingFor.current !== tk.id) return;
    printingFor.current = null;
    if (r.ok) {
      setPrint({ status: 'printed', printer: r.value.printer });
    } else {
      setPrint({ status: 'failed', error: r.error });
      // The admin may have changed or removed the printer meanwhile (NO_PRINTER): follow the host.
      void devices.reload();
    }
  }

  function printTicket(tk: Ticket) {
    if (printer) void printOnHost(tk, printer);
    else window.print();
  }

  function nextVisitor() {
    setTicket(null);
    setServiceCode(null);
    setPriority(null);
    setHint(false);
    setPrint({ status: 'idle' });
    printingFor.current = null;
    flowStartedAt.current = null;
    pendingIssue.current = null;
  }

  const ready = services.state === 'ready' && devices.state === 'ready' ? 'ready' : 'loading';
  if (kiosk) {
    return (
      <KioskFrame officeName={officeName} state={ready}>
        <ErrorAlert error={services.error} testId="services-error" />
        {ticket ? (
          <TicketView ticket={ticket} officeName={officeName} print={print} onPrint={() => printTicket(ticket)} onNext={nextVisitor} kiosk hasPrinter={autoPrint && print.status !== 'failed'} />
        ) : (
          <KioskStart
            services={active}
            loaded={services.state === 'ready' && !services.error}
            priority={priority}
            onPriority={setPriority}
            onPick={(code) => void issueTicket(code)}
            pending={issue.pending}
            error={issue.error}
            onTouch={touch}
          />
        )}
      </KioskFrame>
    );
  }

  return (
    <Layout title={t.satpam.title} testId="page-satpam" state={services.state === 'ready' && devices.state === 'ready' ? 'ready' : 'loading'} kiosk>
      <ErrorAlert error={services.error} testId="services-error" />
      {ticket ? (
        <TicketView ticket={ticket} officeName={officeName} print={print} onPrint={() => printTicket(ticket)} onNext={nextVisitor} />
      ) : (
        <div className="kiosk-flow" onPointerDown={touch}>
          <h2>{t.satpam.purpose}</h2>
          {services.state === 'ready' && active.length === 0 && !services.error ? (
            <Notice tone="warn" testId="no-services">
              {t.satpam.noServices}
            </Notice>
          ) : null}
          <div className="service-grid" role="radiogroup" aria-label={t.satpam.purpose}>
            {active.map((s) => (
              <button
                key={s.id}
                type="button"
                role="radio"
                aria-checked={serviceCode === s.code}
                className={`service-btn${serviceCode === s.code ? ' selected' : ''}`}
                data-testid={`service-${s.code}`}
                onClick={() => {
                  touch();
                  setServiceCode(s.code);
                  setHint(false);
                }}
              >
                <span className="service-code">{s.code}</span>
                <span className="service-name">{s.name}</span>
              </button>
            ))}
          </div>
          <h2>{t.satpam.priority}</h2>
          <div className="priority-grid">
            {PRIORITIES.map((p) => (
              <button
                key={p}
                type="button"
                aria-pressed={priority === p}
                className={`priority-btn${priority === p ? ' selected' : ''}`}
                data-testid={`priority-${p}`}
                onClick={() => {
                  touch();
                  setPriority((cur) => (cur === p ? null : p));
                }}
              >
                {t.priorities[p]}
              </button>
            ))}
          </div>
          {hint ? (
            <Notice tone="warn" testId="pick-service-hint">
              {t.satpam.pickFirst}
            </Notice>
          ) : null}
          {printer ? (
            // Staff setting, not visitor handling: it does not start the satpam step's clock.
            <label className="check print-toggle" onPointerDown={(e) => e.stopPropagation()}>
              <input type="checkbox" data-testid="auto-print" checked={autoPrint} onChange={(e) => setAutoPrintChoice(e.target.checked)} />
              {t.satpam.autoPrint(printer)}
            </label>
          ) : null}
          <ErrorAlert error={issue.error} testId="issue-error" />
          <button
            type="button"
            className="btn btn-primary btn-xl btn-block"
            data-testid="issue-ticket"
            disabled={issue.pending}
            onClick={() => void issueTicket()}
          >
            {issue.pending ? t.satpam.issuing : t.satpam.issue}
          </button>
        </div>
      )}
    </Layout>
  );
}
