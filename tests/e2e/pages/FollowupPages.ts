// The follow-up board, the follow-up counts on the home menu, and Admin → DTKS.
import { type Locator, type Page } from '@playwright/test';
import { expectReady } from './ready';

export class FollowupHome {
  constructor(readonly page: Page) {}

  static async open(page: Page): Promise<FollowupHome> {
    await page.goto('/#/');
    await expectReady(page, 'page-home');
    return new FollowupHome(page);
  }
  /** The counts on the "Tindak lanjut" tile: data-due-today and data-overdue. */
  get counts(): Locator {
    return this.page.getByTestId('menu-followup-counts');
  }
  async openBoard(): Promise<FollowupBoardPage> {
    await this.page.getByTestId('menu-tindak-lanjut').click();
    await expectReady(this.page, 'page-followups');
    return new FollowupBoardPage(this.page);
  }
}

export class FollowupBoardPage {
  constructor(readonly page: Page) {}

  get today(): Locator {
    return this.page.getByTestId('followups-today');
  }
  get overdueRows(): Locator {
    return this.page.getByTestId('followups-overdue').getByTestId('followup-row');
  }
  get dueTodayRows(): Locator {
    return this.page.getByTestId('followups-due-today').getByTestId('followup-row');
  }
  get laterRows(): Locator {
    return this.page.getByTestId('followups-later').getByTestId('followup-row');
  }
  get officers(): Locator {
    return this.page.getByTestId('followups-officer');
  }
  async mine(): Promise<this> {
    await this.page.getByTestId('followups-scope-mine').click();
    await expectReady(this.page, 'page-followups');
    return this;
  }
  /** Moves the first due-today row one step forward. */
  async advanceFirstDueToday(): Promise<void> {
    await this.dueTodayRows.first().getByTestId('followup-advance').click();
  }
}

export class DtksTab {
  constructor(readonly page: Page) {}

  static async open(page: Page): Promise<DtksTab> {
    await page.getByTestId('admin-tab-dtks').click();
    await expectReady(page, 'admin-dtks');
    return new DtksTab(page);
  }
  private id(testId: string): Locator {
    return this.page.getByTestId(testId);
  }
  get active(): Locator {
    return this.id('dtks-active');
  }
  get preview(): Locator {
    return this.id('dtks-preview');
  }
  mapping(field: string): Locator {
    return this.id(`dtks-map-${field}`);
  }
  get job(): Locator {
    return this.id('dtks-job');
  }
  get report(): Locator {
    return this.id('dtks-report');
  }
  get reportMessage(): Locator {
    return this.id('dtks-report-message');
  }
  get badRows(): Locator {
    return this.id('dtks-bad-row');
  }
  get error(): Locator {
    return this.id('dtks-error');
  }
  async choose(path: string): Promise<void> {
    await this.id('dtks-file').setInputFiles(path);
  }
  async startImport(): Promise<void> {
    await this.id('dtks-start').click();
  }
  async lookup(nik: string): Promise<Locator> {
    await this.id('dtks-nik').fill(nik);
    await this.id('dtks-check').click();
    return this.id('dtks-result');
  }
}
