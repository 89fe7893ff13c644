// The office's time zone: WIB, WITA or WIT. It decides the office day (numbering restarts at its
// midnight) and every date and time shown on desks and the waiting-room board.
import { OFFICE_TIME_ZONES, TIME_ZONE_LABELS, type OfficeTimeZone } from '../../common/domain/time';

interface Props {
  label: string;
  hint?: string;
  value: OfficeTimeZone;
  onChange(value: OfficeTimeZone): void;
  testId: string;
  error?: string | undefined;
}

export function TimeZoneSelect({ label, hint, value, onChange, testId, error }: Props) {
  const id = `f-${testId}`;
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <select id={id} data-testid={testId} value={value} onChange={(e) => onChange(e.target.value as OfficeTimeZone)}>
        {OFFICE_TIME_ZONES.map((tz) => (
          <option key={tz} value={tz}>
            {TIME_ZONE_LABELS[tz]}
          </option>
        ))}
      </select>
      {hint && !error ? <small className="hint">{hint}</small> : null}
      {error ? (
        <small className="field-error" data-testid={`${testId}-error`}>
          {error}
        </small>
      ) : null}
    </div>
  );
}
