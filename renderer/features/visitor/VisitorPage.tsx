// The visitor's phone, behind the ticket's QR code: that ticket's place in line, the counters'
// latest calls and its own call when it comes, big, with a sound and a vibration. Public, numbers
// only. Live through the TV's own feed: every call on the board makes the page ask again.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AppError, DisplayEvent, VisitorStatus } from '../../../common/contract/index';
import { officeTime } from '../../../common/domain/time';
import { call } from '../../app/client';
import { setOfficeTimeZone } from '../../app/hostClock';
import { Announcer } from '../display/announcer';
import { canAutoplay, createAudioPlayer, unlockAudio } from '../display/audioPlayer';
import { useDisplayFeed } from '../display/useDisplayFeed';
import { visitorText as t } from './strings';
import './visitor.css';

type Alerts = 'off' | 'on';
/** Long enough to notice in a pocket, short enough not to alarm: buzz, pause, buzz, pause, long buzz. */
const VIBRATION = [400, 200, 400, 200, 900];

export default function VisitorPage({ token }: { token: string }) {
  const [status, setStatus] = useState<VisitorStatus | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [alerts, setAlerts] = useState<Alerts>('off');
  const alertsRef = useRef<Alerts>(alerts);
  alertsRef.current = alerts;
  // Bumped on each call of this ticket: restarts the flash and counts calls for tests.
  const [calls, setCalls] = useState(0);
  const audio = useMemo(() => {
    const player = createAudioPlayer();
    return { player, announcer: new Announcer(player.play) };
  }, []);

  const load = useCallback(async () => {
    const r = await call('visitor.status', { token });
    if (r.ok) {
      setOfficeTimeZone(r.value.timeZone);
      setStatus(r.value);
      setError(null);
    } else setError(r.error);
    return r.ok ? r.value : null;
  }, [token]);

  const label = status?.label ?? null;
  const labelRef = useRef(label);
  labelRef.current = label;

  const onEvent = useCallback(
    (event: DisplayEvent) => {
      void load();
      const called = event.announce;
      if (!called || called.label !== labelRef.current) return;
      setCalls((n) => n + 1);
      // A call of this ticket: buzz and speak it, when the visitor allowed it (phones need a touch first).
      if (alertsRef.current === 'on') {
        navigator.vibrate?.(VIBRATION);
        audio.announcer.announce(called);
      } else audio.announcer.markSeen(called.callId);
    },
    [load, audio],
  );
  const { connection } = useDisplayFeed(onEvent);

  useEffect(() => {
    void load();
    let alive = true;
    // Rarely allowed on a phone, but a desktop browser the visitor used before may be.
    void canAutoplay().then((ok) => alive && ok && setAlerts('on'));
    // A phone waking from its pocket may have missed calls while its socket slept.
    const onVisible = () => document.visibilityState === 'visible' && void load();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      alive = false;
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [load]);

  const enableAlerts = () => {
    // Inside the touch: the chime unlocks sound and the short buzz confirms vibration works.
    void unlockAudio(audio.player);
    navigator.vibrate?.(200);
    setAlerts('on');
  };

  const state = status || error ? 'ready' : 'loading';
  return (
    <div
      className="vst"
      data-testid="page-visitor"
      data-state={state}
      data-status={status?.status ?? ''}
      data-calls={calls}
      data-alerts={alerts}
      data-connection={connection}
    >
      <header className="vst-bar">
        <span className="vst-office">{status?.officeName ?? t.title}</span>
        {connection === 'closed' ? <span className="vst-conn">{t.reconnecting}</span> : null}
      </header>
      <main className="vst-main">
        {error ? (
          <p className="vst-error" role="alert" data-testid="visitor-error" data-code={error.code}>
            {error.code === 'NOT_FOUND' || error.code === 'VALIDATION' ? t.notFound : error.code === 'HOST_UNREACHABLE' ? t.unreachable : error.message}
          </p>
        ) : null}
        {status ? <Ticket status={status} flash={calls} /> : error ? null : <p className="vst-loading">{t.loading}</p>}
        {status && alerts === 'off' && isOpen(status) ? (
          <div className="vst-alerts">
            <button type="button" className="vst-alerts-btn" data-testid="visitor-enable-alerts" onClick={enableAlerts}>
              {t.enableAlert}
            </button>
            <span>{t.enableAlertHint}</span>
          </div>
        ) : null}
        {status && alerts === 'on' ? <p className="vst-alerts-on" data-testid="visitor-alerts-on">{t.alertOn}</p> : null}
        {status ? <RecentCalls status={status} /> : null}
        {status ? <p className="vst-updated">{t.updatedAt(officeTime(status.serverTime, status.timeZone, true))}</p> : null}
      </main>
    </div>
  );
}

const isOpen = (s: VisitorStatus) => s.status === 'waiting' || s.status === 'called' || s.status === 'skipped';

function Ticket({ status, flash }: { status: VisitorStatus; flash: number }) {
  const called = status.status === 'called' && status.counterNo !== null;
  return (
    <section className={`vst-ticket${called ? ' vst-called' : ''}`} data-testid="visitor-ticket">
      <div className="vst-caption">{t.yourNumber}</div>
      <div className="vst-label" data-testid="visitor-label">
        {status.label}
      </div>
      <div className="vst-service">{status.serviceName}</div>
      {called ? (
        <div key={flash} className="vst-callout" role="alert" data-testid="visitor-called" data-counter={status.counterNo}>
          <strong>{t.calledTitle}</strong>
          <span className="vst-goto">{t.goTo(status.counterNo!)}</span>
        </div>
      ) : (
        <div className="vst-state" data-testid="visitor-state" role="status">
          <Place status={status} />
        </div>
      )}
    </section>
  );
}

function Place({ status }: { status: VisitorStatus }) {
  switch (status.status) {
    case 'waiting':
      return (
        <>
          <strong className="vst-ahead" data-testid="visitor-ahead" data-ahead={status.ahead}>
            {status.ahead === 0 ? t.next : t.ahead(status.ahead)}
          </strong>
          <span className="vst-wait" data-testid="visitor-wait">
            {t.wait(status.estimatedWaitMin)}
          </span>
          <span className="vst-hint">{t.watchHint}</span>
        </>
      );
    case 'called':
    case 'serving':
      return <strong>{t.serving(status.counterNo)}</strong>;
    case 'skipped':
      return <strong>{t.skipped}</strong>;
    case 'done':
      return <strong>{t.done}</strong>;
    default:
      return <strong>{t.closed}</strong>;
  }
}

function RecentCalls({ status }: { status: VisitorStatus }) {
  return (
    <section className="vst-recent" aria-label={t.recent}>
      <h2>{t.recent}</h2>
      {status.recentCalls.length === 0 ? (
        <p className="vst-muted">{t.noCalls}</p>
      ) : (
        <ul>
          {status.recentCalls.map((c) => (
            <li key={c.counterNo} data-testid={`visitor-recent-${c.counterNo}`} className={c.label === status.label ? 'mine' : undefined}>
              <span>{t.counter(c.counterNo)}</span>
              <strong>{c.label}</strong>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
