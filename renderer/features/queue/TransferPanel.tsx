// Hand the visitor to another service (new queue) or to a named petugas.
import { useEffect, useState, type FormEvent } from 'react';
import type { AppError, CallOutput, Service, Ticket } from '../../../common/contract/index';
import { t } from '../../i18n/id';
import { useAction } from '../../app/hooks';
import { api } from '../../app/state/api';
import { ErrorAlert } from '../../components/Alert';

type Petugas = CallOutput<'queue.petugasList'>[number];

interface TransferPanelProps {
  ticket: Ticket;
  onDone(ticket: Ticket): void;
  onCancel(): void;
}

export function TransferPanel({ ticket, onDone, onCancel }: TransferPanelProps) {
  const [mode, setMode] = useState<'service' | 'petugas'>('service');
  const [services, setServices] = useState<Service[]>([]);
  const [petugas, setPetugas] = useState<Petugas[]>([]);
  const [serviceCode, setServiceCode] = useState('');
  const [toUserId, setToUserId] = useState('');
  const [ready, setReady] = useState(false);
  const [loadError, setLoadError] = useState<AppError | null>(null);
  const submit = useAction();

  useEffect(() => {
    let cancelled = false;
    void Promise.all([api('services.list', {}), api('queue.petugasList', {})]).then(([s, p]) => {
      if (cancelled) return;
      if (s.ok) setServices(s.value.filter((x) => x.active && x.code !== ticket.serviceCode));
      if (p.ok) setPetugas(p.value);
      setLoadError(!s.ok ? s.error : !p.ok ? p.error : null);
      setReady(true);
    });
    return () => {
      cancelled = true;
    };
    // The lists are loaded once when the panel opens.
  }, []);

  async function send(e: FormEvent) {
    e.preventDefault();
    const input = mode === 'service' ? { ticketId: ticket.id, serviceCode } : { ticketId: ticket.id, toUserId };
    const r = await submit.run(() => api('queue.transfer', input));
    if (r.ok) onDone(r.value);
  }

  const canSend = mode === 'service' ? serviceCode !== '' : toUserId !== '';
  return (
    <form className="transfer panel" onSubmit={(e) => void send(e)} data-testid="transfer-panel" data-state={ready ? 'ready' : 'loading'}>
      <h3>{t.transfer.title}</h3>
      <div className="segmented" role="radiogroup">
        <label>
          <input type="radio" name="transfer-mode" data-testid="transfer-mode-service" checked={mode === 'service'} onChange={() => setMode('service')} />
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
      <ErrorAlert error={submit.error} testId="transfer-error" />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" data-testid="transfer-submit" disabled={!canSend || submit.pending}>
          {t.transfer.submit}
        </button>
        <button type="button" className="btn btn-ghost" data-testid="transfer-cancel" onClick={onCancel}>
          {t.app.cancel}
        </button>
      </div>
    </form>
  );
}
