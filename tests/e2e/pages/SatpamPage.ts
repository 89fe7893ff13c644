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

/** The screen size of the portrait ticket kiosk the office mounts by the door. */
export const KIOSK_VIEWPORT = { width: 1080, height: 1920 };

/**
 * The locked kiosk (`#/satpam?kiosk=1`, remembered by the browser): full screen, no menu, one
 * touch on a purpose issues the ticket, and it returns to the start by itself.
 */
export class KioskPage {
  constructor(readonly page: Page) {}

  get root(): Locator {
    return this.page.getByTestId('page-satpam');
  }
  get start(): Locator {
    return this.page.getByTestId('kiosk-start');
  }
  get ticket(): Locator {
    return this.page.getByTestId('ticket');
  }
  get ticketLabel(): Locator {
    return this.page.getByTestId('ticket-label');
  }
  get ticketDate(): Locator {
    return this.page.getByTestId('ticket-date');
  }
  get ahead(): Locator {
    return this.page.getByTestId('ticket-ahead');
  }
  get wait(): Locator {
    return this.page.getByTestId('ticket-wait');
  }
  get qr(): Locator {
    return this.page.getByTestId('ticket-qr');
  }
  get countdown(): Locator {
    return this.page.getByTestId('kiosk-return');
  }
  /** Staff links a visitor must not find on a locked kiosk. */
  get staffNavigation(): Locator {
    return this.page.getByTestId('nav-home').or(this.page.getByTestId('logout'));
  }
  get exitButton(): Locator {
    return this.page.getByTestId('kiosk-exit');
  }

  get serviceButtons(): Locator {
    return this.page.locator('[data-testid^="service-"]');
  }
  priorityButton(priority: Priority): Locator {
    return this.page.getByTestId(`priority-${priority}`);
  }
  /** The home menu, which a locked kiosk never shows. */
  get menu(): Locator {
    return this.page.getByTestId('page-home');
  }

  /** The page's full height: a kiosk screen that fits has nothing to scroll. */
  scrollHeight(): Promise<number> {
    return this.page.evaluate<number>('document.documentElement.scrollHeight');
  }

  /** Switches this browser to kiosk mode and waits for the locked start screen. */
  async open(): Promise<this> {
    await this.page.goto('/#/satpam?kiosk=1');
    return this.shown();
  }

  async shown(): Promise<this> {
    await expect(this.root).toHaveAttribute('data-state', 'ready');
    await expect(this.root).toHaveAttribute('data-kiosk', 'locked');
    await expect(this.start).toBeVisible();
    return this;
  }

  /** Signs in on the login screen (a satpam account) and expects to land on the locked kiosk or the satpam screen. */
  static async signIn(page: Page, username: string, password: string): Promise<void> {
    await expect(page.getByTestId('page-login')).toHaveAttribute('data-state', 'ready');
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
    await expect(page.getByTestId('page-satpam')).toHaveAttribute('data-state', 'ready');
  }

  /** Touches a priority (optional), then the purpose: the ticket appears with all its facts. */
  async issue(serviceCode: string, priority?: Priority): Promise<string> {
    if (priority) await this.page.getByTestId(`priority-${priority}`).click();
    await this.page.getByTestId(`service-${serviceCode}`).click();
    await expect(this.ticketLabel).toHaveText(new RegExp(`^${serviceCode}-\\d{3}$`));
    await expect(this.ticket).toHaveAttribute('data-state', 'ready');
    return (await this.ticketLabel.textContent()) ?? '';
  }

  /** The phone link the shown ticket's QR code carries. */
  async qrUrl(): Promise<string> {
    return (await this.qr.getAttribute('data-url')) ?? '';
  }

  /** Waits, without touching anything, until the kiosk is back at the start (the countdown ran out). */
  async expectBackAtStartByItself(): Promise<void> {
    await expect(this.countdown).toBeVisible();
    await expect(this.start).toBeVisible({ timeout: 30_000 });
    await expect(this.ticket).toHaveCount(0);
  }

  async done(): Promise<void> {
    await this.page.getByTestId('kiosk-done').click();
    await expect(this.start).toBeVisible();
  }
}
