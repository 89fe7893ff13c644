// The waiting-room TV board: no login, numbers only. Shows the number being called, the last calls
// of every counter, the office and the time, and reads each call aloud from recorded clips.
import { officeZone } from '../../app/hostClock';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DisplayEvent } from '../../../common/contract/index';
import { Announcer } from './announcer';
import { allClips, canAutoplay, createAudioPlayer, unlockAudio } from './audioPlayer';
import { recentByCounter } from './feed';
import { displayText as t } from './strings';
import { useDisplayFeed, useHostClock } from './useDisplayFeed';
import './display.css';

type Sound = 'probing' | 'blocked' | 'on';

export default function Display() {
  const [sound, setSound] = useState<Sound>('probing');
  const audio = useMemo(() => {
    const player = createAudioPlayer();
    const announcer = new Announcer(player.play, {
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
  // Bumped on every announced call to restart the highlight animation.
  const [flash, setFlash] = useState(0);

  const onEvent = useCallback(
    (event: DisplayEvent) => {
      const called = event.announce;
      if (!called) return;
      setFlash((n) => n + 1);
      // Calls made while the board was silent are not read out later, when they would mislead.
      if (soundRef.current === 'on') audio.announcer.announce(called);
      else audio.announcer.markSeen(called.callId);
    },
    [audio],
  );
  const { state, connection } = useDisplayFeed(onEvent);
  const now = useHostClock();

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
  const counters = state ? recentByCounter(state, 10) : [];

  return (
    <div
      className="dsp"
      data-testid="page-display"
      data-state={state ? 'ready' : 'loading'}
      data-connection={connection}
      data-sound={sound}
    >
      <header className="dsp-bar">
        <div className="dsp-office" data-testid="display-office">
          {state?.officeName ?? t.title}
        </div>
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
        <section className="dsp-now" aria-live="assertive" aria-atomic="true">
          <div className="dsp-caption">{t.nowCalling}</div>
          <div
            key={flash}
            className={`dsp-label${flash > 0 ? ' dsp-flash' : ''}`}
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

        <section className="dsp-recent" aria-label={t.recent}>
          {counters.map(({ counterNo, labels }) => (
            <div className="dsp-col" key={counterNo} data-testid={`display-counter-${counterNo}`}>
              <h2 className="dsp-col-title">{t.counter(counterNo)}</h2>
              {labels.length ? (
                <ol className="dsp-col-list">
                  {labels.map((label, i) => (
                    <li key={`${label}-${i}`} className={i === 0 ? 'dsp-col-latest' : undefined}>
                      {label}
                    </li>
                  ))}
                </ol>
              ) : (
                <p className="dsp-col-empty">{t.noRecent}</p>
              )}
            </div>
          ))}
        </section>
      </main>

      {sound === 'blocked' ? (
        <div className="dsp-sound">
          <button type="button" className="dsp-sound-btn" data-testid="enable-sound" onClick={enableSound}>
            <SpeakerIcon /> {t.enableSound}
          </button>
          <span className="dsp-sound-hint">{t.enableSoundHint}</span>
        </div>
      ) : null}
    </div>
  );
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
