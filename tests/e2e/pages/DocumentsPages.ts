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

  async setScanner(counterNo: number, s: { adapter: string; device: string; source: 'flatbed' | 'adf' }): Promise<this> {
    await this.page.getByTestId(`scanner-${counterNo}-adapter`).selectOption(s.adapter);
    await this.page.getByTestId(`scanner-${counterNo}-device`).fill(s.device);
    await this.page.getByTestId(`scanner-${counterNo}-source`).selectOption(s.source);
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
