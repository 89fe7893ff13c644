// Admin → DTKS: upload Dinas Sosial's list in chunks, check the column mapping in a preview,
// import it as a job with progress and cancel, read the report of bad rows; look a NIK up.
import { useEffect, useState, type FormEvent } from 'react';
import { DTKS_CHUNK_BYTES, type CallOutput, type DtksLookup, type Job } from '../../../common/contract/index';
import { DTKS_FIELDS, DTKS_FIELD_LABELS, type DtksField } from '../../../common/domain/dtksColumns';
import { dateTime } from '../../app/format';
import { useAction, useLoad, useServerEvents } from '../../app/hooks';
import { api } from '../../app/state/api';
import { objectUrlOf } from '../../app/blobs';
import { ErrorAlert, Notice } from '../../components/Alert';
import { Field } from '../../components/Field';
import { dtksStrings as s } from './strings';

type Preview = CallOutput<'dtks.preview'>;
const isLive = (j: Job) => j.status === 'queued' || j.status === 'running';

function toBase64(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

export function DtksPanel() {
  const status = useLoad(() => api('dtks.status', {}));
  const act = useAction();
  const [uploadPct, setUploadPct] = useState<number | null>(null);
  const [uploadId, setUploadId] = useState<string | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [mapping, setMapping] = useState<Partial<Record<DtksField, number>>>({});
  const [job, setJob] = useState<Job | null>(null);

  useServerEvents((e) => {
    if (e.type !== 'job.changed' || e.job.kind !== 'dtks.import') return;
    setJob((cur) => (cur === null || cur.id === e.job.id ? e.job : cur));
    if (!isLive(e.job)) void status.reload();
  });

  async function choose(file: File | undefined) {
    if (!file) return;
    setPreview(null);
    setUploadId(null);
    setJob(null);
    const bytes = new Uint8Array(await file.arrayBuffer());
    const started = await act.run(() => api('dtks.uploadStart', { fileName: file.name, sizeBytes: bytes.length }));
    if (!started.ok) return;
    const id = started.value.uploadId;
    for (let i = 0, index = 0; i < bytes.length; i += DTKS_CHUNK_BYTES, index++) {
      setUploadPct(Math.round((i / bytes.length) * 100));
      const r = await act.run(() => api('dtks.uploadChunk', { uploadId: id, index, data: toBase64(bytes.subarray(i, i + DTKS_CHUNK_BYTES)) }));
      if (!r.ok) return setUploadPct(null);
    }
    setUploadPct(null);
    const p = await act.run(() => api('dtks.preview', { uploadId: id }));
    if (!p.ok) return;
    setUploadId(id);
    setPreview(p.value);
    setMapping(p.value.mapping);
  }

  async function start() {
    if (!uploadId) return;
    const r = await act.run(() => api('dtks.import', { uploadId, mapping }));
    if (!r.ok) return;
    setPreview(null);
    setUploadId(null);
    const j = await api('jobs.get', { jobId: r.value.jobId });
    if (j.ok) setJob((cur) => (cur?.id === j.value.id ? cur : j.value));
  }

  const active = status.data?.active;
  const report = status.data?.lastReport;
  return (
    <section className="admin-panel" data-testid="admin-dtks" data-state={status.state}>
      <div className="panel">
        <h2>{s.title}</h2>
        <p className="muted">{s.hint}</p>
        <p data-testid="dtks-active">{active ? s.active(active.fileName, dateTime(active.importedAt), active.rowCount.toLocaleString('id-ID')) : s.noList}</p>
        <ErrorAlert error={status.error ?? act.error} testId="dtks-error" />
        <label className="field">
          <span>{s.choose}</span>
          <input type="file" accept=".xlsx,.csv,text/csv" data-testid="dtks-file" disabled={uploadPct !== null || (job !== null && isLive(job))} onChange={(e) => void choose(e.target.files?.[0])} />
        </label>
        {uploadPct !== null ? <p data-testid="dtks-uploading">{s.uploading(uploadPct)}</p> : null}
        {job ? (
          <div className="job" data-testid="dtks-job" data-status={job.status}>
            <progress max={1} value={job.progress} /> <span>{job.message}</span>
            {isLive(job) ? (
              <button type="button" className="btn btn-ghost" data-testid="dtks-cancel" onClick={() => void api('jobs.cancel', { jobId: job.id })}>{s.cancel}</button>
            ) : null}
            {job.status === 'failed' && job.error ? <Notice tone="warn" testId="dtks-job-error">{job.error}</Notice> : null}
          </div>
        ) : null}
      </div>

      {preview ? (
        <div className="panel" data-testid="dtks-preview">
          <h2>{s.previewTitle}</h2>
          <p className="muted">{s.previewHint}</p>
          {preview.problems.map((p) => <Notice key={p} tone="warn" testId="dtks-preview-problem">{p}</Notice>)}
          <div className="form-grid">
            {DTKS_FIELDS.map((f) => (
              <label key={f} className="field">
                <span>{DTKS_FIELD_LABELS[f]}</span>
                <select data-testid={`dtks-map-${f}`} value={mapping[f] ?? ''} onChange={(e) => setMapping((m) => ({ ...m, [f]: e.target.value === '' ? undefined : Number(e.target.value) }))}>
                  <option value="">{s.notUsed}</option>
                  {preview.headers.map((h, i) => <option key={i} value={i}>{h || `(kolom ${i + 1})`}</option>)}
                </select>
              </label>
            ))}
          </div>
          <table className="table table-flat">
            <thead><tr>{preview.headers.map((h, i) => <th key={i}>{h}</th>)}</tr></thead>
            <tbody>{preview.sample.map((r, i) => <tr key={i}>{preview.headers.map((_, j) => <td key={j}>{r[j] ?? ''}</td>)}</tr>)}</tbody>
          </table>
          <button type="button" className="btn btn-primary" data-testid="dtks-start" disabled={act.pending} onClick={() => void start()}>{s.start}</button>
        </div>
      ) : null}

      {report ? (
        <div className="panel" data-testid="dtks-report" data-outcome={report.outcome}>
          <h2>{s.reportTitle}</h2>
          <p><strong>{s.outcome[report.outcome]}</strong> · {report.fileName} · {dateTime(report.at)}</p>
          <p data-testid="dtks-report-message">{report.message}</p>
          {report.badRows.length ? (
            <table className="table table-flat" data-testid="dtks-bad-rows">
              <thead><tr><th className="num">{s.reportRow}</th><th>{s.reportReason}</th></tr></thead>
              <tbody>{report.badRows.map((b) => <tr key={`${b.row}-${b.reason}`} data-testid="dtks-bad-row"><td className="num">{b.row}</td><td>{b.reason}</td></tr>)}</tbody>
            </table>
          ) : null}
        </div>
      ) : null}
      <DtksLookupBox />
    </section>
  );
}

/** Looks one NIK up: "terdaftar" with the household, or "tidak terdaftar" with the next step. */
export function DtksLookupBox() {
  const [nik, setNik] = useState('');
  const [result, setResult] = useState<DtksLookup | null>(null);
  const act = useAction();
  const [pdfUrl, setPdfUrl] = useState<string | null>(null);
  useEffect(() => () => void (pdfUrl && URL.revokeObjectURL(pdfUrl)), [pdfUrl]);

  async function check(e: FormEvent) {
    e.preventDefault();
    setPdfUrl(null);
    const r = await act.run(() => api('dtks.lookup', { nik: nik.replace(/\D/g, '') }));
    setResult(r.ok ? r.value : null);
    if (r.ok) {
      const p = await api('dtks.recordPdf', { nik: nik.replace(/\D/g, '') });
      if (p.ok) setPdfUrl(objectUrlOf(p.value.pdfBase64));
    }
  }
  return (
    <form className="panel" onSubmit={(e) => void check(e)} data-testid="dtks-lookup">
      <h2>{s.lookupTitle}</h2>
      <Field label={s.nik} value={nik} onChange={setNik} testId="dtks-nik" inputMode="numeric" />
      <button type="submit" className="btn btn-primary" disabled={act.pending} data-testid="dtks-check">{s.check}</button>
      <ErrorAlert error={act.error} testId="dtks-lookup-error" />
      {result ? (
        <div data-testid="dtks-result" data-status={result.status}>
          {result.status === 'terdaftar' ? (
            <>
              <p><strong>{s.registered}</strong> · {s.household(result.person.householdId)}</p>
              <ul>{result.members.map((m) => <li key={m.nik}>{m.nik} · {m.name}</li>)}</ul>
            </>
          ) : (
            <p><strong>{result.status === 'tidak_terdaftar' ? s.notRegistered : ''}</strong> {result.nextStep}</p>
          )}
          {pdfUrl ? <a href={pdfUrl} target="_blank" rel="noreferrer" className="btn btn-ghost" data-testid="dtks-print">{s.print}</a> : null}
        </div>
      ) : null}
    </form>
  );
}
