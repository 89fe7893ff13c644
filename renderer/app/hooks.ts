import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppError, Result, ServerEvent } from '../../common/contract/index';
import { onEvent } from './client';
import { hostNow, useApp } from './state/app';

export type LoadState = 'loading' | 'ready';

/**
 * Loads data for a page. `state` turns 'ready' once the first load has answered (even with an
 * error, which is then shown), so tests and people both know the screen has settled. Reloads that
 * arrive while one is in flight are coalesced into a single follow-up load.
 */
export function useLoad<T>(load: () => Promise<Result<T>>) {
  const [state, setState] = useState<LoadState>('loading');
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const loadRef = useRef(load);
  loadRef.current = load;
  const inFlight = useRef(false);
  const again = useRef(false);

  const reload = useCallback(async () => {
    if (inFlight.current) {
      again.current = true;
      return;
    }
    inFlight.current = true;
    try {
      do {
        again.current = false;
        const result = await loadRef.current();
        if (result.ok) {
          setData(result.value);
          setError(null);
        } else {
          setError(result.error);
        }
      } while (again.current);
    } finally {
      inFlight.current = false;
      setState('ready');
    }
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { state, data, error, reload, setData };
}

/** Runs `listener` for pushed host events while the component is mounted. */
export function useServerEvents(listener: (event: ServerEvent) => void): void {
  const ref = useRef(listener);
  ref.current = listener;
  useEffect(() => onEvent((e) => ref.current(e)), []);
}

/**
 * Calls `onOpen` whenever the event channel (re)opens after this component mounted: pushes sent
 * while it was closed or still connecting are lost, so the screen reloads to catch up.
 */
export function useOnEventsOpened(onOpen: () => void): void {
  const epoch = useApp((s) => s.eventsEpoch);
  const seen = useRef(epoch);
  const ref = useRef(onOpen);
  ref.current = onOpen;
  useEffect(() => {
    if (epoch !== seen.current) ref.current();
    seen.current = epoch;
  }, [epoch]);
}

/** Host time, re-rendered every `intervalMs` (for live clocks). */
export function useHostNow(intervalMs = 1000): number {
  const [now, setNow] = useState(hostNow);
  useEffect(() => {
    const id = window.setInterval(() => setNow(hostNow()), intervalMs);
    return () => window.clearInterval(id);
  }, [intervalMs]);
  return now;
}

/** Runs an action, tracks that it is pending and keeps its error for an alert. */
export function useAction() {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const run = useCallback(async <T>(action: () => Promise<Result<T>>): Promise<Result<T>> => {
    setPending(true);
    try {
      const result = await action();
      setError(result.ok ? null : result.error);
      return result;
    } finally {
      setPending(false);
    }
  }, []);
  return { pending, error, setError, run };
}
