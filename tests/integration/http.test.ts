// The LAN transport against the real headless host process: HTTP calls, staff events, the public
// display feed and its heartbeat.
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DISPLAY_HEARTBEAT_MS, type DisplayEvent, type ServerEvent } from '../../common/contract/index';
import { api, ok, removeTempDirs, setupOffice, startHostProcess, type HostProcess } from '../helpers/host';

const nextMessage = <T>(ws: WebSocket, match: (m: T) => boolean, timeoutMs = 5000) =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no matching message')), timeoutMs);
    ws.on('message', (data) => {
      const m = JSON.parse(String(data)) as T;
      if (match(m)) {
        clearTimeout(timer);
        resolve(m);
      }
    });
  });

describe('host over HTTP and WebSocket', () => {
  let host: HostProcess;
  let tokens: Record<string, string>;
  beforeAll(async () => {
    host = await startHostProcess();
    ({ tokens } = await setupOffice(host.url));
  });
  afterAll(async () => {
    await host?.stop();
    removeTempDirs();
  });
  const ws = (path: string) => new WebSocket(host.url.replace('http', 'ws') + path);

  it('answers bad input with Indonesian field messages and unknown calls plainly', async () => {
    const bad = await api(host.url, 'queue.issue', { serviceCode: 'a1', priority: 'vip' } as never, tokens.satpam1);
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!bad.ok) {
      expect(bad.error.message).toMatch(/isian/i);
      expect(Object.keys(bad.error.fields ?? {})).toEqual(expect.arrayContaining(['serviceCode', 'priority']));
    }
    const res = await fetch(`${host.url}/api/tidak.ada`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CALL' } });
  });

  it('refuses the staff event feed without a session', async () => {
    const sock = ws('/ws/events?token=palsu');
    const code = await new Promise<number>((r) => sock.on('close', (c) => r(c)));
    expect(code).toBe(4401);
  });

  it('pushes queue changes to desks and calls to the public board, numbers only', async () => {
    const desk = ws(`/ws/events?token=${tokens.resep1}`);
    await new Promise((r) => desk.on('open', r));
    const board = ws('/ws/display');
    const hello = await nextMessage<DisplayEvent>(board, (m) => m.type === 'display.state');
    expect(hello.announce).toBeNull();

    const issued = nextMessage<ServerEvent>(desk, (m) => m.type === 'queue.changed');
    const t = await ok(host.url, 'queue.issue', { serviceCode: 'A', priority: null }, tokens.satpam1);
    expect(await issued).toMatchObject({ ticketId: t.id, status: 'waiting' });

    const shown = nextMessage<DisplayEvent>(board, (m) => m.type === 'display.state' && m.announce !== null);
    await ok(host.url, 'cases.save', { ticketId: t.id, nik: '3201011501900003', name: 'Budi Santoso', kk: '3201012003150007', phone: '', purpose: '' }, tokens.resep1);
    await ok(host.url, 'queue.callNext', { stage: 'resepsionis' }, tokens.resep1);
    const event = await shown;
    expect(event.announce).toMatchObject({ label: t.label, counterNo: 1 });
    expect(event.state.current?.label).toBe(t.label);
    expect(JSON.stringify(event)).not.toMatch(/Budi|3201011501900003/);
    desk.close();
    board.close();
  });

  it('keeps the board informed with heartbeats', async () => {
    const board = ws('/ws/display');
    const beat = await nextMessage<{ type: string }>(board, (m) => m.type === 'heartbeat', DISPLAY_HEARTBEAT_MS * 2 + 1000);
    expect(beat.type).toBe('heartbeat');
    board.close();
  });

  it('serves the renderer to browsers', async () => {
    const res = await fetch(`${host.url}/`);
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/<div id="root">|<html/i);
  });
});
