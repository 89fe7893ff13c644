// "Akhiri kunjungan": ends a visit at any point with a reason (the visitor left, came for the wrong
// service, other); counted as cancelled, never as served.
import { useEffect, useState, type FormEvent } from 'react';
import { END_REASONS, type EndReason, type Ticket } from '../../../common/contract/index';
import { t } from '../../i18n/id';
import { useAction } from '../../app/hooks';
import { api } from '../../app/state/api';
import { ErrorAlert } from '../../components/Alert';
import { Field } from '../../components/Field';

const NOTE_LIMIT = 500;

export function EndVisitPanel({ ticket, onDone, onCancel }: { ticket: Ticket; onDone(ticket: Ticket): void; onCancel(): void }) {
  const [reason, setReason] = useState<EndReason | ''>('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<{ reason?: string; note?: string }>({});
  const submit = useAction();

  useEffect(() => {
    document.getElementById('end-reason-pergi')?.focus();
  }, []);

  async function send(e: FormEvent) {
    e.preventDefault();
    const found: typeof errors = {};
    if (!reason) found.reason = t.endVisit.reasonRequired;
    if (reason === 'lainnya' && !note.trim()) found.note = t.endVisit.noteRequired;
    if (note.trim().length > NOTE_LIMIT) found.note = t.notes.tooLongOf(NOTE_LIMIT, note.trim().length);
    setErrors(found);
    if (found.reason) return document.getElementById('end-reason-pergi')?.focus();
    if (found.note) return document.getElementById('f-end-note')?.focus();
    const r = await submit.run(() => api('queue.endVisit', { ticketId: ticket.id, reason: reason as EndReason, note: note.trim() || undefined }));
    if (r.ok) onDone(r.value);
  }

  return (
    <form className="end-visit subpanel" onSubmit={(e) => void send(e)} noValidate data-testid="end-visit-panel" aria-label={t.endVisit.title}>
      <fieldset className={errors.reason ? 'field-invalid' : ''}>
        <legend>
          {t.endVisit.reason} <span className="req">{t.app.required}</span>
        </legend>
        <div className="segmented">
          {END_REASONS.map((r) => (
            <label key={r}>
              <input type="radio" name="end-reason" id={`end-reason-${r}`} data-testid={`end-reason-${r}`} checked={reason === r} onChange={() => setReason(r)} />
              {t.endVisit.reasons[r]}
            </label>
          ))}
        </div>
        {errors.reason ? <small className="field-error" data-testid="end-reason-error">{errors.reason}</small> : null}
      </fieldset>
      <Field label={t.endVisit.note} testId="end-note" mandatory={reason === 'lainnya'} limit={NOTE_LIMIT} value={note} onChange={setNote} error={errors.note} />
      <small className="hint">{t.endVisit.hint}</small>
      <ErrorAlert error={submit.error} testId="end-visit-error" />
      <div className="form-actions">
        <button type="submit" className="btn btn-danger" data-testid="end-visit-submit" disabled={submit.pending}>
          {t.endVisit.submit}
        </button>
        <button type="button" className="btn btn-ghost" data-testid="end-visit-cancel" onClick={onCancel}>
          {t.app.cancel}
        </button>
      </div>
    </form>
  );
}
