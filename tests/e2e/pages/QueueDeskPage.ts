// The shared resepsionis/petugas desk.
import { expect, type Locator, type Page } from '@playwright/test';
import type { Stage } from '../../../common/contract/index';
import { expectReady } from './gates';

export interface CaseData {
  nik: string;
  name: string;
  kk: string;
  birthDate?: string;
  phone: string;
  purpose: string;
}

export class QueueDeskPage {
  constructor(
    readonly page: Page,
    readonly stage: Stage,
  ) {}

  get currentLabel(): Locator {
    return this.page.getByTestId('current-ticket-label');
  }

  async open(): Promise<void> {
    await this.page.goto(`/#/${this.stage}`);
    await expectReady(this.page, `page-${this.stage}`);
  }

  async expectWaiting(label: string): Promise<void> {
    await expect(this.page.getByTestId(`waiting-${label}`)).toBeVisible();
  }

  async callNext(): Promise<string> {
    await this.page.getByTestId('call-next').click();
    await expect(this.currentLabel).toBeVisible();
    return (await this.currentLabel.textContent()) ?? '';
  }

  async fillCase(data: CaseData): Promise<void> {
    const p = this.page;
    await expect(p.getByTestId('case-form')).toHaveAttribute('data-state', 'ready');
    await p.getByTestId('case-nik').fill(data.nik);
    await p.getByTestId('case-name').fill(data.name);
    await p.getByTestId('case-kk').fill(data.kk);
    await p.getByTestId('case-birth-date').fill(data.birthDate ?? '');
    await p.getByTestId('case-phone').fill(data.phone);
    await p.getByTestId('case-purpose').fill(data.purpose);
  }

  async saveCase(): Promise<void> {
    await this.page.getByTestId('case-save').click();
  }

  async startStep(): Promise<void> {
    await this.page.getByTestId('start-step').click();
    await expect(this.page.getByTestId('step-clock')).toBeVisible();
  }

  /** Finishes the running step; returns false when the visitor has left this desk. */
  async finishStep(): Promise<boolean> {
    const p = this.page;
    const step = p.getByTestId('current-step');
    const seq = await step.getAttribute('data-seq');
    await expect(step).toHaveAttribute('data-running', 'true');
    await p.getByTestId('finish-step').click();
    await expect(p.locator(`[data-testid="current-step"][data-seq="${seq}"]`)).toHaveCount(0);
    await expect(p.getByTestId(`page-${this.stage}`)).toHaveAttribute('data-state', 'ready');
    return (await p.getByTestId('current-ticket').count()) > 0;
  }

  /**
   * Finishes the running step and every following step of this desk's role (the host starts the
   * next one at once), until the visitor leaves this desk. Returns how many steps were finished.
   */
  async finishStageSteps(): Promise<number> {
    let finished = 1;
    while (await this.finishStep()) finished += 1;
    await expect(this.page.getByTestId('no-current-ticket')).toBeVisible();
    return finished;
  }
}
