// The kiosk's start screen: priority first (most visitors skip it), then one touch on the purpose
// issues the ticket. Large targets filling the portrait screen; nothing else to find.
import { PRIORITIES, type AppError, type Priority, type Service } from '../../../common/contract/index';
import { t } from '../../i18n/id';
import { ErrorAlert, Notice } from '../../components/Alert';

interface KioskStartProps {
  services: Service[];
  loaded: boolean;
  priority: Priority | null;
  onPriority(p: Priority | null): void;
  onPick(serviceCode: string): void;
  pending: boolean;
  error: AppError | null;
  onTouch(): void;
}

export function KioskStart({ services, loaded, priority, onPriority, onPick, pending, error, onTouch }: KioskStartProps) {
  return (
    <div className="kiosk-start" onPointerDown={onTouch} data-testid="kiosk-start">
      <h1 className="kiosk-title">{t.satpam.title}</h1>
      <section className="kiosk-section">
        <h2>{t.satpam.kioskPriority}</h2>
        <div className="kiosk-priorities">
          {PRIORITIES.map((p) => (
            <button
              key={p}
              type="button"
              aria-pressed={priority === p}
              className={`priority-btn${priority === p ? ' selected' : ''}`}
              data-testid={`priority-${p}`}
              onClick={() => onPriority(priority === p ? null : p)}
            >
              {t.priorities[p]}
            </button>
          ))}
        </div>
      </section>
      <section className="kiosk-section kiosk-services-section">
        <h2>{t.satpam.kioskPurpose}</h2>
        {loaded && services.length === 0 ? (
          <Notice tone="warn" testId="no-services">
            {t.satpam.noServices}
          </Notice>
        ) : null}
        <ErrorAlert error={error} testId="issue-error" />
        <div className="kiosk-services" style={{ gridTemplateRows: `repeat(${Math.max(1, services.length)}, minmax(0, 1fr))` }}>
          {services.map((s) => (
            <button
              key={s.id}
              type="button"
              className="service-btn"
              data-testid={`service-${s.code}`}
              disabled={pending}
              onClick={() => onPick(s.code)}
            >
              <span className="service-code">{s.code}</span>
              <span className="service-name">{s.name}</span>
            </button>
          ))}
        </div>
      </section>
    </div>
  );
}
