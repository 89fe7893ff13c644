// The waiting-room TV board: no login, numbers only. Shows the number being called, the last calls
// of every counter, the office and the time, a running text and the office's information when
// idle (Admin → Layar tunggu), and reads each call aloud from recorded clips.
//
// Sound: a browser started with `--autoplay-policy=no-user-gesture-required` (scripts/launch-display.*)
// speaks from the first call after a power cut; any other browser shows "Aktifkan suara" in the
// header bar, never over the columns.
import { officeZone } from '../../app/hostClock';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DisplayEvent, DisplaySettings } from '../../../common/contract/index';
import { call } from '../../app/client';
import { Announcer, type ClipPlayer } from './announcer';
import { allClips, canAutoplay, createAudioPlayer, unlockAudio } from './audioPlayer';
import { boardLayout, isIdle, recentByCounter } from './feed';
import { displayText as t } from './strings';
import { useDisplayFeed, useHostClock } from './useDisplayFeed';
import './display.css';

type Sound = 'probing' | 'blocked' | 'on';
/** The admin's texts are re-read this often besides every reconnect; they change a few times a year. */
const SETTINGS_REFRESH_MS = 5 * 60_000;

export default function Display() {
  const [sound, setSound] = useState<Sound>('probing');
  // Clips that played to their end: what proves the TV really spoke (data-clips-played).
  const [clipsPlayed, setClipsPlayed] = useState(0);
  const audio = useMemo(() => {
    const player = createAudioPlayer();
    const play: ClipPlayer = async (clip) => {
      await player.play(clip);
      setClipsPlayed((n) => n + 1);
    };
    const announcer = new Announcer(play, {
      onError: (clip, error) => {
        console.warn(`[display] clip ${clip} not played`, error);
        // The autoplay probe can be wrong; the browser's refusal is the final word.
        if (error instanceof Error && error.name === 'NotAllowedError') setSound('blocked');
      },
    });
    return { player, announcer };
  }, []);
  const soundRef = useRef<Sound>(sound);
  soundRef.current = sound;
  // The call to highlight: a new call or a recall of a number already listed (its row flashes).
  const [flash, setFlash] = useState<{ n: number; label: string; counterNo: number } | null>(null);

  const onEvent = useCallback(
    (event: DisplayEvent) => {
      const called = event.announce;
      if (!called) return;
      setFlash((f) => ({ n: (f?.n ?? 0) + 1, label: called.label, counterNo: called.counterNo }));
      // Calls made while the board was silent are not read out later, when they would mislead.
      if (soundRef.current === 'on') audio.announcer.announce(called);
      else audio.announcer.markSeen(called.callId);
    },
    [audio],
  );
  const { state, connection } = useDisplayFeed(onEvent);
  const now = useHostClock();
  const settings = useDisplaySettings(connection === 'open');

  useEffect(() => {
    let alive = true;
    void canAutoplay().then((allowed) => {
      if (!alive) return;
      if (allowed) audio.player.preload(allClips());
      setSound(allowed ? 'on' : 'blocked');
    });
    return () => {
      alive = false;
    };
  }, [audio]);

  useEffect(() => () => audio.announcer.clear(), [audio]);

  const enableSound = (): void => {
    // The click itself is what the browser wants; the chime confirms the speakers work.
    void unlockAudio(audio.player);
    audio.player.preload(allClips());
    setSound('on');
  };

  const current = state?.current ?? null;
  const counterCount = state?.recentByCounter.length ?? 0;
  const layout = boardLayout(counterCount);
  const counters = state ? recentByCounter(state, layout.rows) : [];
  const idle = state !== null && isIdle(current, now.getTime());
  const info = settings?.infoText ?? '';
  const running = settings?.runningText ?? '';

  return (
    <div
      className={`dsp${counterCount > 2 ? ' dsp-many' : ''}${counterCount === 0 ? ' dsp-solo' : ''}`}
      data-testid="page-display"
      data-state={state ? 'ready' : 'loading'}
      data-connection={connection}
      data-sound={sound}
      data-clips-played={clipsPlayed}
      data-idle={idle ? 'true' : 'false'}
    >
      <header className="dsp-bar">
        <div className="dsp-office" data-testid="display-office">
          {state?.officeName ?? t.title}
        </div>
        {sound === 'blocked' ? (
          <div className="dsp-sound" data-testid="display-sound">
            <button type="button" className="dsp-sound-btn" data-testid="enable-sound" title={t.enableSoundHint} onClick={enableSound}>
              <SpeakerIcon /> {t.enableSound}
            </button>
          </div>
        ) : null}
        <div className="dsp-clock" data-testid="display-clock">
          <time className="dsp-time" dateTime={now.toISOString()}>
            {now.toLocaleTimeString('id-ID', { hour: '2-digit', minute: '2-digit', timeZone: officeZone() })}
          </time>
          <span className="dsp-date">
            {now.toLocaleDateString('id-ID', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: officeZone() })}
          </span>
        </div>
      </header>

      {connection === 'closed' ? (
        <div className="dsp-offline" role="alert" data-testid="display-disconnected">
          {t.disconnected}
        </div>
      ) : null}

      <main className="dsp-main">
        {idle && info ? (
          <section className="dsp-now dsp-info" data-testid="display-info">
            <div className="dsp-caption">{t.welcome}</div>
            <p className="dsp-info-text">{info}</p>
            {current ? <p className="dsp-info-last">{t.lastCall(current.label, current.counterNo)}</p> : null}
          </section>
        ) : (
          <section className="dsp-now" aria-live="assertive" aria-atomic="true">
            <div className="dsp-caption">{t.nowCalling}</div>
            <div
              key={flash?.n ?? 0}
              className={`dsp-label${flash ? ' dsp-flash' : ''}`}
              data-testid="display-current-label"
              aria-label={current ? t.called(current.label, current.counterNo) : t.noCallYet}
            >
              {current?.label ?? '–'}
            </div>
            <div className="dsp-goto" data-testid="display-current-counter">
              {current ? (
                <>
                  <span className="dsp-goto-text">{t.goTo}</span>{' '}
                  <span className="dsp-counter">{t.counter(current.counterNo)}</span>
                </>
              ) : (
                <span className="dsp-goto-text">{state ? t.noCallYet : t.connecting}</span>
              )}
            </div>
          </section>
        )}

        <section
          className="dsp-recent"
          aria-label={t.recent}
          style={{ gridTemplateColumns: `repeat(${Math.max(1, layout.columns)}, minmax(0, 1fr))`, gridTemplateRows: `repeat(${layout.gridRows}, minmax(0, 1fr))` }}
        >
          {counters.map(({ counterNo, labels }) => (
            <div className="dsp-col" key={counterNo} data-testid={`display-counter-${counterNo}`}>
              <h2 className="dsp-col-title">{t.counter(counterNo)}</h2>
              {labels.length ? (
                <ol className="dsp-col-list" style={{ ['--rows' as string]: layout.rows }}>
                  {labels.map((label, i) => {
                    const flashing = flash !== null && flash.counterNo === counterNo && flash.label === label;
                    return (
                      <li
                        key={flashing ? `${label}-${flash.n}` : label}
                        className={[i === 0 ? 'dsp-col-latest' : '', flashing ? 'dsp-row-flash' : ''].filter(Boolean).join(' ') || undefined}
                        data-testid="display-row"
                        data-highlight={flashing ? 'true' : undefined}
                      >
                        {label}
                      </li>
                    );
                  })}
                </ol>
              ) : (
                <p className="dsp-col-empty">{t.noRecent}</p>
              )}
            </div>
          ))}
        </section>
      </main>

      {running ? (
        <footer className="dsp-ticker" data-testid="display-ticker" aria-label={running}>
          {/* About 8 characters a second plus the screen's width: readable, whatever the length. */}
          <div className="dsp-ticker-track" style={{ animationDuration: `${Math.round(12 + running.length / 8)}s` }}>
            {running}
          </div>
        </footer>
      ) : null}
    </div>
  );
}

/** The admin's running text and information: read on start, on every reconnect and now and then. */
function useDisplaySettings(online: boolean): DisplaySettings | null {
  const [settings, setSettings] = useState<DisplaySettings | null>(null);
  useEffect(() => {
    if (!online) return;
    let alive = true;
    const load = () =>
      void call('display.settings', {}).then((r) => {
        if (alive && r.ok) setSettings(r.value);
      });
    load();
    const id = window.setInterval(load, SETTINGS_REFRESH_MS);
    return () => {
      alive = false;
      window.clearInterval(id);
    };
  }, [online]);
  return settings;
}

/** Drawn, not an emoji: TV sticks and office PCs often have no emoji font. */
function SpeakerIcon() {
  return (
    <svg className="dsp-sound-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d="M3 9v6h4l5 4V5L7 9H3z" fill="currentColor" />
      <path d="M16 8.5a5 5 0 0 1 0 7M18.5 6a8.5 8.5 0 0 1 0 12" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
    </svg>
  );
}
