// Admin → Dokumen: which papers each service requires (the seeds' defaults until saved), and which
// scanner each desk's own PC drives.
import { useState } from 'react';
import type { Checklist, DeskScanner, ScannerConfig } from '../../../common/contract/index';
import { SCANNER_ADAPTERS } from '../../../common/contract/index';
import { DOC_TYPE_CODES, DOC_TYPES, PAPER_SIZES, type DocType } from '../../../common/domain/documents';
import { useAction, useLoad } from '../../app/hooks';
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

function ScannerRow({ desk }: { desk: DeskScanner }) {
  const [c, setC] = useState<ScannerConfig>(desk.config);
  const save = useAction();
  const [saved, setSaved] = useState(false);
  const set = <K extends keyof ScannerConfig>(k: K, v: ScannerConfig[K]) => {
    setSaved(false);
    setC((x) => ({ ...x, [k]: v }));
  };
  const a = t.adminDocuments;
  return (
    <tr data-testid={`scanner-${desk.counterNo}`}>
      <td>{desk.deskName}</td>
      <td>
        <select aria-label={a.adapter} value={c.adapter} data-testid={`scanner-${desk.counterNo}-adapter`} onChange={(e) => set('adapter', e.target.value as ScannerConfig['adapter'])}>
          {SCANNER_ADAPTERS.map((k) => (
            <option key={k} value={k}>{a.adapters[k]}</option>
          ))}
        </select>
      </td>
      <td>
        {c.adapter === 'folder' ? (
          <input aria-label={a.folder} value={c.folder} placeholder="/srv/pindaian" onChange={(e) => set('folder', e.target.value)} />
        ) : (
          <input aria-label={a.device} value={c.device} placeholder={a.devicePlaceholder} data-testid={`scanner-${desk.counterNo}-device`} onChange={(e) => set('device', e.target.value)} />
        )}
      </td>
      <td>
        <select aria-label={a.resolution} value={c.resolution} onChange={(e) => set('resolution', Number(e.target.value))}>
          {[150, 200, 300].map((r) => (
            <option key={r} value={r}>{r}</option>
          ))}
        </select>
      </td>
      <td>
        <select aria-label={a.mode} value={c.mode} onChange={(e) => set('mode', e.target.value as ScannerConfig['mode'])}>
          <option value="gray">{a.modes.gray}</option>
          <option value="color">{a.modes.color}</option>
        </select>
      </td>
      <td>
        <select aria-label={a.paper} value={c.paper} onChange={(e) => set('paper', e.target.value as ScannerConfig['paper'])}>
          {Object.keys(PAPER_SIZES).map((p) => (
            <option key={p} value={p}>{p}</option>
          ))}
        </select>
      </td>
      <td>
        <select aria-label={a.source} value={c.source} data-testid={`scanner-${desk.counterNo}-source`} onChange={(e) => set('source', e.target.value as ScannerConfig['source'])}>
          <option value="flatbed">{a.sources.flatbed}</option>
          <option value="adf">{a.sources.adf}</option>
        </select>
      </td>
      <td>
        <button
          type="button"
          className="btn btn-secondary btn-sm"
          data-testid={`scanner-${desk.counterNo}-save`}
          disabled={save.pending}
          onClick={async () => setSaved((await save.run(() => api('documents.saveScanner', { deskId: desk.deskId, config: c }))).ok)}
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
            <th>Meja</th><th>{a.adapter}</th><th>{a.device}</th><th>{a.resolution}</th><th>{a.mode}</th><th>{a.paper}</th><th>{a.source}</th><th />
          </tr>
        </thead>
        <tbody>
          {(scanners.data ?? []).map((d) => (
            <ScannerRow key={d.deskId} desk={d} />
          ))}
        </tbody>
      </table>
      {lists.data && lists.data.length === 0 ? <Notice tone="info">—</Notice> : null}
    </div>
  );
}
