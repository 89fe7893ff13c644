// The resepsionis and petugas desks share this screen; `stage` picks which queue it serves. The
// board is reloaded on pushed 'queue.changed' events, never by polling. Calling while a visitor is
// still at this desk asks first (the host refuses it otherwise: BUSY_WITH_VISITOR).
import { useState } from 'react';
import type { Result, Stage, Ticket } from '../../../common/contract/index';
import { t } from '../../i18n/id';
import { useAction, useLoad, useOnEventsOpened, useServerEvents } from '../../app/hooks';
import { api } from '../../app/state/api';
import { ErrorAlert, Notice } from '../../components/Alert';
import { Layout } from '../../components/Layout';
import { CurrentTicket } from './CurrentTicket';
import { DeskStatus } from './DeskStatus';
import { focusById, Kbd, useShortcut } from './keyboard';
import { SkippedList, WaitingList } from './TicketLists';

type CallRequest = { kind: 'next' } | { kind: 'ticket'; ticket: Ticket } | { kind: 'skipped'; ticket: Ticket };

const CALL_NEXT = 'desk-call-next';
const atDesk = (tk: Ticket, stage: Stage) => tk.stage === stage && (tk.status === 'called' || tk.status === 'serving');

export function QueueDesk({ stage }: { stage: Stage }) {
  const board = useLoad(() => api('queue.board', { stage }));
  const action = useAction();
  const [notice, setNotice] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<CallRequest | null>(null);
  const [selected, setSelected] = useState<string | null>(null);

  useServerEvents((e) => {
    if (e.type === 'queue.changed' || e.type === 'services.changed') void board.reload();
  });
  useOnEventsOpened(() => void board.reload());

  const data = board.data;
  // A user with both desk roles gets all their tickets in `mine`; this desk shows its own stage.
  const mine = (data?.mine ?? []).filter((tk) => tk.stage === stage);
  const current = mine.find((tk) => tk.id === selected) ?? mine[mine.length - 1] ?? null;

  function show(ticket: Ticket) {
    if (!board.data) return;
    const others = board.data.mine.filter((m) => m.id !== ticket.id);
    board.setData({ ...board.data, mine: atDesk(ticket, stage) ? [...others, ticket] : others });
  }

  async function call(req: CallRequest, force: boolean) {
    setConfirm(null);
    setNotice(null);
    const f = force || undefined;
    const r: Result<Ticket | null> = await action.run(() =>
      req.kind === 'next'
        ? api('queue.callNext', { stage, force: f })
        : req.kind === 'ticket'
          ? api('queue.callTicket', { ticketId: req.ticket.id, force: f })
          : api('queue.callSkipped', { ticketId: req.ticket.id, force: f }),
    );
    if (!r.ok) {
      if (r.error.code === 'BUSY_WITH_VISITOR') askToConfirm(req);
      return;
    }
    if (r.value === null) {
      setNotice(t.queue.nobodyWaiting);
      focusById(CALL_NEXT);
    } else {
      setSelected(r.value.id);
      show(r.value);
    }
    void board.reload();
  }

  function askToConfirm(req: CallRequest) {
    setConfirm(req);
    focusById('busy-cancel');
  }

  /** Calls at once when nobody is at this desk; otherwise asks first. */
  function requestCall(req: CallRequest) {
    if (action.pending || document.querySelector('dialog[open]')) return;
    setNotice(null);
    if (mine.length > 0) askToConfirm(req);
    else void call(req, false);
  }

  async function closeNoShow(ticket: Ticket) {
    const r = await action.run(() => api('queue.closeNoShow', { ticketId: ticket.id }));
    if (r.ok) setNotice(t.queue.closedNoShow(ticket.label));
    void board.reload();
  }

  function changed(ticket: Ticket | null, message?: string) {
    setNotice(message ?? null);
    // Show the answer at once; the reload that follows confirms it against the host.
    if (ticket) {
      show(ticket);
      if (!atDesk(ticket, stage)) {
        setSelected(null);
        focusById(CALL_NEXT);
      }
    }
    void board.reload();
  }

  useShortcut('callNext', () => requestCall({ kind: 'next' }));

  const busyLabel = mine[0]?.label ?? '';
  return (
    <Layout title={t.queue.titles[stage]} testId={`page-${stage}`} state={board.state} wide>
      <ErrorAlert error={board.error} testId="board-error" />
      <div className="desk-grid">
        <section className="desk-main" aria-label={t.queue.current}>
          {mine.length > 1 ? (
            <div className="also-here" data-testid="also-here">
              <span className="muted">{t.queue.alsoHere}</span>
              {mine.map((tk) => (
                <button
                  key={tk.id}
                  type="button"
                  className={`btn btn-sm ${tk.id === current?.id ? 'btn-primary' : 'btn-secondary'}`}
                  aria-pressed={tk.id === current?.id}
                  data-testid={`mine-${tk.label}`}
                  onClick={() => setSelected(tk.id)}
                >
                  {tk.label} · {t.statuses[tk.status]}
                </button>
              ))}
            </div>
          ) : null}
          {current ? <CurrentTicket key={current.id} ticket={current} stage={stage} onChanged={changed} /> : null}
          {board.state === 'ready' && !current ? (
            <p className="empty-current" data-testid="no-current-ticket">
              {t.queue.noCurrent}
            </p>
          ) : null}
        </section>
        <aside className="desk-side">
          <DeskStatus />
          <div className="side-call">
            <button
              type="button"
              id={CALL_NEXT}
              className="btn btn-primary btn-lg btn-block"
              data-testid="call-next"
              data-busy={mine.length > 0}
              disabled={action.pending}
              onClick={() => requestCall({ kind: 'next' })}
            >
              {action.pending ? t.queue.calling : t.queue.callNext} <Kbd name="callNext" />
            </button>
            {confirm ? (
              <div className="alert alert-warn busy-confirm" role="alert" data-testid="busy-confirm">
                <p>{t.queue.busy(busyLabel)}</p>
                <div className="form-actions">
                  <button type="button" className="btn btn-warn btn-sm" data-testid="busy-confirm-yes" onClick={() => void call(confirm, true)}>
                    {t.queue.busyConfirm}
                  </button>
                  <button type="button" id="busy-cancel" className="btn btn-ghost btn-sm" data-testid="busy-cancel" onClick={() => setConfirm(null)}>
                    {t.app.cancel}
                  </button>
                </div>
              </div>
            ) : mine.length > 0 ? (
              <small className="hint" data-testid="busy-hint">{t.queue.busyHint}</small>
            ) : null}
            <ErrorAlert error={action.error} testId="queue-error" />
            {notice ? <Notice testId="queue-notice" tone="info">{notice}</Notice> : null}
          </div>
          <WaitingList
            tickets={data?.waiting ?? []}
            nextTicketId={data?.nextTicketId ?? null}
            pending={action.pending}
            onCall={(tk) => requestCall({ kind: 'ticket', ticket: tk })}
          />
          <SkippedList
            tickets={data?.skipped ?? []}
            pending={action.pending}
            onCall={(tk) => requestCall({ kind: 'skipped', ticket: tk })}
            onNoShow={(tk) => void closeNoShow(tk)}
          />
          {data ? (
            <p className="muted small" data-testid="priority-ratio">
              {t.queue.priorityRatio(data.priorityRatio)}
            </p>
          ) : null}
        </aside>
      </div>
    </Layout>
  );
}
