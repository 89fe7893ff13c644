// The petugas's result, asked for before the last petugas step is finished (the host refuses that
// step without it: OUTCOME_REQUIRED).
import { OUTCOMES, type Outcome } from '../../../common/contract/index';
import { t } from '../../i18n/id';

export interface OutcomeValue {
  outcome: Outcome | '';
  outcomeNote: string;
}

export function OutcomeFields({ value, onChange }: { value: OutcomeValue; onChange(v: OutcomeValue): void }) {
  return (
    <fieldset className="outcome-fields" data-testid="outcome-fields">
      <legend>{t.queue.outcome.legend}</legend>
      <select data-testid="outcome" value={value.outcome} aria-label={t.queue.outcome.legend} onChange={(e) => onChange({ ...value, outcome: e.target.value as Outcome | '' })}>
        <option value="">{t.queue.outcome.choose}</option>
        {OUTCOMES.map((o) => (
          <option key={o} value={o}>
            {t.queue.outcome.words[o]}
          </option>
        ))}
      </select>
      <input
        data-testid="outcome-note"
        maxLength={500}
        value={value.outcomeNote}
        placeholder={t.queue.outcome.notePlaceholder}
        aria-label={t.queue.outcome.note}
        onChange={(e) => onChange({ ...value, outcomeNote: e.target.value })}
      />
    </fieldset>
  );
}
