// Admin → E-mail (SMTP) and the messages panel on the resepsionis's case screen.
import { expect, type Locator, type Page } from '@playwright/test';
import { expectReady } from './ready';

export interface SmtpData {
  host: string;
  port: number;
  secure: boolean;
  user: string;
  password: string;
  from: string;
  bpjsAddress: string;
}

export class SmtpTab {
  constructor(readonly page: Page) {}

  /** Opens the tab from the admin page (AdminPage.open() first). */
  static async open(page: Page): Promise<SmtpTab> {
    await page.getByTestId('admin-tab-email').click();
    await expectReady(page, 'admin-smtp');
    return new SmtpTab(page);
  }

  private id(testId: string): Locator {
    return this.page.getByTestId(testId);
  }
  get password(): Locator {
    return this.id('smtp-password');
  }
  get saved(): Locator {
    return this.id('smtp-saved');
  }

  async save(d: SmtpData): Promise<void> {
    await this.id('smtp-host').fill(d.host);
    await this.id('smtp-port').fill(String(d.port));
    await this.id('smtp-secure').setChecked(d.secure);
    await this.id('smtp-user').fill(d.user);
    await this.password.fill(d.password);
    await this.id('smtp-from').fill(d.from);
    await this.id('smtp-bpjs-address').fill(d.bpjsAddress);
    await this.id('smtp-save').click();
    await expect(this.saved).toBeVisible();
  }
}

export class MessagesPanel {
  constructor(readonly page: Page) {}

  /** The panel under the family panel on the case screen. */
  static async shown(page: Page): Promise<MessagesPanel> {
    await expectReady(page, 'messages-panel');
    return new MessagesPanel(page);
  }

  private id(testId: string): Locator {
    return this.page.getByTestId(testId);
  }
  get root(): Locator {
    return this.id('messages-panel');
  }
  get emails(): Locator {
    return this.id('message-email');
  }
  email(i: number) {
    const row = this.emails.nth(i);
    return { row, status: row.getByTestId('message-status'), error: row.getByTestId('message-error'), retry: row.getByTestId('message-retry') };
  }
  get whatsappLink(): Locator {
    return this.id('whatsapp-send');
  }

  async chooseForm(form: 'peserta_baru' | 'pengalihan' | 'cetak_eid'): Promise<void> {
    await this.id('message-form').selectOption(form);
  }

  async attach(files: { name: string; mimeType: string; buffer: Buffer }[]): Promise<void> {
    await this.id('message-attachments').setInputFiles(files);
    await expect(this.id('message-attachments-count')).toContainText(`${files.length} berkas`);
  }

  /** "Kirim ke BPJS (e-mail)"; waits for the delivery attempt to be shown. */
  async emailBpjs(): Promise<void> {
    const before = await this.emails.count();
    await this.id('message-email-bpjs').click();
    await expect(this.emails).toHaveCount(before + 1);
    await expectReady(this.page, 'messages-panel');
  }

  async retry(i: number): Promise<void> {
    await this.email(i).retry.click();
    await expectReady(this.page, 'messages-panel');
  }

  async prepareWhatsapp(phone: string): Promise<void> {
    await this.id('whatsapp-phone').fill(phone);
    await this.id('whatsapp-prepare').click();
    await expect(this.whatsappLink).toBeVisible();
  }
}
