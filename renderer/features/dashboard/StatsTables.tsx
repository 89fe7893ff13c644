// The dashboard's tables: per SOP step, per desk, per officer. Durations in words ("2 mnt 50 dtk"),
// the within-mutu-baku share coloured by one rule, implausibly quick steps flagged.
import { Fragment } from 'react';
import type { DayStats } from '../../../common/contract/index';
import { t } from '../../i18n/id';
import { durationWords, percent } from '../../app/format';

/** The share of steps within mutu baku counts as good from 80 %, fair from 60 %, poor below. */
export const WITHIN_GOOD_PCT = 80;
export const WITHIN_FAIR_PCT = 60;

export type Tone = 'good' | 'fair' | 'poor' | 'none';

export function withinTone(pct: number | null): Tone {
  if (pct === null) return 'none';
  return pct >= WITHIN_GOOD_PCT ? 'good' : pct >= WITHIN_FAIR_PCT ? 'fair' : 'poor';
}

/** A share within mutu baku, coloured; the tone is also a data attribute for tests and print. */
export function WithinShare({ pct, testId }: { pct: number | null; testId?: string }) {
  const tone = withinTone(pct);
  return (
    <span className={`share share-${tone}`} data-tone={tone} data-testid={testId}>
      {percent(pct)}
    </span>
  );
}

function Implausible({ n }: { n: number }) {
  if (n === 0) return null;
  return (
    <span className="flag-implausible" title={t.dashboard.implausibleTitle} data-testid="implausible-flag">
      {t.dashboard.implausibleFlag(n)}
    </span>
  );
}

/**
 * One row per SOP step that anyone finished that day, grouped under its service (a heading row);
 * steps nobody reached (later steps of a visit ended early) are left out.
 */
export function StepTable({ steps }: { steps: DayStats['steps'] }) {
  const d = t.dashboard;
  const shown = steps.filter((s) => s.count > 0);
  return (
    <div className="table-scroll">
      <table className="table stats-table" data-testid="steps-table">
        <thead>
          <tr>
            <th>{d.step}</th>
            <th className="num">{d.mutuBaku}</th>
            <th className="num">{d.count}</th>
            <th className="num">{d.waitStep}</th>
            <th className="num">{d.waitStepP90}</th>
            <th className="num">{d.serviceAvg}</th>
            <th className="num">{d.serviceP90}</th>
            <th className="num">{d.withinCol}</th>
            <th>{d.checks}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((s, i) => {
            const firstOfService = i === 0 || shown[i - 1]!.serviceCode !== s.serviceCode;
            const limit = s.mutuBakuMin * 60;
            const over = (sec: number | null) => (sec !== null && sec > limit ? ' over' : '');
            return (
              <Fragment key={`${s.serviceCode}-${s.seq}-${s.name}`}>
                {firstOfService ? (
                  <tr className="group-row">
                    <th colSpan={9} scope="colgroup">
                      <span className="code">{s.serviceCode}</span> {s.serviceName}
                    </th>
                  </tr>
                ) : null}
                <tr data-testid={`stat-row-${s.serviceCode}-${s.seq}`}>
                  <td>
                    <span className="muted">{s.seq}. </span>
                    {s.name}
                    <span className="muted small"> · {t.roles[s.role]}</span>
                  </td>
                  <td className="num">{d.minutes(s.mutuBakuMin)}</td>
                  <td className="num" data-testid="stat-count">{s.count}</td>
                  <td className="num">{durationWords(s.waitAvgSec)}</td>
                  <td className="num">{durationWords(s.waitP90Sec)}</td>
                  <td className={`num${over(s.serviceAvgSec)}`} data-testid="stat-service-avg">{durationWords(s.serviceAvgSec)}</td>
                  <td className={`num${over(s.serviceP90Sec)}`}>{durationWords(s.serviceP90Sec)}</td>
                  <td className="num"><WithinShare pct={s.withinMutuBakuPct} testId="stat-within" /></td>
                  <td><Implausible n={s.implausibleCount} /></td>
                </tr>
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** What a desk and an officer both did that day: the last four columns of their tables. */
type Work = Pick<DayStats['desks'][number], 'visitors' | 'steps' | 'implausibleCount' | 'serviceMedianSec' | 'withinMutuBakuPct'>;

function WorkHeads() {
  const d = t.dashboard;
  return (
    <>
      <th className="num">{d.visitors}</th>
      <th className="num">{d.steps}</th>
      <th className="num">{d.half}</th>
      <th className="num">{d.withinCol}</th>
    </>
  );
}

function WorkCells({ row }: { row: Work }) {
  return (
    <>
      <td className="num">{row.visitors}</td>
      <td className="num">
        {row.steps}
        <Implausible n={row.implausibleCount} />
      </td>
      <td className="num">{durationWords(row.serviceMedianSec)}</td>
      <td className="num"><WithinShare pct={row.withinMutuBakuPct} /></td>
    </>
  );
}

export function DeskTable({ desks }: { desks: DayStats['desks'] }) {
  const d = t.dashboard;
  return (
    <div className="table-scroll">
      <table className="table stats-table" data-testid="desks-table">
        <thead>
          <tr>
            <th>{d.desk}</th>
            <th className="num">{d.calls}</th>
            <WorkHeads />
          </tr>
        </thead>
        <tbody>
          {desks.map((k) => (
            <tr key={k.counterNo} data-testid={`desk-row-${k.counterNo}`}>
              <td className="code">{t.app.counter(k.counterNo)}</td>
              <td className="num">{k.calls}</td>
              <WorkCells row={k} />
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">{d.desksNote}</p>
    </div>
  );
}

export function OfficerTable({ officers }: { officers: DayStats['officers'] }) {
  const d = t.dashboard;
  return (
    <div className="table-scroll">
      <table className="table stats-table" data-testid="officers-table">
        <thead>
          <tr>
            <th>{d.officer}</th>
            <th>{d.role}</th>
            <WorkHeads />
          </tr>
        </thead>
        <tbody>
          {officers.map((o) => (
            <tr key={o.userId} data-testid="officer-row">
              <td>{o.fullName}</td>
              <td className="muted">{o.roles.map((r) => t.roles[r]).join(', ')}</td>
              <WorkCells row={o} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
