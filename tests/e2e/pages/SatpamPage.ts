import { expect, type BrowserContext, type Locator, type Page } from '@playwright/test';
import type { Priority } from '../../../common/contract/index';
import { expectReady } from './gates';

/** Replaces window.print in every page of `context` with a counter (no dialog in headless runs). */
export async function stubBrowserPrint(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: 'window.__prints = 0; window.print = () => { window.__prints += 1; };' });
}

export class SatpamPage {
  constructor(readonly page: Page) {}

  /** The host printer's answer for the shown ticket; absent when the browser prints. */
  get printStatus(): Locator {
    return this.page.getByTestId('print-status');
  }

  /** How often the page opened the browser's print dialog (needs stubBrowserPrint). */
  browserPrints(): Promise<number> {
    return this.page.evaluate<number>('window.__prints');
  }

  async open(): Promise<void> {
    await this.page.goto('/#/satpam');
    await expectReady(this.page, 'page-satpam');
  }

  /** Issues a ticket and returns its label as shown on the ticket. */
  async issue(serviceCode: string, priority?: Priority): Promise<string> {
    const p = this.page;
    await p.getByTestId(`service-${serviceCode}`).click();
    if (priority) await p.getByTestId(`priority-${priority}`).click();
    await p.getByTestId('issue-ticket').click();
    const label = p.getByTestId('ticket-label');
    await expect(label).toHaveText(new RegExp(`^${serviceCode}-\\d{3}$`));
    return (await label.textContent()) ?? '';
  }

  async nextVisitor(): Promise<void> {
    await this.page.getByTestId('next-visitor').click();
    await expect(this.page.getByTestId('issue-ticket')).toBeVisible();
  }
}
