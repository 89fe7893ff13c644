// The central server's pages (server/src/web.ts): login, register across offices, and the public
// letter-verification page reached by a letter's QR code.
import { expect, type Locator, type Page } from '@playwright/test';

async function ready(page: Page): Promise<void> {
  await expect(page.locator('main')).toHaveAttribute('data-state', 'ready');
}

export class CentralLoginPage {
  constructor(readonly page: Page) {}

  static async open(page: Page, baseUrl: string): Promise<CentralLoginPage> {
    await page.goto(`${baseUrl}/login`);
    await ready(page);
    return new CentralLoginPage(page);
  }

  get error(): Locator {
    return this.page.getByRole('alert');
  }

  async signInAs(username: string, password: string): Promise<void> {
    const form = this.page.getByTestId('login');
    await form.getByLabel('Nama pengguna').fill(username);
    await form.getByLabel('Kata sandi').fill(password);
    await form.getByRole('button', { name: 'Masuk' }).click();
    await ready(this.page);
  }

  /** Signs in and lands on the offices page; then opens the register. */
  async signIn(username: string, password: string): Promise<CentralRegisterPage> {
    await this.signInAs(username, password);
    await expect(this.page.getByRole('heading', { level: 1 })).toHaveText('Kantor');
    return CentralRegisterPage.open(this.page, new URL(this.page.url()).origin);
  }
}

export class CentralRegisterPage {
  constructor(readonly page: Page) {}

  static async open(page: Page, baseUrl: string, query = ''): Promise<CentralRegisterPage> {
    await page.goto(`${baseUrl}/register${query}`);
    await ready(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Register lintas kantor');
    return new CentralRegisterPage(page);
  }

  get rows(): Locator {
    return this.page.getByTestId('register').locator('tbody tr');
  }
  get empty(): Locator {
    return this.page.getByTestId('register-empty');
  }
  get excelLink(): Locator {
    return this.page.getByRole('link', { name: 'Unduh Excel' });
  }
  get officeFilter(): Locator {
    return this.page.getByTestId('register-filters').locator('select[name=office]');
  }

  row(number: string): Locator {
    return this.rows.filter({ hasText: number });
  }

  async filter(by: { office?: string; hospital?: string; status?: string; q?: string; from?: string; to?: string }): Promise<void> {
    const form = this.page.getByTestId('register-filters');
    if (by.office !== undefined) await this.officeFilter.selectOption({ label: by.office });
    if (by.hospital !== undefined) await form.getByPlaceholder('Rumah sakit').fill(by.hospital);
    if (by.status !== undefined) await form.getByLabel('Status').selectOption(by.status);
    if (by.q !== undefined) await form.getByPlaceholder('Nama / nomor').fill(by.q);
    if (by.from !== undefined) await form.getByLabel('Dari').fill(by.from);
    if (by.to !== undefined) await form.getByLabel('Sampai').fill(by.to);
    await form.getByRole('button', { name: 'Saring' }).click();
    await ready(this.page);
  }
}

/** The monthly recap across offices: one row per office. */
export class CentralRecapPage {
  constructor(readonly page: Page) {}

  static async open(page: Page, baseUrl: string, month: string): Promise<CentralRecapPage> {
    await page.goto(`${baseUrl}/recap?month=${month}`);
    await ready(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Rekap bulanan ${month}`);
    return new CentralRecapPage(page);
  }

  get rows(): Locator {
    return this.page.getByTestId('recap').locator('tbody tr');
  }

  /** The cells of an office's row: office, submissions, handed over, cancelled. */
  async cells(office: string): Promise<string[]> {
    return this.rows.filter({ hasText: office }).locator('td').allTextContents();
  }
}

export class VerifyPage {
  constructor(readonly page: Page) {}

  static async open(page: Page, baseUrl: string, token: string): Promise<VerifyPage> {
    await page.goto(`${baseUrl}/verify/${token}`);
    await ready(page);
    return new VerifyPage(page);
  }

  get result(): Locator {
    return this.page.getByTestId('verify-result');
  }
  get hashResult(): Locator {
    return this.page.getByTestId('hash-result');
  }
  /** Everything the public page shows (to check what it must not show). */
  get whole(): Locator {
    return this.page.locator('body');
  }

  /** The value shown for a label ("Nomor", "Tanggal", ...). */
  field(label: string): Locator {
    return this.result.locator('dt', { hasText: new RegExp(`^${label}$`) }).locator('xpath=following-sibling::dd[1]');
  }

  /** Drops a file on the drop zone as a person drags it from their folder. */
  async dropPdf(bytes: Buffer, name = 'surat.pdf'): Promise<void> {
    // Built in the page (the browser's DataTransfer and File), from the bytes given.
    const transfer = await this.page.evaluateHandle(
      `(() => { const dt = new DataTransfer(); dt.items.add(new File([new Uint8Array(${JSON.stringify([...bytes])})], ${JSON.stringify(name)}, { type: 'application/pdf' })); return dt; })()`,
    );
    await this.page.getByTestId('pdf-drop').dispatchEvent('drop', { dataTransfer: transfer });
  }

  async expectHash(state: 'match' | 'mismatch'): Promise<void> {
    await expect(this.hashResult).toHaveAttribute('data-state', state);
  }
}
