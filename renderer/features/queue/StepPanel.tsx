// The SOP step the desk is on, its live clock against the mutu baku, and start/finish buttons.
import type { Stage, StepTiming, Ticket } from '../../../common/contract/index';
import { t } from '../../i18n/id';
import { mmss } from '../../app/format';
import { slaClock } from '../../../common/domain/sla';
import { useHostNow } from '../../app/hooks';

interface StepPanelProps {
  ticket: Ticket;
  stage: Stage;
  pending: boolean;
  onStart(): void;
  onFinish(): void;
}

export function StepPanel({ ticket, stage, pending, onStart, onFinish }: StepPanelProps) {
  const step = ticket.currentStep;
  const stageSteps = ticket.steps.filter((s) => s.role === stage);
  if (!step) {
    return <p className="muted" data-testid="no-step">{t.queue.noStep}</p>;
  }
  const index = stageSteps.findIndex((s) => s.seq === step.seq);
  const running = step.startedAt !== null && step.endedAt === null;
  return (
    <section className="step-panel" data-testid="current-step" data-seq={step.seq} data-running={running}>
      <div className="step-head">
        <span className="step-count">
          {index >= 0 ? t.queue.stepOf(index + 1, stageSteps.length) : t.queue.step}
        </span>
        <span className="muted">{t.queue.mutuBaku(step.mutuBakuMin)}</span>
      </div>
      <div className="step-name" data-testid="current-step-name">
        {step.name}
      </div>
      {running ? <StepClock step={step} /> : <div className="step-clock idle">{t.queue.notStarted}</div>}
      <div className="step-actions">
        {running ? (
          <button type="button" className="btn btn-primary btn-lg" data-testid="finish-step" disabled={pending} onClick={onFinish}>
            {t.queue.finishStep}
          </button>
        ) : (
          <button type="button" className="btn btn-primary btn-lg" data-testid="start-step" disabled={pending} onClick={onStart}>
            {t.queue.startStep}
          </button>
        )}
      </div>
      <StepList steps={stageSteps} currentSeq={step.seq} />
    </section>
  );
}

function StepClock({ step }: { step: StepTiming }) {
  const now = useHostNow();
  // The SOP's overrun rule, the same one the host's figures use.
  const { elapsedSec, overrun: over } = slaClock(step.startedAt ?? '', step.mutuBakuMin, new Date(now));
  return (
    <div className={`step-clock${over ? ' over' : ''}`} data-testid="step-clock" data-overdue={over}>
      <span className="clock-elapsed" data-testid="step-elapsed">
        {mmss(elapsedSec)}
      </span>
      <span className="clock-limit"> / {mmss(step.mutuBakuMin * 60)}</span>
      {over ? (
        <span className="clock-over" data-testid="step-overdue" role="status">
          {t.queue.overdue}
        </span>
      ) : null}
    </div>
  );
}

function StepList({ steps, currentSeq }: { steps: StepTiming[]; currentSeq: number }) {
  return (
    <ol className="step-list" aria-label={t.queue.steps}>
      {steps.map((s, i) => {
        const state = s.endedAt ? 'done' : s.seq === currentSeq ? 'current' : 'todo';
        return (
          <li key={s.seq} className={`step-item step-${state}`} data-testid={`step-item-${s.seq}`} data-step-state={state}>
            <span className="step-mark" aria-hidden="true">
              {state === 'done' ? '✓' : i + 1}
            </span>
            <span>{s.name}</span>
            <span className="muted">{t.dashboard.minutes(s.mutuBakuMin)}</span>
          </li>
        );
      })}
    </ol>
  );
}
