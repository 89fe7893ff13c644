// Admin → BPJS: the bridging services' addresses and credentials, and "Tes koneksi". Secrets are
// write-only: the screen shows "tersimpan" and sends a new value only when one is typed.
import { useEffect, useState, type FormEvent } from 'react';
import type { BpjsSettingsView } from '../../../common/contract/index';
import { t } from '../../i18n/id';
import { useAction, useLoad } from '../../app/hooks';
import { api } from '../../app/state/api';
import { ErrorAlert, Notice } from '../../components/Alert';
import { Field, FormActions } from '../../components/Field';

type Plain = Omit<BpjsSettingsView, 'stored' | 'timeoutMs'> & { timeoutSec: string };
const SECRETS = ['secret', 'userKey', 'pcarePassword'] as const;
type Secret = (typeof SECRETS)[number];

export function BpjsPanel() {
  const loaded = useLoad(() => api('membership.settings.get', {}));
  const [form, setForm] = useState<Plain | null>(null);
  const [secrets, setSecrets] = useState<Record<Secret, string>>({ secret: '', userKey: '', pcarePassword: '' });
  const [saved, setSaved] = useState(false);
  const save = useAction();
  const test = useAction();
  const [testResult, setTestResult] = useState<{ ok: boolean; message: string } | null>(null);

  useEffect(() => {
    if (!loaded.data) return;
    const { stored: _stored, timeoutMs, ...plain } = loaded.data;
    setForm({ ...plain, timeoutSec: String(Math.round(timeoutMs / 1000)) });
  }, [loaded.data]);

  if (!form) return <section className="panel" data-testid="admin-bpjs" data-state="loading" />;
  const stored = loaded.data!.stored;
  const bind = (k: Exclude<keyof Plain, 'service'>) => ({
    value: form[k],
    onChange: (v: string) => {
      setForm({ ...form, [k]: v });
      setSaved(false);
    },
    error: save.error?.fields?.[k === 'timeoutSec' ? 'timeoutMs' : k],
  });

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!form) return;
    const { timeoutSec, ...plain } = form;
    const typed = Object.fromEntries(SECRETS.filter((s) => secrets[s]).map((s) => [s, secrets[s]]));
    const r = await save.run(() => api('membership.settings.save', { ...plain, timeoutMs: Math.round(Number(timeoutSec) * 1000) || 10_000, ...typed }));
    if (!r.ok) return;
    loaded.setData(r.value);
    setSecrets({ secret: '', userKey: '', pcarePassword: '' });
    setSaved(true);
  }

  async function runTest() {
    setTestResult(null);
    const r = await test.run(() => api('membership.settings.test', {}));
    if (r.ok) setTestResult(r.value);
  }

  return (
    <section className="panel" data-testid="admin-bpjs" data-state={save.pending ? 'saving' : 'ready'}>
      <h2>{t.bpjs.title}</h2>
      <p className="muted">{t.bpjs.hint}</p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <div className="field">
          <label htmlFor="bpjs-service">{t.bpjs.service}</label>
          <select id="bpjs-service" data-testid="bpjs-service" value={form.service} onChange={(e) => setForm({ ...form, service: e.target.value as Plain['service'] })}>
            <option value="pcare">{t.bpjs.pcare}</option>
            <option value="vclaim">{t.bpjs.vclaim}</option>
          </select>
        </div>
        <Field label={t.bpjs.pcareUrl} testId="bpjs-pcare-url" placeholder="https://apijkn.bpjs-kesehatan.go.id/pcare-rest/" {...bind('pcareUrl')} />
        <Field label={t.bpjs.vclaimUrl} testId="bpjs-vclaim-url" placeholder="https://apijkn.bpjs-kesehatan.go.id/vclaim-rest/" {...bind('vclaimUrl')} />
        <Field label={t.bpjs.consId} testId="bpjs-cons-id" inputMode="numeric" {...bind('consId')} />
        {SECRETS.map((s) => (
          <Field
            key={s}
            type="password"
            autoComplete="new-password"
            label={t.bpjs[s]}
            testId={`bpjs-${s}`}
            hint={stored[s] ? t.bpjs.storedHint : t.bpjs.notStored}
            placeholder={stored[s] ? t.bpjs.stored : ''}
            value={secrets[s]}
            onChange={(v) => {
              setSecrets({ ...secrets, [s]: v });
              setSaved(false);
            }}
          />
        ))}
        <Field label={t.bpjs.pcareUser} testId="bpjs-pcare-user" {...bind('pcareUser')} />
        <Field label={t.bpjs.appCode} testId="bpjs-app-code" {...bind('appCode')} />
        <Field label={t.bpjs.timeout} testId="bpjs-timeout" inputMode="numeric" {...bind('timeoutSec')} />
        <FormActions>
          <button type="submit" className="btn btn-primary" data-testid="bpjs-save" disabled={save.pending}>{save.pending ? t.app.saving : t.app.save}</button>
          <button type="button" className="btn btn-secondary" data-testid="bpjs-test" disabled={test.pending} onClick={() => void runTest()}>
            {test.pending ? t.bpjs.testing : t.bpjs.test}
          </button>
        </FormActions>
      </form>
      <ErrorAlert error={save.error ?? test.error ?? loaded.error} testId="bpjs-error" />
      {saved ? <Notice testId="bpjs-saved">{t.bpjs.saved}</Notice> : null}
      {testResult ? <Notice testId="bpjs-test-result" tone={testResult.ok ? 'ok' : 'warn'}>{testResult.message}</Notice> : null}
    </section>
  );
}
