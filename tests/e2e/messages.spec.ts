// Messages out from the case screen: the admin sets the office's SMTP account (password shown only
// as "tersimpan"); the resepsionis e-mails the statement form with an attachment to the BPJS branch
// through a local SMTP server (smtp-server on 127.0.0.1), sees the first delivery fail with its
// reason, presses "Coba lagi" and sees it delivered; then prepares the WhatsApp text as a wa.me link.
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { expect, openSignedIn, test } from './fixtures';
import { ok, removeTempDir, setupOffice, startHostProcess, tempDir } from '../helpers/host';
import { FAMILY_KK, FIVE_OUTCOMES } from '../helpers/family';
import { AdminPage } from './pages/AdminPage';
import { MessagesPanel, SmtpTab } from './pages/MessagesPages';
import { QueueDeskPage } from './pages/QueueDeskPage';

const SHOTS = join('test-results', 'screens');

/** A local SMTP server that refuses the first message (451) and takes the next ones. */
function startSmtp(received: Buffer[]): Promise<{ port: number; close(): Promise<void> }> {
  let refused = false;
  const server = new SMTPServer({
    secure: false,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    onAuth(auth, _s, cb) {
      if (auth.username === 'loket@dinkes.test' && auth.password === 'sandi-smtp-9') cb(null, { user: auth.username });
      else cb(new Error('Invalid username or password'));
    },
    onData(stream, _session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (!refused) {
          refused = true;
          return cb(Object.assign(new Error('Kotak surat sementara penuh'), { responseCode: 451 }));
        }
        received.push(Buffer.concat(chunks));
        cb();
      });
    },
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ port: (server.server.address() as AddressInfo).port, close: () => new Promise<void>((r) => server.close(() => r())) }),
    ),
  );
}

test('the resepsionis e-mails the form to BPJS, retries a failed delivery and prepares a WhatsApp link', async ({ browser }) => {
  test.setTimeout(120_000);
  mkdirSync(SHOTS, { recursive: true });
  const dataDir = tempDir('loket-e2e-messages-');
  const host = await startHostProcess(dataDir);
  const received: Buffer[] = [];
  const smtp = await startSmtp(received);
  try {
    const office = await setupOffice(host.url);

    await test.step('the admin sets the SMTP account; the password comes back only as "tersimpan"', async () => {
      const { context, page } = await openSignedIn(browser, host.url, office.deskToken, office.tokens.admin!);
      await page.setViewportSize({ width: 1366, height: 768 });
      await new AdminPage(page).open();
      const tab = await SmtpTab.open(page);
      await tab.save({ host: '127.0.0.1', port: smtp.port, secure: false, user: 'loket@dinkes.test', password: 'sandi-smtp-9', from: 'loket@dinkes.test', bpjsAddress: 'kc.gambir@bpjs.test' });
      await expect(tab.password).toHaveValue('');
      await expect(tab.password).toHaveAttribute('placeholder', 'tersimpan');
      await page.reload();
      const again = await SmtpTab.open(page);
      await expect(again.password).toHaveAttribute('placeholder', 'tersimpan');
      await page.screenshot({ path: join(SHOTS, 'msg-01-admin-smtp-1366x768.png') });
      await context.close();
    });

    await ok(host.url, 'queue.issue', { serviceCode: 'A', priority: null }, office.tokens.satpam1!);
    const { page } = await openSignedIn(browser, host.url, office.deskToken, office.tokens.resep1!);
    await page.setViewportSize({ width: 1366, height: 768 });
    const desk = await new QueueDeskPage(page, 'resepsionis').open();
    await desk.callNext();
    const first = FIVE_OUTCOMES[0]!;
    await desk.fillCase({ nik: first.nik, name: first.name, kk: FAMILY_KK, birthDate: '', phone: '0812 3456 7890', purpose: 'Daftar peserta baru JKN' });
    await desk.saveCase();
    await expect(desk.caseSaved).toBeVisible();
    const messages = await MessagesPanel.shown(page);

    await test.step('the first delivery fails with its reason; "Coba lagi" delivers it with the attachment', async () => {
      await messages.chooseForm('peserta_baru');
      await messages.attach([{ name: 'kk.png', mimeType: 'image/png', buffer: Buffer.from('\x89PNG\r\n\x1a\nfoto-kk') }]);
      await messages.emailBpjs();
      await expect(messages.email(0).status).toHaveText('gagal');
      await expect(messages.email(0).error).toContainText('451');
      await messages.email(0).row.scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(SHOTS, 'msg-02-email-failed-1366x768.png') });
      await messages.retry(0);
      await expect(messages.email(0).status).toHaveText('terkirim');
      await expect(messages.email(0).retry).toHaveCount(0);
      expect(received).toHaveLength(1);
      const mail = await simpleParser(received[0]!);
      expect(mail.to && !Array.isArray(mail.to) ? mail.to.text : '').toContain('kc.gambir@bpjs.test');
      expect(mail.subject).toContain('Pendaftaran peserta baru');
      expect(mail.attachments.map((a) => a.filename)).toEqual([expect.stringMatching(/^peserta-baru-.+\.pdf$/), 'kk.png']);
    });

    await test.step('the WhatsApp text opens as a wa.me link in the system browser', async () => {
      await messages.prepareWhatsapp('0812 3456 7890');
      await expect(messages.whatsappLink).toHaveAttribute('href', /^https:\/\/wa\.me\/6281234567890\?text=Yth\.%20Bapak%2FIbu%20/);
      await expect(messages.whatsappLink).toHaveAttribute('target', '_blank');
      await expect(messages.whatsappLink).toHaveAttribute('rel', 'noopener');
      await expect(messages.whatsappLink).toHaveText('Kirim WhatsApp');
      await messages.root.scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(SHOTS, 'msg-03-case-messages-1366x768.png') });
    });
  } finally {
    await smtp.close();
    await host.stop();
    removeTempDir(dataDir);
  }
});
