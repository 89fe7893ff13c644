// Admin only: a legacy register (the Excel book kept before Loket) imported as a job. The file lies
// on the host PC; the host checks every row on a worker thread (progress, cancel) and imports all of
// them or none; a refusal lists each bad row and what is wrong with it.
import { useState } from 'react';
import type { Job } from '../../../common/contract/index';
import { t } from '../../i18n/id';
import { useAction, useServerEvents } from '../../app/hooks';
import { api } from '../../app/state/api';
import { useApp } from '../../app/state/app';
import { ErrorAlert, Notice } from '../../components/Alert';
import { Field } from '../../components/Field';

const ti = t.register.legacyImport;

/** "2 baris bermasalah, … Baris 4: …. Baris 5: …." → the sentence, then one line per row. */
export function splitReport(message: string): { head: string; rows: string[] } {
  const [head, ...rows] = message.split(/\s(?=Baris \d+: )/);
  return { head: head ?? '', rows };
}

export function RegisterImport({ onImported }: { onImported(): void }) {
  const isAdmin = useApp((s) => s.user?.roles.includes('admin') ?? false);
  const [path, setPath] = useState('');
  const [job, setJob] = useState<Job | null>(null);
  const start = useAction();
  useServerEvents((e) => {
    if (e.type !== 'job.changed' || !job || e.job.id !== job.id) return;
    setJob(e.job);
    if (e.job.status === 'done' && job.status !== 'done') onImported();
  });
  if (!isAdmin) return null;
  const running = job?.status === 'queued' || job?.status === 'running';
  const report = job?.status === 'failed' && job.error ? splitReport(job.error) : null;
  return (
    <details className="panel register-import" data-testid="reg-import">
      <summary>{ti.title}</summary>
      <p className="muted">{ti.hint}</p>
      <Field label={ti.path} value={path} onChange={setPath} testId="reg-import-path" hint={ti.pathHint} error={start.error?.fields?.path} />
      <button type="button" className="btn btn-secondary" data-testid="reg-import-start" disabled={start.pending || running || !path.trim()} onClick={async () => {
        const r = await start.run(() => api('register.import', { path: path.trim() }));
        if (!r.ok) return;
        const j = await api('jobs.get', { jobId: r.value.jobId });
        if (j.ok) setJob(j.value);
      }}>{ti.start}</button>
      <ErrorAlert error={start.error} testId="reg-import-error" />
      {job ? (
        <div className="register-job" data-testid="reg-import-job" data-status={job.status}>
          {running ? (
            <>
              <progress max={1} value={job.progress} /> <span>{job.message}</span>
              <button type="button" className="btn btn-secondary" data-testid="reg-import-cancel" onClick={() => void api('jobs.cancel', { jobId: job.id })}>{ti.cancel}</button>
            </>
          ) : job.status === 'done' ? (
            <Notice testId="reg-import-done">{ti.done}</Notice>
          ) : job.status === 'cancelled' ? (
            <Notice tone="info">{ti.cancelled}</Notice>
          ) : report ? (
            <div className="alert alert-error" role="alert" data-testid="reg-import-report">
              <p>{report.head}</p>
              {report.rows.length ? <ul>{report.rows.map((r) => <li key={r}>{r}</li>)}</ul> : null}
            </div>
          ) : null}
        </div>
      ) : null}
    </details>
  );
}
