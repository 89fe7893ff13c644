// The case file on the desk (DocumentsPanel) and Admin → Dokumen. Waits on the panel's own
// data-state ("ready" once its file is loaded and no scan or upload is in flight).
import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { expectReady } from './ready';

export class DocumentsAdminTab {
  constructor(readonly page: Page) {}

  static async open(page: Page): Promise<DocumentsAdminTab> {
    await page.goto('/#/admin');
    await expectReady(page, 'page-admin');
    await page.getByTestId('admin-tab-documents').click();
    await expectReady(page, 'admin-documents');
    return new DocumentsAdminTab(page);
  }

  checklistBox(serviceCode: string, docType: string): Locator {
    return this.page.getByTestId(`checklist-${serviceCode}-${docType}`);
  }

  /** The desk's device list: what its PC (or the komputer utama) found. */
  devices(counterNo: number): Locator {
    return this.page.getByTestId(`scanner-${counterNo}-device`).locator('option');
  }

  /** Cari ulang for the desk: waits until the search answered. */
  async rediscover(counterNo: number): Promise<this> {
    const button = this.page.getByTestId(`scanner-${counterNo}-rediscover`);
    await button.click();
    await expect(button).toBeEnabled({ timeout: 30_000 });
    return this;
  }

  /** Picks the device from the list of found scanners (waiting for the search to have found it). */
  async setScanner(counterNo: number, s: { adapter: string; device: string; source: 'flatbed' | 'adf'; inboxFolder?: string }): Promise<this> {
    await this.page.getByTestId(`scanner-${counterNo}-adapter`).selectOption(s.adapter);
    const value = `${s.adapter}|${s.device}`;
    await expect(this.page.getByTestId(`scanner-${counterNo}-device`).locator(`option[value="${value}"]`)).toHaveCount(1, { timeout: 30_000 });
    await this.page.getByTestId(`scanner-${counterNo}-device`).selectOption(value);
    await this.page.getByTestId(`scanner-${counterNo}-source`).selectOption(s.source);
    if (s.inboxFolder !== undefined) await this.page.getByTestId(`scanner-${counterNo}-inbox`).fill(s.inboxFolder);
    await this.page.getByTestId(`scanner-${counterNo}-save`).click();
    await expect(this.page.getByTestId(`scanner-${counterNo}-saved`)).toBeVisible();
    return this;
  }
}

export class DocumentsPanel {
  constructor(readonly page: Page) {}

  private id(testId: string): Locator {
    return this.page.getByTestId(testId);
  }

  static async shown(page: Page): Promise<DocumentsPanel> {
    await expectReady(page, 'documents-panel');
    return new DocumentsPanel(page);
  }

  get status(): Locator {
    return this.id('documents-status');
  }
  get error(): Locator {
    return this.id('documents-error');
  }
  get done(): Locator {
    return this.id('documents-done');
  }
  line(docType: string): Locator {
    return this.id(`check-${docType}`);
  }
  pages(docType: string): Locator {
    return this.id(`doc-${docType}`).getByTestId('doc-page');
  }

  get inbox(): Locator {
    return this.id('inbox');
  }
  inboxItem(fileName: string): Locator {
    return this.id('inbox').locator(`[data-testid="inbox-item"][data-file="${fileName}"]`);
  }

  /** Puts an inbox file into the chosen document type and waits for its pages in the case. */
  async assignFromInbox(fileName: string, docType: string, expectedPages: number): Promise<this> {
    await this.choose(docType);
    await this.inboxItem(fileName).getByTestId('inbox-assign').click();
    await expect(this.pages(docType)).toHaveCount(expectedPages);
    await expect(this.inboxItem(fileName)).toHaveCount(0);
    await expectReady(this.page, 'documents-panel');
    return this;
  }

  async expectComplete(complete: boolean): Promise<void> {
    await expect(this.id('documents-panel')).toHaveAttribute('data-complete', complete ? 'true' : 'false');
  }

  async choose(docType: string): Promise<this> {
    await this.id('documents-target').selectOption(docType);
    return this;
  }

  /** Presses Pindai and waits for the pages to be in and the panel settled. */
  async scan(docType: string, expectedPages: number): Promise<this> {
    await this.choose(docType);
    await this.id('documents-scan').click();
    await expect(this.pages(docType)).toHaveCount(expectedPages, { timeout: 30_000 });
    await expectReady(this.page, 'documents-panel');
    return this;
  }

  async addFile(docType: string, file: { name: string; mimeType: string; buffer: Buffer }): Promise<this> {
    await this.choose(docType);
    await this.id('documents-file-input').setInputFiles(file);
    await expectReady(this.page, 'documents-panel');
    return this;
  }

  /** Returns the incomplete file (confirming) and answers the printed sheet's download. */
  async returnFile(): Promise<Download> {
    this.page.once('dialog', (d) => void d.accept());
    const download = this.page.waitForEvent('download');
    await this.id('documents-return').click();
    const d = await download;
    await expect(this.id('documents-returned')).toBeVisible();
    return d;
  }
}
