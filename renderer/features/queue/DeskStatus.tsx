// The desk's own state: Buka (calls visitors), Istirahat and Tutup (calls nobody; the host refuses
// calls with DESK_PAUSED). Shown above "Panggil berikutnya" so the person sees why nothing is called.
import type { Desk } from '../../../common/contract/index';
import { t } from '../../i18n/id';
import { useAction } from '../../app/hooks';
import { api } from '../../app/state/api';
import { useApp } from '../../app/state/app';
import { ErrorAlert } from '../../components/Alert';

const STATUSES: Desk['status'][] = ['open', 'paused', 'closed'];

export function DeskStatus() {
  const desk = useApp((s) => s.desk);
  const action = useAction();
  if (!desk) return null;
  async function set(status: Desk['status']) {
    const r = await action.run(() => api('desks.setStatus', { status }));
    if (r.ok) useApp.getState().set({ desk: r.value });
  }
  return (
    <div className="desk-status" role="group" aria-label={t.queue.deskStatus} data-testid="desk-status" data-status={desk.status}>
      {STATUSES.map((s) => (
        <button
          key={s}
          type="button"
          className={`btn btn-sm ${desk.status === s ? 'btn-primary' : 'btn-secondary'}`}
          aria-pressed={desk.status === s}
          data-testid={`desk-status-${s}`}
          disabled={action.pending}
          onClick={() => void set(s)}
        >
          {t.admin.desks.statuses[s]}
        </button>
      ))}
      {desk.status !== 'open' ? (
        <p className="muted" data-testid="desk-status-note">
          {t.queue.deskNotOpen}
        </p>
      ) : null}
      <ErrorAlert error={action.error} testId="desk-status-error" />
    </div>
  );
}
