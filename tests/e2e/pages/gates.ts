// Start-up screens: first-run setup, desk pairing and login. Each step returns the page it leads to.
import { expect, type Locator, type Page } from '@playwright/test';
import { HomePage } from './HomePage';
import { SatpamPage } from './SatpamPage';
import { expectReady } from './ready';

export const ADMIN = { username: 'admin', fullName: 'Admin Dinkes', password: 'rahasia-admin-1' };

export class SetupPage {
  constructor(readonly page: Page) {}

  async open(): Promise<this> {
    await this.page.goto('/');
    await expectReady(this.page, 'page-setup');
    return this;
  }

  /** Fills the first-run form; the new admin is signed in and lands on the home menu. */
  async firstRun(office: { name: string; kabKota: string; address: string }): Promise<HomePage> {
    const p = this.page;
    await p.getByTestId('setup-office-name').fill(office.name);
    await p.getByTestId('setup-kab-kota').fill(office.kabKota);
    await p.getByTestId('setup-address').fill(office.address);
    await p.getByTestId('setup-admin-username').fill(ADMIN.username);
    await p.getByTestId('setup-admin-full-name').fill(ADMIN.fullName);
    await p.getByTestId('setup-admin-password').fill(ADMIN.password);
    await p.getByTestId('setup-admin-password2').fill(ADMIN.password);
    await p.getByTestId('setup-submit').click();
    return HomePage.shown(p);
  }
}

/** A fresh browser (no desk token yet): pair it with a desk code, then sign in. */
export class DeskGate {
  constructor(readonly page: Page) {}

  async pair(deskToken: string): Promise<LoginPage> {
    await this.page.goto('/');
    await expectReady(this.page, 'page-pair');
    await this.page.getByTestId('pair-code').fill(deskToken);
    await this.page.getByTestId('pair-submit').click();
    return LoginPage.shown(this.page);
  }

  /** Types a code (without submitting) on the pairing screen, e.g. to look at it. */
  async type(code: string): Promise<this> {
    await this.page.goto('/');
    await expectReady(this.page, 'page-pair');
    await this.page.getByTestId('pair-code').fill(code);
    return this;
  }

  /** A code the host refuses (used, expired, mistyped): the screen stays with the host's message. */
  async pairRefused(code: string): Promise<this> {
    await this.type(code);
    await this.page.getByTestId('pair-submit').click();
    await expect(this.page.getByTestId('pair-error')).toBeVisible();
    await expectReady(this.page, 'page-pair');
    return this;
  }

  get error(): Locator {
    return this.page.getByTestId('pair-error');
  }
}

/** The login screen of a paired desk. */
export class LoginPage {
  private constructor(readonly page: Page) {}

  /** The login screen as it is now on `page` (after pairing, or after the host ended the session). */
  static async shown(page: Page): Promise<LoginPage> {
    await expectReady(page, 'page-login');
    return new LoginPage(page);
  }

  get username(): Locator {
    return this.page.getByTestId('login-username');
  }

  private async submit(username: string, password: string): Promise<void> {
    await this.username.fill(username);
    await this.page.getByTestId('login-password').fill(password);
    await this.page.getByTestId('login-submit').click();
  }

  /** A refused login shows the host's message and keeps the username typed; the screen stays. */
  async signInRefused(username: string, password: string): Promise<LoginPage> {
    await this.submit(username, password);
    await expect(this.page.getByTestId('login-error')).toBeVisible();
    await expect(this.page.getByRole('alert')).not.toHaveText('');
    await expect(this.username).toHaveValue(username);
    return this;
  }

  async signIn(username: string, password: string): Promise<HomePage> {
    await this.submit(username, password);
    return HomePage.shown(this.page);
  }

  /** A satpam-only account lands straight on the ticket screen, not the menu. */
  async signInToKiosk(username: string, password: string): Promise<SatpamPage> {
    await this.submit(username, password);
    await expectReady(this.page, 'page-satpam');
    return new SatpamPage(this.page);
  }
}
