import { expect, type Page } from '@playwright/test';
import type { Role } from '../../../common/contract/index';
import { expectReady } from './gates';

export class AdminPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/#/admin');
    await expectReady(this.page, 'page-admin');
  }

  async tab(name: 'users' | 'desks' | 'services' | 'queue' | 'devices' | 'network'): Promise<void> {
    await this.page.getByTestId(`admin-tab-${name}`).click();
    await expectReady(this.page, `admin-${name}`);
  }

  async createUser(user: { username: string; fullName: string; role: Role; password: string }): Promise<void> {
    const p = this.page;
    await p.getByTestId('user-username').fill(user.username);
    await p.getByTestId('user-full-name').fill(user.fullName);
    await p.getByTestId('user-password').fill(user.password);
    await p.getByTestId(`user-role-${user.role}`).check();
    await p.getByTestId('user-create').click();
    await expect(p.getByTestId(`user-row-${user.username}`)).toBeVisible();
    // The form is emptied only after the host accepted the user.
    await expect(p.getByTestId('user-username')).toHaveValue('');
  }

  /** Creates a desk and returns its pairing code, which the screen shows only once. */
  async createDesk(name: string, counterNo: number): Promise<string> {
    const p = this.page;
    await p.getByTestId('desk-name').fill(name);
    await p.getByTestId('desk-counter').fill(String(counterNo));
    await p.getByTestId('desk-create').click();
    const token = p.getByTestId('desk-token');
    await expect(token).toBeVisible();
    await expect(p.getByTestId(`desk-row-${counterNo}`)).toBeVisible();
    const value = await token.inputValue();
    await p.getByTestId('desk-token-close').click();
    return value;
  }
}
