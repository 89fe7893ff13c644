// Admin → Dokumen: which papers each service requires (the seeds' defaults until saved), and which
// scanner each desk's own PC drives: chosen from the scanners that PC found (Cari ulang searches
// again), plus the desk's scan inbox folder, which the komputer utama watches all the time.
import { useEffect, useState } from 'react';
import type { Checklist, DeskScanner, ScannerConfig } from '../../../common/contract/index';
import { SCANNER_ADAPTERS } from '../../../common/contract/index';
import { DOC_TYPE_CODES, DOC_TYPES, PAPER_SIZES, type DocType } from '../../../common/domain/documents';
import { dateTime } from '../../app/format';
import { useAction, useLoad, useServerEvents } from '../../app/hooks';
import { api } from '../../app/state/api';
import { ErrorAlert, Notice } from '../../components/Alert';
import { t } from '../../i18n/id';
import './documents.css';

function ChecklistRow({ list, onSaved }: { list: Checklist; onSaved(): void }) {
  const [chosen, setChosen] = useState<DocType[]>(list.docTypes);
  const save = useAction();
  const [saved, setSaved] = useState(false);
  const toggle = (d: DocType) => setChosen((c) => (c.includes(d) ? c.filter((x) => x !== d) : [...c, d]));
  return (
    <tr data-testid={`checklist-${list.serviceCode}`}>
      <td>
        <strong>{list.serviceCode}</strong> {list.serviceName}
        {list.isDefault ? <div className="muted small">{t.adminDocuments.isDefault}</div> : null}
      </td>
      <td>
        <div className="doc-boxes">
          {DOC_TYPE_CODES.map((d) => (
            <label key={d}>
              <input type="checkbox" checked={chosen.includes(d)} data-testid={`checklist-${list.serviceCode}-${d}`} onChange={() => toggle(d)} />
              {DOC_TYPES[d]}
            </label>
          ))}
        </div>
        <ErrorAlert error={save.error} />
        {saved ? <span className="muted small">{t.adminDocuments.saved}</span> : null}
      </td>
      <td>
        <button
          type="button"
          className="btn btn-secondary btn-sm"
          data-testid={`checklist-${list.serviceCode}-save`}
          disabled={save.pending}
          onClick={async () => {
            const r = await save.run(() => api('documents.saveChecklist', { serviceId: list.serviceId, docTypes: chosen }));
            setSaved(r.ok);
            if (r.ok) onSaved();
          }}
        >
          {t.app.save}
        </button>
      </td>
    </tr>
  );
}

type Found = NonNullable<DeskScanner['found']>;
const deviceKey = (adapter: string, device: string) => `${adapter}|${device}`;

/** The device list: what the desk's PC (or the komputer utama) found, the saved one kept even when not found now. */
function DeviceSelect({ desk, c, onPick }: { desk: DeskScanner; c: ScannerConfig; onPick(adapter: ScannerConfig['adapter'], device: string): void }) {
  const a = t.adminDocuments;
  const found: Found['devices'] = desk.found?.devices ?? [];
  const scanning = c.adapter === 'sane' || c.adapter === 'wia' || c.adapter === 'naps2';
  const current = deviceKey(c.adapter, c.device);
  const known = found.some((f) => deviceKey(f.adapter, f.device) === current);
  return (
    <select
      aria-label={a.device}
      value={scanning ? current : ''}
      data-testid={`scanner-${desk.counterNo}-device`}
      onChange={(e) => {
        const [adapter, ...rest] = e.target.value.split('|');
        if (adapter) onPick(adapter as ScannerConfig['adapter'], rest.join('|'));
      }}
    >
      {!scanning ? <option value="">—</option> : null}
      {scanning ? <option value={deviceKey(c.adapter, '')}>{a.deviceFirst}</option> : null}
      {scanning && c.device && !known ? <option value={current}>{a.deviceSaved(c.device)}</option> : null}
      {found.map((f) => (
        <option key={deviceKey(f.adapter, f.device)} value={deviceKey(f.adapter, f.device)}>
          {`${f.label} — ${f.device} (${a.adapters[f.adapter]})`}
        </option>
      ))}
    </select>
  );
}

function FoundNote({ found, searching }: { found: DeskScanner['found']; searching: boolean }) {
  const a = t.adminDocuments;
  if (searching) return <div className="scanner-found">{a.searching}</div>;
  if (!found) return <div className="scanner-found">{a.notSearched}</div>;
  return (
    <div className="scanner-found" data-testid="scanner-found" data-where={found.where}>
      {found.where === 'desk' ? a.foundDesk(dateTime(found.at)) : a.foundHost(dateTime(found.at))}
      {found.devices.length === 0 ? ` ${a.noneFound}` : null}
      {found.notes.map((n) => (
        <div key={n}>{n}</div>
      ))}
    </div>
  );
}

