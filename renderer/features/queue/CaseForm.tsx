// The visitor's identity and purpose for one ticket. Typed input is never thrown away: on any error
// the form keeps its state and shows the host's message, with field messages under their fields;
// unsaved input is also kept as a draft in this tab, so it survives a reload or a new login.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { CallOutput, CaseInput } from '../../../common/contract/index';
import { t } from '../../i18n/id';
import { useAction } from '../../app/hooks';
import { api } from '../../app/state/api';
import { ErrorAlert, Notice } from '../../components/Alert';
import { Field, FormActions } from '../../components/Field';
import { clearCaseDraft, loadCaseDraft, saveCaseDraft } from './caseDraft';

type CaseFields = Record<Exclude<keyof CaseInput, 'ticketId'>, string>;
const EMPTY: CaseFields = { nik: '', name: '', kk: '', birthDate: '', phone: '', purpose: '' };

type Warning = CallOutput<'cases.save'>['warnings'][number];

export function CaseForm({ ticketId }: { ticketId: string }) {
  const [draft] = useState(() => loadCaseDraft(ticketId));
  const [form, setForm] = useState<CaseFields>(draft ?? EMPTY);
  // A restored draft is shown as such until it is saved: it is not what the host holds.
  const [restored, setRestored] = useState(draft !== null);
  // Only typed input becomes a draft, never what was loaded from the host.
  const dirty = useRef(draft !== null);
  const latest = useRef(form);
  latest.current = form;
  const [loaded, setLoaded] = useState(false);
  const [saved, setSaved] = useState(false);
  const [warnings, setWarnings] = useState<Warning[]>([]);
  const load = useAction();
  const save = useAction();

  useEffect(() => {
    let cancelled = false;
    void load.run(() => api('cases.get', { ticketId })).then((r) => {
      if (cancelled) return;
      if (r.ok && r.value) {
        const { nik, name, kk, birthDate, phone, purpose } = r.value;
        // Keep anything typed while the record was loading, and a restored draft.
        setForm((cur) => (cur === EMPTY ? { nik, name, kk, birthDate: birthDate ?? '', phone, purpose } : cur));
      }
      setLoaded(true);
    });
    return () => {
      cancelled = true;
    };
  }, [ticketId]);

  useEffect(() => {
    if (dirty.current) saveCaseDraft(ticketId, form);
  }, [ticketId, form]);

  const fieldErrors = save.error?.fields ?? {};
  const bind = (key: keyof CaseFields) => ({
    value: form[key],
    onChange: (value: string) => {
      dirty.current = true;
      setSaved(false);
      setForm((f) => ({ ...f, [key]: value }));
    },
    error: fieldErrors[key],
  });

  async function submit(e: FormEvent) {
    e.preventDefault();
    const submitted = form;
    const result = await save.run(() => api('cases.save', { ticketId, ...submitted }));
    if (result.ok) {
      // Input typed while the save was under way is still unsaved: keep its draft.
      if (latest.current === submitted) {
        dirty.current = false;
        clearCaseDraft(ticketId);
      }
      setRestored(false);
      setSaved(true);
      setWarnings(result.value.warnings);
    } else {
      setSaved(false);
    }
  }

  return (
    <form className="case-form panel" onSubmit={(e) => void submit(e)} noValidate data-testid="case-form" data-state={loaded ? 'ready' : 'loading'}>
      <h3>{t.caseForm.title}</h3>
      <ErrorAlert error={load.error} testId="case-load-error" />
      {restored ? (
        <Notice tone="info" testId="case-draft-restored">
          {t.caseForm.draftRestored}
        </Notice>
      ) : null}
      <div className="form-grid">
        <Field label={t.caseForm.nik} hint={t.caseForm.nikHint} testId="case-nik" inputMode="numeric" maxLength={16} autoComplete="off" {...bind('nik')} />
        <Field label={t.caseForm.name} testId="case-name" autoComplete="off" {...bind('name')} />
        <Field label={t.caseForm.kk} hint={t.caseForm.kkHint} testId="case-kk" inputMode="numeric" maxLength={16} autoComplete="off" {...bind('kk')} />
        <Field label={t.caseForm.birthDate} hint={t.caseForm.birthDateHint} testId="case-birth-date" type="date" {...bind('birthDate')} />
        <Field label={t.caseForm.phone} testId="case-phone" inputMode="tel" autoComplete="off" {...bind('phone')} />
      </div>
      <Field label={t.caseForm.purpose} testId="case-purpose" multiline {...bind('purpose')} />
      <ErrorAlert error={save.error} testId="case-error" />
      {saved ? (
        <Notice testId="case-saved">{t.caseForm.saved}</Notice>
      ) : null}
      {saved && warnings.length > 0 ? (
        <div className="alert alert-warn" role="status" data-testid="case-warnings">
          <strong>{t.caseForm.warnings}</strong>
          <ul>
            {warnings.map((w) => (
              <li key={`${w.field}-${w.code}`} data-testid={`case-warning-${w.code}`}>
                {w.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <FormActions>
        <button type="submit" className="btn btn-primary" data-testid="case-save" disabled={save.pending || !loaded}>
          {save.pending ? t.app.saving : t.caseForm.save}
        </button>
      </FormActions>
    </form>
  );
}
