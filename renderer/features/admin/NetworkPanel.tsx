// Where the host listens on the office LAN, for an admin who cannot pass start-up flags: what is in
// force now and the URLs to open on desks and TVs, and the address and port to use from the next
// start. The host checks the address is its own and applies the choice only when Loket restarts.
import { useState, type FormEvent } from 'react';
import type { NetworkSettings } from '../../../common/contract/index';
import { t } from '../../i18n/id';
import { useAction, useLoad } from '../../app/hooks';
import { api } from '../../app/state/api';
import { ErrorAlert, Notice } from '../../components/Alert';
import { Field, FormActions } from '../../components/Field';

const LOOPBACK = '127.0.0.1';
const ALL_NETWORKS = '0.0.0.0';
const tn = t.admin.network;

function addressLabel(address: string, data: NetworkSettings): string {
  if (address === LOOPBACK) return tn.loopback(address);
  if (address === ALL_NETWORKS) return tn.allNetworks(address);
  const local = data.addresses.find((a) => a.address === address);
  return local ? tn.address(address, local.interface) : tn.missing(address);
}

function sourceText(data: NetworkSettings): string {
  if (data.source === 'flag') return tn.sourceFlag;
  return data.source === 'setting' ? tn.sourceSetting : tn.sourceDefault;
}

export function NetworkPanel() {
  const network = useLoad(() => api('network.get', {}));
  // undefined: the inputs follow the saved choice; a string: the admin's edit, not saved yet.
  const [address, setAddress] = useState<string | undefined>(undefined);
  const [port, setPort] = useState<string | undefined>(undefined);
  const [saved, setSaved] = useState<NetworkSettings | null>(null);
  const save = useAction();

  const data = network.data;
  const addressValue = address ?? data?.bindAddress ?? LOOPBACK;
  const portValue = port ?? (data ? String(data.port) : '');
  const lanAddresses = (data?.addresses ?? []).filter((a) => a.address !== LOOPBACK);
  // A saved address the PC no longer has stays selectable, so the select shows the truth.
  const savedMissing = data !== null && ![LOOPBACK, ALL_NETWORKS, ...lanAddresses.map((a) => a.address)].includes(data.bindAddress);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(null);
    const r = await save.run(() => api('network.save', { bindAddress: addressValue, port: Number(portValue.trim()) }));
    if (r.ok) {
      network.setData(r.value);
      setAddress(undefined);
      setPort(undefined);
      setSaved(r.value);
    }
  }

  const edited = () => setSaved(null);
  const fieldErrors = save.error?.fields;

  return (
    <section className="admin-panel" data-testid="admin-network" data-state={network.state}>
      <ErrorAlert error={network.error} testId="network-load-error" />
      {data ? (
        <div className="panel">
          <h2>{tn.currentTitle}</h2>
          <p
            className="saved-setting"
            data-testid="network-current"
            data-address={data.effectiveBindAddress}
            data-port={data.effectivePort}
            data-source={data.source}
          >
            <span className="muted">{tn.inUse}: </span>
            <strong>
              {addressLabel(data.effectiveBindAddress, data)}, {tn.port.toLowerCase()} {data.effectivePort}
            </strong>
            <br />
            <span className="muted" data-testid="network-source">
              {sourceText(data)}
            </span>
          </p>
          {/* Start-up flags are for a technician: folded away, never in the sentences above. */}
          {data.source === 'flag' ? (
            <details className="technical" data-testid="network-technical">
              <summary>{tn.technical.title}</summary>
              <p className="hint">{tn.technical.flags}</p>
            </details>
          ) : null}
          {data.warning ? (
            <Notice tone="warn" testId="network-warning">
              {data.warning}
            </Notice>
          ) : null}
          {data.restartNeeded && !data.warning && !saved ? (
            <Notice tone="info" testId="network-pending">
              {tn.pending(`${addressLabel(data.bindAddress, data)}, ${tn.port.toLowerCase()} ${data.port}`)}
            </Notice>
          ) : null}
          {/* Once a LAN choice is saved and waits for a restart, asking for one again would confuse. */}
          {data.effectiveBindAddress === LOOPBACK && !data.restartNeeded ? (
            <Notice tone="info" testId="network-local-only">
              {tn.localOnly}
            </Notice>
          ) : null}
          <h3>{tn.urlsTitle}</h3>
          <table className="table table-flat" data-testid="network-urls">
            <thead>
              <tr>
                <th>{tn.hostUrl}</th>
                <th>{tn.displayUrl}</th>
                <th>{tn.kioskUrl}</th>
              </tr>
            </thead>
            <tbody>
              {data.urls.map((url) => (
                <tr key={url} data-testid="network-url">
                  <td className="url">{url}</td>
                  <td className="url" data-testid="network-display-url">{`${url}/#/display`}</td>
                  <td className="url" data-testid="network-kiosk-url">{`${url}/#/satpam`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}

      <form className="panel" onSubmit={(e) => void submit(e)} noValidate>
        <h2>{tn.formTitle}</h2>
        <p className="muted">{tn.hint}</p>
        <div className={`field${fieldErrors?.bindAddress ? ' field-invalid' : ''}`}>
          <label htmlFor="network-address">{tn.addressLabel}</label>
          <select
            id="network-address"
            data-testid="network-address"
            value={addressValue}
            disabled={!data}
            aria-invalid={fieldErrors?.bindAddress ? true : undefined}
            aria-describedby={fieldErrors?.bindAddress ? 'network-address-error' : undefined}
            onChange={(e) => {
              setAddress(e.target.value);
              edited();
            }}
          >
            <option value={LOOPBACK}>{tn.loopback(LOOPBACK)}</option>
            <option value={ALL_NETWORKS}>{tn.allNetworks(ALL_NETWORKS)}</option>
            {lanAddresses.map((a) => (
              <option key={a.address} value={a.address}>
                {tn.address(a.address, a.interface)}
              </option>
            ))}
            {data && savedMissing ? <option value={data.bindAddress}>{tn.missing(data.bindAddress)}</option> : null}
          </select>
          {fieldErrors?.bindAddress ? (
            <small id="network-address-error" className="field-error" data-testid="network-address-error">
              {fieldErrors.bindAddress}
            </small>
          ) : null}
        </div>
        <Field
          label={tn.port}
          testId="network-port"
          inputMode="numeric"
          className="input-port"
          value={portValue}
          disabled={!data}
          hint={tn.portHint}
          error={fieldErrors?.port}
          onChange={(v) => {
            setPort(v);
            edited();
          }}
        />
        <ErrorAlert error={save.error} testId="network-save-error" />
        {saved ? (
          <Notice testId="network-saved">{saved.restartNeeded ? tn.savedRestart : saved.source === 'flag' ? tn.savedFlag : tn.savedNow}</Notice>
        ) : null}
        <FormActions>
          <button type="submit" className="btn btn-primary" data-testid="network-save" disabled={save.pending || !data}>
            {save.pending ? t.app.saving : t.app.save}
          </button>
        </FormActions>
      </form>
    </section>
  );
}
