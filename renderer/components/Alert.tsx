import type { ReactNode } from 'react';
import type { AppError } from '../../common/contract/index';

/** An error from the host, shown in the words the host chose (Indonesian) and announced to screen readers. */
export function ErrorAlert({ error, testId = 'error' }: { error: AppError | null; testId?: string }) {
  if (!error) return null;
  return (
    <div className="alert alert-error" role="alert" data-testid={testId} data-code={error.code}>
      {error.message}
    </div>
  );
}

export function Notice({ children, testId, tone = 'ok' }: { children: ReactNode; testId?: string; tone?: 'ok' | 'info' | 'warn' }) {
  return (
    <div className={`alert alert-${tone}`} role="status" data-testid={testId}>
      {children}
    </div>
  );
}
