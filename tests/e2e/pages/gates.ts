// Start-up screens: first-run setup, desk pairing and login.
import { expect, type Page } from '@playwright/test';

export const ADMIN = { username: 'admin', fullName: 'Admin Dinkes', password: 'rahasia-admin-1' };

export async function expectReady(page: Page, testId: string): Promise<void> {
  await expect(page.getByTestId(testId)).toHaveAttribute('data-state', 'ready');
}

export class SetupPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/');
    await expectReady(this.page, 'page-setup');
  }

  async firstRun(office: { name: string; kabKota: string; address: string }): Promise<void> {
    const p = this.page;
    await p.getByTestId('setup-office-name').fill(office.name);
    await p.getByTestId('setup-kab-kota').fill(office.kabKota);
    await p.getByTestId('setup-address').fill(office.address);
    await p.getByTestId('setup-admin-username').fill(ADMIN.username);
    await p.getByTestId('setup-admin-full-name').fill(ADMIN.fullName);
    await p.getByTestId('setup-admin-password').fill(ADMIN.password);
    await p.getByTestId('setup-admin-password2').fill(ADMIN.password);
    await p.getByTestId('setup-submit').click();
    await expectReady(p, 'page-home');
  }
}

/** A fresh browser (no desk token yet): pair it with a desk code, then sign in. */
export class DeskGate {
  constructor(readonly page: Page) {}

  async pair(deskToken: string): Promise<void> {
    await this.page.goto('/');
    await expectReady(this.page, 'page-pair');
    await this.page.getByTestId('pair-code').fill(deskToken);
    await this.page.getByTestId('pair-submit').click();
    await expectReady(this.page, 'page-login');
  }

  /** A refused login shows the host's message and keeps the username typed. */
  async loginRefused(username: string, password: string): Promise<void> {
    await this.page.getByTestId('login-username').fill(username);
    await this.page.getByTestId('login-password').fill(password);
    await this.page.getByTestId('login-submit').click();
    await expect(this.page.getByTestId('login-error')).toBeVisible();
    await expect(this.page.getByRole('alert')).not.toHaveText('');
    await expect(this.page.getByTestId('login-username')).toHaveValue(username);
  }

  async login(username: string, password: string): Promise<void> {
    await this.page.getByTestId('login-username').fill(username);
    await this.page.getByTestId('login-password').fill(password);
    await this.page.getByTestId('login-submit').click();
    await expectReady(this.page, 'page-home');
  }
}
