// The figures of an office day for the head of office: today by default (kept live by pushed queue
// events), any past day with data from the picker. Headline numbers, two charts, then the tables
// per SOP step, per desk and per officer. Loaded lazily (recharts is the larger part of the bundle).
import { useEffect, useState } from 'react';
import { t } from '../../i18n/id';
import { durationWords, longDate } from '../../app/format';
import { useLoad, useOnEventsOpened, useServerEvents } from '../../app/hooks';
import { api } from '../../app/state/api';
import { ErrorAlert } from '../../components/Alert';
import { Layout } from '../../components/Layout';
import type { DayStats } from '../../../common/contract/index';
import { ArrivalsChart, StepTimeChart } from './Charts';
import { DeskTable, OfficerTable, StepTable, WithinShare } from './StatsTables';

export function Dashboard() {
  const days = useLoad(() => api('stats.days', {}));
  const today = days.data?.today ?? null;
  const [picked, setPicked] = useState<string | null>(null);
  const day = picked ?? today;
  // Nothing to load until the host said which day is today; then again whenever the day changes.
  const stats = useLoad(() => (day ? api('stats.day', { day }) : Promise.resolve({ ok: true as const, value: null })));
  const { reload } = stats;
  useEffect(() => {
    if (day) void reload();
  }, [day, reload]);
  // Only today's figures move: a past day is closed.
  useServerEvents((e) => {
    if (e.type === 'queue.changed' && day === today) void stats.reload();
  });
  useOnEventsOpened(() => {
    void days.reload();
    if (day === today) void stats.reload();
  });

  const data = stats.data && stats.data.day === day ? stats.data : null;
  const options = days.data ? withToday(days.data.days, days.data.today) : [];
  const d = t.dashboard;
  const settled = data !== null || days.error !== null || stats.error !== null;

  return (
    <Layout title={d.title} testId="page-dashboard" state={settled ? 'ready' : 'loading'} wide>
      <ErrorAlert error={days.error ?? stats.error} testId="stats-error" />
      <div className="dash-bar">
        <label className="dash-day">
          <span>{d.day}</span>
          <select data-testid="day-picker" value={day ?? ''} onChange={(e) => setPicked(e.target.value)}>
            {options.map((o) => (
              <option key={o.day} value={o.day}>
                {o.day === today ? `${d.today} · ` : ''}
                {d.dayOption(longDate(o.day), o.issued)}
              </option>
            ))}
          </select>
        </label>
        {day ? <span className="dash-date" data-testid="dash-date">{longDate(day)}</span> : null}
      </div>
      {data ? <DayView data={data} /> : null}
    </Layout>
  );
}

/** Today is always in the picker, first, even before its first ticket. */
function withToday(days: { day: string; issued: number }[], today: string) {
  return days.some((x) => x.day === today) ? days : [{ day: today, issued: 0 }, ...days];
}

function DayView({ data }: { data: DayStats }) {
  const d = t.dashboard;
  return (
    <div data-testid="dash-day" data-day={data.day}>
      <div className="totals dash-totals">
        <Total value={data.issued} label={d.issued} testId="stat-issued" />
        <Total value={data.done} label={d.done} testId="stat-done" />
        <Total value={data.noShow} label={d.noShow} testId="stat-no-show" />
        <Total
          value={data.cancelled}
          label={d.cancelled}
          testId="stat-cancelled"
          hint={data.cancelled === 0 ? undefined : d.cancelledReasons(data.cancelledByReason.pergi, data.cancelledByReason.salah_layanan, data.cancelledByReason.lainnya)}
        />
        <Total value={data.open} label={d.open} testId="stat-open" />
        <div className="total total-wide">
          <span className="total-value total-duration" data-testid="stat-wait-avg">{durationWords(data.waitAvgSec)}</span>
          <span className="total-label">{d.waitAvg}</span>
          <span className="total-hint" data-testid="stat-wait-p90">
            {data.waitP90Sec === null ? d.waitAvgHint : d.waitP90(durationWords(data.waitP90Sec))}
          </span>
        </div>
        <div className="total total-wide">
          <span className="total-value">
            <WithinShare pct={data.withinMutuBakuPct} testId="stat-within-all" />
          </span>
          <span className="total-label">{d.within}</span>
          <span className={`total-hint${data.implausibleCount ? ' total-flag' : ''}`} data-testid="stat-implausible">
            {data.implausibleCount ? d.implausible(data.implausibleCount) : d.implausibleNone}
          </span>
        </div>
      </div>
      <p className="muted small dash-legend">{d.withinLegend}</p>
      {data.issued === 0 ? <p className="muted" data-testid="dash-empty">{d.empty}</p> : null}
      <div className="dash-charts">
        <ArrivalsChart hours={data.arrivalsByHour} />
        <StepTimeChart steps={data.steps} />
      </div>
      {data.steps.length ? (
        <section className="dash-section">
          <h2>{d.stepsTitle}</h2>
          <StepTable steps={data.steps} />
        </section>
      ) : null}
      <div className="dash-split">
        {data.desks.length ? (
          <section className="dash-section">
            <h2>{d.desksTitle}</h2>
            <DeskTable desks={data.desks} />
          </section>
        ) : null}
        {data.officers.length ? (
          <section className="dash-section">
            <h2>{d.officersTitle}</h2>
            <OfficerTable officers={data.officers} />
          </section>
        ) : null}
      </div>
    </div>
  );
}

function Total({ value, label, testId, hint }: { value: number; label: string; testId: string; hint?: string }) {
  return (
    <div className="total">
      <span className="total-value" data-testid={testId}>{value}</span>
      <span className="total-label">{label}</span>
      {hint ? <span className="total-hint">{hint}</span> : null}
    </div>
  );
}
