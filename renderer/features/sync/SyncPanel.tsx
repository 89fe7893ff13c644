// Admin → Sinkronisasi: enrol this host with the central server (address + one-time code), the
// state, "Sinkronkan sekarang", the revoked message, and the ops the server quarantined with reasons.
import { useState, type FormEvent } from 'react';
import { dateTime } from '../../app/format';
import { useAction, useLoad, useOnEventsOpened, useServerEvents } from '../../app/hooks';
import { api } from '../../app/state/api';
import { ErrorAlert, Notice } from '../../components/Alert';
import { Field, FormActions } from '../../components/Field';
import { syncLabel } from './SyncIndicator';
import { syncStrings } from './strings';
import './sync.css';

const tp = syncStrings.panel;

export function SyncPanel() {
  const status = useLoad(() => api('sync.status', {}));
  const quarantine = useLoad(() => api('sync.quarantine', {}));
  const [serverUrl, setServerUrl] = useState('');
  const [code, setCode] = useState('');
  const enrol = useAction();
  const now = useAction();
  const reload = () => {
    void status.reload();
    void quarantine.reload();
  };
  useServerEvents((e) => (e.type === 'sync.changed' ? reload() : undefined));
  useOnEventsOpened(reload);

  const s = status.data;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await enrol.run(() => api('sync.enrol', { serverUrl: serverUrl.trim(), code: code.trim() }));
    if (r.ok) {
      status.setData(r.value);
      setCode('');
      void quarantine.reload();
    }
  };
  const syncNow = async () => {
    const r = await now.run(() => api('sync.now', {}));
    if (r.ok) status.setData(r.value);
    void quarantine.reload();
  };
  const list = quarantine.data ?? [];
  const ready = status.state === 'ready' && quarantine.state === 'ready';

  return (
    <section className="admin-panel sync" data-testid="admin-sync" data-state={ready ? 'ready' : 'loading'}>
      <ErrorAlert error={status.error ?? quarantine.error} testId="sync-load-error" />
      <div className="panel">
        <div className="panel-head">
          <h2>{tp.title}</h2>
          {s && s.state !== 'off' && s.state !== 'refused' ? (
            <button type="button" className="btn btn-primary" data-testid="sync-now" disabled={now.pending} onClick={() => void syncNow()}>
              {now.pending ? tp.syncing : tp.syncNow}
            </button>
          ) : null}
        </div>
        <p className="muted">{tp.hint}</p>
        {s?.state === 'off' ? <Notice tone="info" testId="sync-not-enrolled">{tp.notEnrolled}</Notice> : null}
        {s?.state === 'refused' ? (
          <div className="alert alert-error" role="alert" data-testid="sync-refused">
            {s.message}
          </div>
        ) : null}
        {s && s.state !== 'off' ? (
          <dl className="sync-state-grid" data-testid="sync-state" data-sync-state={s.state} data-pending={s.pending}>
            <dt>{tp.stateTitle}</dt>
            <dd data-testid="sync-state-text">{syncLabel(s)}</dd>
            <dt>{tp.office}</dt>
            <dd data-testid="sync-office">{s.officeName}</dd>
            <dt>{tp.server}</dt>
            <dd className="url">{s.serverUrl}</dd>
            <dt>{tp.pending}</dt>
            <dd data-testid="sync-pending">{s.pending.toLocaleString('id-ID')}</dd>
            <dt>{tp.lastSuccess}</dt>
            <dd>{s.lastSuccessAt ? dateTime(s.lastSuccessAt) : tp.never}</dd>
            <dt>{tp.lastAttempt}</dt>
            <dd>{s.lastAttemptAt ? dateTime(s.lastAttemptAt) : tp.never}</dd>
            {s.message && s.state !== 'refused' ? (
              <>
                <dt>{tp.message}</dt>
                <dd data-testid="sync-message">{s.message}</dd>
              </>
            ) : null}
          </dl>
        ) : null}
        <ErrorAlert error={now.error} testId="sync-now-error" />
      </div>

      {s && (s.state === 'off' || s.state === 'refused') ? (
        <form className="panel" onSubmit={(e) => void submit(e)} noValidate data-testid="sync-enrol-form">
          <Field label={tp.serverUrl} testId="sync-server-url" value={serverUrl} onChange={setServerUrl} hint={tp.serverUrlHint} inputMode="url" />
          <Field label={tp.code} testId="sync-code" value={code} onChange={setCode} hint={tp.codeHint} autoComplete="off" />
          <ErrorAlert error={enrol.error} testId="sync-enrol-error" />
          <FormActions>
            <button type="submit" className="btn btn-primary" data-testid="sync-enrol" disabled={enrol.pending}>
              {enrol.pending ? tp.enrolling : s.state === 'refused' ? tp.reEnrol : tp.enrol}
            </button>
          </FormActions>
        </form>
      ) : null}
      <div className="panel">
        <h2>{tp.quarantineTitle}</h2>
        <p className="muted">{tp.quarantineHint}</p>
        {quarantine.state === 'ready' && list.length === 0 ? <p data-testid="sync-quarantine-empty">{tp.quarantineEmpty}</p> : null}
        {list.length > 0 ? (
          <table className="table table-flat sync-quarantine" data-testid="sync-quarantine">
            <thead>
              <tr>
                <th>{tp.cols.at}</th>
                <th>{tp.cols.table}</th>
                <th>{tp.cols.record}</th>
                <th>{tp.cols.kind}</th>
                <th>{tp.cols.reason}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((q) => (
                <tr key={q.opId} data-testid="sync-quarantine-row" data-op-id={q.opId}>
                  <td>{dateTime(q.at)}</td>
                  <td>{q.table}</td>
                  <td className="url">{q.recordId}</td>
                  <td>{q.kind}</td>
                  <td className="reason">{q.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </div>
    </section>
  );
}
