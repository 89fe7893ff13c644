// Devices of the host: which CUPS queue prints the satpam's tickets. "No printer" is a real
// choice: the kiosk then prints through the browser's own print dialog.
import { useState, type FormEvent } from 'react';
import { t } from '../../i18n/id';
import { useAction, useLoad } from '../../app/hooks';
import { api } from '../../app/state/api';
import { ErrorAlert, Notice } from '../../components/Alert';
import { FormActions } from '../../components/Field';

/** The select's value for "no printer" (the contract's null). */
const NONE = '';

export function DevicesPanel() {
  const devices = useLoad(() => api('devices.printers', {}));
  // undefined: the select follows the saved printer; a string: the admin's pick, not saved yet.
  const [choice, setChoice] = useState<string | undefined>(undefined);
  const [saved, setSaved] = useState(false);
  const [reloading, setReloading] = useState(false);
  const save = useAction();

  const data = devices.data;
  const printers = data?.printers ?? [];
  const current = data?.ticketPrinter ?? null;
  const value = choice ?? current ?? NONE;
  // A saved printer the host no longer lists stays selectable, so the select shows the truth.
  const currentMissing = current !== null && data !== null && !printers.some((p) => p.name === current);

  async function reload() {
    setReloading(true);
    try {
      await devices.reload();
    } finally {
      setReloading(false);
    }
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    const r = await save.run(() => api('settings.devices', { ticketPrinter: value === NONE ? null : value }));
    if (r.ok) {
      if (data) devices.setData({ ...data, ticketPrinter: r.value.ticketPrinter });
      setChoice(undefined);
      setSaved(true);
    }
  }

  return (
    <section className="admin-panel" data-testid="admin-devices" data-state={devices.state}>
      <ErrorAlert error={devices.error} testId="devices-load-error" />
      <div className="panel">
        <div className="panel-head">
          <h2>{t.admin.devices.printers}</h2>
          <button type="button" className="btn btn-secondary" data-testid="printers-reload" disabled={reloading} onClick={() => void reload()}>
            {reloading ? t.admin.devices.reloading : t.admin.devices.reload}
          </button>
        </div>
        {data?.error ? (
          <div className="alert alert-error" role="alert" data-testid="printers-error">
            {data.error}
          </div>
        ) : null}
        {data && !data.error && printers.length === 0 ? (
          <Notice tone="info" testId="printers-empty">
            {t.admin.devices.empty}
          </Notice>
        ) : null}
        {printers.length > 0 ? (
          <table className="table table-flat" data-testid="printers-list">
            <thead>
              <tr>
                <th>{t.admin.devices.name}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {printers.map((p) => (
                <tr key={p.name} data-testid={`printer-row-${p.name}`}>
                  <td className="printer-name">{p.name}</td>
                  <td>
                    <span className="badges">
                      {p.isDefault ? <span className="badge">{t.admin.devices.systemDefault}</span> : null}
                      {p.name === current ? <span className="badge badge-in-use">{t.admin.devices.inUse}</span> : null}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </div>

      <form className="panel" onSubmit={(e) => void submit(e)} noValidate>
        <h2>{t.admin.devices.title}</h2>
        <p className="muted">{t.admin.devices.hint}</p>
        <p className="saved-setting" data-testid="ticket-printer-current" data-printer={current ?? ''}>
          <span className="muted">{t.admin.devices.current}: </span>
          <strong>{current ? t.admin.devices.currentPrinter(current) : t.admin.devices.currentNone}</strong>
        </p>
        {currentMissing ? (
          <Notice tone="warn" testId="ticket-printer-missing">
            {t.admin.devices.missingWarn(current)}
          </Notice>
        ) : null}
        <div className="field">
          <label htmlFor="ticket-printer-select">{t.admin.devices.choose}</label>
          <select
            id="ticket-printer-select"
            data-testid="ticket-printer-select"
            value={value}
            disabled={devices.state !== 'ready'}
            onChange={(e) => {
              setChoice(e.target.value);
              setSaved(false);
            }}
          >
            <option value={NONE}>{t.admin.devices.none}</option>
            {currentMissing ? <option value={current}>{t.admin.devices.missing(current)}</option> : null}
            {printers.map((p) => (
              <option key={p.name} value={p.name}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <ErrorAlert error={save.error} testId="ticket-printer-error" />
        {saved ? <Notice testId="ticket-printer-saved">{t.admin.devices.saved}</Notice> : null}
        <FormActions>
          <button type="submit" className="btn btn-primary" data-testid="ticket-printer-save" disabled={save.pending || devices.state !== 'ready'}>
            {save.pending ? t.app.saving : t.app.save}
          </button>
        </FormActions>
      </form>
    </section>
  );
}
