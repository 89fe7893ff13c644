import { useState, type FormEvent } from 'react';
import { t } from '../../i18n/id';
import { api } from '../../app/state/api';
import { pairDesk, signedIn } from '../../app/state/boot';
import { useAction } from '../../app/hooks';
import { ErrorAlert } from '../../components/Alert';
import { Field, FormActions } from '../../components/Field';
import { GateLayout } from '../../components/Layout';
import { TimeZoneSelect } from '../../components/TimeZoneSelect';
import { DEFAULT_TIME_ZONE, type OfficeTimeZone } from '../../../common/domain/time';

const EMPTY = {
  officeName: '',
  kabKota: '',
  address: '',
  adminUsername: '',
  adminFullName: '',
  adminPassword: '',
  adminPassword2: '',
};
type SetupForm = typeof EMPTY;

export function Setup() {
  const [form, setForm] = useState<SetupForm>(EMPTY);
  const [timeZone, setTimeZone] = useState<OfficeTimeZone>(DEFAULT_TIME_ZONE);
  const [localErrors, setLocalErrors] = useState<Partial<Record<keyof SetupForm, string>>>({});
  const { pending, error, run } = useAction();
  const fields = { ...error?.fields, ...localErrors } as Partial<Record<string, string>>;
  const bind = (key: keyof SetupForm) => ({
    value: form[key],
    onChange: (value: string) => setForm((f) => ({ ...f, [key]: value })),
    error: fields[key],
  });

  async function submit(e: FormEvent) {
    e.preventDefault();
    const local: typeof localErrors = {};
    if (form.adminPassword.length < 8) local.adminPassword = t.setup.passwordShort;
    if (form.adminPassword !== form.adminPassword2) local.adminPassword2 = t.setup.passwordMismatch;
    setLocalErrors(local);
    if (Object.keys(local).length > 0) return;
    const { adminPassword2: _, ...input } = form;
    const result = await run(() => api('setup.firstRun', { ...input, timeZone }));
    if (!result.ok) return;
    pairDesk(result.value.deskToken);
    await signedIn(result.value.sessionToken, result.value.user, null);
  }

  return (
    <GateLayout title={t.setup.title} testId="page-setup" state="ready">
      <p>{t.setup.intro}</p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <fieldset>
          <legend>{t.setup.office}</legend>
          <Field label={t.setup.officeName} hint={t.setup.officeNameHint} testId="setup-office-name" {...bind('officeName')} />
          <Field label={t.setup.kabKota} testId="setup-kab-kota" {...bind('kabKota')} />
          <Field label={t.setup.address} testId="setup-address" {...bind('address')} />
          <TimeZoneSelect label={t.setup.timeZone} hint={t.setup.timeZoneHint} testId="setup-time-zone" value={timeZone} onChange={setTimeZone} error={fields.timeZone} />
        </fieldset>
        <fieldset>
          <legend>{t.setup.admin}</legend>
          <Field
            label={t.setup.adminUsername}
            hint={t.setup.usernameHint}
            testId="setup-admin-username"
            autoComplete="username"
            autoCapitalize="none"
            {...bind('adminUsername')}
          />
          <Field label={t.setup.adminFullName} testId="setup-admin-full-name" {...bind('adminFullName')} />
          <Field
            label={t.setup.password}
            hint={t.setup.passwordHint}
            type="password"
            autoComplete="new-password"
            testId="setup-admin-password"
            {...bind('adminPassword')}
          />
          <Field
            label={t.setup.password2}
            type="password"
            autoComplete="new-password"
            testId="setup-admin-password2"
            {...bind('adminPassword2')}
          />
        </fieldset>
        <ErrorAlert error={error} testId="setup-error" />
        <FormActions>
          <button type="submit" className="btn btn-primary btn-lg" data-testid="setup-submit" disabled={pending}>
            {pending ? t.app.saving : t.setup.submit}
          </button>
        </FormActions>
      </form>
    </GateLayout>
  );
}
