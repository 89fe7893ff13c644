// The sandboxed preload: the renderer's only door to the main process. It exposes exactly one
// function per contract entry (each bound to its own IPC channel), the host's event stream and
// one setter for the session whose events a desk's main process should fetch: no generic
// invoke(channel), no ipcRenderer, no Node. Bundled to CommonJS by scripts/build.mjs; the call
// names come from the contract and are inlined there.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { CALL_NAMES, type BridgeEvent, type Result } from '../common/contract/index';

type Envelope = { token: string | null; input: unknown };

/**
 * The shape renderer/app/client.ts declares as `LoketBridge` (window.loket). Repeated here because
 * the preload is compiled with the node settings, where the renderer's DOM code does not build.
 */
interface LoketBridge {
  mode: 'host' | 'desk';
  hostUrl: string | null;
  calls: Record<string, (envelope: Envelope) => Promise<Result<unknown>>>;
  onEvent(listener: (event: BridgeEvent) => void): () => void;
  setSessionToken(token: string | null): Promise<void>;
  /** Desk mode only: this PC's own scanner (renderer/features/documents/deskBridge.ts). */
  scanner?: {
    scan(input: { token: string; ticketId: string; docType: string }): Promise<Result<unknown>>;
    cancel(): Promise<void>;
    onProgress(listener: (event: unknown) => void): () => void;
  };
}

const EVENT_CHANNEL = 'loket:event';
const SESSION_CHANNEL = 'loket:session';
/** Desk mode's scanner: main/app/electron.ts registerDeskScanner. */
const SCAN_CHANNEL = 'loket:desk-scan';
const SCAN_CANCEL_CHANNEL = 'loket:desk-scan-cancel';
const SCAN_PROGRESS_CHANNEL = 'loket:desk-scan-progress';

/** main/app/windowOptions.ts passes these as webPreferences.additionalArguments. */
function argValue(prefix: string): string | null {
  const arg = process.argv.find((a) => a.startsWith(prefix));
  return arg ? arg.slice(prefix.length) : null;
}

const mode: LoketBridge['mode'] = argValue('--loket-mode=') === 'desk' ? 'desk' : 'host';
const hostUrl = argValue('--loket-host-url=');

function callFor(name: string): (envelope: Envelope) => Promise<Result<unknown>> {
  const channel = `loket:${name}`;
  // Only plain data crosses: the token as a string, the input as the renderer gave it (the host
  // parses it with the contract's schema).
  return (envelope) =>
    ipcRenderer.invoke(channel, {
      token: typeof envelope?.token === 'string' ? envelope.token : null,
      input: envelope?.input ?? {},
    }) as Promise<Result<unknown>>;
}

// Both modes call the main process: the host's window reaches the host in-process, a desk's
// window through its main process, which forwards the call over HTTP (main/platform/transport/deskForwarder.ts).
const calls: LoketBridge['calls'] = Object.fromEntries(CALL_NAMES.map((name) => [name, callFor(name)]));

const bridge: LoketBridge = {
  mode,
  hostUrl,
  calls,
  onEvent(listener: (event: BridgeEvent) => void): () => void {
    // The IPC event object (with its sender) stays here; the page gets the payload only.
    const handler = (_event: IpcRendererEvent, payload: BridgeEvent): void => listener(payload);
    ipcRenderer.on(EVENT_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, handler);
    };
  },
  // Desk mode only: the host's events need a session, and the main process opens that feed. The
  // host's own window gets every event in-process, so there is nothing to tell its main process.
  async setSessionToken(token: string | null): Promise<void> {
    if (mode !== 'desk') return;
    await ipcRenderer.invoke(SESSION_CHANNEL, typeof token === 'string' ? token : null);
  },
};

// The scanner is plugged into a desk's own PC, so its main process drives it and uploads the pages
// to the host; three fixed channels, plain data only. The host's own window scans through the host.
if (mode === 'desk')
  bridge.scanner = {
    scan: (input) =>
      ipcRenderer.invoke(SCAN_CHANNEL, {
        token: typeof input?.token === 'string' ? input.token : '',
        ticketId: typeof input?.ticketId === 'string' ? input.ticketId : '',
        docType: typeof input?.docType === 'string' ? input.docType : '',
      }) as Promise<Result<unknown>>,
    cancel: async () => {
      await ipcRenderer.invoke(SCAN_CANCEL_CHANNEL);
    },
    onProgress(listener) {
      const handler = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
      ipcRenderer.on(SCAN_PROGRESS_CHANNEL, handler);
      return () => {
        ipcRenderer.removeListener(SCAN_PROGRESS_CHANNEL, handler);
      };
    },
  };

contextBridge.exposeInMainWorld('loket', bridge);
