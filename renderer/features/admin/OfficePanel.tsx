// Admin → Kantor: the office's name, address and time zone (WIB, WITA, WIT).
import { useEffect, useState, type FormEvent } from 'react';
import { t } from '../../i18n/id';
import { useAction } from '../../app/hooks';
import { api } from '../../app/state/api';
import { useApp } from '../../app/state/app';
import { setOfficeTimeZone } from '../../app/hostClock';
import { ErrorAlert, Notice } from '../../components/Alert';
import { Field, FormActions } from '../../components/Field';
import { TimeZoneSelect } from '../../components/TimeZoneSelect';
import { DEFAULT_TIME_ZONE, isOfficeTimeZone, type OfficeTimeZone } from '../../../common/domain/time';

export function OfficePanel() {
  const office = useApp((s) => s.office);
  const [form, setForm] = useState({ name: '', kabKota: '', address: '' });
  const [timeZone, setTimeZone] = useState<OfficeTimeZone>(DEFAULT_TIME_ZONE);
  const [saved, setSaved] = useState(false);
  const save = useAction();

  useEffect(() => {
    if (!office) return;
    setForm({ name: office.name, kabKota: office.kabKota, address: office.address });
    if (isOfficeTimeZone(office.timeZone)) setTimeZone(office.timeZone);
  }, [office]);

  const bind = (key: keyof typeof form) => ({
    value: form[key],
    onChange: (v: string) => {
      setForm((f) => ({ ...f, [key]: v }));
      setSaved(false);
    },
    error: save.error?.fields?.[key],
  });

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    const r = await save.run(() => api('office.save', { ...form, timeZone }));
    if (!r.ok) return;
    useApp.getState().set({ office: r.value });
    setOfficeTimeZone(r.value.timeZone);
    setSaved(true);
  }

  return (
    <section className="admin-panel" data-testid="admin-office" data-state={office ? 'ready' : 'loading'}>
      <form className="panel" onSubmit={(e) => void submit(e)} noValidate>
        <h2>{t.admin.office.title}</h2>
        <p className="muted">{t.admin.office.hint}</p>
        <Field label={t.admin.office.name} testId="office-name" {...bind('name')} />
        <Field label={t.admin.office.kabKota} testId="office-kab-kota" {...bind('kabKota')} />
        <Field label={t.admin.office.address} testId="office-address" {...bind('address')} />
        <TimeZoneSelect
          label={t.admin.office.timeZone}
          testId="office-time-zone"
          value={timeZone}
          onChange={(v) => {
            setTimeZone(v);
            setSaved(false);
          }}
          error={save.error?.fields?.timeZone}
        />
        <ErrorAlert error={save.error} testId="office-error" />
        {saved ? <Notice testId="office-saved">{t.admin.office.saved}</Notice> : null}
        <FormActions>
          <button type="submit" className="btn btn-primary" data-testid="office-save" disabled={save.pending}>
            {t.app.save}
          </button>
        </FormActions>
      </form>
    </section>
  );
}
