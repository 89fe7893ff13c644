// The case's papers on the resepsionis/petugas screen: the service's checklist (present, missing),
// one button to scan into the chosen document type, a file picker, drag-and-drop and the camera;
// the desk's scan inbox (network scanner); thumbnails appear as each page arrives
// (documents.changed events); rotate, crop and remove a page; and the incomplete file returned to
// the visitor with a printed list of what is missing. Compact, and never taller than the window
// below it (1366×768 desks): the checklist and the buttons stay put, the rest scrolls inside.
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type DragEvent, type RefObject } from 'react';
import type { AppError, CaseFile, Job } from '../../../common/contract/index';
import { DOC_TYPE_CODES, DOC_TYPES, type DocType } from '../../../common/domain/documents';
import { dateTime } from '../../app/format';
import { useAction, useLoad, useServerEvents } from '../../app/hooks';
import { session } from '../../app/client';
import { api } from '../../app/state/api';
import { objectUrlOf } from '../../app/blobs';
import { ErrorAlert } from '../../components/Alert';
import { t } from '../../i18n/id';
import { CameraDialog } from './CameraDialog';
import { deskScanner } from './deskBridge';
import { InboxSection } from './InboxSection';
import { PageViewer } from './PageViewer';
import { uploadImage } from './upload';
import './documents.css';

type Page = CaseFile['documents'][number]['pages'][number];

function download(fileName: string, base64: string, mime = 'application/pdf'): void {
  const url = objectUrlOf(base64, mime);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Smallest height the panel keeps when it starts low on the page (it then scrolls with the page). */
const MIN_PANEL_PX = 200;

/**
 * The panel's height: from where it starts on the page to the bottom of the window, so on an
 * unscrolled desk screen it ends at the window's edge and scrolls inside instead of the page.
 */
function useFitToWindow(ref: RefObject<HTMLElement | null>): number | null {
  const [max, setMax] = useState<number | null>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const fit = () => {
      const top = el.getBoundingClientRect().top + window.scrollY;
      setMax(Math.max(MIN_PANEL_PX, Math.floor(window.innerHeight - top - 8)));
    };
    fit();
    window.addEventListener('resize', fit);
    // What stands above it (steps, notes opened) moves it.
    const ro = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(fit);
    if (el.parentElement) ro?.observe(el.parentElement);
    return () => {
      window.removeEventListener('resize', fit);
      ro?.disconnect();
    };
  }, [ref]);
  return max;
}

