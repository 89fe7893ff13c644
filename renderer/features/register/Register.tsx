// The register of submissions: filters, sort and paging run on the host in SQL (keyset pages of 100
// fetched as the list scrolls); the table (@tanstack/react-table) shows the chosen columns and only
// the visible rows are in the DOM (@tanstack/react-virtual). Saved views, a detail view and the
// Excel export (a job with progress and cancel) complete it.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { flexRender, getCoreRowModel, useReactTable, type ColumnDef, type VisibilityState } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Job, RegisterRow } from '../../../common/contract/index';
import { REGISTER_COLUMNS, type RegisterFilter } from '../../../common/contract/register';
import { LETTER_STATUSES, LETTER_STATUS_LABELS, stepTimeText } from '../../../common/domain/letterFlow';
import { t } from '../../i18n/id';
import { longDate } from '../../app/format';
import { useAction, useLoad, useServerEvents } from '../../app/hooks';
import { api } from '../../app/state/api';
import { ErrorAlert, Notice } from '../../components/Alert';
import { Layout } from '../../components/Layout';
import { RegisterImport } from './RegisterImport';
import './register.css';

const tr = t.register;
type Col = (typeof REGISTER_COLUMNS)[number];
type Sort = { by: 'day' | 'number' | 'patient'; dir: 'asc' | 'desc' };
const SORTABLE: Partial<Record<Col, Sort['by']>> = { day: 'day', number: 'number', patientName: 'patient' };
const EMPTY: RegisterFilter = { from: null, to: null, hospitalId: null, status: null, officerId: null, typeId: null, text: '' };

const COLUMNS: ColumnDef<RegisterRow>[] = REGISTER_COLUMNS.map((id) => ({
  id,
  header: tr.col[id],
  cell: ({ row }) => {
    const r = row.original;
    if (id === 'day') return longDate(r.day);
    if (id === 'status') return LETTER_STATUS_LABELS[r.status];
    if (id === 'steps') return r.steps.filter((s) => s.elapsedSec !== null).map((s) => `${s.label.split(' ')[0]} ${stepTimeText(s)}`).join(' · ');
    return (r[id] as string | null) ?? '—';
  },
}));

