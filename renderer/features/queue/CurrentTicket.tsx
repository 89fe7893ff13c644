// One visitor at this desk: a bar that stays on screen (number, step, clock, total time, the step
// and recall buttons with their keys), then the steps beside the case form. Moving the visitor on
// without a saved case asks first (CaseGuard); the last petugas step asks for the outcome.
import { useEffect, useRef, useState } from 'react';
import type { AppError, Result, Stage, Ticket } from '../../../common/contract/index';
import { t } from '../../i18n/id';
import { clockTime, durationWords } from '../../app/format';
import { useAction, useHostNow } from '../../app/hooks';
import { api } from '../../app/state/api';
import { ErrorAlert, Notice } from '../../components/Alert';
import { PriorityBadge } from '../../components/PriorityBadge';
import { CaseForm, type CaseFormHandle } from './CaseForm';
import { CaseGuard } from './CaseGuard';
import { EndVisitPanel } from './EndVisitPanel';
import { focusById, Kbd, useShortcut } from './keyboard';
import { NotesPanel } from './NotesPanel';
import { FamilyPanel } from '../membership/FamilyPanel';
import { MessagesPanel } from '../messages/MessagesPanel';
import { DocumentsPanel } from '../documents/DocumentsPanel';
import { checkOutcome, OUTCOME_FIELD_IDS, OutcomeFields, type OutcomeErrors, type OutcomeValue } from './OutcomeFields';
import { deskStep, StepClock, StepList } from './StepPanel';
import { TransferPanel, type TransferTarget } from './TransferPanel';

/** The start/finish button keeps one id whichever it shows, so focus can return to it. */
export const STEP_BUTTON = 'desk-step-action';

type Guarded = { kind: 'finish' } | { kind: 'transfer'; target: TransferTarget };

interface CurrentTicketProps {
  ticket: Ticket;
  stage: Stage;
  onChanged(ticket: Ticket | null, message?: string): void;
}

function TotalTime({ issuedAt }: { issuedAt: string }) {
  const now = useHostNow(15_000);
  const minutes = Math.floor((now - Date.parse(issuedAt)) / 60_000);
  return (
    <span className="bar-total" data-testid="total-time" title={t.queue.totalSinceTitle(clockTime(issuedAt))}>
      {t.queue.totalSince(minutes < 1 ? t.queue.underAMinute : durationWords(minutes * 60))}
    </span>
  );
}

