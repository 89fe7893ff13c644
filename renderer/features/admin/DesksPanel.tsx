// Desks (PCs and browsers allowed to use the host). A new desk's pairing code is shown once, with
// the host's HTTPS address and certificate fingerprint the desk PC pins.
import { useState, type FormEvent } from 'react';
import type { CallOutput } from '../../../common/contract/index';
import { t } from '../../i18n/id';
import { dateTime } from '../../app/format';
import { useAction, useLoad } from '../../app/hooks';
import { api } from '../../app/state/api';
import { ErrorAlert, Notice } from '../../components/Alert';
import { Field, FormActions } from '../../components/Field';

export function DesksPanel() {
  const desks = useLoad(() => api('desks.list', {}));
  const [created, setCreated] = useState<Created | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const revoke = useAction();

  async function doRevoke(deskId: string) {
    const r = await revoke.run(() => api('desks.revoke', { deskId }));
    setConfirming(null);
    if (r.ok) void desks.reload();
  }

  return (
    <section className="admin-panel" data-testid="admin-desks" data-state={desks.state}>
      <ErrorAlert error={desks.error} testId="desks-error" />
      <CreateDesk
        onCreated={(c) => {
          setCreated(c);
          void desks.reload();
        }}
      />
      {created ? <TokenOnce created={created} onClose={() => setCreated(null)} /> : null}
      <ErrorAlert error={revoke.error} testId="desk-revoke-error" />
      <table className="table">
        <thead>
          <tr>
            <th>{t.admin.desks.name}</th>
            <th>{t.admin.desks.counterNo}</th>
            <th>{t.admin.desks.createdAt}</th>
            <th>{t.admin.desks.status}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {(desks.data ?? []).map((d) => (
            <tr key={d.id} data-testid={`desk-row-${d.counterNo}`} className={d.revokedAt ? 'row-inactive' : ''}>
              <td>{d.name}</td>
              <td>{d.counterNo}</td>
              <td>{dateTime(d.createdAt)}</td>
              <td>{d.revokedAt ? `${t.admin.desks.revoked} ${dateTime(d.revokedAt)}` : t.admin.desks.active}</td>
              <td>
                {d.revokedAt ? null : confirming === d.id ? (
                  <span className="confirm">
                    {t.admin.desks.revokeConfirm}{' '}
                    <button type="button" className="btn btn-danger" data-testid={`desk-revoke-confirm-${d.counterNo}`} disabled={revoke.pending} onClick={() => void doRevoke(d.id)}>
                      {t.app.yes}
                    </button>{' '}
                    <button type="button" className="btn btn-ghost" onClick={() => setConfirming(null)}>
                      {t.app.no}
                    </button>
                  </span>
                ) : (
                  <button type="button" className="btn btn-ghost" data-testid={`desk-revoke-${d.counterNo}`} onClick={() => setConfirming(d.id)}>
                    {t.admin.desks.revoke}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

type Created = CallOutput<'desks.create'>;

function CreateDesk({ onCreated }: { onCreated(c: Created): void }) {
  const [name, setName] = useState('');
  const [counterNo, setCounterNo] = useState('');
  const create = useAction();
  const fields = create.error?.fields ?? {};

  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await create.run(() => api('desks.create', { name, counterNo: Number.parseInt(counterNo, 10) }));
    if (r.ok) {
      setName('');
      setCounterNo('');
      onCreated(r.value);
    }
  }

  return (
    <form className="panel" onSubmit={(e) => void submit(e)} noValidate>
      <h2>{t.admin.desks.create}</h2>
      <div className="form-grid">
        <Field label={t.admin.desks.name} testId="desk-name" value={name} onChange={setName} error={fields.name} />
        <Field label={t.admin.desks.counterNo} testId="desk-counter" inputMode="numeric" value={counterNo} onChange={setCounterNo} error={fields.counterNo} />
      </div>
      <ErrorAlert error={create.error} testId="desk-create-error" />
      <FormActions>
        <button type="submit" className="btn btn-primary" data-testid="desk-create" disabled={create.pending}>
          {t.admin.desks.submit}
        </button>
      </FormActions>
    </form>
  );
}

function TokenOnce({ created, onClose }: { created: Created; onClose(): void }) {
  const { desk, deskToken: token, hostFingerprint, hostTlsUrl } = created;
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(token);
      setCopied(true);
    } catch {
      // Clipboard can be refused (no permission); the code stays selectable in the box.
      setCopied(false);
    }
  }
  return (
    <div className="panel token-once" data-testid="desk-token-panel">
      <h3>
        {t.admin.desks.tokenTitle}: {desk.name} ({t.app.counter(desk.counterNo)})
      </h3>
      <p>{t.admin.desks.tokenOnce}</p>
      <input className="token" readOnly value={token} data-testid="desk-token" onFocus={(e) => e.target.select()} aria-label={t.admin.desks.tokenTitle} />
      <FormActions>
        <button type="button" className="btn btn-primary" data-testid="desk-token-copy" onClick={() => void copy()}>
          {t.admin.desks.copy}
        </button>
        <button type="button" className="btn btn-ghost" data-testid="desk-token-close" onClick={onClose}>
          {t.app.close}
        </button>
      </FormActions>
      {copied ? <Notice testId="desk-token-copied">{t.admin.desks.copied}</Notice> : null}
      {hostFingerprint && hostTlsUrl ? (
        <div className="desk-host" data-testid="desk-host">
          <h4>{t.admin.desks.hostTitle}</h4>
          <p>{t.admin.desks.hostHelp}</p>
          <dl>
            <dt>{t.admin.desks.hostTlsUrl}</dt>
            <dd>
              <code data-testid="desk-host-url">{hostTlsUrl}</code>
            </dd>
            <dt>{t.admin.desks.fingerprint}</dt>
            <dd>
              <code className="fingerprint" data-testid="desk-fingerprint">
                {hostFingerprint}
              </code>
            </dd>
            <dt>{t.admin.desks.deskCommand}</dt>
            <dd>
              <code data-testid="desk-command">{`--mode desk --host-url ${hostTlsUrl} --host-fingerprint ${hostFingerprint}`}</code>
            </dd>
          </dl>
        </div>
      ) : null}
    </div>
  );
}
