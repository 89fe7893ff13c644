// The home menu a signed-in user lands on; each tile leads to a screen of the user's roles.
import type { Locator, Page } from '@playwright/test';
import type { Stage } from '../../../common/contract/index';
import { AdminPage } from './AdminPage';
import { QueueDeskPage } from './QueueDeskPage';
import { expectReady } from './ready';
import { SatpamPage } from './SatpamPage';

export class HomePage {
  private constructor(readonly page: Page) {}

  /** The home menu as it is now on `page`. */
  static async shown(page: Page): Promise<HomePage> {
    await expectReady(page, 'page-home');
    return new HomePage(page);
  }

  /** The menu screen with its header (office, desk and counter). */
  get screen(): Locator {
    return this.page.getByTestId('page-home');
  }

  private async menu(route: string, pageTestId: string): Promise<void> {
    await this.page.getByTestId(`menu-${route}`).click();
    await expectReady(this.page, pageTestId);
  }

  async goToAdmin(): Promise<AdminPage> {
    await this.menu('admin', 'page-admin');
    return new AdminPage(this.page);
  }

  async goToSatpam(): Promise<SatpamPage> {
    await this.menu('satpam', 'page-satpam');
    return new SatpamPage(this.page);
  }

  /** Through the menu, without reloading the page. */
  async goToDesk(stage: Stage): Promise<QueueDeskPage> {
    await this.menu(stage, `page-${stage}`);
    return new QueueDeskPage(this.page, stage);
  }
}
