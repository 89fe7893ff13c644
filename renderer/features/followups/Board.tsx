// The follow-up board: what is overdue and due today, everyone's or the officer's own, with each
// officer's load. Reloads when a follow-up changes anywhere.
import { useEffect, useState } from 'react';
import type { Followup } from '../../../common/contract/index';
import { nextStatus } from '../../../common/domain/followups';
import { longDate } from '../../app/format';
import { useAction, useLoad, useOnEventsOpened, useServerEvents } from '../../app/hooks';
import { api } from '../../app/state/api';
import { ErrorAlert } from '../../components/Alert';
import { Layout } from '../../components/Layout';
import { followupsStrings as s } from './strings';

function Table({ rows, testId, onAdvance, busy }: { rows: Followup[]; testId: string; onAdvance: (f: Followup) => void; busy: boolean }) {
  if (rows.length === 0) return <p className="muted" data-testid={`${testId}-empty`}>{s.none}</p>;
  return (
    <table className="table table-flat" data-testid={testId}>
      <thead>
        <tr>
          <th>{s.colTicket}</th>
          <th>{s.colMember}</th>
          <th>{s.colKind}</th>
          <th>{s.colStatus}</th>
          <th>{s.colDue}</th>
          <th>{s.colOwner}</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {rows.map((f) => {
          const next = nextStatus(f.kind, f.status);
          return (
            <tr key={f.id} data-testid="followup-row" data-kind={f.kind} data-due-state={f.dueState}>
              <td>{f.ticketLabel}</td>
              <td>
                {f.memberName}
                <div className="muted">{f.nik}</div>
              </td>
              <td>{s.kind(f.kind)}</td>
              <td>{s.status(f.status)}</td>
              <td className={f.dueState === 'overdue' ? 'text-danger' : undefined}>{longDate(f.dueDay)}</td>
              <td>{f.ownerName}</td>
              <td className="actions">
                {next ? (
                  <button type="button" className="btn btn-ghost" disabled={busy} data-testid="followup-advance" onClick={() => onAdvance(f)}>
                    {s.status(next)} →
                  </button>
                ) : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function FollowupBoard() {
  const [scope, setScope] = useState<'all' | 'mine'>('all');
  const board = useLoad(() => api('followups.board', { scope }));
  const advance = useAction();
  useServerEvents((e) => {
    if (e.type === 'followups.changed') void board.reload();
  });
  useOnEventsOpened(() => void board.reload());
  const d = board.data;

  async function onAdvance(f: Followup) {
    const r = await advance.run(() => api('followups.advance', { followupId: f.id }));
    if (r.ok) void board.reload();
  }
  // A new scope: load again (useLoad reads the latest `scope` through its ref).
  useEffect(() => void board.reload(), [scope]); // eslint-disable-line react-hooks/exhaustive-deps
  const pick = (next: 'all' | 'mine') => setScope(next);

  return (
    <Layout title={s.title} testId="page-followups" state={board.state} wide>
      <ErrorAlert error={board.error ?? advance.error} testId="followups-error" />
      <div className="panel-head">
        <p className="lead" data-testid="followups-today">{d ? s.today(longDate(d.today)) : ''}</p>
        <div className="tabs" role="tablist">
          {(['all', 'mine'] as const).map((k) => (
            <button key={k} type="button" role="tab" aria-selected={scope === k} className={`tab${scope === k ? ' active' : ''}`} data-testid={`followups-scope-${k}`} onClick={() => pick(k)}>
              {k === 'all' ? s.scopeAll : s.scopeMine}
            </button>
          ))}
        </div>
      </div>
      {d ? (
        <>
          <section className="panel">
            <h2>
              {s.overdue} ({d.overdue.length})
            </h2>
            <Table rows={d.overdue} testId="followups-overdue" onAdvance={(f) => void onAdvance(f)} busy={advance.pending} />
          </section>
          <section className="panel">
            <h2>
              {s.dueToday} ({d.dueToday.length})
            </h2>
            <Table rows={d.dueToday} testId="followups-due-today" onAdvance={(f) => void onAdvance(f)} busy={advance.pending} />
          </section>
          <section className="panel">
            <h2>{s.perOfficer}</h2>
            {d.officers.length === 0 ? <p className="muted">{s.none}</p> : (
              <table className="table table-flat" data-testid="followups-officers">
                <thead>
                  <tr>
                    <th>{s.officer}</th>
                    <th className="num">{s.overdue}</th>
                    <th className="num">{s.dueToday}</th>
                    <th className="num">{s.open}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.officers.map((o) => (
                    <tr key={o.userId} data-testid="followups-officer">
                      <td>{o.name}</td>
                      <td className="num">{o.overdue}</td>
                      <td className="num">{o.dueToday}</td>
                      <td className="num">{o.open}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          <section className="panel">
            <h2>
              {s.later} ({d.later.length})
            </h2>
            <Table rows={d.later} testId="followups-later" onAdvance={(f) => void onAdvance(f)} busy={advance.pending} />
          </section>
        </>
      ) : null}
    </Layout>
  );
}

export default FollowupBoard;