function ScannerRow({ desk, searching }: { desk: DeskScanner; searching: boolean }) {
  const [c, setC] = useState<ScannerConfig>(desk.config);
  const [row, setRow] = useState<DeskScanner>(desk);
  const save = useAction();
  const search = useAction();
  const [saved, setSaved] = useState(false);
  // A new report for this desk (its PC answered Cari ulang): the list of choices, not the edits.
  useEffect(() => setRow((r) => ({ ...r, found: desk.found, inbox: desk.inbox })), [desk.found?.at, desk.inbox?.watching, desk.inbox?.problem]);
  const set = <K extends keyof ScannerConfig>(k: K, v: ScannerConfig[K]) => {
    setSaved(false);
    setC((x) => ({ ...x, [k]: v }));
  };
  const a = t.adminDocuments;
  return (
    <tr data-testid={`scanner-${desk.counterNo}`}>
      <td>{desk.deskName}</td>
      <td>
        <div className="scanner-device">
          <select aria-label={a.adapter} value={c.adapter} data-testid={`scanner-${desk.counterNo}-adapter`} onChange={(e) => set('adapter', e.target.value as ScannerConfig['adapter'])}>
            {SCANNER_ADAPTERS.map((k) => (
              <option key={k} value={k}>{a.adapters[k]}</option>
            ))}
          </select>
          {c.adapter === 'folder' ? (
            <input aria-label={a.folder} value={c.folder} placeholder="/srv/pindaian" onChange={(e) => set('folder', e.target.value)} />
          ) : (
            <DeviceSelect
              desk={row}
              c={c}
              onPick={(adapter, device) => {
                setSaved(false);
                setC((x) => ({ ...x, adapter, device }));
              }}
            />
          )}
          <button
            type="button"
            className="btn btn-ghost btn-sm"
            data-testid={`scanner-${desk.counterNo}-rediscover`}
            disabled={search.pending}
            onClick={async () => {
              const r = await search.run(() => api('documents.rediscover', { deskId: desk.deskId }));
              if (r.ok) setRow(r.value);
            }}
          >
            {search.pending ? a.searching : a.rediscover}
          </button>
        </div>
        <FoundNote found={row.found} searching={search.pending || (searching && !row.found)} />
        <ErrorAlert error={search.error} />
      </td>
      <td>
        <div className="scanner-settings">
          <select aria-label={a.resolution} title={a.resolution} value={c.resolution} onChange={(e) => set('resolution', Number(e.target.value))}>
            {[150, 200, 300].map((r) => (
              <option key={r} value={r}>{`${r} dpi`}</option>
            ))}
          </select>
          <select aria-label={a.mode} title={a.mode} value={c.mode} onChange={(e) => set('mode', e.target.value as ScannerConfig['mode'])}>
            <option value="gray">{a.modes.gray}</option>
            <option value="color">{a.modes.color}</option>
          </select>
          <select aria-label={a.paper} title={a.paper} value={c.paper} onChange={(e) => set('paper', e.target.value as ScannerConfig['paper'])}>
            {Object.keys(PAPER_SIZES).map((p) => (
              <option key={p} value={p}>{p}</option>
            ))}
          </select>
          <select aria-label={a.source} title={a.source} value={c.source} data-testid={`scanner-${desk.counterNo}-source`} onChange={(e) => set('source', e.target.value as ScannerConfig['source'])}>
            <option value="flatbed">{a.sources.flatbed}</option>
            <option value="adf">{a.sources.adf}</option>
          </select>
        </div>
      </td>
      <td className="scanner-inbox">
        <input
          aria-label={a.inboxFolder}
          title={a.inboxFolderHint}
          value={c.inboxFolder}
          placeholder={a.inboxFolderHint}
          data-testid={`scanner-${desk.counterNo}-inbox`}
          onChange={(e) => set('inboxFolder', e.target.value)}
        />
        {row.inbox ? (
          <div className="scanner-found" data-testid={`scanner-${desk.counterNo}-inbox-state`}>
            {row.inbox.problem ?? (row.inbox.watching ? a.inboxWatching : '')}
          </div>
        ) : null}
      </td>
      <td>
        <button
          type="button"
          className="btn btn-secondary btn-sm"
          data-testid={`scanner-${desk.counterNo}-save`}
          disabled={save.pending}
          onClick={async () => {
            const r = await save.run(() => api('documents.saveScanner', { deskId: desk.deskId, config: c }));
            setSaved(r.ok);
            if (r.ok) setRow(r.value);
          }}
        >
          {t.app.save}
        </button>
        {saved ? <span className="muted small" data-testid={`scanner-${desk.counterNo}-saved`}> {a.saved}</span> : null}
        <ErrorAlert error={save.error} />
      </td>
    </tr>
  );
}

export function DocumentsAdminPanel() {
  const lists = useLoad(() => api('documents.checklists', {}));
  const scanners = useLoad(() => api('documents.scanners', {}));
  // A PC reported its scanners (the first search, or a desk answering Cari ulang).
  useServerEvents((e) => {
    if (e.type === 'documents.scanners') void scanners.reload();
  });
  const searching = (scanners.data ?? []).some((d) => !d.found);
  const a = t.adminDocuments;
  return (
    <div className="admin-docs" data-testid="admin-documents" data-state={lists.state === 'ready' && scanners.state === 'ready' ? 'ready' : 'loading'}>
      <h2>{a.checklists}</h2>
      <p className="muted">{a.checklistsHint}</p>
      <ErrorAlert error={lists.error} />
      <table>
        <tbody>
          {(lists.data ?? []).map((l) => (
            <ChecklistRow key={`${l.serviceId}-${l.docTypes.join()}`} list={l} onSaved={() => void lists.reload()} />
          ))}
        </tbody>
      </table>
      <h2>{a.scanners}</h2>
      <p className="muted">{a.scannersHint}</p>
      <ErrorAlert error={scanners.error} />
      <table>
        <thead>
          <tr>
            <th>Meja</th><th>{a.device}</th><th>{a.settings}</th><th>{a.inboxFolder}</th><th />
          </tr>
        </thead>
        <tbody>
          {(scanners.data ?? []).map((d) => (
            <ScannerRow key={d.deskId} desk={d} searching={searching} />
          ))}
        </tbody>
      </table>
      {lists.data && lists.data.length === 0 ? <Notice tone="info">—</Notice> : null}
    </div>
  );
}
