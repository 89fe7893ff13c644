// Admin → Surat, second half: letter types (number pattern, subject, wording, required documents)
// and hospitals (addressee, city, the documents each one requires).
import { useState } from 'react';
import type { Hospital, LetterType } from '../../../common/contract/index';
import { t } from '../../i18n/id';
import { useAction } from '../../app/hooks';
import { api } from '../../app/state/api';
import { ErrorAlert, Notice } from '../../components/Alert';
import { Field } from '../../components/Field';

const ta = t.lettersAdmin;
const lines = (s: string) => s.split('\n').map((x) => x.trim()).filter(Boolean);

function TypeEditor({ type, onSaved }: { type: LetterType; onSaved(): void }) {
  const [f, setF] = useState({ ...type, docs: type.requiredDocs.join('\n') });
  const save = useAction();
  const [ok, setOk] = useState(false);
  return (
    <details className="panel" data-testid={`type-${type.code}`}>
      <summary>{type.name}</summary>
      <Field label={ta.numberPattern} value={f.numberPattern} onChange={(v) => setF({ ...f, numberPattern: v })} testId={`type-${type.code}-pattern`} error={save.error?.fields?.numberPattern} hint="{seq} {seq:3} {tahun} {bulan} {bulan_romawi}" />
      <Field label={t.letters.subject} value={f.subject} onChange={(v) => setF({ ...f, subject: v })} testId={`type-${type.code}-subject`} />
      <Field label={ta.opening} value={f.opening} onChange={(v) => setF({ ...f, opening: v })} testId={`type-${type.code}-opening`} multiline hint="{pasien} {nik} {alamat} {rumah_sakit} {diagnosis}" />
      <Field label={ta.closing} value={f.closing} onChange={(v) => setF({ ...f, closing: v })} testId={`type-${type.code}-closing`} multiline />
      <Field label={ta.requiredDocs} value={f.docs} onChange={(v) => setF({ ...f, docs: v })} testId={`type-${type.code}-docs`} multiline />
      <ErrorAlert error={save.error} />
      <button type="button" className="btn btn-secondary" data-testid={`type-${type.code}-save`} disabled={save.pending} onClick={async () => {
        const { docs, ...rest } = f;
        const r = await save.run(() => api('letterTypes.save', { ...rest, requiredDocs: lines(docs) }));
        setOk(r.ok);
        if (r.ok) onSaved();
      }}>{t.app.save}</button>
      {ok ? <Notice>{ta.saved}</Notice> : null}
    </details>
  );
}

const EMPTY_HOSPITAL = { id: null as string | null, name: '', addressee: '', city: '', docs: '', active: true };

export function TemplatesAdmin({ types, hospitals, onSaved }: { types: LetterType[]; hospitals: Hospital[]; onSaved(): void }) {
  const [h, setH] = useState(EMPTY_HOSPITAL);
  const save = useAction();
  return (
    <>
      <section className="panel">
        <h2>{ta.types}</h2>
        {types.map((x) => <TypeEditor key={x.id} type={x} onSaved={onSaved} />)}
      </section>
      <section className="panel">
        <h2>{ta.hospitals}</h2>
        <ul data-testid="hospitals">
          {hospitals.map((x) => (
            <li key={x.id}>
              <button type="button" className="btn btn-ghost" onClick={() => setH({ id: x.id, name: x.name, addressee: x.addressee, city: x.city, docs: x.requiredDocs.join('\n'), active: x.active })}>{x.name}</button> — {x.addressee}, {x.city}
            </li>
          ))}
        </ul>
        <Field label={ta.hospitalName} value={h.name} onChange={(v) => setH({ ...h, name: v })} testId="hosp-name" error={save.error?.fields?.name} />
        <Field label={ta.addressee} value={h.addressee} onChange={(v) => setH({ ...h, addressee: v })} testId="hosp-addressee" />
        <Field label={ta.city} value={h.city} onChange={(v) => setH({ ...h, city: v })} testId="hosp-city" />
        <Field label={ta.requiredDocs} value={h.docs} onChange={(v) => setH({ ...h, docs: v })} testId="hosp-docs" multiline />
        <ErrorAlert error={save.error} />
        <button type="button" className="btn btn-secondary" data-testid="hosp-save" disabled={save.pending} onClick={async () => {
          const { docs, ...rest } = h;
          const r = await save.run(() => api('hospitals.save', { ...rest, requiredDocs: lines(docs) }));
          if (r.ok) (setH(EMPTY_HOSPITAL), onSaved());
        }}>{h.id ? t.app.save : ta.addHospital}</button>
      </section>
    </>
  );
}
