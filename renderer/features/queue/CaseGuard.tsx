// Asked before a visitor is moved on (transfer, or finishing the last resepsionis step) while the
// case is not saved: save first (one key), or go on without it and say why (the host audits the
// reason; without it the host answers CASE_REQUIRED). A native modal dialog: it keeps focus inside
// and Escape cancels.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { t } from '../../i18n/id';
import { Field } from '../../components/Field';

interface CaseGuardProps {
  /** The host holds a case already; only the edits on screen are unsaved. */
  hasCase: boolean;
  pending: boolean;
  onSaveFirst(): void;
  /** Go on; `reason` when there is no saved case at all. */
  onContinue(reason: string | undefined): void;
  onCancel(): void;
}

export function CaseGuard({ hasCase, pending, onSaveFirst, onContinue, onCancel }: CaseGuardProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const [withoutCase, setWithoutCase] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  useEffect(() => {
    if (withoutCase) document.getElementById('f-guard-reason')?.focus();
  }, [withoutCase]);

  function submit(e: FormEvent) {
    e.preventDefault();
    if (reason.trim().length < 3) {
      setError(t.guard.reasonError);
      document.getElementById('f-guard-reason')?.focus();
      return;
    }
    onContinue(reason.trim());
  }

  return (
    <dialog
      ref={ref}
      className="dialog"
      data-testid="case-guard"
      aria-labelledby="case-guard-title"
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <h2 id="case-guard-title">{hasCase ? t.guard.dirtyTitle : t.guard.title}</h2>
      <p>{t.guard.body}</p>
      {withoutCase ? (
        <form onSubmit={submit} noValidate>
          <Field label={t.guard.reason} hint={t.guard.reasonHint} testId="guard-reason" mandatory value={reason} onChange={(v) => { setReason(v); setError(undefined); }} error={error} />
          <div className="form-actions">
            <button type="submit" className="btn btn-warn" data-testid="guard-confirm" disabled={pending}>
              {t.guard.confirm}
            </button>
            <button type="button" className="btn btn-ghost" data-testid="guard-cancel" onClick={onCancel}>
              {t.app.cancel}
            </button>
          </div>
        </form>
      ) : (
        <div className="form-actions">
          {/* First in the dialog, so it has the focus: Enter saves and goes on. */}
          <button type="button" className="btn btn-primary" data-testid="guard-save" disabled={pending} onClick={onSaveFirst} autoFocus>
            {t.guard.saveFirst}
          </button>
          {hasCase ? (
            <button type="button" className="btn btn-secondary" data-testid="guard-without-changes" disabled={pending} onClick={() => onContinue(undefined)}>
              {t.guard.withoutChanges}
            </button>
          ) : (
            <button type="button" className="btn btn-secondary" data-testid="guard-without-case" onClick={() => setWithoutCase(true)}>
              {t.guard.withoutCase}
            </button>
          )}
          <button type="button" className="btn btn-ghost" data-testid="guard-cancel" onClick={onCancel}>
            {t.app.cancel}
          </button>
        </div>
      )}
    </dialog>
  );
}
