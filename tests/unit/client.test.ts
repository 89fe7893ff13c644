// renderer/app/client.ts inside Electron: with window.loket present (host or desk), every call and
// event goes through the preload bridge, never fetch or a WebSocket of its own; a desk's bridge
// also hears which session to follow and reports its feed's state.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { BridgeEvent } from '../../common/contract/index';

const store = new Map<string, string>();
const bridgeListeners = new Set<(e: BridgeEvent) => void>();
const bridge = {
  mode: 'desk' as const,
  hostUrl: 'http://192.168.1.10:4700',
  calls: {
    'auth.me': vi.fn(async () => ({ ok: true, value: { user: 'u' } })),
    'queue.board': vi.fn(async () => ({ ok: false, error: { code: 'UNAUTHENTICATED', message: 'Sesi berakhir.' } })),
    'system.status': vi.fn(async () => {
      throw new Error('ipc gone');
    }),
  } as Record<string, ReturnType<typeof vi.fn>>,
  onEvent: vi.fn((listener: (e: BridgeEvent) => void) => {
    bridgeListeners.add(listener);
    return () => bridgeListeners.delete(listener);
  }),
  setSessionToken: vi.fn(async (_token: string | null) => undefined),
};
const fetchSpy = vi.fn();
const WebSocketSpy = vi.fn();

beforeAll(() => {
  vi.stubGlobal('window', { loket: bridge, location: { origin: 'file://' } });
  vi.stubGlobal('localStorage', {
    getItem: (k: string) => store.get(k) ?? null,
    setItem: (k: string, v: string) => store.set(k, v),
    removeItem: (k: string) => store.delete(k),
  });
  vi.stubGlobal('fetch', fetchSpy);
  vi.stubGlobal('WebSocket', WebSocketSpy);
});
afterAll(() => {
  vi.unstubAllGlobals();
});

/** What this test uses of the client. */
interface Client {
  call(name: string, input: unknown): Promise<unknown>;
  session: { token: string | null };
  onEvent(listener: (event: unknown) => void): () => void;
  onConnection(listener: (online: boolean) => void): () => void;
  wsUrl(path: string): string;
  UNREACHABLE_MESSAGE: string;
}
// The client is DOM code, typechecked by tsconfig.web.json; loaded by a path in a variable so the
// node typecheck of this test does not compile it without the DOM types.
const CLIENT_PATH = '../../renderer/app/client';
const client = () => import(/* @vite-ignore */ CLIENT_PATH) as Promise<Client>;

describe('renderer client with the preload bridge', () => {
  it('calls through the bridge in desk mode with the stored session', async () => {
    const { call, session } = await client();
    session.token = 'sess-1';
    await expect(call('auth.me', {})).resolves.toEqual({ ok: true, value: { user: 'u' } });
    expect(bridge.calls['auth.me']).toHaveBeenCalledWith({ token: 'sess-1', input: {} });
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('forgets an expired session, and answers HOST_UNREACHABLE if the bridge itself fails', async () => {
    const { call, session, UNREACHABLE_MESSAGE } = await client();
    session.token = 'sess-old';
    await call('queue.board', { stage: 'petugas' });
    expect(session.token).toBeNull();
    await expect(call('system.status', {})).resolves.toEqual({ ok: false, error: { code: 'HOST_UNREACHABLE', message: UNREACHABLE_MESSAGE } });
  });

  it('names the session for the main-process feed while a screen listens, and routes its status', async () => {
    const { onEvent, onConnection, session } = await client();
    session.token = 'sess-1';
    bridge.setSessionToken.mockClear();
    const events = vi.fn();
    const status = vi.fn();
    const offStatus = onConnection(status);
    const off = onEvent(events);
    expect(bridge.setSessionToken).toHaveBeenLastCalledWith('sess-1');
    expect(WebSocketSpy).not.toHaveBeenCalled();

    bridgeListeners.forEach((l) => l({ type: 'services.changed' }));
    bridgeListeners.forEach((l) => l({ type: 'feed.status', online: false }));
    expect(events.mock.calls).toEqual([[{ type: 'services.changed' }]]);
    expect(status.mock.calls).toEqual([[false]]);

    // A second screen shares the feed; a new login moves it; the last screen leaving ends it.
    const off2 = onEvent(vi.fn());
    expect(bridge.setSessionToken).toHaveBeenCalledTimes(1);
    session.token = 'sess-2';
    expect(bridge.setSessionToken).toHaveBeenLastCalledWith('sess-2');
    off2();
    off();
    expect(bridge.setSessionToken).toHaveBeenLastCalledWith(null);
    expect(bridgeListeners.size).toBe(0);

    // With nobody listening, a new session opens no feed.
    bridge.setSessionToken.mockClear();
    session.token = 'sess-3';
    expect(bridge.setSessionToken).not.toHaveBeenCalled();
    offStatus();
  });

  it("points the display board's socket at the host", async () => {
    const { wsUrl } = await client();
    expect(wsUrl('/ws/display')).toBe('ws://192.168.1.10:4700/ws/display');
  });
});
