// The two charts a head of office looks at rather than reads: arrivals per hour, and each step's
// average wait and duration against its mutu baku. recharts draws SVG (no eval, inline styles only:
// fits the CSP); no animation, so what is on screen is the data, at once.
import { Bar, BarChart, CartesianGrid, Cell, ComposedChart, LabelList, Legend, ResponsiveContainer, Scatter, Tooltip, XAxis, YAxis } from 'recharts';
import type { DayStats } from '../../../common/contract/index';
import { t } from '../../i18n/id';
import { durationWords } from '../../app/format';

const INK = '#1d2b28';
const PRIMARY = '#0f6b5c';
const WAIT = '#9fb7b1';
const DANGER = '#b3261e';

export function ArrivalsChart({ hours }: { hours: DayStats['arrivalsByHour'] }) {
  const d = t.dashboard;
  const data = hours.map((h) => ({ hour: d.hour(h.hour), range: d.hourRange(h.hour), issued: h.issued }));
  return (
    <figure className="chart" data-testid="chart-arrivals" data-points={hours.filter((h) => h.issued > 0).length}>
      <figcaption>{d.arrivalsTitle}</figcaption>
      <ResponsiveContainer width="100%" height={260}>
        <BarChart data={data} margin={{ top: 24, right: 12, bottom: 4, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="hour" tick={{ fill: INK, fontSize: 13 }} />
          <YAxis allowDecimals={false} width={36} tick={{ fill: INK, fontSize: 13 }} />
          <Tooltip
            formatter={(value) => [String(value), d.arrivalsAxis]}
            labelFormatter={(_, payload) => String(payload?.[0]?.payload?.range ?? '')}
          />
          <Bar dataKey="issued" name={d.arrivalsAxis} fill={PRIMARY} isAnimationActive={false} radius={[4, 4, 0, 0]} maxBarSize={56}>
            <LabelList dataKey="issued" position="top" fill={INK} fontSize={13} formatter={(v: unknown) => (Number(v) > 0 ? String(v) : '')} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}

/** The step chart's series, in the order the legend lists them. */
const SERIES = ['wait', 'service', 'mutuBaku'];

const minutes = (sec: number | null) => (sec === null ? null : Math.round((sec / 60) * 10) / 10);

/** A short red bar across the step's column at its mutu baku: the line to stay under. */
function MutuBakuMark(props: unknown) {
  const { cx, cy } = props as { cx?: number; cy?: number };
  if (cx === undefined || cy === undefined) return <g />;
  return <line x1={cx - 18} x2={cx + 18} y1={cy} y2={cy} stroke={DANGER} strokeWidth={3} className="mutu-baku-mark" />;
}

export function StepTimeChart({ steps }: { steps: DayStats['steps'] }) {
  const d = t.dashboard;
  const data = steps
    .filter((s) => s.count > 0)
    .map((s) => ({
      key: `${s.serviceCode}${s.seq}`,
      name: `${s.serviceCode}${s.seq} · ${s.name}`,
      wait: minutes(s.waitAvgSec),
      service: minutes(s.serviceAvgSec),
      mutuBaku: s.mutuBakuMin,
      over: s.serviceAvgSec !== null && s.serviceAvgSec > s.mutuBakuMin * 60,
    }));
  const label = (key: string) => (key === 'wait' ? d.chartWait : key === 'service' ? d.chartService : d.chartMutuBaku);
  return (
    <figure className="chart" data-testid="chart-steps" data-points={data.length}>
      <figcaption>
        {d.stepChartTitle}
        <span className="muted small"> · {d.stepChartHint}</span>
      </figcaption>
      <ResponsiveContainer width="100%" height={300}>
        <ComposedChart data={data} margin={{ top: 12, right: 12, bottom: 4, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="key" tick={{ fill: INK, fontSize: 13 }} />
          <YAxis width={44} tick={{ fill: INK, fontSize: 13 }} label={{ value: d.minutesAxis, angle: -90, position: 'insideLeft', fill: INK, fontSize: 13 }} />
          <Tooltip
            formatter={(value, key) => [durationWords(Number(value) * 60), label(String(key))]}
            labelFormatter={(_, payload) => String(payload?.[0]?.payload?.name ?? '')}
          />
          <Legend formatter={(key) => label(String(key))} itemSorter={(item) => SERIES.indexOf(String(item.dataKey))} />
          <Bar dataKey="wait" fill={WAIT} isAnimationActive={false} maxBarSize={40} />
          <Bar dataKey="service" fill={PRIMARY} isAnimationActive={false} maxBarSize={40}>
            {data.map((row) => (
              <Cell key={row.key} fill={row.over ? DANGER : PRIMARY} />
            ))}
          </Bar>
          <Scatter dataKey="mutuBaku" fill={DANGER} shape={MutuBakuMark} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </figure>
  );
}