export function CurrentTicket({ ticket, stage, onChanged }: CurrentTicketProps) {
  const action = useAction();
  const form = useRef<CaseFormHandle>(null);
  const [panel, setPanel] = useState<'none' | 'transfer' | 'end'>('none');
  const [recalled, setRecalled] = useState(false);
  const [savedHere, setSavedHere] = useState(false);
  const [guard, setGuard] = useState<Guarded | null>(null);
  const [outcome, setOutcome] = useState<OutcomeValue>({ outcome: '', outcomeNote: '' });
  const [outcomeErrors, setOutcomeErrors] = useState<OutcomeErrors>({});
  const { step, stageSteps, position, running, lastOfStage } = deskStep(ticket, stage);
  const lastResepsionis = step?.role === 'resepsionis' && lastOfStage;
  const lastPetugas = step?.role === 'petugas' && lastOfStage;
  const caseSaved = ticket.hasCase || savedHere;

  // A visitor just called (or the desk just opened): the next thing to do is to start the step.
  useEffect(() => focusById(STEP_BUTTON), [ticket.id]);

  /** After a step moved: type the identity while it is missing, else back to the step button. */
  function focusAfterStep(next: Ticket) {
    const n = deskStep(next, stage);
    if (!n.running) return focusById(STEP_BUTTON);
    if (n.step?.role === 'petugas' && n.lastOfStage && !outcome.outcome) return focusById(OUTCOME_FIELD_IDS.outcome);
    if (stage === 'resepsionis' && n.position > 1 && !caseSaved && form.current?.focusFirstEmpty()) return;
    focusById(STEP_BUTTON);
  }

  function settle(r: Result<Ticket>, message?: string): Ticket | null {
    if (!r.ok) {
      if (r.error.code === 'OUTCOME_REQUIRED') setOutcomeErrors((r.error.fields ?? {}) as OutcomeErrors);
      return null;
    }
    setRecalled(false);
    onChanged(r.value, message);
    return r.value;
  }

  async function start() {
    const tk = settle(await action.run(() => api('queue.startStep', { ticketId: ticket.id })));
    if (tk) focusAfterStep(tk);
  }

  async function finish(noCaseReason?: string) {
    const extra = lastPetugas ? { outcome: outcome.outcome || undefined, outcomeNote: outcome.outcomeNote.trim() || undefined } : {};
    const r = await action.run(() => api('queue.finishStep', { ticketId: ticket.id, noCaseReason, ...extra }));
    if (!r.ok && r.error.code === 'CASE_REQUIRED') return setGuard({ kind: 'finish' });
    const tk = settle(r, lastPetugas ? t.queue.outcome.recorded(ticket.label) : undefined);
    if (tk) focusAfterStep(tk);
  }

  async function transfer(target: TransferTarget, noCaseReason?: string) {
    const r = await action.run(() => api('queue.transfer', { ticketId: ticket.id, ...target, noCaseReason }));
    if (!r.ok && r.error.code === 'CASE_REQUIRED') return setGuard({ kind: 'transfer', target });
    settle(r, r.ok ? t.transfer.done(r.value.label) : undefined);
  }

  const needsCase = () => !caseSaved || (form.current?.dirty() ?? false);

  function requestFinish() {
    if (lastResepsionis && needsCase()) return setGuard({ kind: 'finish' });
    if (lastPetugas) {
      const errors = checkOutcome(outcome);
      setOutcomeErrors(errors);
      const first = (Object.keys(OUTCOME_FIELD_IDS) as (keyof OutcomeValue)[]).find((k) => errors[k]);
      if (first) return focusById(OUTCOME_FIELD_IDS[first]);
    }
    void finish();
  }

  function requestTransfer(target: TransferTarget) {
    if (needsCase()) return setGuard({ kind: 'transfer', target });
    void transfer(target);
  }

  function proceed(g: Guarded, reason: string | undefined) {
    setGuard(null);
    if (g.kind === 'finish') void finish(reason);
    else void transfer(g.target, reason);
  }

  async function saveThenProceed(g: Guarded) {
    setGuard(null);
    if (await form.current?.save()) proceed(g, undefined);
  }

  async function recall() {
    const r = await action.run(() => api('queue.recall', { ticketId: ticket.id }));
    if (settle(r)) {
      setRecalled(true);
      focusById(STEP_BUTTON);
    }
  }

  async function skip() {
    settle(await action.run(() => api('queue.skip', { ticketId: ticket.id })));
  }

  const stepKey = () => {
    if (action.pending || !step) return;
    if (running) requestFinish();
    else if (ticket.status === 'called' || step.startedAt === null) void start();
  };
  useShortcut('step', stepKey, { enabled: guard === null });
  useShortcut('recall', () => void recall(), { enabled: guard === null && !action.pending });

  const error: AppError | null = action.error?.code === 'OUTCOME_REQUIRED' || action.error?.code === 'CASE_REQUIRED' ? null : action.error;
  return (
    <article className="current-ticket" data-testid="current-ticket" data-ticket-id={ticket.id} data-status={ticket.status}>
      <div className="desk-bar" data-testid="desk-bar">
        <div className="bar-ticket">
          <div className="current-label" data-testid="current-ticket-label">
            {ticket.label}
          </div>
          <div className="bar-sub">
            <span className={`badge badge-status status-${ticket.status}`} data-testid="current-ticket-status">
              {t.statuses[ticket.status]}
            </span>
            <PriorityBadge priority={ticket.priority} />
          </div>
        </div>
        {step ? (
          <div className="bar-step" data-testid="current-step" data-seq={step.seq} data-running={running}>
            <div className="bar-step-count" title={ticket.serviceName}>
              {position > 0 ? t.queue.stepOf(position, stageSteps.length) : t.queue.step} · {ticket.serviceName}
            </div>
            <div className="step-name" data-testid="current-step-name">
              {step.name}
            </div>
          </div>
        ) : (
          <p className="bar-step muted" data-testid="no-step">
            {t.queue.noStep}
          </p>
        )}
        <div className="bar-clock">
          {running && step ? (
            <StepClock step={step}>
              <TotalTime issuedAt={ticket.issuedAt} />
            </StepClock>
          ) : (
            <div className="step-clock idle">
              <div className="clock-main">{t.queue.notStarted}</div>
              <div className="clock-sub">
                <TotalTime issuedAt={ticket.issuedAt} />
              </div>
            </div>
          )}
        </div>
        <div className="bar-actions">
          {running ? (
            <button type="button" id={STEP_BUTTON} className="btn btn-primary" data-testid="finish-step" disabled={action.pending} onClick={requestFinish}>
              {t.queue.finishStep} <Kbd name="step" />
            </button>
          ) : (
            <button type="button" id={STEP_BUTTON} className="btn btn-primary" data-testid="start-step" disabled={action.pending || !step} onClick={() => void start()}>
              {t.queue.startStep} <Kbd name="step" />
            </button>
          )}
          <button type="button" className="btn btn-secondary" data-testid="recall" disabled={action.pending} onClick={() => void recall()}>
            {t.queue.recall} <Kbd name="recall" />
          </button>
          {ticket.status === 'called' ? (
            <button type="button" className="btn btn-warn" data-testid="skip" disabled={action.pending} onClick={() => void skip()}>
              {t.queue.skip}
            </button>
          ) : null}
        </div>
      </div>

      <div className="work-cols">
        <section className="work-steps" aria-label={t.queue.steps}>
          <StepList steps={stageSteps} currentSeq={step?.seq ?? null} />
          {lastPetugas ? (
            <OutcomeFields
              value={outcome}
              errors={outcomeErrors}
              onChange={(v) => {
                setOutcome(v);
                setOutcomeErrors({});
              }}
            />
          ) : null}
          <ErrorAlert error={error} testId="ticket-action-error" />
          {recalled ? <Notice testId="recalled">{t.queue.recalled(ticket.label)}</Notice> : null}
          <div className="ticket-actions">
            <button
              type="button"
              className="btn btn-secondary btn-sm"
              data-testid="transfer-open"
              aria-expanded={panel === 'transfer'}
              onClick={() => setPanel((p) => (p === 'transfer' ? 'none' : 'transfer'))}
            >
              {t.transfer.open}
            </button>
            <button
              type="button"
              className="btn btn-ghost btn-sm btn-danger-text"
              data-testid="end-visit-open"
              aria-expanded={panel === 'end'}
              onClick={() => setPanel((p) => (p === 'end' ? 'none' : 'end'))}
            >
              {t.endVisit.open}
            </button>
          </div>
          {panel === 'transfer' ? (
            <TransferPanel ticket={ticket} pending={action.pending} error={error} send={requestTransfer} onCancel={() => setPanel('none')} />
          ) : null}
          {panel === 'end' ? (
            <EndVisitPanel ticket={ticket} onCancel={() => setPanel('none')} onDone={(tk) => onChanged(tk, t.endVisit.done(tk.label))} />
          ) : null}
          <NotesPanel ticketId={ticket.id} noteCount={ticket.noteCount} />
          <DocumentsPanel ticketId={ticket.id} />
        </section>
        <section className="work-case">
          <CaseForm ticketId={ticket.id} ref={form} onSaved={() => { setSavedHere(true); if (running) focusById(STEP_BUTTON); }} shortcut={guard === null} />
          {/* Remounted once the case is saved, so it starts from the visitor as member #1. */}
          <FamilyPanel key={caseSaved ? 'case' : 'no-case'} ticketId={ticket.id} />
          <MessagesPanel key={caseSaved ? 'msg-case' : 'msg-no-case'} ticketId={ticket.id} ticketLabel={ticket.label} />
        </section>
      </div>

      {guard ? (
        <CaseGuard
          hasCase={caseSaved}
          pending={action.pending}
          onSaveFirst={() => void saveThenProceed(guard)}
          onContinue={(reason) => proceed(guard, reason)}
          onCancel={() => setGuard(null)}
        />
      ) : null}
    </article>
  );
}
