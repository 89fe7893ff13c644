// The dashboard: an office day's figures, a day picker, two charts, tables per step, desk and officer.
import { expect, type Locator, type Page } from '@playwright/test';
import { expectReady } from './ready';

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

  /** A headline figure: issued, done, no-show, cancelled, open, wait-avg, wait-p90, within-all, implausible. */
  stat(name: string): Locator {
    return this.page.getByTestId(`stat-${name}`);
  }

  /** The office day on screen (YYYY-MM-DD), once its figures are in. */
  get shownDay(): Locator {
    return this.page.getByTestId('dash-day');
  }

  get dayPicker(): Locator {
    return this.page.getByTestId('day-picker');
  }

  /** The days the picker offers, as YYYY-MM-DD values, newest first. */
  async days(): Promise<string[]> {
    return this.dayPicker.locator('option').evaluateAll((options) => options.map((o) => (o as unknown as { value: string }).value));
  }

  /** Picks another day and waits for its figures. */
  async pickDay(day: string): Promise<this> {
    await this.dayPicker.selectOption(day);
    await expect(this.shownDay).toHaveAttribute('data-day', day);
    await expectReady(this.page, 'page-dashboard');
    return this;
  }

  headings(table: 'steps' | 'desks' | 'officers'): Locator {
    return this.page.getByTestId(`${table}-table`).locator('thead th');
  }

  deskRow(counterNo: number): Locator {
    return this.page.getByTestId(`desk-row-${counterNo}`);
  }

  get officerRows(): Locator {
    return this.page.getByTestId('officer-row');
  }

  /** A chart's figure; `data-points` says how many bars or steps carry data. */
  chart(name: 'arrivals' | 'steps'): Locator {
    return this.page.getByTestId(`chart-${name}`);
  }

  /** The bars recharts drew in a chart's SVG. */
  bars(name: 'arrivals' | 'steps'): Locator {
    return this.chart(name).locator('svg .recharts-bar-rectangle path');
  }

  async screenshot(path: string, viewport: { width: number; height: number }): Promise<void> {
    await this.page.setViewportSize(viewport);
    // The charts follow their container's width: wait until they have redrawn at the new size.
    await expect(this.chart('arrivals').locator('svg').first()).toHaveAttribute('width', /\d+/);
    await this.page.screenshot({ path, fullPage: true });
  }
}
