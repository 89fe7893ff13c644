// HTTPS for desks against the real headless host (built out/main/host.js): the host's own
// certificate, made once and kept, and a desk forwarder that talks to it only under the pin.
import { X509Certificate } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { createServer as createHttpsServer, type Server } from 'node:https';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOT_TRUSTED_MESSAGE, type ServerEvent, type Ticket } from '../../common/contract/index';
import { certificateFingerprint, makeCertificate } from '../../main/platform/tls';
import { createDeskForwarder } from '../../main/platform/transport/deskForwarder';
import { freePort, ok, parseListening, removeTempDirs, setupOffice, startHostProcess, tempDir, type HostProcess } from '../helpers/host';

const FINGERPRINT = /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/;
const NOT_TRUSTED = { ok: false, error: { code: 'HOST_NOT_TRUSTED', message: NOT_TRUSTED_MESSAGE } };

/** A fingerprint that is well formed and not the host's. */
const otherThan = (fp: string): string => (fp.startsWith('00') ? `11${fp.slice(2)}` : `00${fp.slice(2)}`);

describe('the host serves HTTPS with its own pinned certificate', () => {
  const dataDir = tempDir('loket-tls-');
  let host: HostProcess;
  let tokens: Record<string, string>;
  let first: { fingerprint: string; cert: string };

  beforeAll(async () => {
    host = await startHostProcess(dataDir);
    ({ tokens } = await setupOffice(host.url));
    first = { fingerprint: host.fingerprint, cert: readFileSync(join(dataDir, 'tls', 'host-cert.pem'), 'utf8') };
  });
  afterAll(async () => {
    await host?.stop();
    removeTempDirs();
  });

  it('makes an ECDSA P-256 certificate for this PC, valid ten years, with the key readable by its owner only', () => {
    expect(host.fingerprint).toMatch(FINGERPRINT);
    const cert = new X509Certificate(first.cert);
    expect(cert.fingerprint256).toBe(host.fingerprint);
    expect(cert.subject).toMatch(/^CN=Loket /);
    expect(cert.publicKey.asymmetricKeyType).toBe('ec');
    expect(cert.publicKey.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
    expect(cert.subjectAltName).toContain('IP Address:127.0.0.1');
    expect(cert.subjectAltName).toContain('DNS:localhost');
    expect(cert.issuer).toBe(cert.subject);
    expect(cert.verify(cert.publicKey)).toBe(true);
    const years = (Date.parse(cert.validTo) - Date.parse(cert.validFrom)) / (365.25 * 24 * 3600 * 1000);
    expect(years).toBeGreaterThan(9.9);
    expect(statSync(join(dataDir, 'tls', 'host-key.pem')).mode & 0o777).toBe(0o600);
    // HTTP port 0 gives an OS-chosen TLS port, on the same address.
    const http = new URL(host.url);
    const https = new URL(host.tlsUrl);
    expect(https.hostname).toBe('127.0.0.1');
    expect(https.hostname).toBe(http.hostname);
    expect(Number(https.port)).toBeGreaterThan(0);
    expect(https.port).not.toBe(http.port);
  });

  it('shows the fingerprint and the HTTPS address with a new pairing code, and in the status', async () => {
    const created = await ok(host.url, 'desks.create', { name: 'Loket 7', counterNo: 7 }, tokens.admin);
    expect(created.hostFingerprint).toBe(host.fingerprint);
    expect(created.hostTlsUrl).toBe(host.tlsUrl);
    expect((await ok(host.url, 'system.status', {})).tlsFingerprint).toBe(host.fingerprint);
  });

  it('forwards calls over HTTPS under the right pin, and events arrive over wss from either port', async () => {
    const desk = createDeskForwarder(host.tlsUrl, { fingerprint: host.fingerprint.toLowerCase(), reconnectMinMs: 50, timeoutMs: 5_000 });
    try {
      await expect(desk.call('auth.me', tokens.resep1!, {})).resolves.toMatchObject({ ok: true, value: { user: { username: 'resep1' } } });
      const events: ServerEvent[] = [];
      await new Promise<void>((resolve) => desk.subscribe(tokens.resep1!, (e) => events.push(e), (up) => up && resolve()));
      // Issued over plain HTTP (the host PC's own browser), heard by the desk over wss.
      const ticket = await ok(host.url, 'queue.issue', { serviceCode: 'A', priority: null }, tokens.satpam1);
      await expect.poll(() => events.some((e) => e.type === 'queue.changed' && e.ticketId === ticket.id), { timeout: 10_000 }).toBe(true);
      // And the other way round.
      const viaTls = await desk.call('queue.issue', tokens.satpam1!, { serviceCode: 'A', priority: null });
      expect(viaTls.ok).toBe(true);
      const second = (viaTls as { value: Ticket }).value;
      await expect.poll(() => events.some((e) => e.type === 'queue.changed' && e.ticketId === second.id), { timeout: 10_000 }).toBe(true);
    } finally {
      desk.close();
    }
  });

  it('refuses a host whose certificate is not the pinned one: no call goes through, the feed never opens', async () => {
    const desk = createDeskForwarder(host.tlsUrl, { fingerprint: otherThan(host.fingerprint), reconnectMinMs: 20, reconnectMaxMs: 50, timeoutMs: 3_000 });
    const statuses: boolean[] = [];
    const heard: ServerEvent[] = [];
    const stop = desk.subscribe(tokens.resep1!, (e) => heard.push(e), (up) => statuses.push(up));
    try {
      await expect(desk.call('auth.me', tokens.resep1!, {})).resolves.toEqual(NOT_TRUSTED);
      await expect(desk.call('system.status', null, {})).resolves.toEqual(NOT_TRUSTED);
      await ok(host.url, 'queue.issue', { serviceCode: 'A', priority: null }, tokens.satpam1);
      // Several attempts, each refused before the upgrade request (and its token) is sent.
      await expect.poll(() => statuses.length, { timeout: 5_000 }).toBeGreaterThanOrEqual(3);
      expect(statuses.every((up) => !up)).toBe(true);
      expect(heard).toEqual([]);
    } finally {
      stop();
      desk.close();
    }
  });

  it('keeps the same certificate across restarts', async () => {
    await host.stop();
    host = await startHostProcess(dataDir);
    expect(host.fingerprint).toBe(first.fingerprint);
    expect(readFileSync(join(dataDir, 'tls', 'host-cert.pem'), 'utf8')).toBe(first.cert);
    const desk = createDeskForwarder(host.tlsUrl, { fingerprint: first.fingerprint, timeoutMs: 5_000 });
    try {
      await expect(desk.call('auth.me', tokens.resep1!, {})).resolves.toMatchObject({ ok: true });
    } finally {
      desk.close();
    }
  });

  it('prints one JSON line first, then the HTTP sentence, as before, then the HTTPS one', () => {
    const [jsonLine, http, https] = host.stdout().split('\n');
    const started = parseListening(jsonLine!);
    expect(started).toMatchObject({
      event: 'listening',
      url: host.url,
      tlsUrl: host.tlsUrl,
      fingerprint: first.fingerprint,
      port: Number(new URL(host.url).port),
      tlsPort: Number(new URL(host.tlsUrl).port),
      bindAddress: '127.0.0.1',
      lanUrls: [],
      dataDir,
      dbFile: join(dataDir, 'loket.sqlite'),
    });
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(host.tlsUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(http).toBe(`Loket host listening on ${host.url}`);
    expect(https).toBe(`Loket host TLS on ${host.tlsUrl} fingerprint ${first.fingerprint}`);
  });
});

/** Two adjacent free ports, so a host on the first can take the second for HTTPS. */
async function freePair(): Promise<number> {
  for (;;) {
    const port = await freePort();
    if (port < 65535 && (await isFree(port + 1))) return port;
  }
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createNetServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

describe('the HTTPS port', () => {
  afterAll(() => removeTempDirs());

  it('is the HTTP port + 1 by default, and --tls-port when given', async () => {
    const port = await freePair();
    const byDefault = await startHostProcess(tempDir('loket-tlsport-'), port);
    try {
      expect(new URL(byDefault.tlsUrl).port).toBe(String(port + 1));
    } finally {
      await byDefault.stop();
    }
    const tlsPort = await freePort();
    const given = await startHostProcess(tempDir('loket-tlsport-'), 0, { tlsPort });
    try {
      expect(new URL(given.tlsUrl).port).toBe(String(tlsPort));
    } finally {
      await given.stop();
    }
  });
});

describe('a desk forwarder that is not given the pin', () => {
  let impostor: Server;
  let port: number;
  let impostorFingerprint: string;
  /** The bearer token of every request the impostor received, in order of arrival. */
  const seen: string[] = [];

  beforeAll(async () => {
    // Another program answering at the host's address with a certificate of its own.
    const { key, cert } = await makeCertificate('Loket Palsu', []);
    impostorFingerprint = certificateFingerprint(cert);
    impostor = createHttpsServer({ key, cert }, (req, res) => {
      seen.push(req.headers.authorization ?? '');
      res.end('{"ok":true,"value":{}}');
    });
    await new Promise<void>((r) => impostor.listen(0, '127.0.0.1', r));
    port = (impostor.address() as AddressInfo).port;
  });
  afterAll(async () => {
    impostor.closeAllConnections();
    await new Promise((r) => impostor.close(r));
  });

  it('sends nothing, token included, to a server with another certificate', async () => {
    const wrongPin = otherThan('AA'.repeat(32).match(/../g)!.join(':'));
    const desk = createDeskForwarder(`https://127.0.0.1:${port}`, { fingerprint: wrongPin, timeoutMs: 2_000 });
    // The barrier: a desk pinned to the impostor's own certificate, the same way in. Its call is
    // answered only after the impostor received it, and it was sent after the refused one.
    const sentinel = createDeskForwarder(`https://127.0.0.1:${port}`, { fingerprint: impostorFingerprint, timeoutMs: 2_000 });
    try {
      await expect(desk.call('auth.me', 'a-session-token', {})).resolves.toEqual(NOT_TRUSTED);
      await expect(sentinel.call('auth.me', 'sentinel-token', {})).resolves.toEqual({ ok: true, value: {} });
      expect(seen).toEqual(['Bearer sentinel-token']);
    } finally {
      desk.close();
      sentinel.close();
    }
  });

  it('will not start on https without a fingerprint', () => {
    expect(() => createDeskForwarder(`https://127.0.0.1:${port}`)).toThrow(/fingerprint/);
    expect(() => createDeskForwarder(`https://127.0.0.1:${port}`, { fingerprint: 'AB:CD' })).toThrow(/fingerprint/);
  });
});
