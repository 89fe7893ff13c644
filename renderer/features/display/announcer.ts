// Speaks queue calls in the waiting room from pre-recorded clips (renderer/public/audio, made by
// scripts/make-audio.mjs). Pure: no DOM here, so it runs under the unit tests; the real audio
// player is in audioPlayer.ts.

export interface CallToAnnounce {
  callId: string;
  label: string;
  counterNo: number;
}

/** Plays one clip by id and settles when it has finished (or failed). */
export type ClipPlayer = (clip: string) => Promise<void>;

export const CHIME = 'chime';

/** "dua", "dua belas", "tiga puluh lima": counters 1-20 have their own clip, 21-99 are built. */
export function counterClips(counterNo: number): string[] {
  if (!Number.isInteger(counterNo) || counterNo < 1 || counterNo > 99) return digitClips(String(Math.abs(counterNo)));
  if (counterNo <= 20) return [`c${counterNo}`];
  const tens = Math.floor(counterNo / 10);
  const ones = counterNo % 10;
  return [`c${tens}`, 'puluh', ...(ones ? [`c${ones}`] : [])];
}

function digitClips(text: string): string[] {
  return [...text].filter((ch) => ch >= '0' && ch <= '9');
}

/** Letters by their Indonesian names and digits one by one, as the ticket shows them: "A-014" -> A nol satu empat. */
export function labelClips(label: string): string[] {
  const clips: string[] = [];
  for (const ch of label.toUpperCase()) {
    if ((ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9')) clips.push(ch);
  }
  return clips;
}

/** "Nomor antrean A nol satu empat, silakan ke loket dua", preceded by the chime. */
export function announcementClips(call: { label: string; counterNo: number }): string[] {
  return [CHIME, 'nomor-antrean', ...labelClips(call.label), 'silakan-ke', 'loket', ...counterClips(call.counterNo)];
}

export interface AnnouncerOptions {
  /** Silence between two announcements. */
  pauseMs?: number;
  /** Calls waiting beyond this are dropped, oldest first: a late announcement misleads more than none. */
  maxPending?: number;
  onError?: (clip: string, error: unknown) => void;
  sleep?: (ms: number) => Promise<void>;
}

const SEEN_LIMIT = 200;

/**
 * Plays announcements strictly one after another. A call that arrives while another is spoken waits
 * its turn; a callId already announced or waiting is ignored (the board resends state on reconnect).
 */
export class Announcer {
  private readonly pending: CallToAnnounce[] = [];
  private readonly seen = new Set<string>();
  private running: Promise<void> | null = null;
  private readonly pauseMs: number;
  private readonly maxPending: number;
  private readonly onError: (clip: string, error: unknown) => void;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(
    private readonly play: ClipPlayer,
    options: AnnouncerOptions = {},
  ) {
    this.pauseMs = options.pauseMs ?? 700;
    this.maxPending = options.maxPending ?? 5;
    this.onError = options.onError ?? (() => undefined);
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** Queues a call; false when it was announced (or queued) before. */
  announce(call: CallToAnnounce): boolean {
    if (this.seen.has(call.callId)) return false;
    this.remember(call.callId);
    this.pending.push(call);
    while (this.pending.length > this.maxPending) this.pending.shift();
    this.running ??= this.drain().finally(() => {
      this.running = null;
    });
    return true;
  }

  /** Marks calls as already announced without speaking them (e.g. calls made before sound was on). */
  markSeen(callId: string): void {
    this.remember(callId);
  }

  get busy(): boolean {
    return this.running !== null;
  }

  /** Settles when everything queued so far has been spoken. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Drops the calls still waiting; the one being spoken finishes. */
  clear(): void {
    this.pending.length = 0;
  }

  private remember(callId: string): void {
    this.seen.add(callId);
    if (this.seen.size > SEEN_LIMIT) {
      const oldest = this.seen.values().next().value;
      if (oldest !== undefined) this.seen.delete(oldest);
    }
  }

  private async drain(): Promise<void> {
    let first = true;
    for (let call = this.pending.shift(); call; call = this.pending.shift()) {
      if (!first && this.pauseMs > 0) await this.sleep(this.pauseMs);
      first = false;
      await this.speak(call);
    }
  }

  private async speak(call: CallToAnnounce): Promise<void> {
    for (const clip of announcementClips(call)) {
      try {
        await this.play(clip);
      } catch (error) {
        this.onError(clip, error);
        // Without the chime the words still make sense; without a word they would name a wrong number.
        if (clip !== CHIME) return;
      }
    }
  }
}
