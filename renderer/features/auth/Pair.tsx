import { useState, type FormEvent } from 'react';
import { parsePairingInput } from '../../../common/domain/pairing';
import { t } from '../../i18n/id';
import { navigate } from '../../app/router';
import { api } from '../../app/state/api';
import { pairDesk } from '../../app/state/boot';
import { ErrorAlert } from '../../components/Alert';
import { Field, FormActions } from '../../components/Field';
import { GateLayout } from '../../components/Layout';
import { useAction } from '../../app/hooks';

/** A desk token of the old kind (43 characters) is still taken as it is. */
const LONG_TOKEN_MIN = 20;

export function Pair() {
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | undefined>();
  const pair = useAction();

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(undefined);
    // The 8-character code, typed or read by a QR scanner as a loket://pair link.
    const parsed = parsePairingInput(code);
    if (parsed) {
      const r = await pair.run(() => api('auth.pair', { code: parsed.code }));
      if (!r.ok) return;
      pairDesk(r.value.deskToken);
      navigate('/login');
      return;
    }
    const clean = code.trim();
    if (clean.length < LONG_TOKEN_MIN) {
      pair.setError(null);
      setError(t.pair.tooShort);
      return;
    }
    // The long desk token (the old way) is checked by the host at login.
    pairDesk(clean);
    navigate('/login');
  }

  return (
    <GateLayout title={t.pair.title} testId="page-pair" state="ready">
      <p>{t.pair.intro}</p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Field
          label={t.pair.code}
          testId="pair-code"
          className="pair-code-input"
          value={code}
          onChange={setCode}
          error={error ?? pair.error?.fields?.code}
          hint={t.pair.codeHint}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          autoFocus
        />
        <ErrorAlert error={pair.error} testId="pair-error" />
        <FormActions>
          <button type="submit" className="btn btn-primary btn-lg" data-testid="pair-submit" disabled={pair.pending}>
            {pair.pending ? t.pair.pending : t.pair.submit}
          </button>
        </FormActions>
      </form>
    </GateLayout>
  );
}
