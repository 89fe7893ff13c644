// Today's numbers per service step, against the mutu baku. Refreshed by pushed queue events.
import { t } from '../../i18n/id';
import { longDate, mmss, percent } from '../../app/format';
import { useLoad, useOnEventsOpened, useServerEvents } from '../../app/hooks';
import { api } from '../../app/state/api';
import { ErrorAlert } from '../../components/Alert';
import { Layout } from '../../components/Layout';

export function Dashboard() {
  const stats = useLoad(() => api('stats.today', {}));
  useServerEvents((e) => {
    if (e.type === 'queue.changed') void stats.reload();
  });
  useOnEventsOpened(() => void stats.reload());
  const data = stats.data;

  return (
    <Layout title={t.dashboard.title} testId="page-dashboard" state={stats.state} wide>
      <ErrorAlert error={stats.error} testId="stats-error" />
      {data ? (
        <>
          <p className="muted">{longDate(data.day)}</p>
          <div className="totals">
            <div className="total">
              <span className="total-value" data-testid="stat-issued">
                {data.issued}
              </span>
              <span className="total-label">{t.dashboard.issued}</span>
            </div>
            <div className="total">
              <span className="total-value" data-testid="stat-done">
                {data.done}
              </span>
              <span className="total-label">{t.dashboard.done}</span>
            </div>
          </div>
          <div className="table-scroll">
            <table className="table stats-table">
              <thead>
                <tr>
                  <th>{t.dashboard.service}</th>
                  <th>{t.dashboard.step}</th>
                  <th className="num">{t.dashboard.mutuBaku}</th>
                  <th className="num">{t.dashboard.count}</th>
                  <th className="num">{t.dashboard.waitMedian}</th>
                  <th className="num">{t.dashboard.waitP90}</th>
                  <th className="num">{t.dashboard.serviceMedian}</th>
                  <th className="num">{t.dashboard.serviceP90}</th>
                  <th className="num">{t.dashboard.within}</th>
                </tr>
              </thead>
              <tbody>
                {data.steps.map((s, i) => {
                  const firstOfService = i === 0 || data.steps[i - 1]!.serviceCode !== s.serviceCode;
                  const slow = s.serviceMedianSec !== null && s.serviceMedianSec > s.mutuBakuMin * 60;
                  return (
                    <tr key={`${s.serviceCode}-${s.seq}`} data-testid={`stat-row-${s.serviceCode}-${s.seq}`}>
                      <td className="code" title={s.serviceName}>
                        {s.serviceCode}
                        {firstOfService && <div className="muted small">{s.serviceName}</div>}
                      </td>
                      <td>{s.name}</td>
                      <td className="num">{t.dashboard.minutes(s.mutuBakuMin)}</td>
                      <td className="num" data-testid="stat-count">{s.count}</td>
                      <td className="num">{mmss(s.waitMedianSec)}</td>
                      <td className="num">{mmss(s.waitP90Sec)}</td>
                      <td className={`num${slow ? ' over' : ''}`}>{mmss(s.serviceMedianSec)}</td>
                      <td className={`num${slow ? ' over' : ''}`}>{mmss(s.serviceP90Sec)}</td>
                      <td className="num">{percent(s.withinMutuBakuPct)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {data.steps.length === 0 ? <p className="muted">{t.dashboard.empty}</p> : null}
        </>
      ) : null}
    </Layout>
  );
}
