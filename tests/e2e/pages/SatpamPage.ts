import { expect, type Page } from '@playwright/test';
import type { Priority } from '../../../main/api/contract';
import { expectReady } from './gates';

export class SatpamPage {
  constructor(readonly page: Page) {}

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
