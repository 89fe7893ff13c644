// The visitor's identity and purpose for one ticket. Every field is checked in one pass before the
// host is asked (common/domain/caseCheck.ts, the host's own NIK/KK rules), and every problem is
// shown at once, the host's field messages merged in; focus goes to the first field with an error.
// Typed input is never thrown away or cut: on any error the form keeps its state, and unsaved
// input is kept as a draft in this tab, so it survives a reload or a new login.
import { useEffect, useImperativeHandle, useRef, useState, type FormEvent, type Ref } from 'react';
import type { AppError, CallOutput } from '../../../common/contract/index';
import { CASE_LIMITS, CASE_REQUIRED, checkCaseText, formatDayMonthYear, parseDayMonthYear, type CaseErrors, type CaseText } from '../../../common/domain/caseCheck';
import { checkNik } from '../../../common/domain/nik';
import { dayInWords } from '../../../common/domain/time';
import { t } from '../../i18n/id';
import { useAction } from '../../app/hooks';
import { api } from '../../app/state/api';
import { hostNow } from '../../app/state/app';
import { ErrorAlert, Notice } from '../../components/Alert';
import { Field } from '../../components/Field';
import { clearCaseDraft, loadCaseDraft, saveCaseDraft } from './caseDraft';
import { typeDayMonthYear } from './dayMonthYear';
import { focusById, Kbd, useShortcut } from './keyboard';

const EMPTY: CaseText = { nik: '', name: '', kk: '', birthDate: '', phone: '', purpose: '' };
/** The form's fields in tab order, with their test ids (the input's id is `f-<testId>`). */
const FIELD_IDS: Record<keyof CaseText, string> = {
  nik: 'case-nik',
  name: 'case-name',
  kk: 'case-kk',
  birthDate: 'case-birth-date',
  phone: 'case-phone',
  purpose: 'case-purpose',
};
const ORDER = Object.keys(FIELD_IDS) as (keyof CaseText)[];

type Warning = CallOutput<'cases.save'>['warnings'][number];

/** What the desk around the form may ask of it (the guard before moving a visitor on). */
export interface CaseFormHandle {
  /** Checks and saves; true when the host holds what is on screen. */
  save(): Promise<boolean>;
  /** The form holds input the host does not have yet. */
  dirty(): boolean;
  /** Puts the cursor in the first empty required field; false when all are filled. */
  focusFirstEmpty(): boolean;
}

interface CaseFormProps {
  ticketId: string;
  ref?: Ref<CaseFormHandle>;
  /** Called after every successful save. */
  onSaved?(): void;
  /** Ctrl+S saves this form (off while a dialog over it takes the key). */
  shortcut?: boolean;
}

const same = (a: CaseText, b: CaseText) => ORDER.every((k) => a[k] === b[k]);

