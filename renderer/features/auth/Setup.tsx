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
import { checkPassword, checkText, checkUsername, found, focusFirst } from './fieldCheck';

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
const FIELD_ORDER: [keyof SetupForm, string][] = [
  ['officeName', 'setup-office-name'],
  ['kabKota', 'setup-kab-kota'],
  ['address', 'setup-address'],
  ['adminUsername', 'setup-admin-username'],
  ['adminFullName', 'setup-admin-full-name'],
  ['adminPassword', 'setup-admin-password'],
  ['adminPassword2', 'setup-admin-password2'],
];

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
    mandatory: true,
  });

  async function submit(e: FormEvent) {
    e.preventDefault();
    // Every field in one pass: all problems show at once, the first one gets the cursor.
    const local = found<keyof SetupForm>({
      officeName: checkText(form.officeName, t.setup.officeName, 3, 200),
      kabKota: checkText(form.kabKota, t.setup.kabKota, 3, 200),
      address: checkText(form.address, t.setup.address, 3, 500),
      adminUsername: checkUsername(form.adminUsername, t.setup.adminUsername),
      adminFullName: checkText(form.adminFullName, t.setup.adminFullName, 2, 200),
      adminPassword: checkPassword(form.adminPassword, t.setup.password),
      adminPassword2: form.adminPassword2 !== form.adminPassword ? t.setup.passwordMismatch : undefined,
    });
    setLocalErrors(local);
    focusFirst(local, FIELD_ORDER);
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
