// A desk's main process forwarding calls and events to the real headless host (built
// out/main/host.js): what a desk window gets through its preload bridge.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNREACHABLE_MESSAGE, type ServerEvent, type Ticket } from '../../common/contract/index';
import { createDeskForwarder, type DeskForwarder } from '../../main/platform/transport/deskForwarder';
import { api, removeTempDirs, setupOffice, startHostProcess, tempDir, type HostProcess } from '../helpers/host';

/** Collects what a subscription hears, and waits for what it has not heard yet. */
function recorder<T>() {
  const seen: T[] = [];
  const waiting = new Set<() => void>();
  return {
    seen,
    push(item: T) {
      seen.push(item);
      waiting.forEach((w) => w());
    },
    /** Resolves with the first item after index `from` that matches. */
    next(match: (item: T) => boolean, from = 0, timeoutMs = 10_000): Promise<T> {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = seen.slice(from).find(match);
          if (found === undefined) return;
          waiting.delete(check);
          clearTimeout(timer);
          resolve(found);
        };
        const timer = setTimeout(() => {
          waiting.delete(check);
          reject(new Error(`nothing matching after ${timeoutMs} ms; saw ${JSON.stringify(seen.slice(from))}`));
        }, timeoutMs);
        waiting.add(check);
        check();
      });
    },
  };
}

const UNREACHABLE = { ok: false, error: { code: 'HOST_UNREACHABLE', message: UNREACHABLE_MESSAGE } };