export function CaseForm({ ticketId, ref, onSaved, shortcut = true }: CaseFormProps) {
  const [draft] = useState(() => loadCaseDraft(ticketId));
  const [form, setForm] = useState<CaseText>(draft ?? EMPTY);
  // What the host holds (as shown in the form): the form is dirty when it differs.
  const [stored, setStored] = useState<CaseText>(EMPTY);
  // A restored draft is shown as such until it is saved: it is not what the host holds.
  const [restored, setRestored] = useState(draft !== null);
  // Only typed input becomes a draft, never what was loaded from the host.
  const typed = useRef(draft !== null);
  const latest = useRef(form);
  latest.current = form;
  const storedRef = useRef(stored);
  storedRef.current = stored;
  const [loaded, setLoaded] = useState(false);
  const [saved, setSaved] = useState(false);
  const [errors, setErrors] = useState<CaseErrors>({});
  const [summary, setSummary] = useState<AppError | null>(null);
  const [warnings, setWarnings] = useState<Warning[]>([]);
  const load = useAction();
  const save = useAction();

  useEffect(() => {
    let cancelled = false;
    void load.run(() => api('cases.get', { ticketId })).then((r) => {
      if (cancelled) return;
      if (r.ok && r.value) {
        const { nik, name, kk, birthDate, phone, purpose } = r.value;
        const record = { nik, name, kk, birthDate: formatDayMonthYear(birthDate ?? ''), phone, purpose };
        setStored(record);
        // Keep anything typed while the record was loading, and a restored draft.
        setForm((cur) => (cur === EMPTY ? record : cur));
      }
      setLoaded(true);
    });
    return () => {
      cancelled = true;
    };
  }, [ticketId]);

  useEffect(() => {
    if (typed.current) saveCaseDraft(ticketId, form);
  }, [ticketId, form]);

  /** Every field's message at once, one summary, the cursor in the first field with a problem. */
  function showErrors(all: CaseErrors): void {
    setErrors(all);
    const count = Object.keys(all).length;
    setSummary(count ? { code: 'VALIDATION', message: t.caseForm.invalid(count) } : null);
    const first = ORDER.find((k) => all[k]);
    if (first) focusById(`f-${FIELD_IDS[first]}`);
  }

  async function submit(): Promise<boolean> {
    const submitted = latest.current;
    const local = checkCaseText(submitted, new Date(hostNow()));
    if (Object.keys(local).length) {
      setSaved(false);
      showErrors(local);
      return false;
    }
    const birthDate = parseDayMonthYear(submitted.birthDate) ?? '';
    const result = await save.run(() => api('cases.save', { ticketId, ...submitted, birthDate }));
    if (!result.ok) {
      setSaved(false);
      const host = (result.error.fields ?? {}) as CaseErrors;
      if (Object.keys(host).length) showErrors({ ...host, ...local });
      else setSummary(result.error);
      return false;
    }
    // Input typed while the save was under way is still unsaved: keep its draft.
    if (latest.current === submitted) {
      typed.current = false;
      clearCaseDraft(ticketId);
    }
    setStored(submitted);
    setErrors({});
    setSummary(null);
    setRestored(false);
    setSaved(true);
    setWarnings(result.value.warnings);
    onSaved?.();
    return true;
  }

  useImperativeHandle(ref, () => ({
    save: submit,
    dirty: () => !same(latest.current, storedRef.current),
    focusFirstEmpty: () => {
      const empty = ORDER.find((k) => CASE_REQUIRED.includes(k) && latest.current[k].trim() === '');
      if (empty) focusById(`f-${FIELD_IDS[empty]}`);
      return empty !== undefined;
    },
  }));

  useShortcut('save', () => void submit(), { enabled: shortcut && loaded && !save.pending });

  const bind = (key: keyof CaseText) => ({
    value: form[key],
    onChange: (value: string) => {
      typed.current = true;
      setSaved(false);
      setErrors((e) => {
        if (!e[key]) return e;
        const { [key]: _, ...rest } = e;
        return rest;
      });
      setForm((f) => ({ ...f, [key]: key === 'birthDate' ? typeDayMonthYear(value) : value }));
    },
    error: errors[key],
    mandatory: CASE_REQUIRED.includes(key),
    testId: FIELD_IDS[key],
  });

  const nikInfo = checkNik(form.nik, new Date(hostNow())).info;
  return (
    <form
      className="case-form"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        void submit();
      }}
      noValidate
      data-testid="case-form"
      data-state={loaded ? 'ready' : 'loading'}
      data-dirty={!same(form, stored)}
    >
      <h3>{t.caseForm.title}</h3>
      <ErrorAlert error={load.error} testId="case-load-error" />
      {restored ? (
        <Notice tone="info" testId="case-draft-restored">
          {t.caseForm.draftRestored}
        </Notice>
      ) : null}
      <div className="case-grid">
        <div className="span-2">
          <Field
            label={t.caseForm.nik}
            hint={nikInfo ? t.caseForm.nikInfo(dayInWords(nikInfo.birthDate), nikInfo.sex) : t.caseForm.nikHint}
            inputMode="numeric"
            autoComplete="off"
            {...bind('nik')}
          />
        </div>
        <div className="span-2">
          <Field label={t.caseForm.name} autoComplete="off" limit={form.name.length > CASE_LIMITS.name * 0.8 ? CASE_LIMITS.name : undefined} {...bind('name')} />
        </div>
        <div className="span-2">
          <Field label={t.caseForm.kk} hint={t.caseForm.kkHint} inputMode="numeric" autoComplete="off" {...bind('kk')} />
        </div>
        <Field label={t.caseForm.birthDate} hint={t.caseForm.birthDateHint} inputMode="numeric" placeholder="hh-bb-tttt" autoComplete="off" {...bind('birthDate')} />
        <Field label={t.caseForm.phone} inputMode="tel" autoComplete="off" {...bind('phone')} />
      </div>
      <Field label={t.caseForm.purpose} multiline limit={CASE_LIMITS.purpose} {...bind('purpose')} />
      <ErrorAlert error={summary} testId="case-error" />
      {saved ? <Notice testId="case-saved">{t.caseForm.saved}</Notice> : null}
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
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" data-testid="case-save" id="case-save" disabled={save.pending || !loaded}>
          {save.pending ? t.app.saving : t.caseForm.save} <Kbd name="save" />
        </button>
      </div>
    </form>
  );
}
