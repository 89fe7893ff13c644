// Admin → Jaringan against the real headless host process: the saved address and port are used at
// the next start without flags, a flag still wins, an address that is not this PC's is refused, and
// a saved choice that no longer works falls back so the admin can still open Loket. These tests only
// ever connect to 127.0.0.1, whatever the host is bound to.
import Database from 'better-sqlite3';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DB_FILE_NAME } from '../../main/app/start';
import { api, freePort, HostStartError, ok, parseError, removeTempDirs, setupOffice, startHostProcess, tempDir, type HostProcess } from '../helpers/host';

const NOT_THIS_PC = '10.99.99.99';

function listenOn(port: number, host = '127.0.0.1'): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}
const closeServer = (server: Server) => new Promise<void>((r) => server.close(() => r()));

async function portIsFree(port: number): Promise<boolean> {
  try {
    await closeServer(await listenOn(port, '0.0.0.0'));
    return true;
  } catch {
    return false;
  }
}

function setSetting(dataDir: string, key: string, value: string): void {
  const db = new Database(join(dataDir, DB_FILE_NAME));
  try {
    db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
  } finally {
    db.close();
  }
}

describe('the address the admin chose', () => {
  let host: HostProcess | null = null;
  afterEach(async () => {
    await host?.stop();
    host = null;
    removeTempDirs();
  });

  it('is saved by the admin and used at the next start without flags; a flag still wins', async () => {
    const dataDir = tempDir('loket-net-');
    host = await startHostProcess(dataDir);
    const { tokens } = await setupOffice(host.url);
    const admin = tokens.admin!;

    const before = await ok(host.url, 'network.get', {}, admin);
    expect(before).toMatchObject({
      bindAddress: '127.0.0.1',
      port: 4700,
      effectiveBindAddress: '127.0.0.1',
      effectivePort: Number(new URL(host.url).port),
      source: 'flag', // the helper passes --port 0
      restartNeeded: false,
      urls: [host.url],
      warning: null,
    });
    expect(before.addresses.at(-1)).toMatchObject({ address: '127.0.0.1' });
    expect(before.addresses.map((a) => a.address)).not.toContain(NOT_THIS_PC);

    const port = await freePort();
    const saved = await ok(host.url, 'network.save', { bindAddress: '0.0.0.0', port }, admin);
    expect(saved).toMatchObject({ bindAddress: '0.0.0.0', port, effectiveBindAddress: '127.0.0.1', restartNeeded: true });

    await host.stop();
    host = await startHostProcess(dataDir, null);
    // Bound to all networks; this PC reaches it on 127.0.0.1, which the first line names.
    expect(host.url).toBe(`http://127.0.0.1:${port}`);
    expect(host.output()).toMatch(/Di jaringan kantor: /);
    const after = await ok(host.url, 'network.get', {}, admin);
    expect(after).toMatchObject({
      bindAddress: '0.0.0.0',
      port,
      effectiveBindAddress: '0.0.0.0',
      effectivePort: port,
      source: 'setting',
      restartNeeded: false,
      warning: null,
    });
    expect(after.urls.length).toBeGreaterThan(0);
    for (const url of after.urls) expect(url).toMatch(new RegExp(`^http://[\\d.]+:${port}$`));

    await host.stop();
    const flagPort = await freePort();
    host = await startHostProcess(dataDir, flagPort, { bind: '127.0.0.1' });
    expect(host.url).toBe(`http://127.0.0.1:${flagPort}`);
    expect(host.output()).not.toMatch(/Di jaringan kantor/);
    expect(await ok(host.url, 'network.get', {}, admin)).toMatchObject({
      bindAddress: '0.0.0.0',
      port,
      effectiveBindAddress: '127.0.0.1',
      effectivePort: flagPort,
      source: 'flag',
      // The same flags at the next start keep the same address: a restart would change nothing.
      restartNeeded: false,
      urls: [`http://127.0.0.1:${flagPort}`],
    });

    await host.stop();
    const db = new Database(join(dataDir, DB_FILE_NAME), { readonly: true });
    try {
      const audits = db.prepare("SELECT detail FROM audit WHERE action = 'network.save'").all() as { detail: string }[];
      expect(audits.map((a) => JSON.parse(a.detail))).toEqual([{ bindAddress: '0.0.0.0', port }]);
    } finally {
      db.close();
    }
  });

  it('refuses an address that is not this PC, a port out of range, and anyone but the admin', async () => {
    host = await startHostProcess();
    const { tokens } = await setupOffice(host.url);

    const notMine = await api(host.url, 'network.save', { bindAddress: NOT_THIS_PC, port: 4800 }, tokens.admin);
    expect(notMine).toMatchObject({ ok: false, error: { code: 'ADDRESS_NOT_ON_THIS_PC' } });
    if (!notMine.ok) {
      expect(notMine.error.message).toContain(`Alamat ${NOT_THIS_PC} bukan alamat komputer ini`);
      expect(notMine.error.fields).toEqual({ bindAddress: 'Bukan alamat komputer ini. Pilih dari daftar.' });
    }

    const lowPort = await api(host.url, 'network.save', { bindAddress: '0.0.0.0', port: 80 }, tokens.admin);
    expect(lowPort).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { port: 'Paling kecil 1024.' } } });
    const notAnAddress = await api(host.url, 'network.save', { bindAddress: 'semua', port: 4800 }, tokens.admin);
    expect(notAnAddress).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { bindAddress: 'Formatnya tidak sesuai.' } } });

    for (const user of ['satpam1', 'resep1', 'petugas1']) {
      expect(await api(host.url, 'network.get', {}, tokens[user])).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await api(host.url, 'network.save', { bindAddress: '0.0.0.0', port: 4800 }, tokens[user])).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    }
    expect(await api(host.url, 'network.get', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });

    // Nothing refused was saved.
    expect(await ok(host.url, 'network.get', {}, tokens.admin)).toMatchObject({ bindAddress: '127.0.0.1', port: 4700, restartNeeded: false });
  });

  it('falls back to 127.0.0.1 when the saved address is gone from this PC, and says so', async () => {
    const dataDir = tempDir('loket-net-gone-');
    host = await startHostProcess(dataDir);
    const { tokens } = await setupOffice(host.url);
    await host.stop();
    // An address the PC had when the admin chose it (a DHCP lease since changed, say).
    const port = await freePort();
    setSetting(dataDir, 'host.bindAddress', NOT_THIS_PC);
    setSetting(dataDir, 'host.port', String(port));

    host = await startHostProcess(dataDir, null);
    expect(host.url).toBe(`http://127.0.0.1:${port}`);
    expect(host.output()).toContain(`Perhatian: Alamat ${NOT_THIS_PC} yang dipilih tidak ada lagi di komputer ini`);
    const network = await ok(host.url, 'network.get', {}, tokens.admin);
    expect(network).toMatchObject({ bindAddress: NOT_THIS_PC, effectiveBindAddress: '127.0.0.1', effectivePort: port, restartNeeded: true });
    expect(network.warning).toContain('hanya dapat dibuka di komputer ini');

    // Choosing what works now clears the warning.
    expect(await ok(host.url, 'network.save', { bindAddress: '127.0.0.1', port }, tokens.admin)).toMatchObject({ restartNeeded: false, warning: null });
  });

  it('falls back to port 4700 when another program took the saved port', async (ctx) => {
    if (!(await portIsFree(4700))) ctx.skip();
    const dataDir = tempDir('loket-net-taken-');
    host = await startHostProcess(dataDir);
    const { tokens } = await setupOffice(host.url);
    const taken = await freePort();
    await ok(host.url, 'network.save', { bindAddress: '127.0.0.1', port: taken }, tokens.admin);
    await host.stop();

    const squatter = await listenOn(taken);
    try {
      host = await startHostProcess(dataDir, null);
      expect(host.url).toBe('http://127.0.0.1:4700');
      const network = await ok(host.url, 'network.get', {}, tokens.admin);
      expect(network).toMatchObject({ port: taken, effectivePort: 4700, restartNeeded: true });
      expect(network.warning).toContain(`Port ${taken} yang dipilih sedang dipakai program lain`);
    } finally {
      await closeServer(squatter);
    }
  });
});

describe('a start-up that fails', () => {
  afterEach(() => removeTempDirs());

  it('says why in one JSON line on stderr, then in a sentence, and exits', async () => {
    const port = await freePort();
    const squatter = await listenOn(port);
    try {
      const failed = await startHostProcess(tempDir('loket-net-fail-'), port).then(
        () => null,
        (err: unknown) => err,
      );
      expect(failed).toBeInstanceOf(HostStartError);
      const { error, output } = failed as HostStartError;
      expect(error).toMatchObject({ event: 'error', message: expect.any(String) });
      expect(error!.message.length).toBeGreaterThan(0);
      // Nothing on stdout; on stderr the JSON line comes first, then the sentence with the same reason.
      const lines = output.split('\n');
      expect(parseError(lines[0]!)).toEqual(error);
      expect(lines[1]).toBe(`Loket di komputer utama tidak dapat dijalankan: ${error!.message}`);
    } finally {
      await closeServer(squatter);
    }
    const badPort = await startHostProcess(tempDir('loket-net-fail-'), 70000).then(
      () => null,
      (err: unknown) => err as HostStartError,
    );
    expect(badPort?.error).toEqual({ event: 'error', message: 'nomor port "70000" tidak valid.' });
  });
});
