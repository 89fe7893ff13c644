// Fixtures for the e2e tests: a fresh headless host per worker (own port, own temp data dir),
// browser contexts that act as separate desks, and a place for screenshots of each screen.
import { test as base, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { removeTempDir, startHostProcess, tempDir, type HostProcess } from '../helpers/host';

export const SCREENS_DIR = join('test-results', 'e2e', 'screens');

export interface Desk {
  context: BrowserContext;
  page: Page;
}

interface WorkerFixtures {
  host: HostProcess;
}
interface TestFixtures {
  /** Opens a new browser context (its own localStorage: a separate desk or kiosk). */
  openDesk(): Promise<Desk>;
  /** Saves a full-page PNG of `page` as test-results/e2e/screens/<name>.png. */
  snap(page: Page, name: string): Promise<void>;
}

async function newDesk(browser: Browser, url: string, opened: BrowserContext[]): Promise<Desk> {
  const context = await browser.newContext({ baseURL: url });
  opened.push(context);
  return { context, page: await context.newPage() };
}

/**
 * A browser context already paired and signed in (tokens from the API helpers), for tests whose
 * subject is not the start-up gates.
 */
export async function openSignedIn(browser: Browser, url: string, deskToken: string, sessionToken: string): Promise<Desk> {
  const context = await browser.newContext({ baseURL: url });
  await context.addInitScript({
    content: `localStorage.setItem('loket.desk', ${JSON.stringify(deskToken)});
              localStorage.setItem('loket.session', ${JSON.stringify(sessionToken)});`,
  });
  return { context, page: await context.newPage() };
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  host: [
    async ({}, use) => {
      const dataDir = tempDir('loket-e2e-');
      const host = await startHostProcess(dataDir);
      await use(host);
      await host.stop();
      removeTempDir(dataDir);
    },
    { scope: 'worker' },
  ],
  openDesk: async ({ browser, host }, use) => {
    const opened: BrowserContext[] = [];
    await use(() => newDesk(browser, host.url, opened));
    for (const c of opened) await c.close();
  },
  snap: async ({}, use, testInfo) => {
    mkdirSync(SCREENS_DIR, { recursive: true });
    await use(async (page, name) => {
      const path = join(SCREENS_DIR, `${name}.png`);
      await page.screenshot({ path, fullPage: true });
      await testInfo.attach(name, { path, contentType: 'image/png' });
    });
  },
});

export { expect } from '@playwright/test';
