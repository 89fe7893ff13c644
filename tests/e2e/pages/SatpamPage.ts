import { expect, type BrowserContext, type Locator, type Page } from '@playwright/test';
import type { Priority } from '../../../common/contract/index';
import { expectReady } from './ready';

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
  get ticketLabel(): Locator {
    return this.page.getByTestId('ticket-label');
  }
  get ticketService(): Locator {
    return this.page.getByTestId('ticket-service');
  }
  /** The "print automatically" switch; absent when no host printer is set. */
  get autoPrint(): Locator {
    return this.page.getByTestId('auto-print');
  }
  /** The switch's label, which names the printer. */
  get autoPrintLabel(): Locator {
    return this.page.locator('label.print-toggle');
  }
  get printButton(): Locator {
    return this.page.getByTestId('print-ticket');
  }

  /** How often the page opened the browser's print dialog (needs stubBrowserPrint). */
  browserPrints(): Promise<number> {
    return this.page.evaluate<number>('window.__prints');
  }

  async open(): Promise<this> {
    await this.page.goto('/#/satpam');
    await expectReady(this.page, 'page-satpam');
    return this;
  }

  /** Reloads the browser tab and waits for the kiosk to be ready again. */
  async reload(): Promise<void> {
    await this.page.reload();
    await expect(this.page.getByTestId('page-satpam')).toHaveAttribute('data-state', 'ready');
  }

  /** Issues a ticket and returns its label as shown on the ticket. */
  async issue(serviceCode: string, priority?: Priority): Promise<string> {
    const p = this.page;
    await p.getByTestId(`service-${serviceCode}`).click();
    if (priority) await p.getByTestId(`priority-${priority}`).click();
    await p.getByTestId('issue-ticket').click();
    await expect(this.ticketLabel).toHaveText(new RegExp(`^${serviceCode}-\\d{3}$`));
    return (await this.ticketLabel.textContent()) ?? '';
  }

  /** Prints the shown ticket again (on the host's printer, or through the browser without one). */
  async print(): Promise<void> {
    await this.printButton.click();
  }

  async setAutoPrint(on: boolean): Promise<void> {
    if (on) await this.autoPrint.check();
    else await this.autoPrint.uncheck();
  }

  /**
   * Answers the kiosk's next host print calls with `value`, as a printer that takes the job would;
   * returns the function that lets the calls through to the host again.
   */
  async simulateHostPrint(value: { printer: string; jobId: string }): Promise<() => Promise<void>> {
    const url = '**/api/queue.printTicket';
    await this.page.route(url, (route) => route.fulfill({ json: { ok: true, value } }));
    return () => this.page.unroute(url);
  }

  async nextVisitor(): Promise<void> {
    await this.page.getByTestId('next-visitor').click();
    await expect(this.page.getByTestId('issue-ticket')).toBeVisible();
  }
}
