// Admin → E-mail (SMTP): the office's account the statement forms go out through, and the BPJS
// branch's address. The password is write-only: the screen shows "tersimpan" and sends a new value
// only when one is typed.
import { useEffect, useState, type FormEvent } from 'react';
import { t } from '../../i18n/id';
import { useAction, useLoad } from '../../app/hooks';
import { api } from '../../app/state/api';
import { ErrorAlert, Notice } from '../../components/Alert';
import { Field, FormActions } from '../../components/Field';
import { messagesStrings } from './strings';

const s = messagesStrings.smtp;
interface Plain { host: string; port: string; secure: boolean; user: string; from: string; bpjsAddress: string }
const BLANK: Plain = { host: '', port: '587', secure: false, user: '', from: '', bpjsAddress: '' };

export function SmtpPanel() {
  const loaded = useLoad(() => api('messages.smtpSettings', {}));
  const [form, setForm] = useState<Plain | null>(null);
  const [password, setPassword] = useState('');
  const [passwordSet, setPasswordSet] = useState(false);
  const [saved, setSaved] = useState(false);
  const save = useAction();

  useEffect(() => {
    if (loaded.state !== 'ready' || form) return;
    const v = loaded.data;
    setForm(v ? { host: v.host, port: String(v.port), secure: v.secure, user: v.user, from: v.from, bpjsAddress: v.bpjsAddress } : BLANK);
    setPasswordSet(!!v?.passwordSet);
  }, [loaded.state, loaded.data, form]);

  if (!form) return <section className="panel" data-testid="admin-smtp" data-state="loading" />;
  const bind = (k: Exclude<keyof Plain, 'secure'>) => ({
    value: form[k],
    onChange: (v: string) => {
      setForm({ ...form, [k]: v });
      setSaved(false);
    },
    error: save.error?.fields?.[k],
  });

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!form) return;
    const r = await save.run(() =>
      api('messages.saveSmtp', { ...form, port: Number(form.port) || 0, ...(password ? { password } : {}) }),
    );
    if (!r.ok) return;
    if (password) setPasswordSet(true);
    setPassword('');
    setSaved(true);
  }

  return (
    <section className="panel" data-testid="admin-smtp" data-state={save.pending ? 'saving' : 'ready'}>
      <h2>{s.title}</h2>
      <p className="muted">{s.hint}</p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Field label={s.host} testId="smtp-host" placeholder="smtp.example.go.id" {...bind('host')} />
        <Field label={s.port} testId="smtp-port" inputMode="numeric" {...bind('port')} />
        <label className="check">
          <input type="checkbox" data-testid="smtp-secure" checked={form.secure} onChange={(e) => { setForm({ ...form, secure: e.target.checked }); setSaved(false); }} />
          {s.secure}
        </label>
        <Field label={s.user} testId="smtp-user" autoComplete="off" {...bind('user')} />
        <Field
          type="password"
          autoComplete="new-password"
          label={s.password}
          testId="smtp-password"
          hint={passwordSet ? s.storedHint : s.notStored}
          placeholder={passwordSet ? s.stored : ''}
          value={password}
          onChange={(v) => { setPassword(v); setSaved(false); }}
          error={save.error?.fields?.password}
        />
        <Field label={s.from} testId="smtp-from" type="email" {...bind('from')} />
        <Field label={s.bpjsAddress} testId="smtp-bpjs-address" type="email" {...bind('bpjsAddress')} />
        <FormActions>
          <button type="submit" className="btn btn-primary" data-testid="smtp-save" disabled={save.pending}>{save.pending ? t.app.saving : t.app.save}</button>
        </FormActions>
      </form>
      <ErrorAlert error={save.error ?? loaded.error} testId="smtp-error" />
      {saved ? <Notice testId="smtp-saved">{s.saved}</Notice> : null}
    </section>
  );
}
