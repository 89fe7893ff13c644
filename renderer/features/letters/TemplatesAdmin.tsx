// Admin → Surat, second half: letter types (name, number pattern, subject, wording, required
// documents, active) and hospitals (addressee, city, the documents each one requires, active).
// Each form is checked before sending and shows every wrong field at once.
import { useState } from 'react';
import type { Hospital, LetterType } from '../../../common/contract/index';
import { hospitalProblems, letterTypeProblems } from '../../../common/contract/letters';
import { t } from '../../i18n/id';
import { useAction } from '../../app/hooks';
import { api } from '../../app/state/api';
import { ErrorAlert, Notice } from '../../components/Alert';
import { Field } from '../../components/Field';
import { problemsError } from './formProblems';

const ta = t.lettersAdmin;
const lines = (s: string) => s.split('\n').map((x) => x.trim()).filter(Boolean);

const TYPE_LABELS: Record<string, string> = {
  name: ta.typeName, numberPattern: ta.numberPattern, subject: t.letters.subject, opening: ta.opening, closing: ta.closing, requiredDocs: ta.requiredDocs,
};
const HOSPITAL_LABELS: Record<string, string> = { name: ta.hospitalName, addressee: ta.addressee, city: ta.city, requiredDocs: ta.requiredDocs };

function TypeEditor({ type, onSaved }: { type: LetterType; onSaved(): void }) {
  const [f, setF] = useState({ ...type, docs: type.requiredDocs.join('\n') });
  const save = useAction();
  const [ok, setOk] = useState(false);
  const err = (k: string) => save.error?.fields?.[k];
  const id = (k: string) => `type-${type.code}-${k}`;
  return (
    <details className="panel" data-testid={`type-${type.code}`}>
      <summary>{type.name}{type.active ? '' : ` ${ta.inactive}`}</summary>
      <Field label={ta.typeName} value={f.name} onChange={(v) => setF({ ...f, name: v })} testId={id('name')} error={err('name')} mandatory limit={120} />
      <Field label={ta.numberPattern} value={f.numberPattern} onChange={(v) => setF({ ...f, numberPattern: v })} testId={id('pattern')} error={err('numberPattern')} hint="{seq} {seq:3} {tahun} {bulan} {bulan_romawi}" mandatory />
      <Field label={t.letters.subject} value={f.subject} onChange={(v) => setF({ ...f, subject: v })} testId={id('subject')} error={err('subject')} mandatory limit={200} />
      <Field label={ta.opening} value={f.opening} onChange={(v) => setF({ ...f, opening: v })} testId={id('opening')} error={err('opening')} multiline hint="{pasien} {nik} {alamat} {rumah_sakit} {diagnosis}" mandatory limit={4000} />
      <Field label={ta.closing} value={f.closing} onChange={(v) => setF({ ...f, closing: v })} testId={id('closing')} error={err('closing')} multiline mandatory limit={2000} />
      <Field label={ta.requiredDocs} value={f.docs} onChange={(v) => setF({ ...f, docs: v })} testId={id('docs')} error={err('requiredDocs')} multiline />
      <label className="check"><input type="checkbox" data-testid={id('active')} checked={f.active} onChange={(e) => setF({ ...f, active: e.target.checked })} /> {ta.active}</label>
      <ErrorAlert error={save.error} testId={id('error')} />
      <button type="button" className="btn btn-secondary" data-testid={id('save')} disabled={save.pending} onClick={async () => {
        setOk(false);
        const { docs, ...rest } = f;
        const input = { ...rest, requiredDocs: lines(docs) };
        const local = problemsError(letterTypeProblems(input), TYPE_LABELS);
        if (local) return save.setError(local);
        const r = await save.run(() => api('letterTypes.save', input));
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
  const err = (k: string) => save.error?.fields?.[k];
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
              <button type="button" className="btn btn-ghost" onClick={() => (setH({ id: x.id, name: x.name, addressee: x.addressee, city: x.city, docs: x.requiredDocs.join('\n'), active: x.active }), save.setError(null))}>{x.name}</button> — {x.addressee}, {x.city} {x.active ? '' : ta.inactive}
            </li>
          ))}
        </ul>
        <Field label={ta.hospitalName} value={h.name} onChange={(v) => setH({ ...h, name: v })} testId="hosp-name" error={err('name')} mandatory limit={200} />
        <Field label={ta.addressee} value={h.addressee} onChange={(v) => setH({ ...h, addressee: v })} testId="hosp-addressee" error={err('addressee')} mandatory limit={200} />
        <Field label={ta.city} value={h.city} onChange={(v) => setH({ ...h, city: v })} testId="hosp-city" error={err('city')} mandatory limit={100} />
        <Field label={ta.requiredDocs} value={h.docs} onChange={(v) => setH({ ...h, docs: v })} testId="hosp-docs" error={err('requiredDocs')} multiline />
        <label className="check"><input type="checkbox" data-testid="hosp-active" checked={h.active} onChange={(e) => setH({ ...h, active: e.target.checked })} /> {ta.active}</label>
        <ErrorAlert error={save.error} testId="hosp-error" />
        <button type="button" className="btn btn-secondary" data-testid="hosp-save" disabled={save.pending} onClick={async () => {
          const { docs, ...rest } = h;
          const input = { ...rest, requiredDocs: lines(docs) };
          const local = problemsError(hospitalProblems(input), HOSPITAL_LABELS);
          if (local) return save.setError(local);
          const r = await save.run(() => api('hospitals.save', input));
          if (r.ok) (setH(EMPTY_HOSPITAL), onSaved());
        }}>{h.id ? t.app.save : ta.addHospital}</button>
        {h.id ? <button type="button" className="btn btn-ghost" onClick={() => (setH(EMPTY_HOSPITAL), save.setError(null))}>{ta.cancelEdit}</button> : null}
      </section>
    </>
  );
}
