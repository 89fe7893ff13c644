// The SOP steps of this desk: the live clock of the running step against its mutu baku (the
// domain's own overrun rule, amber near the limit, red over it) and the list of the desk's steps,
// finished ones with their actual duration (red when over, flagged when implausibly short).
import type { ReactNode } from 'react';
import type { Stage, StepTiming, Ticket } from '../../../common/contract/index';
import { clockTone, slaClock } from '../../../common/domain/sla';
import { t } from '../../i18n/id';
import { durationWords, mmss } from '../../app/format';
import { useHostNow } from '../../app/hooks';

export interface DeskStep {
  step: StepTiming | null;
  /** This desk's steps (its role) in the ticket's path. */
  stageSteps: StepTiming[];
  /** 1-based position of the current step among them; 0 when it is not one of them. */
  position: number;
  running: boolean;
  /** No later step of this desk's role is left: finishing hands the visitor on or ends the visit. */
  lastOfStage: boolean;
}

export function deskStep(ticket: Ticket, stage: Stage): DeskStep {
  const step = ticket.currentStep;
  const stageSteps = ticket.steps.filter((s) => s.role === stage);
  const position = step ? stageSteps.findIndex((s) => s.seq === step.seq) + 1 : 0;
  const running = step !== null && step.startedAt !== null && step.endedAt === null;
  const lastOfStage = step !== null && !ticket.steps.some((s) => s.seq > step.seq && s.endedAt === null && s.role === step.role);
  return { step, stageSteps, position, running, lastOfStage };
}

/** The running step's clock; `children` (the total time) share its second line with the flag. */
export function StepClock({ step, children }: { step: StepTiming; children?: ReactNode }) {
  const now = useHostNow();
  const clock = slaClock(step.startedAt ?? '', step.mutuBakuMin, new Date(now));
  const tone = clockTone(clock);
  return (
    <div className={`step-clock tone-${tone}`} data-testid="step-clock" data-overdue={tone === 'over'} data-tone={tone} role="timer">
      <div className="clock-main">
        <span className="clock-elapsed" data-testid="step-elapsed">
          {mmss(clock.elapsedSec)}
        </span>
        <span className="clock-limit"> / {mmss(clock.limitSec)}</span>
      </div>
      <div className="clock-sub">
        {tone === 'over' ? (
          <span className="clock-flag" data-testid="step-overdue" role="status">
            {t.queue.overdue}
          </span>
        ) : tone === 'near' ? (
          <span className="clock-flag" data-testid="step-near" role="status">
            {t.queue.nearLimit}
          </span>
        ) : null}
        {children}
      </div>
    </div>
  );
}

function StepDuration({ step }: { step: StepTiming }) {
  if (step.durationSec === null) return <span className="muted">{t.queue.limitMin(step.mutuBakuMin)}</span>;
  const over = step.startedAt ? slaClock(step.startedAt, step.mutuBakuMin, new Date(0), step.endedAt).overrun : false;
  return (
    <span className={`step-duration${over ? ' over' : ''}`} data-testid={`step-duration-${step.seq}`} data-over={over} title={t.queue.mutuBaku(step.mutuBakuMin)}>
      {durationWords(step.durationSec)}
      {step.implausible ? (
        <span className="badge badge-warn" data-testid={`step-implausible-${step.seq}`} title={t.queue.implausibleTitle}>
          {t.queue.implausible}
        </span>
      ) : null}
    </span>
  );
}

export function StepList({ steps, currentSeq }: { steps: StepTiming[]; currentSeq: number | null }) {
  return (
    <ol className="step-list" aria-label={t.queue.steps} data-testid="step-list">
      {steps.map((s, i) => {
        const state = s.endedAt ? 'done' : s.seq === currentSeq ? 'current' : 'todo';
        return (
          <li key={s.seq} className={`step-item step-${state}`} data-testid={`step-item-${s.seq}`} data-step-state={state}>
            <span className="step-mark" aria-hidden="true">
              {state === 'done' ? '✓' : i + 1}
            </span>
            <span className="step-title">{s.name}</span>
            {state === 'done' ? <StepDuration step={s} /> : <span className="muted">{t.queue.limitMin(s.mutuBakuMin)}</span>}
          </li>
        );
      })}
    </ol>
  );
}
