// Desks (PCs and browsers allowed to use the host): their counter number, the services each calls,
// their state, and short pairing codes. A new desk gets its pairing code straight away.
import { useState, type FormEvent } from 'react';
import type { CallOutput, DeskWithServices, Service } from '../../../common/contract/index';
import { t } from '../../i18n/id';
import { dateTime } from '../../app/format';
import { useAction, useLoad } from '../../app/hooks';
import { api } from '../../app/state/api';
import { useApp } from '../../app/state/app';
import { ErrorAlert, Notice } from '../../components/Alert';
import { Field, FormActions } from '../../components/Field';
import { PairingCard, type Pairing } from './PairingCard';

export function DesksPanel() {
  const desks = useLoad(() => api('desks.list', {}));
  const services = useLoad(() => api('services.list', {}));
  const here = useApp((s) => s.desk?.id ?? null);
  const [pairing, setPairing] = useState<Pairing | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const revoke = useAction();
  const code = useAction();
  const choose = useAction();

  async function doRevoke(deskId: string) {
    const r = await revoke.run(() => api('desks.revoke', { deskId }));
    setConfirming(null);
    if (r.ok) void desks.reload();
  }

  async function makeCode(deskId: string, deskToken: string | null = null) {
    const r = await code.run(() => api('desks.pairingCode', { deskId }));
    if (r.ok) setPairing({ ...r.value, deskToken });
  }

  async function setServices(desk: DeskWithServices, serviceCodes: string[]) {
    setSaved(null);
    const r = await choose.run(() => api('desks.setServices', { deskId: desk.id, serviceCodes }));
    if (r.ok) {
      setSaved(t.admin.desks.servicesSaved(desk.name));
      void desks.reload();
    }
  }

  const active = (services.data ?? []).filter((s) => s.active);
  return (
    <section className="admin-panel" data-testid="admin-desks" data-state={desks.state === 'ready' && services.state === 'ready' ? 'ready' : 'loading'}>
      <ErrorAlert error={desks.error ?? services.error} testId="desks-error" />
      <CreateDesk
        onCreated={(c) => {
          void desks.reload();
          void makeCode(c.desk.id, c.deskToken);
        }}
      />
      <ErrorAlert error={code.error} testId="desk-code-error" />
      {pairing ? <PairingCard pairing={pairing} onClose={() => setPairing(null)} /> : null}
      <ErrorAlert error={revoke.error ?? choose.error} testId="desk-revoke-error" />
      {saved ? <Notice testId="desk-services-saved">{saved}</Notice> : null}
      <table className="table desks-table">
        <thead>
          <tr>
            <th>{t.admin.desks.counterNo}</th>
            <th>{t.admin.desks.name}</th>
            <th>
              {t.admin.desks.services}
              <small className="hint"> {t.admin.desks.servicesHint}</small>
            </th>
            <th>{t.admin.desks.status}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {(desks.data ?? []).map((d) => (
            <tr key={d.id} data-testid={`desk-row-${d.counterNo}`} className={d.revokedAt ? 'row-inactive' : ''}>
              <td className="desk-counter">{d.counterNo}</td>
              <td>
                {d.name}
                {d.id === here ? <small className="hint"> ({t.admin.desks.thisDesk})</small> : null}
                <br />
                <small className="hint">
                  {t.admin.desks.createdAt} {dateTime(d.createdAt)}
                </small>
              </td>
              <td>
                {d.revokedAt ? null : <ServiceChecks desk={d} services={active} disabled={choose.pending} onChange={(codes) => void setServices(d, codes)} />}
              </td>
              <td data-testid={`desk-status-${d.counterNo}`}>
                {d.revokedAt ? `${t.admin.desks.revoked} ${dateTime(d.revokedAt)}` : t.admin.desks.statuses[d.status]}
              </td>
              <td>
                {d.revokedAt ? null : (
                  <div className="desk-actions">
                    {d.id === here ? null : (
                      <button type="button" className="btn btn-primary btn-sm" data-testid={`desk-make-code-${d.counterNo}`} disabled={code.pending} onClick={() => void makeCode(d.id)}>
                        {t.admin.desks.makeCode}
                      </button>
                    )}
                    {confirming === d.id ? (
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
                      <button type="button" className="btn btn-ghost btn-sm" data-testid={`desk-revoke-${d.counterNo}`} onClick={() => setConfirming(d.id)}>
                        {t.admin.desks.revoke}
                      </button>
                    )}
                  </div>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function ServiceChecks({ desk, services, disabled, onChange }: { desk: DeskWithServices; services: Service[]; disabled: boolean; onChange(codes: string[]): void }) {
  const chosen = desk.serviceCodes;
  return (
    <div className="checks desk-services" data-testid={`desk-services-${desk.counterNo}`}>
      {services.map((s) => (
        <label key={s.code} className="check" title={s.name}>
          <input
            type="checkbox"
            data-testid={`desk-service-${desk.counterNo}-${s.code}`}
            checked={chosen.includes(s.code)}
            disabled={disabled}
            onChange={(e) => onChange(e.target.checked ? [...chosen, s.code] : chosen.filter((c) => c !== s.code))}
          />
          {s.code} · {s.name}
        </label>
      ))}
      {chosen.length === 0 ? <small className="hint">{t.admin.desks.allServices}</small> : null}
    </div>
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
        <Field
          label={t.admin.desks.counterNo}
          testId="desk-counter"
          inputMode="numeric"
          value={counterNo}
          onChange={setCounterNo}
          error={fields.counterNo}
          hint={t.admin.desks.counterHint}
        />
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
