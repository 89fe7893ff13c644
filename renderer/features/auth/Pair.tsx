import { useState, type FormEvent } from 'react';
import { t } from '../../i18n/id';
import { navigate } from '../../app/router';
import { pairDesk } from '../../app/state/boot';
import { Field, FormActions } from '../../components/Field';
import { GateLayout } from '../../components/Layout';

export function Pair() {
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | undefined>();

  function submit(e: FormEvent) {
    e.preventDefault();
    // The code is checked by the host at login; here only catch obvious typing slips.
    const clean = code.trim();
    if (clean.length < 10) {
      setError(t.pair.tooShort);
      return;
    }
    pairDesk(clean);
    navigate('/login');
  }

  return (
    <GateLayout title={t.pair.title} testId="page-pair" state="ready">
      <p>{t.pair.intro}</p>
      <form onSubmit={submit} noValidate>
        <Field
          label={t.pair.code}
          testId="pair-code"
          value={code}
          onChange={setCode}
          error={error}
          autoComplete="off"
          spellCheck={false}
          autoFocus
        />
        <FormActions>
          <button type="submit" className="btn btn-primary btn-lg" data-testid="pair-submit">
            {t.pair.submit}
          </button>
        </FormActions>
      </form>
    </GateLayout>
  );
}
