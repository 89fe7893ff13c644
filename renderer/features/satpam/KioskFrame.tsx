// The locked kiosk's frame: the whole portrait screen, the office, date and clock on top, no menu
// and no sign-out a visitor could touch by accident: staff hold the corner button for 3 seconds.
import { useRef, useState, type ReactNode } from 'react';
import { officeDateLong, officeTime } from '../../../common/domain/time';
import { t } from '../../i18n/id';
import { useHostNow } from '../../app/hooks';
import { officeZone } from '../../app/hostClock';
import { logout } from '../../app/state/boot';
import { ConnectionIndicator, UnreachableBanner } from '../../components/Layout';
import './kiosk.css';

const EXIT_HOLD_MS = 3000;

interface KioskFrameProps {
  officeName: string;
  state: 'loading' | 'ready';
  children: ReactNode;
}

export function KioskFrame({ officeName, state, children }: KioskFrameProps) {
  const now = useHostNow(1000);
  const tz = officeZone();
  return (
    <div className="page kiosk kiosk-locked" data-testid="page-satpam" data-state={state} data-kiosk="locked">
      <header className="kiosk-bar">
        <div className="kiosk-office" data-testid="kiosk-office">
          {officeName}
        </div>
        <div className="kiosk-clock">
          <span className="kiosk-time" data-testid="kiosk-time">
            {officeTime(new Date(now), tz)}
          </span>
          <span className="kiosk-date">{officeDateLong(new Date(now), tz)}</span>
        </div>
      </header>
      <UnreachableBanner />
      <main className="kiosk-main">{children}</main>
      <footer className="kiosk-foot">
        <ConnectionIndicator />
        <HoldToExit />
      </footer>
    </div>
  );
}

/** Signs out only after a 3-second press: staff know, a passing visitor's tap does nothing. */
function HoldToExit() {
  const timer = useRef<number | undefined>(undefined);
  const [holding, setHolding] = useState(false);
  const stop = () => {
    window.clearTimeout(timer.current);
    setHolding(false);
  };
  return (
    <button
      type="button"
      className={`kiosk-exit${holding ? ' holding' : ''}`}
      data-testid="kiosk-exit"
      onPointerDown={() => {
        setHolding(true);
        timer.current = window.setTimeout(() => void logout(), EXIT_HOLD_MS);
      }}
      onPointerUp={stop}
      onPointerLeave={stop}
      onPointerCancel={stop}
      onContextMenu={(e) => e.preventDefault()}
    >
      {t.satpam.kioskExit}
    </button>
  );
}
