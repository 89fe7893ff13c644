// Sync on the desk: the header's indicator and Admin → Sinkronisasi (enrol, state, sync now, quarantine).
import { expect, type Locator, type Page } from '@playwright/test';
import { expectReady } from './ready';

/** The indicator in every staff screen's header. */
export class SyncIndicator {
  constructor(readonly page: Page) {}

  get self(): Locator {
    return this.page.getByTestId('sync-indicator');
  }

  async expectSynced(): Promise<void> {
    await expect(this.self).toHaveAttribute('data-sync-state', 'synced');
    await expect(this.self).toHaveText('Tersinkron');
  }

  /** "N menunggu sinkronisasi, terakhir berhasil HH.MM" (office clock, Indonesian separator). */
  async expectPending(n: number): Promise<void> {
    await expect(this.self).toHaveAttribute('data-pending', String(n));
    await expect(this.self).toHaveText(new RegExp(`^${n} menunggu sinkronisasi, terakhir berhasil \\d{2}[.:]\\d{2}$`));
  }

  /** Scrolls the header (with the indicator) into view, for a screenshot of both. */
  async show(): Promise<void> {
    await this.page.getByTestId('current-user').scrollIntoViewIfNeeded();
  }

  /** Waits until something is pending and returns how many the header says. */
  async pending(): Promise<number> {
    await expect(this.self).toHaveAttribute('data-pending', /^[1-9]\d*$/);
    return Number(await this.self.getAttribute('data-pending'));
  }

  async expectRefused(): Promise<void> {
    await expect(this.self).toHaveAttribute('data-sync-state', 'refused');
  }
}

export class SyncPanel {
  readonly indicator: SyncIndicator;
  constructor(readonly page: Page) {
    this.indicator = new SyncIndicator(page);
  }

  /** From the admin screen: opens the Sinkronisasi tab. */
  static async open(page: Page): Promise<SyncPanel> {
    await page.getByTestId('admin-tab-sync').click();
    await expectReady(page, 'admin-sync');
    return new SyncPanel(page);
  }

  private id(testId: string): Locator {
    return this.page.getByTestId(testId);
  }
  get notEnrolled(): Locator {
    return this.id('sync-not-enrolled');
  }
  get stateText(): Locator {
    return this.id('sync-state-text');
  }
  get office(): Locator {
    return this.id('sync-office');
  }
  get refused(): Locator {
    return this.id('sync-refused');
  }
  get enrolError(): Locator {
    return this.id('sync-enrol-error');
  }
  get quarantineRows(): Locator {
    return this.id('sync-quarantine-row');
  }

  async enrol(serverUrl: string, code: string): Promise<void> {
    await this.id('sync-server-url').fill(serverUrl);
    await this.id('sync-code').fill(code);
    await this.id('sync-enrol').click();
  }

  async expectState(state: string): Promise<void> {
    await expect(this.id('sync-state')).toHaveAttribute('data-sync-state', state);
  }

  async syncNow(): Promise<void> {
    await this.id('sync-now').click();
    // Done when the button is usable again, or gone (the host was refused: nothing to sync).
    await expect(this.id('sync-now').and(this.page.locator('[disabled]'))).toHaveCount(0);
  }
}
