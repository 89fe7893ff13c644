// The petugas's result, asked for before the last petugas step is finished (the host refuses that
// step without it: OUTCOME_REQUIRED). Checked here first, both fields at once.
import { OUTCOMES, type Outcome } from '../../../common/contract/index';
import { t } from '../../i18n/id';

export interface OutcomeValue {
  outcome: Outcome | '';
  outcomeNote: string;
}
export type OutcomeErrors = Partial<Record<keyof OutcomeValue, string>>;

export const OUTCOME_NOTE_LIMIT = 500;
export const OUTCOME_FIELD_IDS: Record<keyof OutcomeValue, string> = { outcome: 'f-outcome', outcomeNote: 'f-outcome-note' };

export function checkOutcome(v: OutcomeValue): OutcomeErrors {
  const errors: OutcomeErrors = {};
  if (!v.outcome) errors.outcome = t.queue.outcome.chooseError;
  const note = v.outcomeNote.trim();
  if (!note) errors.outcomeNote = t.queue.outcome.noteError;
  else if (note.length > OUTCOME_NOTE_LIMIT) errors.outcomeNote = t.notes.tooLongOf(OUTCOME_NOTE_LIMIT, note.length);
  return errors;
}

interface OutcomeFieldsProps {
  value: OutcomeValue;
  errors: OutcomeErrors;
  onChange(v: OutcomeValue): void;
}

export function OutcomeFields({ value, errors, onChange }: OutcomeFieldsProps) {
  return (
    <fieldset className="outcome-fields" data-testid="outcome-fields">
      <legend>
        {t.queue.outcome.legend} <span className="req">{t.app.required}</span>
      </legend>
      <div className={`field${errors.outcome ? ' field-invalid' : ''}`}>
        <select
          id={OUTCOME_FIELD_IDS.outcome}
          data-testid="outcome"
          value={value.outcome}
          aria-label={t.queue.outcome.legend}
          aria-invalid={errors.outcome ? true : undefined}
          onChange={(e) => onChange({ ...value, outcome: e.target.value as Outcome | '' })}
        >
          <option value="">{t.queue.outcome.choose}</option>
          {OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {t.queue.outcome.words[o]}
            </option>
          ))}
        </select>
        {errors.outcome ? <small className="field-error" data-testid="outcome-error">{errors.outcome}</small> : null}
      </div>
      <div className={`field${errors.outcomeNote ? ' field-invalid' : ''}`}>
        <label htmlFor={OUTCOME_FIELD_IDS.outcomeNote}>
          {t.queue.outcome.note}
          <span className={`counter${value.outcomeNote.length > OUTCOME_NOTE_LIMIT ? ' counter-over' : ''}`}>
            {t.app.charCount(value.outcomeNote.length, OUTCOME_NOTE_LIMIT)}
          </span>
        </label>
        <input
          id={OUTCOME_FIELD_IDS.outcomeNote}
          data-testid="outcome-note"
          value={value.outcomeNote}
          placeholder={t.queue.outcome.notePlaceholder}
          aria-invalid={errors.outcomeNote ? true : undefined}
          onChange={(e) => onChange({ ...value, outcomeNote: e.target.value })}
        />
        {errors.outcomeNote ? <small className="field-error" data-testid="outcome-note-error">{errors.outcomeNote}</small> : null}
      </div>
    </fieldset>
  );
}
