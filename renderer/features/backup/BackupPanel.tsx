// Admin → Cadangan: back up the database now (with a progress bar fed by `job.changed` events),
// the folder / daily time / number of copies kept, the list of copies, and restoring one behind a
// confirmation that says what happens to the current database and to the desks.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { BackupFile, Job } from '../../../common/contract/index';
import { t } from '../../i18n/id';
import { dateTime } from '../../app/format';
import { useAction, useLoad, useOnEventsOpened, useServerEvents } from '../../app/hooks';
import { api } from '../../app/state/api';
import { ErrorAlert, Notice } from '../../components/Alert';
import { Field, FormActions } from '../../components/Field';
import { backupStrings } from './strings';
import './backup.css';

const tb = backupStrings.backup;
const KINDS = ['backup.create', 'backup.restore'];
const isLive = (j: Job) => j.status === 'queued' || j.status === 'running';

/** 1536 -> "1,5 KB"; sizes as people read them, with the Indonesian decimal comma. */
export function fileSize(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let v = bytes;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v.toLocaleString('id-ID', { maximumFractionDigits: u === 0 ? 0 : 1 })} ${units[u]}`;
}

/** "7.30", "07.30", "0730" -> "07:30" (Indonesians write times with a dot); anything else as typed. */
export function hhmm(text: string): string {
  const m = /^\s*(\d{1,2})[.:]?(\d{2})\s*$/.exec(text);
  return m ? `${m[1]!.padStart(2, '0')}:${m[2]}` : text.trim();
}

export function BackupPanel() {
  const settings = useLoad(() => api('backup.settings', {}));
  const files = useLoad(() => api('backup.list', {}));
  const [job, setJob] = useState<Job | null>(null);
  const [confirming, setConfirming] = useState<BackupFile | null>(null);
  const start = useAction();
  const cancel = useAction();
  const restore = useAction();

  // A backup may already be running (the daily one, or one started from another PC).
  useEffect(() => {
    void api('jobs.list', {}).then((r) => {
      const live = r.ok ? r.value.find((j) => KINDS.includes(j.kind) && isLive(j)) : undefined;
      if (live) setJob((cur) => cur ?? live);
    });
  }, []);

  useServerEvents((e) => {
    if (e.type !== 'job.changed' || !KINDS.includes(e.job.kind)) return;
    // Follow the job shown, or a new one that starts (from here or elsewhere).
    setJob((cur) => (cur === null || cur.id === e.job.id || isLive(e.job) ? e.job : cur));
    if (!isLive(e.job)) {
      void files.reload();
      void settings.reload();
    }
  });

  // Events sent while the channel was down are lost: ask again.
  useOnEventsOpened(() => {
    if (job) void api('jobs.get', { jobId: job.id }).then((r) => r.ok && setJob((cur) => (cur?.id === r.value.id ? r.value : cur)));
    void files.reload();
    void settings.reload();
  });

  async function follow(jobId: string) {
    const r = await api('jobs.get', { jobId });
    if (r.ok) setJob((cur) => (cur?.id === jobId ? cur : r.value));
  }

  async function backupNow() {
    const r = await start.run(() => api('backup.start', {}));
    if (r.ok) await follow(r.value.jobId);
  }

  async function doRestore(file: BackupFile) {
    setConfirming(null);
    const r = await restore.run(() => api('backup.restore', { fileName: file.fileName, confirm: true }));
    if (r.ok) await follow(r.value.jobId);
  }

  const busy = job !== null && isLive(job);
  const data = settings.data;
  const list = files.data ?? [];

  return (
    <section className="admin-panel backup" data-testid="admin-backup" data-state={settings.state === 'ready' && files.state === 'ready' ? 'ready' : 'loading'}>
      <ErrorAlert error={settings.error ?? files.error} testId="backup-load-error" />
      <div className="panel">
        <div className="panel-head">
          <h2>{tb.nowTitle}</h2>
          <button type="button" className="btn btn-primary" data-testid="backup-start" disabled={busy || start.pending} onClick={() => void backupNow()}>
            {start.pending ? tb.starting : tb.start}
          </button>
        </div>
        <p className="muted">{tb.nowHint}</p>
        {data ? (
          <p data-testid="backup-last">{data.lastBackupAt ? tb.lastBackup(dateTime(data.lastBackupAt)) : tb.neverBackedUp}</p>
        ) : null}
        {data?.lastError && !busy ? (
          <Notice tone="warn" testId="backup-last-error">
            {tb.lastError(data.lastError)}
          </Notice>
        ) : null}
        <ErrorAlert error={start.error ?? restore.error ?? cancel.error} testId="backup-error" />
        {job ? <JobView job={job} cancelling={cancel.pending} onCancel={() => void cancel.run(() => api('jobs.cancel', { jobId: job.id }))} /> : null}
      </div>

      <div className="panel">
        <h2>{tb.listTitle}</h2>
        {data ? <p className="muted backup-folder-shown">{data.folder}</p> : null}
        {files.state === 'ready' && list.length === 0 ? <p data-testid="backup-list-empty">{tb.listEmpty}</p> : null}
        {list.length > 0 ? (
          <table className="table table-flat" data-testid="backup-list">
            <thead>
              <tr>
                <th>{tb.fileName}</th>
                <th>{tb.createdAt}</th>
                <th className="num">{tb.size}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {list.map((f) => (
                <tr key={f.fileName} data-testid="backup-row" data-file-name={f.fileName}>
                  <td className="url">{f.fileName}</td>
                  <td>{dateTime(f.createdAt)}</td>
                  <td className="num">{fileSize(f.sizeBytes)}</td>
                  <td className="actions">
                    <button type="button" className="btn btn-ghost" data-testid="backup-restore" disabled={busy || restore.pending} onClick={() => setConfirming(f)}>
                      {tb.restore}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </div>
      {data ? <SettingsForm initial={data} onSaved={() => { void settings.reload(); void files.reload(); }} /> : null}
      {confirming ? <ConfirmRestore file={confirming} onYes={() => void doRestore(confirming)} onNo={() => setConfirming(null)} /> : null}
    </section>
  );
}

function JobView({ job, cancelling, onCancel }: { job: Job; cancelling: boolean; onCancel(): void }) {
  const live = isLive(job);
  const pct = Math.round(job.progress * 100);
  return (
    <div className="backup-job" data-testid="backup-job" data-status={job.status} data-kind={job.kind} data-progress={job.progress}>
      {live ? (
        <>
          <div className="backup-job-head">
            <strong>{tb.jobKinds[job.kind] ?? job.kind}</strong>
            <span data-testid="backup-job-message">{job.message}</span>
          </div>
          <div className="backup-job-bar">
            <progress max={1} value={job.progress} aria-label={tb.progressLabel} data-testid="backup-progress">
              {pct}%
            </progress>
            <span className="backup-job-pct">{pct}%</span>
            <button type="button" className="btn btn-ghost" data-testid="backup-cancel" disabled={cancelling} onClick={onCancel}>
              {tb.cancel}
            </button>
          </div>
        </>
      ) : null}
      {job.status === 'done' ? (
        <Notice testId="backup-job-done">
          {job.kind === 'backup.restore'
            ? tb.doneRestore(job.file?.name ?? '')
            : tb.doneBackup(job.file?.name ?? '', fileSize(job.file?.sizeBytes ?? 0))}
        </Notice>
      ) : null}
      {job.status === 'failed' ? (
        <div className="alert alert-error" role="alert" data-testid="backup-job-error" data-code={job.errorCode ?? undefined}>
          {job.error}
        </div>
      ) : null}
      {job.status === 'cancelled' ? (
        <Notice tone="info" testId="backup-job-cancelled">
          {tb.cancelled}
        </Notice>
      ) : null}
    </div>
  );
}

function SettingsForm({ initial, onSaved }: { initial: { folder: string; dailyAt: string | null; keep: number }; onSaved(): void }) {
  const [folder, setFolder] = useState(initial.folder);
  const [daily, setDaily] = useState(initial.dailyAt !== null);
  const [dailyAt, setDailyAt] = useState(initial.dailyAt ?? '17:00');
  const [keep, setKeep] = useState(String(initial.keep));
  const [saved, setSaved] = useState(false);
  const save = useAction();
  const fields = save.error?.fields ?? {};

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    const r = await save.run(() => api('backup.saveSettings', { folder, dailyAt: daily ? hhmm(dailyAt) : null, keep: Number.parseInt(keep, 10) }));
    if (r.ok) {
      setSaved(true);
      onSaved();
    }
  }
  const edited = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    setSaved(false);
  };

  return (
    <form className="panel" onSubmit={(e) => void submit(e)} noValidate data-testid="backup-settings">
      <h2>{tb.settingsTitle}</h2>
      <p className="muted">{tb.settingsHint}</p>
      <Field label={tb.folder} testId="backup-folder" value={folder} onChange={edited(setFolder)} hint={tb.folderHint} error={fields.folder} />
      <div className="form-grid">
        <div className="field">
          <label className="backup-check">
            <input type="checkbox" data-testid="backup-daily" checked={daily} onChange={(e) => edited(setDaily)(e.target.checked)} />
            {tb.daily}
          </label>
          {daily ? (
            <Field
              label={tb.dailyAt}
              testId="backup-daily-at"
              className="input-time"
              inputMode="numeric"
              maxLength={5}
              placeholder="17:30"
              value={dailyAt}
              onChange={edited(setDailyAt)}
              hint={tb.dailyHint}
              error={fields.dailyAt}
            />
          ) : null}
        </div>
        <Field label={tb.keep} testId="backup-keep" inputMode="numeric" value={keep} onChange={edited(setKeep)} hint={tb.keepHint} error={fields.keep} />
      </div>
      <ErrorAlert error={save.error} testId="backup-settings-error" />
      {saved ? <Notice testId="backup-settings-saved">{tb.saved}</Notice> : null}
      <FormActions>
        <button type="submit" className="btn btn-primary" data-testid="backup-save" disabled={save.pending}>
          {save.pending ? t.app.saving : t.app.save}
        </button>
      </FormActions>
    </form>
  );
}

/** A modal dialog (the browser's own: focus stays inside, Escape closes it). */
function ConfirmRestore({ file, onYes, onNo }: { file: BackupFile; onYes(): void; onNo(): void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  return (
    <dialog ref={ref} className="backup-dialog" data-testid="backup-confirm" aria-labelledby="backup-confirm-title" onCancel={onNo}>
      <h2 id="backup-confirm-title">{tb.confirmTitle}</h2>
      <p>{tb.confirmBody(file.fileName, dateTime(file.createdAt))}</p>
      <Notice tone="info">{tb.confirmKept}</Notice>
      <Notice tone="warn">{tb.confirmReload}</Notice>
      <FormActions>
        <button type="button" className="btn btn-ghost" data-testid="backup-confirm-no" onClick={onNo} autoFocus>
          {t.app.cancel}
        </button>
        <button type="button" className="btn btn-danger" data-testid="backup-confirm-yes" onClick={onYes}>
          {tb.confirmYes}
        </button>
      </FormActions>
    </dialog>
  );
}
