// The board's live feed: one WebSocket to the host's public display endpoint, reopened with backoff
// whenever it drops. The host sends the full state on connect, so nothing is lost while away.
import { hostNow, learnHostClock, setOfficeTimeZone } from '../../app/hostClock';
import { useEffect, useRef, useState } from 'react';
import { DISPLAY_HEARTBEAT_MS, DISPLAY_WS_PATH, type DisplayEvent, type DisplayState } from '../../../common/contract/index';
import { call, wsUrl } from '../../app/client';
import { parseDisplayEvent, reconnectDelayMs } from './feed';

export type FeedConnection = 'connecting' | 'open' | 'closed';

export function useDisplayFeed(onEvent: (event: DisplayEvent) => void): {
  state: DisplayState | null;
  connection: FeedConnection;
} {
  const [state, setState] = useState<DisplayState | null>(null);
  const [connection, setConnection] = useState<FeedConnection>('connecting');
  const handler = useRef(onEvent);
  handler.current = onEvent;

  useEffect(() => {
    let socket: WebSocket | null = null;
    let timer: number | undefined;
    let attempt = 0;
    let stopped = false;
    let lastHeard = Date.now();

    const schedule = (): void => {
      window.clearTimeout(timer);
      timer = window.setTimeout(open, reconnectDelayMs(attempt++));
    };

    function open(): void {
      if (stopped) return;
      let ws: WebSocket;
      try {
        ws = new WebSocket(wsUrl(DISPLAY_WS_PATH));
      } catch {
        setConnection('closed');
        schedule();
        return;
      }
      socket = ws;
      ws.onopen = () => {
        attempt = 0;
        lastHeard = Date.now();
        setConnection('open');
      };
      ws.onmessage = (message) => {
        lastHeard = Date.now();
        const event = parseDisplayEvent(message.data);
        if (!event) return;
        setOfficeTimeZone(event.state.timeZone);
        setState(event.state);
        handler.current(event);
      };
      ws.onclose = () => {
        if (socket !== ws) return;
        socket = null;
        if (stopped) return;
        setConnection('closed');
        schedule();
      };
    }

    // Back on the network: try now instead of waiting out the backoff.
    const onOnline = (): void => {
      if (socket || stopped) return;
      attempt = 0;
      window.clearTimeout(timer);
      open();
    };

    // A host that lost power never closes the socket: three missed heartbeats count as a drop.
    const watchdog = window.setInterval(() => {
      if (!socket || socket.readyState !== WebSocket.OPEN || Date.now() - lastHeard < 3 * DISPLAY_HEARTBEAT_MS) return;
      const dead = socket;
      socket = null;
      dead.close();
      setConnection('closed');
      schedule();
    }, DISPLAY_HEARTBEAT_MS);

    open();
    window.addEventListener('online', onOnline);
    return () => {
      stopped = true;
      window.clearInterval(watchdog);
      window.clearTimeout(timer);
      window.removeEventListener('online', onOnline);
      socket?.close();
      socket = null;
    };
  }, []);

  return { state, connection };
}

/**
 * The host's clock, ticking every second. A TV stick's own clock is often wrong, so the board asks
 * the host once for its time and keeps the difference; without an answer it shows its own time.
 */
export function useHostClock(): Date {
  const [now, setNow] = useState(() => new Date(hostNow()));
  useEffect(() => {
    let alive = true;
    const sentAt = Date.now();
    void call('system.status', {}).then((result) => {
      if (alive) learnHostClock(result, sentAt);
    });
    const id = window.setInterval(() => setNow(new Date(hostNow())), 1000);
    return () => {
      alive = false;
      window.clearInterval(id);
    };
  }, []);
  return now;
}
