// The browser side of the announcer: plays the clips in public/audio with HTMLAudioElement and
// finds out whether the browser lets the page make sound before anyone has clicked it.
import { CHIME, type ClipPlayer } from './announcer';

/** Relative to index.html, so it works from the host's HTTP server and from file:// in Electron. */
const AUDIO_BASE = 'audio/';
const EXT = 'ogg';
/** A clip whose `ended` never comes (device unplugged, decoder stuck) must not hold the queue. */
const MAX_CLIP_MS = 6000;

export interface AudioPlayer {
  play: ClipPlayer;
  /**
   * Starts loading clips so the first announcement does not wait for the disk or network. Creating
   * the element with preload="auto" is enough; load() would cut off a clip that is playing.
   */
  preload(clips: readonly string[]): void;
}

export function createAudioPlayer(base = AUDIO_BASE): AudioPlayer {
  const elements = new Map<string, HTMLAudioElement>();
  const element = (clip: string): HTMLAudioElement => {
    let audio = elements.get(clip);
    if (!audio) {
      audio = new Audio(`${base}${encodeURIComponent(clip)}.${EXT}`);
      audio.preload = 'auto';
      elements.set(clip, audio);
    }
    return audio;
  };

  const play: ClipPlayer = (clip) =>
    new Promise<void>((resolve, reject) => {
      const audio = element(clip);
      const finish = (error?: unknown): void => {
        clearTimeout(timer);
        audio.removeEventListener('ended', onEnded);
        audio.removeEventListener('error', onError);
        if (error === undefined) resolve();
        else reject(error instanceof Error ? error : new Error(String(error)));
      };
      const onEnded = (): void => finish();
      const onError = (): void => finish(new Error(`audio clip ${clip} failed (${audio.error?.code ?? 'unknown'})`));
      const timer = setTimeout(() => finish(new Error(`audio clip ${clip} timed out`)), MAX_CLIP_MS);
      audio.addEventListener('ended', onEnded);
      audio.addEventListener('error', onError);
      audio.currentTime = 0;
      audio.play().catch(finish);
    });

  return {
    play,
    preload(clips) {
      clips.forEach((clip) => element(clip));
    },
  };
}

/**
 * Whether the page may play sound without a click. A new AudioContext only starts running when the
 * autoplay policy allows it (kiosk flag, Electron, or a site the user has played media on before).
 */
export async function canAutoplay(timeoutMs = 300): Promise<boolean> {
  const Ctx = window.AudioContext as typeof AudioContext | undefined;
  if (!Ctx) return false;
  const ctx = new Ctx();
  // A function, not a property read, so the check after resume() is not narrowed away.
  const running = (): boolean => ctx.state === 'running';
  try {
    if (running()) return true;
    const resumed = ctx.resume().then(() => true);
    const timedOut = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), timeoutMs));
    return (await Promise.race([resumed, timedOut])) && running();
  } catch {
    return false;
  } finally {
    void ctx.close().catch(() => undefined);
  }
}

/** Called from a click: playing the chime inside the gesture unlocks audio for the rest of the page's life. */
export async function unlockAudio(player: AudioPlayer): Promise<boolean> {
  try {
    await player.play(CHIME);
    return true;
  } catch {
    return false;
  }
}

/** Every clip an announcement can use. */
export function allClips(): string[] {
  const letters = Array.from({ length: 26 }, (_, i) => String.fromCharCode(65 + i));
  const digits = Array.from({ length: 10 }, (_, i) => String(i));
  const counters = Array.from({ length: 20 }, (_, i) => `c${i + 1}`);
  return [CHIME, 'nomor-antrean', 'silakan-ke', 'loket', 'puluh', ...letters, ...digits, ...counters];
}
