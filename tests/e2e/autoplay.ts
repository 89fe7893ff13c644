// Browsers launched with a chosen autoplay policy, as the TV and the phone really run:
//  - `launcher`: the flags scripts/launch-display.sh itself passes (kiosk, autoplay without a click),
//    read by running the script with a stand-in browser that prints its arguments;
//  - `gesture`: what a phone or an ordinary desktop Chrome does: sound only after a touch or click.
// Headless Chromium's own default lets pages play sound, so each test names the policy it means.
import { chromium, type Browser } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import config from '../../playwright.config';
import { tempDir } from '../helpers/host';

export type AutoplayPolicy = 'launcher' | 'gesture';

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

export function launchWithAutoplay(policy: AutoplayPolicy): Promise<Browser> {
  const base = config.use?.launchOptions ?? {};
  const flags =
    policy === 'launcher'
      ? // Playwright brings its own profile and opens the page itself.
        launcherArgs('http://127.0.0.1:4700').filter((a) => a.startsWith('--') && !a.startsWith('--user-data-dir'))
      : ['--autoplay-policy=document-user-activation-required'];
  return chromium.launch({ ...base, args: [...(base.args ?? []), ...flags] });
}
