// One visitor this desk is serving: number, step clock, queue actions, case form and notes.
import { useState } from 'react';
import type { CallName, Result, Stage, Ticket } from '../../../common/contract/index';
import { t } from '../../i18n/id';
import { useAction } from '../../app/hooks';
import { api } from '../../app/state/api';
import { ErrorAlert, Notice } from '../../components/Alert';
import { PriorityBadge } from '../../components/PriorityBadge';
import { CaseForm } from './CaseForm';
import { NotesPanel } from './NotesPanel';
import { OutcomeFields, type OutcomeValue } from './OutcomeFields';
import { StepPanel } from './StepPanel';
import { TransferPanel } from './TransferPanel';

type TicketCall = Extract<CallName, 'queue.recall' | 'queue.skip' | 'queue.startStep' | 'queue.finishStep'>;

interface CurrentTicketProps {
  ticket: Ticket;
  stage: Stage;
  onChanged(ticket: Ticket | null, message?: string): void;
}

export function CurrentTicket({ ticket, stage, onChanged }: CurrentTicketProps) {
  const action = useAction();
  const [panel, setPanel] = useState<'none' | 'transfer' | 'notes'>('none');
  const [recalled, setRecalled] = useState(false);
  const [outcome, setOutcome] = useState<OutcomeValue>({ outcome: '', outcomeNote: '' });
  const step = ticket.currentStep;
  // The last petugas step needs the result recorded with it (the host's OUTCOME_REQUIRED rule).
  const lastPetugasStep =
    step?.role === 'petugas' && !ticket.steps.some((s) => s.seq > step.seq && s.endedAt === null && s.role === 'petugas');

  async function act(name: TicketCall) {
    const extra =
      name === 'queue.finishStep' && lastPetugasStep && outcome.outcome
        ? { outcome: outcome.outcome, outcomeNote: outcome.outcomeNote.trim() || undefined }
        : {};
    const r: Result<Ticket> = await action.run(() => api(name, { ticketId: ticket.id, ...extra }));
    if (!r.ok) return;
    setRecalled(name === 'queue.recall');
    onChanged(r.value);
  }

  return (
    <article className="current-ticket" data-testid="current-ticket" data-ticket-id={ticket.id} data-status={ticket.status}>
      <header className="current-head">
        <div>
          <div className="current-label" data-testid="current-ticket-label">
            {ticket.label}
          </div>
          <div className="current-service">{ticket.serviceName}</div>
        </div>
        <div className="current-meta">
          <PriorityBadge priority={ticket.priority} />
          <span className={`badge badge-status status-${ticket.status}`} data-testid="current-ticket-status">
            {t.statuses[ticket.status]}
          </span>
        </div>
      </header>

      <StepPanel
        ticket={ticket}
        stage={stage}
        pending={action.pending}
        onStart={() => void act('queue.startStep')}
        onFinish={() => void act('queue.finishStep')}
      />

      {lastPetugasStep ? <OutcomeFields value={outcome} onChange={setOutcome} /> : null}
      <ErrorAlert error={action.error} testId="ticket-action-error" />
      {recalled ? <Notice testId="recalled">{t.queue.recalled(ticket.label)}</Notice> : null}

      <div className="ticket-actions">
        <button type="button" className="btn btn-secondary" data-testid="recall" disabled={action.pending} onClick={() => void act('queue.recall')}>
          {t.queue.recall}
        </button>
        {ticket.status === 'called' ? (
          <button type="button" className="btn btn-warn" data-testid="skip" disabled={action.pending} onClick={() => void act('queue.skip')}>
            {t.queue.skip}
          </button>
        ) : null}
        <button
          type="button"
          className="btn btn-secondary"
          data-testid="transfer-open"
          aria-expanded={panel === 'transfer'}
          onClick={() => setPanel((p) => (p === 'transfer' ? 'none' : 'transfer'))}
        >
          {t.transfer.open}
        </button>
        <button
          type="button"
          className="btn btn-secondary"
          data-testid="notes-open"
          aria-expanded={panel === 'notes'}
          onClick={() => setPanel((p) => (p === 'notes' ? 'none' : 'notes'))}
        >
          {t.notes.open}
        </button>
      </div>

      {panel === 'transfer' ? (
        <TransferPanel ticket={ticket} onCancel={() => setPanel('none')} onDone={(tk) => onChanged(tk, t.transfer.done(tk.label))} />
      ) : null}
      {panel === 'notes' ? <NotesPanel ticketId={ticket.id} /> : null}

      <CaseForm ticketId={ticket.id} />
    </article>
  );
}
