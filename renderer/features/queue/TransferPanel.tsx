// Hand the visitor to another service (new queue) or to a named petugas. The move itself goes
// through the desk (CurrentTicket), which asks for the case first when it is not saved.
import { useEffect, useState, type FormEvent } from 'react';
import type { AppError, CallOutput, Service, Ticket } from '../../../common/contract/index';
import { t } from '../../i18n/id';
import { api } from '../../app/state/api';
import { ErrorAlert } from '../../components/Alert';

type Petugas = CallOutput<'queue.petugasList'>[number];
export type TransferTarget = { serviceCode: string } | { toUserId: string };

interface TransferPanelProps {
  ticket: Ticket;
  pending: boolean;
  error: AppError | null;
  send(target: TransferTarget): void;
  onCancel(): void;
}

export function TransferPanel({ ticket, pending, error, send, onCancel }: TransferPanelProps) {
  const [mode, setMode] = useState<'service' | 'petugas'>('service');
  const [services, setServices] = useState<Service[]>([]);
  const [petugas, setPetugas] = useState<Petugas[]>([]);
  const [serviceCode, setServiceCode] = useState('');
  const [toUserId, setToUserId] = useState('');
  const [ready, setReady] = useState(false);
  const [loadError, setLoadError] = useState<AppError | null>(null);

  useEffect(() => {
    let cancelled = false;
    void Promise.all([api('services.list', {}), api('queue.petugasList', {})]).then(([s, p]) => {
      if (cancelled) return;
      if (s.ok) setServices(s.value.filter((x) => x.active && x.code !== ticket.serviceCode));
      if (p.ok) setPetugas(p.value);
      setLoadError(!s.ok ? s.error : !p.ok ? p.error : null);
      setReady(true);
      document.getElementById('transfer-mode-service')?.focus();
    });
    return () => {
      cancelled = true;
    };
    // The lists are loaded once when the panel opens.
  }, []);

  function submit(e: FormEvent) {
    e.preventDefault();
    send(mode === 'service' ? { serviceCode } : { toUserId });
  }

  const canSend = mode === 'service' ? serviceCode !== '' : toUserId !== '';
  return (
    <form className="transfer subpanel" onSubmit={submit} data-testid="transfer-panel" data-state={ready ? 'ready' : 'loading'}>
      <div className="segmented" role="radiogroup">
        <label>
          <input type="radio" name="transfer-mode" id="transfer-mode-service" data-testid="transfer-mode-service" checked={mode === 'service'} onChange={() => setMode('service')} />
          {t.transfer.toService}
        </label>
        <label>
          <input type="radio" name="transfer-mode" data-testid="transfer-mode-petugas" checked={mode === 'petugas'} onChange={() => setMode('petugas')} />
          {t.transfer.toPetugas}
        </label>
      </div>
      <ErrorAlert error={loadError} testId="transfer-load-error" />
      {mode === 'service' ? (
        <div className="field">
          <label htmlFor="transfer-service">{t.transfer.service}</label>
          <select id="transfer-service" data-testid="transfer-service" value={serviceCode} onChange={(e) => setServiceCode(e.target.value)}>
            <option value="">{t.transfer.choose}</option>
            {services.map((s) => (
              <option key={s.id} value={s.code}>
                {s.code} — {s.name}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <div className="field">
          <label htmlFor="transfer-petugas">{t.transfer.petugas}</label>
          <select id="transfer-petugas" data-testid="transfer-petugas" value={toUserId} onChange={(e) => setToUserId(e.target.value)}>
            <option value="">{t.transfer.choose}</option>
            {petugas.map((p) => (
              <option key={p.id} value={p.id}>
                {p.fullName}
              </option>
            ))}
          </select>
          <small className="hint">{t.transfer.petugasHint}</small>
        </div>
      )}
      <ErrorAlert error={error} testId="transfer-error" />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" data-testid="transfer-submit" disabled={!canSend || pending}>
          {t.transfer.submit}
        </button>
        <button type="button" className="btn btn-ghost" data-testid="transfer-cancel" onClick={onCancel}>
          {t.app.cancel}
        </button>
      </div>
    </form>
  );
}
