// Admin → Cadangan: back up now, follow the progress, list the copies, restore one.
import { expect, type Locator, type Page } from '@playwright/test';
import { expectReady } from './ready';

export class BackupPanel {
  constructor(readonly page: Page) {}

  /** Opens the tab from the admin page (AdminPage.open() first). */
  static async open(page: Page): Promise<BackupPanel> {
    await page.getByTestId('admin-tab-backup').click();
    await expectReady(page, 'admin-backup');
    return new BackupPanel(page);
  }

  private id(testId: string): Locator {
    return this.page.getByTestId(testId);
  }

  get startButton(): Locator {
    return this.id('backup-start');
  }
  /** The job shown: data-status, data-kind and data-progress (0..1). */
  get job(): Locator {
    return this.id('backup-job');
  }
  get done(): Locator {
    return this.id('backup-job-done');
  }
  get jobError(): Locator {
    return this.id('backup-job-error');
  }
  get error(): Locator {
    return this.id('backup-error');
  }
  get rows(): Locator {
    return this.id('backup-row');
  }
  get empty(): Locator {
    return this.id('backup-list-empty');
  }
  get last(): Locator {
    return this.id('backup-last');
  }
  get confirmDialog(): Locator {
    return this.id('backup-confirm');
  }
  row(fileName: string): Locator {
    return this.page.locator(`[data-testid="backup-row"][data-file-name="${fileName}"]`);
  }

  /** Presses "Cadangkan sekarang" and waits for the job to end; answers its final status. */
  async backUpNow(): Promise<string> {
    await this.startButton.click();
    await expect(this.job).toHaveAttribute('data-status', /^(done|failed|cancelled)$/, { timeout: 60_000 });
    return (await this.job.getAttribute('data-status'))!;
  }

  /** Opens the confirmation for a copy; `confirm` presses "Ya, pulihkan" and waits for the job to end. */
  async askRestore(fileName: string): Promise<void> {
    await this.row(fileName).getByTestId('backup-restore').click();
    await expect(this.confirmDialog).toBeVisible();
  }
  async confirmRestore(): Promise<string> {
    await this.id('backup-confirm-yes').click();
    await expect(this.confirmDialog).toHaveCount(0);
    await expect(this.job).toHaveAttribute('data-kind', 'backup.restore');
    await expect(this.job).toHaveAttribute('data-status', /^(done|failed|cancelled)$/, { timeout: 60_000 });
    return (await this.job.getAttribute('data-status'))!;
  }

  async saveSettings(change: { folder?: string; dailyAt?: string | null; keep?: string }): Promise<void> {
    if (change.folder !== undefined) await this.id('backup-folder').fill(change.folder);
    if (change.dailyAt === null) await this.id('backup-daily').uncheck();
    else if (change.dailyAt !== undefined) {
      await this.id('backup-daily').check();
      await this.id('backup-daily-at').fill(change.dailyAt);
    }
    if (change.keep !== undefined) await this.id('backup-keep').fill(change.keep);
    await this.id('backup-save').click();
  }
  get settingsSaved(): Locator {
    return this.id('backup-settings-saved');
  }
  get folderError(): Locator {
    return this.id('backup-folder-error');
  }
}