describe('desk forwarder against the real host', () => {
  const dataDir = tempDir('loket-desk-');
  let host: HostProcess;
  let port: number;
  let tokens: Record<string, string>;
  let desk: DeskForwarder;

  beforeAll(async () => {
    host = await startHostProcess(dataDir);
    port = Number(new URL(host.url).port);
    ({ tokens } = await setupOffice(host.url));
    desk = createDeskForwarder(`${host.url}/`, { reconnectMinMs: 50, reconnectMaxMs: 500, timeoutMs: 5_000 });
  });
  afterAll(async () => {
    desk?.close();
    await host?.stop();
    removeTempDirs();
  });

  /** A ticket issued through the desk forwarder, as the satpam's screen does. */
  async function issue(): Promise<Ticket> {
    const r = await desk.call('queue.issue', tokens.satpam1!, { serviceCode: 'A', priority: null });
    expect(r.ok).toBe(true);
    return (r as { value: Ticket }).value;
  }

  it('forwards a call with the session token and answers with the host Result', async () => {
    const me = await desk.call('auth.me', tokens.resep1!, {});
    expect(me).toMatchObject({ ok: true, value: { user: { username: 'resep1', roles: ['resepsionis'] } } });
    const status = await desk.call('system.status', null, {});
    expect(status).toMatchObject({ ok: true, value: { configured: true } });
  });

  it('hands back a refusal exactly as the host words it', async () => {
    const refused = await desk.call('users.list', tokens.satpam1!, {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(refused).toEqual(await api(host.url, 'users.list', {}, tokens.satpam1));
    expect(await desk.call('auth.me', null, {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    // A token that cannot go in a header is not sent at all (no header injection, no throw).
    expect(await desk.call('auth.me', `${tokens.resep1}\r\nx-evil: 1`, {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const invalid = await desk.call('queue.issue', tokens.satpam1!, { serviceCode: 'a1', priority: 'vip' });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await desk.call('system.shutdown', tokens.admin!, {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CALL' } });
  });

  it('delivers events, reports the feed down while the host is gone, and reconnects when it is back', async () => {
    const events = recorder<ServerEvent>();
    const status = recorder<boolean>();
    const stop = desk.subscribe(tokens.resep1!, (e) => events.push(e), (online) => status.push(online));
    try {
      await status.next((online) => online);

      const issued = await desk.call('queue.issue', tokens.satpam1!, { serviceCode: 'A', priority: null });
      expect(issued.ok).toBe(true);
      const ticket = (issued as { value: Ticket }).value;
      await events.next((e) => e.type === 'queue.changed' && e.ticketId === ticket.id);

      const downFrom = status.seen.length;
      await host.stop();
      await status.next((online) => !online, downFrom);
      await expect(desk.call('auth.me', tokens.resep1!, {})).resolves.toEqual(UNREACHABLE);
      await expect(desk.call('queue.issue', tokens.satpam1!, { serviceCode: 'A', priority: null })).resolves.toEqual(UNREACHABLE);

      // Same data folder and port: the session survives, and the feed finds the host again by itself.
      const backFrom = status.seen.length;
      host = await startHostProcess(dataDir, port);
      await status.next((online) => online, backFrom, 15_000);
      const again = await desk.call('queue.issue', tokens.satpam1!, { serviceCode: 'A', priority: null });
      expect(again.ok).toBe(true);
      const second = (again as { value: Ticket }).value;
      await events.next((e) => e.type === 'queue.changed' && e.ticketId === second.id);
    } finally {
      stop();
    }
  });

  it('notices a host that stops answering without closing the connection', async () => {
    const watchful = createDeskForwarder(host.url, { pingMs: 200, reconnectMinMs: 50, reconnectMaxMs: 200, timeoutMs: 1_000 });
    const status = recorder<boolean>();
    const stop = watchful.subscribe(tokens.resep1!, () => undefined, (online) => status.push(online));
    try {
      await status.next((online) => online);
      // A frozen host (think power cut mid-connection): the kernel keeps the socket, nothing answers.
      const frozenFrom = status.seen.length;
      host.proc.kill('SIGSTOP');
      try {
        await status.next((online) => !online, frozenFrom, 5_000);
      } finally {
        host.proc.kill('SIGCONT');
      }
      await status.next((online) => online, frozenFrom, 10_000);
    } finally {
      stop();
      watchful.close();
    }
  });

  it('stops a feed for good when asked, without reporting it as a drop', async () => {
    const status = recorder<boolean>();
    const events = recorder<ServerEvent>();
    // A second feed for the same desk stays open: what it hears shows what the host sent.
    const sentinel = recorder<ServerEvent>();
    const sentinelStatus = recorder<boolean>();
    const stopSentinel = desk.subscribe(tokens.resep1!, (e) => sentinel.push(e), (online) => sentinelStatus.push(online));
    try {
      const stop = desk.subscribe(tokens.resep1!, (e) => events.push(e), (online) => status.push(online));
      await Promise.all([status.next((online) => online), sentinelStatus.next((online) => online)]);
      stop();
      const first = await issue();
      // Barrier: the host has sent this ticket's event to every open feed of the desk.
      await sentinel.next((e) => e.type === 'queue.changed' && e.ticketId === first.id);
      // And a second round trip through the host: anything it sent the stopped feed, and that
      // feed's own close, happened before this event reached the open one.
      const second = await issue();
      await sentinel.next((e) => e.type === 'queue.changed' && e.ticketId === second.id);
      expect(status.seen).toEqual([true]);
      expect(events.seen).toEqual([]);
      expect(sentinelStatus.seen).toEqual([true]);
    } finally {
      stopSentinel();
    }
  });

  it('keeps retrying a feed the host refuses, reporting it down', async () => {
    const status = recorder<boolean>();
    const stop = desk.subscribe('palsu', () => undefined, (online) => status.push(online));
    try {
      // The host accepts the upgrade, then closes with 4401: each attempt ends down, and another follows.
      await status.next((online) => !online);
      const retried = status.seen.length;
      await status.next((online) => !online, retried);
    } finally {
      stop();
    }
  });
});


describe('desk forwarder without a host', () => {
  let silent: Server;
  beforeAll(async () => {
    // Accepts the request and never answers: the call must give up after its timeout.
    silent = createServer(() => undefined);
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
  });
  afterAll(async () => {
    silent.closeAllConnections();
    await new Promise((r) => silent.close(r));
  });

  it('answers HOST_UNREACHABLE for a closed port, a host that never answers and a page that is not the API', async () => {
    const closed = createDeskForwarder('http://127.0.0.1:1', { timeoutMs: 2_000 });
    await expect(closed.call('system.status', null, {})).resolves.toEqual(UNREACHABLE);

    const { port } = silent.address() as AddressInfo;
    const hanging = createDeskForwarder(`http://127.0.0.1:${port}`, { timeoutMs: 300 });
    const started = Date.now();
    await expect(hanging.call('system.status', null, {})).resolves.toEqual(UNREACHABLE);
    expect(Date.now() - started).toBeLessThan(5_000);

    const page = createServer((_req, res) => res.end('{"hello":"world"}'));
    await new Promise<void>((r) => page.listen(0, '127.0.0.1', r));
    try {
      const other = createDeskForwarder(`http://127.0.0.1:${(page.address() as AddressInfo).port}`);
      await expect(other.call('system.status', null, {})).resolves.toEqual(UNREACHABLE);
    } finally {
      await new Promise((r) => page.close(r));
    }
  });

  it('refuses a host address that is not http(s)', () => {
    expect(() => createDeskForwarder('file:///etc/passwd')).toThrow();
  });
});