export function Register() {
  const options = useLoad(() => api('register.options', {}));
  const views = useLoad(() => api('register.views', {}));
  const [filter, setFilter] = useState<RegisterFilter>(EMPTY);
  const [text, setText] = useState('');
  const [sort, setSort] = useState<Sort>({ by: 'day', dir: 'desc' });
  const [visible, setVisible] = useState<VisibilityState>({ diagnosis: false });
  const [rows, setRows] = useState<RegisterRow[]>([]);
  const [next, setNext] = useState<{ v: string | number | null; id: string } | null>(null);
  const [state, setState] = useState<'loading' | 'ready'>('loading');
  const [detail, setDetail] = useState<RegisterRow | null>(null);
  const [job, setJob] = useState<Job | null>(null);
  const [viewName, setViewName] = useState('');
  const load = useAction();
  const exp = useAction();
  const generation = useRef(0);

  // The text box waits for a pause in typing before it asks the host.
  useEffect(() => {
    const h = setTimeout(() => setFilter((f) => (f.text === text ? f : { ...f, text })), 250);
    return () => clearTimeout(h);
  }, [text]);

  const fetchPage = useCallback(
    async (after: typeof next, gen: number) => {
      const r = await load.run(() => api('register.page', { filter, sort, after, limit: 100 }));
      if (gen !== generation.current || !r.ok) return setState('ready');
      setRows((cur) => (after ? [...cur, ...r.value.rows] : r.value.rows));
      setNext(r.value.next);
      setState('ready');
    },
    [filter, sort], // eslint-disable-line react-hooks/exhaustive-deps
  );
  useEffect(() => {
    const gen = ++generation.current;
    setState('loading');
    void fetchPage(null, gen);
  }, [fetchPage]);

  const table = useReactTable({ data: rows, columns: COLUMNS, state: { columnVisibility: visible }, onColumnVisibilityChange: setVisible, getCoreRowModel: getCoreRowModel(), getRowId: (r) => r.id });
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => 34, overscan: 12 });
  const items = virtual.getVirtualItems();
  const lastIndex = items[items.length - 1]?.index ?? 0;
  useEffect(() => {
    if (next && !load.pending && lastIndex >= rows.length - 20) void fetchPage(next, generation.current);
  }, [lastIndex, next, rows.length]); // eslint-disable-line react-hooks/exhaustive-deps

  useServerEvents((e) => {
    if (e.type === 'job.changed' && job && e.job.id === job.id) setJob(e.job);
  });

  const set = (patch: Partial<RegisterFilter>) => setFilter((f) => ({ ...f, ...patch }));
  const shownColumns = REGISTER_COLUMNS.filter((c) => visible[c] !== false);
  const grid = shownColumns.map((c) => (c === 'steps' ? 'minmax(260px, 2fr)' : c === 'status' ? '190px' : 'minmax(110px, 1fr)')).join(' ');
  const o = options.data;
  const select = (testId: string, label: string, value: string | null, list: { id: string; name: string }[], onChange: (v: string | null) => void) => (
    <label className="field">
      {label}
      <select data-testid={testId} value={value ?? ''} onChange={(e) => onChange(e.target.value || null)}>
        <option value="">{tr.all}</option>
        {list.map((x) => (
          <option key={x.id} value={x.id}>
            {x.name}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <Layout title={tr.title} testId="page-register" state={state} wide>
      <div className="register-filters" data-testid="register-filters">
        <label className="field">
          {tr.from}
          <input type="date" data-testid="reg-from" value={filter.from ?? ''} onChange={(e) => set({ from: e.target.value || null })} />
        </label>
        <label className="field">
          {tr.to}
          <input type="date" data-testid="reg-to" value={filter.to ?? ''} onChange={(e) => set({ to: e.target.value || null })} />
        </label>
        {select('reg-hospital', tr.hospital, filter.hospitalId, o?.hospitals ?? [], (v) => set({ hospitalId: v }))}
        {select('reg-status', tr.status, filter.status, LETTER_STATUSES.map((s) => ({ id: s, name: LETTER_STATUS_LABELS[s] })), (v) => set({ status: v as RegisterFilter['status'] }))}
        {select('reg-officer', tr.officer, filter.officerId, o?.officers ?? [], (v) => set({ officerId: v }))}
        {select('reg-type', tr.type, filter.typeId, o?.types ?? [], (v) => set({ typeId: v }))}
        <label className="field grow">
          {tr.text}
          <input type="search" data-testid="reg-text" value={text} onChange={(e) => setText(e.target.value)} />
        </label>
      </div>
      <div className="register-tools">
        <details className="columns">
          <summary>{tr.columns}</summary>
          {table.getAllLeafColumns().map((c) => (
            <label key={c.id} className="check">
              <input type="checkbox" data-testid={`col-${c.id}`} checked={c.getIsVisible()} onChange={c.getToggleVisibilityHandler()} /> {tr.col[c.id as Col]}
            </label>
          ))}
        </details>
        <select
          data-testid="reg-views"
          value=""
          onChange={(e) => {
            const v = views.data?.find((x) => x.id === e.target.value);
            if (!v) return;
            setFilter(v.spec.filter);
            setText(v.spec.filter.text);
            setSort(v.spec.sort);
            setVisible(Object.fromEntries(REGISTER_COLUMNS.map((c) => [c, v.spec.columns.includes(c)])));
          }}
        >
          <option value="">{tr.views}</option>
          {views.data?.map((v) => (
            <option key={v.id} value={v.id}>
              {v.name}
            </option>
          ))}
        </select>
        <input placeholder={tr.viewName} data-testid="reg-view-name" value={viewName} onChange={(e) => setViewName(e.target.value)} />
        <button type="button" className="btn btn-secondary" data-testid="reg-save-view" disabled={!viewName.trim()} onClick={async () => {
          const r = await api('register.saveView', { name: viewName, spec: { filter, sort, columns: shownColumns } });
          if (r.ok) void views.reload();
        }}>
          {tr.saveView}
        </button>
        <span className="muted" data-testid="reg-count">{tr.rows(rows.length)}</span>
        <button type="button" className="btn btn-primary" data-testid="reg-export" disabled={exp.pending || job?.status === 'running'} onClick={async () => {
          const r = await exp.run(() => api('register.export', { filter, sort }));
          if (r.ok) {
            const j = await api('jobs.get', { jobId: r.value.jobId });
            if (j.ok) setJob(j.value);
          }
        }}>
          {tr.export}
        </button>
      </div>
      {job ? (
        <div className="register-job" data-testid="reg-job" data-status={job.status}>
          {job.status === 'running' || job.status === 'queued' ? (
            <>
              <progress max={1} value={job.progress} /> <span>{job.message || tr.exporting}</span>
              <button type="button" className="btn btn-secondary" onClick={() => void api('jobs.cancel', { jobId: job.id })}>{tr.cancelExport}</button>
            </>
          ) : job.status === 'done' && job.file ? (
            <Notice testId="reg-exported">{tr.exported(job.file.name, job.file.path)}</Notice>
          ) : (
            <Notice tone="warn">{job.error ?? job.status}</Notice>
          )}
        </div>
      ) : null}
      <RegisterImport onImported={() => setFilter((f) => ({ ...f }))} />
      <ErrorAlert error={load.error ?? exp.error} testId="reg-error" />
      <div className="register-table" role="table">
        <div className="register-head" role="row" style={{ gridTemplateColumns: grid }}>
          {table.getHeaderGroups()[0]!.headers.map((h) => {
            const by = SORTABLE[h.column.id as Col];
            return (
              <div key={h.id} role="columnheader" className={by ? 'sortable' : ''} data-testid={`head-${h.column.id}`}
                onClick={by ? () => setSort((s) => ({ by, dir: s.by === by && s.dir === 'desc' ? 'asc' : 'desc' })) : undefined}>
                {flexRender(h.column.columnDef.header, h.getContext())}
                {by && sort.by === by ? (sort.dir === 'desc' ? ' ▼' : ' ▲') : ''}
              </div>
            );
          })}
        </div>
        <div ref={scroller} className="register-body" data-testid="register-body">
          {rows.length === 0 && state === 'ready' ? <p className="muted">{tr.empty}</p> : null}
          <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
            {items.map((v) => {
              const row = table.getRowModel().rows[v.index]!;
              return (
                <div key={row.id} role="row" className="register-row" data-testid="register-row" style={{ transform: `translateY(${v.start}px)`, gridTemplateColumns: grid }} onClick={() => setDetail(row.original)}>
                  {row.getVisibleCells().map((c) => (
                    <div key={c.id} role="cell">{flexRender(c.column.columnDef.cell, c.getContext())}</div>
                  ))}
                </div>
              );
            })}
          </div>
        </div>
      </div>
      {detail ? (
        <aside className="register-detail panel" data-testid="register-detail">
          <h2>{tr.detail}</h2>
          <dl>
            {REGISTER_COLUMNS.filter((c) => c !== 'steps').map((c) => (
              <div key={c}>
                <dt>{tr.col[c]}</dt>
                <dd>{c === 'status' ? LETTER_STATUS_LABELS[detail.status] : c === 'day' ? longDate(detail.day) : ((detail[c] as string | null) ?? '—')}</dd>
              </div>
            ))}
          </dl>
          <ul>{detail.steps.map((s) => <li key={s.key} className={s.overrun ? 'over' : ''}>{s.label}: {stepTimeText(s)}</li>)}</ul>
          <button type="button" className="btn btn-secondary" onClick={() => setDetail(null)}>{t.app.close}</button>
        </aside>
      ) : null}
    </Layout>
  );
}

export default Register;