export function DocumentsPanel({ ticketId }: { ticketId: string }) {
  const file = useLoad(() => api('documents.caseFile', { ticketId }));
  const action = useAction();
  const [target, setTarget] = useState<DocType | null>(null);
  const [progress, setProgress] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [faultError, setFaultError] = useState<AppError | null>(null);
  const [jobs, setJobs] = useState<string[]>([]);
  const [hasFault, setHasFault] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [camera, setCamera] = useState(false);
  const [viewing, setViewing] = useState<Page | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const panel = useRef<HTMLElement>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const maxHeight = useFitToWindow(panel);
  const data = file.data;

  useEffect(() => {
    void file.reload();
  }, [ticketId]);

  // The first missing paper is what the resepsionis most likely holds.
  const firstMissing = data?.checklist.find((l) => !l.present)?.docType ?? data?.checklist[0]?.docType ?? 'ktp';
  const docType: DocType = target ?? firstMissing;

  // Pages that arrived during the current host scan, for "N halaman tersimpan" (the PDF made at
  // the batch's end is a change too, not a page).
  const arrived = useRef(0);
  useServerEvents((e) => {
    if (e.type === 'documents.changed' && e.ticketId === ticketId) {
      if (e.pageId) arrived.current++;
      void file.reload();
    }
    if (e.type === 'job.changed' && jobs.includes(e.job.id)) onJob(e.job);
  });

  const onJob = useCallback((job: Job) => {
    if (job.status === 'running' || job.status === 'queued') return setProgress(job.message);
    setJobs((js) => js.filter((id) => id !== job.id));
    setProgress(null);
    if (job.status === 'failed') {
      setFaultError({ code: job.errorCode ?? 'INTERNAL', message: job.error ?? '' });
      setHasFault(job.kind === 'documents.scan');
    } else if (job.status === 'done' && job.kind === 'documents.scan') {
      setDone(t.documents.pagesStored(arrived.current));
      setHasFault(false);
    }
    void file.reload();
  }, []);

  const track = (jobId: string) => setJobs((js) => [...js, jobId]);

  async function scan() {
    setFaultError(null);
    setDone(null);
    const desk = deskScanner();
    if (desk) {
      setProgress(t.documents.scanning);
      const off = desk.onProgress((p) => setProgress(t.documents.sending(p.uploaded, p.pending)));
      const r = await action.run(() => desk.scan({ token: session.token ?? '', ticketId, docType }));
      off();
      setProgress(null);
      if (r.ok) {
        setHasFault(r.value.fault !== null || r.value.pending > 0);
        if (r.value.fault) setFaultError({ code: r.value.fault.code as AppError['code'], message: r.value.fault.message });
        else setDone(t.documents.pagesStored(r.value.uploaded));
      }
      void file.reload();
      return;
    }
    setProgress(t.documents.scanning);
    arrived.current = 0;
    const r = await action.run(() => api('documents.scan', { ticketId, docType }));
    if (r.ok) track(r.value.jobId);
    else setProgress(null);
  }

  async function sendFiles(files: FileList | File[]) {
    setFaultError(null);
    setDone(null);
    for (const f of Array.from(files)) {
      setProgress(t.documents.uploading(f.name));
      const r = await uploadImage(ticketId, docType, f.name, new Uint8Array(await f.arrayBuffer()), 'file');
      if (!r.ok) {
        setFaultError(r.error);
        continue;
      }
      track(r.value.jobId);
    }
    setProgress(null);
  }

  async function sendPhoto(bytes: Uint8Array) {
    setCamera(false);
    setProgress(t.documents.uploading(t.documents.camera));
    const r = await uploadImage(ticketId, docType, 'foto.jpg', bytes, 'camera');
    if (r.ok) track(r.value.jobId);
    else setFaultError(r.error);
    setProgress(null);
  }

  async function rotate(page: Page) {
    const r = await action.run(() => api('documents.editPage', { pageId: page.pageId, rotate: 90, crop: null }));
    if (r.ok) track(r.value.jobId);
  }

  async function crop(page: Page, box: { left: number; top: number; width: number; height: number }) {
    setViewing(null);
    const r = await action.run(() => api('documents.editPage', { pageId: page.pageId, rotate: 0, crop: box }));
    if (r.ok) track(r.value.jobId);
  }

  async function remove(page: Page) {
    await action.run(() => api('documents.removePage', { pageId: page.pageId }));
  }

  async function returnFile() {
    if (!window.confirm(t.documents.returnConfirm)) return;
    const r = await action.run(() => api('documents.returnFile', { ticketId }));
    if (!r.ok) return;
    void file.reload();
    const sheet = await action.run(() => api('documents.returnSheet', { returnId: r.value.returnId }));
    if (sheet.ok) download(sheet.value.fileName, sheet.value.base64);
  }

  async function sheetAgain(returnId: string) {
    const sheet = await action.run(() => api('documents.returnSheet', { returnId }));
    if (sheet.ok) download(sheet.value.fileName, sheet.value.base64);
  }

  async function pdf(d: DocType) {
    const r = await action.run(() => api('documents.pdf', { ticketId, docType: d }));
    if (r.ok) download(r.value.fileName, r.value.base64);
  }

  function onDrop(e: DragEvent) {
    e.preventDefault();
    setDragging(false);
    if (e.dataTransfer.files.length) void sendFiles(e.dataTransfer.files);
  }

  const busy = action.pending || progress !== null;
  const missingCount = data?.checklist.filter((l) => !l.present).length ?? 0;
  const docOf = new Map((data?.documents ?? []).map((d) => [d.docType, d]));
  // The checklist's papers first (with their pages), then any other paper the case holds.
  const lines = [
    ...(data?.checklist ?? []).map((l) => ({ docType: l.docType, name: l.name, required: true, present: l.present })),
    ...(data?.documents ?? [])
      .filter((d) => !data?.checklist.some((l) => l.docType === d.docType))
      .map((d) => ({ docType: d.docType, name: d.name, required: false, present: true })),
  ];

  function thumbs(d: CaseFile['documents'][number]) {
    return (
      <ol className="docs-thumbs" data-testid={`doc-${d.docType}`}>
        {d.pages.map((p) => (
          <li key={p.pageId} className="docs-page" data-testid="doc-page">
            <button type="button" className="docs-thumb" title={`${t.documents.view} ${p.seq}`} onClick={() => setViewing(p)}>
              <img src={`data:image/jpeg;base64,${p.thumbBase64}`} alt={`${d.name} ${p.seq}`} />
            </button>
            <span className="docs-thumb-actions">
              <button type="button" className="btn btn-ghost btn-xs" onClick={() => void rotate(p)} title={t.documents.rotate} aria-label={`${t.documents.rotate} ${p.seq}`}>
                ⟳
              </button>
              <button type="button" className="btn btn-ghost btn-xs btn-danger-text" onClick={() => void remove(p)} title={t.documents.remove} aria-label={`${t.documents.remove} ${p.seq}`}>
                ✕
              </button>
            </span>
          </li>
        ))}
      </ol>
    );
  }

  return (
    <section
      ref={panel}
      className={`docs-panel${dragging ? ' docs-drop' : ''}`}
      style={maxHeight ? { maxHeight } : undefined}
      aria-label={t.documents.title}
      data-testid="documents-panel"
      data-state={file.state === 'ready' && jobs.length === 0 && progress === null ? 'ready' : 'loading'}
      data-complete={data?.complete ? 'true' : 'false'}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <div className="docs-fixed">
        <div className="docs-head">
          <h3>{t.documents.title}</h3>
          {data ? (
            <span className={`badge ${data.complete ? 'docs-ok' : 'docs-missing'}`} data-testid="documents-status">
              {data.complete ? t.documents.complete : t.documents.incomplete(missingCount)}
            </span>
          ) : null}
        </div>
        <div className="docs-actions">
          <select value={docType} data-testid="documents-target" aria-label={t.documents.target} title={t.documents.target} onChange={(e) => setTarget(e.target.value as DocType)}>
            {DOC_TYPE_CODES.map((d) => (
              <option key={d} value={d}>
                {DOC_TYPES[d]}
              </option>
            ))}
          </select>
          <div className="docs-buttons">
            <button type="button" className="btn btn-primary btn-sm" data-testid="documents-scan" disabled={busy} onClick={() => void scan()}>
              {hasFault ? t.documents.scanContinue : t.documents.scan}
            </button>
            <button type="button" className="btn btn-secondary btn-sm" data-testid="documents-file" disabled={busy} onClick={() => fileInput.current?.click()}>
              {t.documents.fromFile}
            </button>
            <button type="button" className="btn btn-secondary btn-sm" data-testid="documents-camera" disabled={busy} onClick={() => setCamera(true)}>
              {t.documents.camera}
            </button>
          </div>
          <input
            ref={fileInput}
            type="file"
            accept="image/*"
            multiple
            hidden
            data-testid="documents-file-input"
            onChange={(e) => {
              if (e.target.files) void sendFiles(e.target.files);
              e.target.value = '';
            }}
          />
        </div>
        {dragging ? <p className="docs-drop-hint">{t.documents.dropHere} {DOC_TYPES[docType]}</p> : null}
        {progress ? (
          <p className="docs-progress" role="status" data-testid="documents-progress">
            {progress}
          </p>
        ) : done ? (
          <p className="docs-done" role="status" data-testid="documents-done" title={done}>
            {done}
          </p>
        ) : null}
        <ErrorAlert error={file.error} testId="documents-load-error" />
        <ErrorAlert error={faultError ?? action.error} testId="documents-error" />
      </div>
      <div className="docs-scroll" data-testid="documents-scroll" ref={scroller}>
        {data ? (
          <InboxSection
            ticketId={ticketId}
            docType={docType}
            onAssigned={(m) => {
              setFaultError(null);
              setDone(m);
              // Back to the top: the checklist, where the pages have just landed, comes into view.
              scroller.current?.scrollTo({ top: 0 });
            }}
          />
        ) : null}
        {data ? (
          <ul className="docs-checklist" data-testid="documents-checklist">
            {lines.map((l) => {
              const d = docOf.get(l.docType);
              const pages = d?.pages.length ?? 0;
              return (
                <li
                  key={l.docType}
                  data-testid={l.required ? `check-${l.docType}` : undefined}
                  data-present={l.present ? 'true' : 'false'}
                  className={`${l.present ? 'present' : 'missing'}${l.required ? '' : ' extra'}`}
                >
                  <div className="docs-line">
                    <button type="button" className={`docs-pick${docType === l.docType ? ' chosen' : ''}`} title={l.name} onClick={() => setTarget(l.docType)}>
                      <span aria-hidden="true">{l.required ? (l.present ? '✓' : '○') : '+'}</span> {l.name}
                    </button>
                    <span className="muted small">{pages > 0 ? t.documents.pages(pages) : t.documents.missing}</span>
                    {d?.pdfBytes ? (
                      <button type="button" className="btn btn-ghost btn-xs" onClick={() => void pdf(l.docType)}>
                        {t.documents.pdf}
                      </button>
                    ) : null}
                  </div>
                  {d && d.pages.length > 0 ? thumbs(d) : null}
                </li>
              );
            })}
          </ul>
        ) : null}
        {data && data.documents.length === 0 ? <p className="muted small docs-empty">{t.documents.noPages}</p> : null}
        {data && !data.complete ? (
          <button type="button" className="btn btn-warn btn-sm" data-testid="documents-return" disabled={busy} onClick={() => void returnFile()}>
            {t.documents.returnFile}
          </button>
        ) : null}
        {data?.returns.map((r) => (
          <p key={r.returnId} className="muted small" data-testid="documents-returned">
            {t.documents.returned(dateTime(r.at), r.byName)} ·{' '}
            <button type="button" className="btn-link" data-testid="documents-sheet" onClick={() => void sheetAgain(r.returnId)}>
              {t.documents.sheet}
            </button>
          </p>
        ))}
      </div>
      {camera ? <CameraDialog onPhoto={(b) => void sendPhoto(b)} onCancel={() => setCamera(false)} /> : null}
      {viewing ? <PageViewer page={viewing} onClose={() => setViewing(null)} onCrop={(box) => void crop(viewing, box)} /> : null}
    </section>
  );
}
