import { useState, type FormEvent } from 'react';
import { session } from '../../app/client';
import { t } from '../../i18n/id';
import { navigate } from '../../app/router';
import { useAction } from '../../app/hooks';
import { api } from '../../app/state/api';
import { pairDesk, signedIn } from '../../app/state/boot';
import { ErrorAlert } from '../../components/Alert';
import { Field, FormActions } from '../../components/Field';
import { GateLayout } from '../../components/Layout';

export function Login() {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const { pending, error, run } = useAction();

  async function submit(e: FormEvent) {
    e.preventDefault();
    const deskToken = session.deskToken ?? '';
    const result = await run(() => api('auth.login', { deskToken, username, password }));
    if (result.ok) await signedIn(result.value.sessionToken, result.value.user, result.value.desk);
  }

  function changeDesk() {
    pairDesk(null);
    navigate('/pair');
  }

  return (
    <GateLayout title={t.login.title} testId="page-login" state="ready">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Field
          label={t.login.username}
          testId="login-username"
          value={username}
          onChange={setUsername}
          error={error?.fields?.username}
          autoComplete="username"
          autoCapitalize="none"
          autoFocus
        />
        <Field
          label={t.login.password}
          testId="login-password"
          type="password"
          value={password}
          onChange={setPassword}
          error={error?.fields?.password}
          autoComplete="current-password"
        />
        <ErrorAlert error={error} testId="login-error" />
        <FormActions>
          <button type="submit" className="btn btn-primary btn-lg" data-testid="login-submit" disabled={pending}>
            {t.login.submit}
          </button>
          <button type="button" className="btn btn-ghost" data-testid="login-change-desk" onClick={changeDesk}>
            {t.login.changeDesk}
          </button>
        </FormActions>
      </form>
    </GateLayout>
  );
}
