// The tim rujukan desk: receive a patient's file, then take each letter through check, draft,
// approval, printing, collection and hand-over. The list is the team's open letters.
import { useState } from 'react';
import type { LetterDetail } from '../../../common/contract/index';
import { t } from '../../i18n/id';
import { useAction, useLoad, useOnEventsOpened, useServerEvents } from '../../app/hooks';
import { api } from '../../app/state/api';
import { ErrorAlert } from '../../components/Alert';
import { Field } from '../../components/Field';
import { Layout } from '../../components/Layout';
import { LetterPanel } from './LetterPanel';
import './letters.css';

const tl = t.letters;

function NewFile({ onReceived }: { onReceived(id: string): void }) {
  const setup = useLoad(() => api('letters.setup', {}));
  const act = useAction();
  const [f, setF] = useState({ typeId: '', hospitalId: '', patientName: '', nik: '', address: '', diagnosis: '' });
  const types = setup.data?.types.filter((x) => x.active) ?? [];
  const hospitals = setup.data?.hospitals.filter((x) => x.active) ?? [];
  const typeId = f.typeId || types[0]?.id || '';
  async function submit() {
    const r = await act.run(() => api('letters.receive', { ...f, typeId, hospitalId: f.hospitalId || null }));
    if (r.ok) {
      setF({ ...f, patientName: '', nik: '', address: '', diagnosis: '' });
      onReceived(r.value.id);
    }
  }
  return (
    <section className="panel new-file" data-testid="letter-new" data-state={setup.state}>
      <h2>{tl.newFile}</h2>
      <label className="field">
        {tl.type}
        <select data-testid="new-type" value={typeId} onChange={(e) => setF({ ...f, typeId: e.target.value })}>
          {types.map((x) => (
            <option key={x.id} value={x.id}>
              {x.name}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        {tl.hospital}
        <select data-testid="new-hospital" value={f.hospitalId} onChange={(e) => setF({ ...f, hospitalId: e.target.value })}>
          <option value="">{tl.noHospital}</option>
          {hospitals.map((x) => (
            <option key={x.id} value={x.id}>
              {x.name}
            </option>
          ))}
        </select>
      </label>
      <Field label={tl.patientName} value={f.patientName} onChange={(v) => setF({ ...f, patientName: v })} testId="new-name" error={act.error?.fields?.patientName} />
      <Field label={tl.nik} value={f.nik} onChange={(v) => setF({ ...f, nik: v })} testId="new-nik" inputMode="numeric" error={act.error?.fields?.nik} />
      <Field label={tl.address} value={f.address} onChange={(v) => setF({ ...f, address: v })} testId="new-address" />
      <Field label={tl.diagnosis} value={f.diagnosis} onChange={(v) => setF({ ...f, diagnosis: v })} testId="new-diagnosis" />
      <ErrorAlert error={act.error} testId="new-error" />
      <button type="button" className="btn btn-primary" data-testid="new-submit" disabled={act.pending} onClick={() => void submit()}>
        {tl.receive}
      </button>
    </section>
  );
}

function DeskPrinter() {
  const printers = useLoad(() => api('letters.printers', {}));
  const act = useAction();
  const d = printers.data;
  return (
    <label className="field desk-printer" data-state={printers.state}>
      {tl.printer}
      <select
        data-testid="desk-printer"
        value={d?.deskPrinter ?? ''}
        onChange={async (e) => {
          await act.run(() => api('letters.setDeskPrinter', { printer: e.target.value || null }));
          void printers.reload();
        }}
      >
        <option value="">{tl.noPrinter}</option>
        {[...new Set([...(d?.printers ?? []), ...(d?.deskPrinter ? [d.deskPrinter] : [])])].map((p) => (
          <option key={p} value={p}>
            {p}
          </option>
        ))}
      </select>
    </label>
  );
}

export function Letters() {
  const work = useLoad(() => api('letters.work', {}));
  useServerEvents((e) => e.type === 'letters.changed' && void work.reload());
  useOnEventsOpened(() => void work.reload());
  const [selected, setSelected] = useState<string | null>(null);
  const current: LetterDetail | undefined = work.data?.find((l) => l.id === selected) ?? undefined;
  return (
    <Layout title={tl.title} testId="page-letters" state={work.state} wide>
      <div className="letters-desk">
        <aside>
          <NewFile
            onReceived={(id) => {
              setSelected(id);
              void work.reload();
            }}
          />
          <DeskPrinter />
        </aside>
        <section className="panel work" data-testid="letter-work">
          <h2>{tl.work}</h2>
          {work.data?.length === 0 ? <p className="muted">{tl.none}</p> : null}
          <ul className="work-list">
            {work.data?.map((l) => (
              <li key={l.id}>
                <button type="button" className={l.id === selected ? 'active' : ''} data-testid={`work-${l.patientName}`} onClick={() => setSelected(l.id)}>
                  <strong>{l.patientName}</strong>
                  <span>{l.number ?? l.typeName}</span>
                  <span className={`status status-${l.status}`}>{l.statusLabel}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
        <div className="detail">{current ? <LetterPanel letter={current} onChanged={() => void work.reload()} /> : null}</div>
      </div>
      <ErrorAlert error={work.error} />
    </Layout>
  );
}
