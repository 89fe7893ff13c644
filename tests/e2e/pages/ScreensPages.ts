// Read-only screens: the waiting-room board and the dashboard.
import { expect, type Locator, type Page } from '@playwright/test';
import { expectReady } from './ready';

export class DisplayPage {
  constructor(readonly page: Page) {}

  async open(): Promise<this> {
    await this.page.goto('/#/display');
    await expectReady(this.page, 'page-display');
    return this;
  }

  async expectCalled(label: string, counterNo: number): Promise<void> {
    await expect(this.page.getByTestId('display-current-label')).toHaveText(label);
    await expect(this.page.getByTestId('display-current-counter')).toContainText(String(counterNo));
  }
}

export class DashboardPage {
  constructor(readonly page: Page) {}

  async open(): Promise<this> {
    await this.page.goto('/#/dashboard');
    await expectReady(this.page, 'page-dashboard');
    return this;
  }

  async expectTotals(issued: number, done: number): Promise<void> {
    await expect(this.page.getByTestId('stat-issued')).toHaveText(String(issued));
    await expect(this.page.getByTestId('stat-done')).toHaveText(String(done));
  }

  row(serviceCode: string, seq: number): Locator {
    return this.page.getByTestId(`stat-row-${serviceCode}-${seq}`);
  }

  /** How many visitors went through step `seq` of the service. */
  rowCount(serviceCode: string, seq: number): Locator {
    return this.row(serviceCode, seq).getByTestId('stat-count');
  }
}
