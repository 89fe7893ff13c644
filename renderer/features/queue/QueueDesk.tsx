// The resepsionis and petugas desks share this screen; `stage` picks which queue it serves. The
// board is reloaded on pushed 'queue.changed' events, never by polling.
import { useState } from 'react';
import type { Stage, Ticket } from '../../../common/contract/index';
import { t } from '../../i18n/id';
import { useAction, useLoad, useOnEventsOpened, useServerEvents } from '../../app/hooks';
import { api } from '../../app/state/api';
import { ErrorAlert, Notice } from '../../components/Alert';
import { Layout } from '../../components/Layout';
import { CurrentTicket } from './CurrentTicket';
import { SkippedList, WaitingList } from './TicketLists';

export function QueueDesk({ stage }: { stage: Stage }) {
  const board = useLoad(() => api('queue.board', { stage }));
  const action = useAction();
  const [notice, setNotice] = useState<string | null>(null);

  useServerEvents((e) => {
    if (e.type === 'queue.changed' || e.type === 'services.changed') void board.reload();
  });
  useOnEventsOpened(() => void board.reload());

  async function callNext() {
    setNotice(null);
    const r = await action.run(() => api('queue.callNext', { stage }));
    if (r.ok && r.value === null) setNotice(t.queue.nobodyWaiting);
    if (r.ok) void board.reload();
  }

  async function callSkipped(ticket: Ticket) {
    setNotice(null);
    const r = await action.run(() => api('queue.callSkipped', { ticketId: ticket.id }));
    if (r.ok) void board.reload();
  }

  function changed(ticket: Ticket | null, message?: string) {
    setNotice(message ?? null);
    // Show the answer at once; the reload that follows confirms it against the host.
    if (ticket && board.data) {
      const stillMine = ticket.stage === stage && (ticket.status === 'called' || ticket.status === 'serving');
      const mine = board.data.mine.flatMap((m) => (m.id !== ticket.id ? [m] : stillMine ? [ticket] : []));
      board.setData({ ...board.data, mine });
    }
    void board.reload();
  }

  const data = board.data;
  // A user with both desk roles gets all their tickets in `mine`; this desk shows its own stage.
  const mine = (data?.mine ?? []).filter((tk) => tk.stage === stage);
  return (
    <Layout title={t.queue.titles[stage]} testId={`page-${stage}`} state={board.state} wide>
      <ErrorAlert error={board.error} testId="board-error" />
      <div className="desk-toolbar">
        <button
          type="button"
          className="btn btn-primary btn-xl"
          data-testid="call-next"
          disabled={action.pending}
          onClick={() => void callNext()}
        >
          {action.pending ? t.queue.calling : t.queue.callNext}
        </button>
        {data ? (
          <span className="muted" data-testid="priority-ratio">
            {t.queue.priorityRatio(data.priorityRatio)}
          </span>
        ) : null}
      </div>
      <ErrorAlert error={action.error} testId="queue-error" />
      {notice ? <Notice testId="queue-notice" tone="info">{notice}</Notice> : null}
      <div className="desk-grid">
        <section className="desk-main" aria-label={t.queue.current}>
          <h2>{t.queue.current}</h2>
          {board.state === 'ready' && mine.length === 0 ? (
            <p className="empty-current" data-testid="no-current-ticket">
              {t.queue.noCurrent}
            </p>
          ) : null}
          {mine.map((tk) => (
            <CurrentTicket key={tk.id} ticket={tk} stage={stage} onChanged={changed} />
          ))}
        </section>
        <aside className="desk-side">
          <WaitingList tickets={data?.waiting ?? []} />
          <SkippedList tickets={data?.skipped ?? []} pending={action.pending} onCall={(tk) => void callSkipped(tk)} />
        </aside>
      </div>
    </Layout>
  );
}
