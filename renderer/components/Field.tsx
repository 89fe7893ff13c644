import type { InputHTMLAttributes, ReactNode } from 'react';
import { t } from '../i18n/id';

interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> {
  label: string;
  value: string;
  onChange(value: string): void;
  testId: string;
  hint?: string;
  error?: string | undefined;
  multiline?: boolean;
  /** Marks the label "wajib" (the form checks it; no browser validation). */
  mandatory?: boolean;
  /** The longest value allowed: a live counter, never a cut (the form reports what is too long). */
  limit?: number;
}

/** A labelled input with its hint and its field error underneath. */
export function Field({ label, value, onChange, testId, hint, error, multiline, mandatory, limit, id, ...rest }: FieldProps) {
  const inputId = id ?? `f-${testId}`;
  const describedBy = error ? `${inputId}-error` : hint ? `${inputId}-hint` : undefined;
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={inputId}>
        {label}
        {mandatory ? <span className="req"> {t.app.required}</span> : null}
        {limit !== undefined ? (
          <span className={`counter${value.length > limit ? ' counter-over' : ''}`} data-testid={`${testId}-counter`}>
            {t.app.charCount(value.length, limit)}
          </span>
        ) : null}
      </label>
      {multiline ? (
        <textarea
          id={inputId}
          data-testid={testId}
          value={value}
          rows={3}
          aria-invalid={error ? true : undefined}
          aria-required={mandatory || undefined}
          aria-describedby={describedBy}
          onChange={(e) => onChange(e.target.value)}
          disabled={rest.disabled}
        />
      ) : (
        <input
          id={inputId}
          data-testid={testId}
          value={value}
          aria-invalid={error ? true : undefined}
          aria-required={mandatory || undefined}
          aria-describedby={describedBy}
          onChange={(e) => onChange(e.target.value)}
          {...rest}
        />
      )}
      {hint && !error ? (
        <small id={`${inputId}-hint`} className="hint">
          {hint}
        </small>
      ) : null}
      {error ? (
        <small id={`${inputId}-error`} className="field-error" data-testid={`${testId}-error`}>
          {error}
        </small>
      ) : null}
    </div>
  );
}

export function FormActions({ children }: { children: ReactNode }) {
  return <div className="form-actions">{children}</div>;
}
