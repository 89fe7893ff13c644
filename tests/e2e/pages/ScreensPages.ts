// Read-only screens: the waiting-room board and the dashboard.
import { expect, type Page } from '@playwright/test';
import { expectReady } from './gates';

export class DisplayPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/#/display');
    await expectReady(this.page, 'page-display');
  }

  async expectCalled(label: string, counterNo: number): Promise<void> {
    await expect(this.page.getByTestId('display-current-label')).toHaveText(label);
    await expect(this.page.getByTestId('display-current-counter')).toContainText(String(counterNo));
  }
}

export class DashboardPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/#/dashboard');
    await expectReady(this.page, 'page-dashboard');
  }

  async expectTotals(issued: number, done: number): Promise<void> {
    await expect(this.page.getByTestId('stat-issued')).toHaveText(String(issued));
    await expect(this.page.getByTestId('stat-done')).toHaveText(String(done));
  }

  row(serviceCode: string, seq: number) {
    return this.page.getByTestId(`stat-row-${serviceCode}-${seq}`);
  }
}
