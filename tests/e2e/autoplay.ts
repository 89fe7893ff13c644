// The autoplay policies the TV and the phone really meet:
//  - the TV launcher (scripts/launch-display.sh): its flags are read by running the script with a
//    stand-in browser that prints its arguments, and a browser is launched with exactly those;
//  - a phone or an ordinary desktop Chrome: sound only after the person touches or clicks the page.
// Headless Chromium plays sound whatever `--autoplay-policy` says (measured: HTMLMediaElement.play()
// and AudioContext both run under `document-user-activation-required`), so the second policy is
// enforced in the page by enforceGesturePolicy until the first trusted touch, click or key.
import { chromium, type Browser, type BrowserContext } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import config from '../../playwright.config';
import { tempDir } from '../helpers/host';

/** The arguments scripts/launch-display.sh gives the browser for `hostUrl`. */
export function launcherArgs(hostUrl: string): string[] {
  const dir = tempDir('loket-launcher-');
  const stub = join(dir, 'browser');
  writeFileSync(stub, '#!/bin/sh\nprintf "%s\\n" "$@"\n');
  chmodSync(stub, 0o755);
  const out = execFileSync('sh', ['scripts/launch-display.sh', hostUrl], {
    env: { ...process.env, LOKET_BROWSER: stub, LOKET_DISPLAY_PROFILE: join(dir, 'profile') },
  }).toString();
  return out.split('\n').filter(Boolean);
}

/** Chromium started with the launcher's own flags (Playwright brings its own profile and opens the page). */
export function launchLikeTheLauncher(): Promise<Browser> {
  const base = config.use?.launchOptions ?? {};
  const flags = launcherArgs('http://127.0.0.1:4700').filter((a) => a.startsWith('--') && !a.startsWith('--user-data-dir'));
  return chromium.launch({ ...base, args: [...(base.args ?? []), ...flags] });
}

/** Until the page has had a real click or touch, media refuses to play and an AudioContext stays suspended. */
export async function enforceGesturePolicy(context: BrowserContext): Promise<void> {
  await context.addInitScript({
    content: `(() => {
      // Playwright's navigation already counts as activation (navigator.userActivation), so the
      // page's own trusted input events decide, as a person's first touch or click would.
      let touched = false;
      for (const type of ['pointerdown', 'keydown', 'touchend', 'click'])
        window.addEventListener(type, (e) => { if (e.isTrusted) touched = true; }, true);
      const active = () => touched;
      const play = HTMLMediaElement.prototype.play;
      HTMLMediaElement.prototype.play = function () {
        return active() ? play.call(this) : Promise.reject(new DOMException('play() needs a user gesture', 'NotAllowedError'));
      };
      const Native = window.AudioContext;
      window.AudioContext = class extends Native {
        get state() { return active() ? super.state : 'suspended'; }
        resume() { return active() ? super.resume() : new Promise(() => {}); }
      };
    })();`,
  });
}
