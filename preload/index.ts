// The sandboxed preload: the renderer's only door to the main process. It exposes exactly one
// function per contract entry (each bound to its own IPC channel) and the host's event stream:
// no generic invoke(channel), no ipcRenderer, no Node. Bundled to CommonJS by scripts/build.mjs;
// the call names come from the contract and are inlined there.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { CALL_NAMES, type Result, type ServerEvent } from '../main/api/contract';

type Envelope = { token: string | null; input: unknown };

/**
 * The shape renderer/api/client.ts declares as `LoketBridge` (window.loket). Repeated here because
 * the preload is compiled with the node settings, where the renderer's DOM code does not build.
 */
interface LoketBridge {
  mode: 'host' | 'desk';
  hostUrl: string | null;
  calls: Record<string, (envelope: Envelope) => Promise<Result<unknown>>>;
  onEvent(listener: (event: ServerEvent) => void): () => void;
}

const EVENT_CHANNEL = 'loket:event';

/** main/windowOptions.ts passes these as webPreferences.additionalArguments. */
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

// A desk calls its host over HTTP; only the host's own window has IPC handlers to call.
const calls: LoketBridge['calls'] =
  mode === 'host' ? Object.fromEntries(CALL_NAMES.map((name) => [name, callFor(name)])) : {};

const bridge: LoketBridge = {
  mode,
  hostUrl,
  calls,
  onEvent(listener: (event: ServerEvent) => void): () => void {
    // The IPC event object (with its sender) stays here; the page gets the payload only.
    const handler = (_event: IpcRendererEvent, payload: ServerEvent): void => listener(payload);
    ipcRenderer.on(EVENT_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, handler);
    };
  },
};

contextBridge.exposeInMainWorld('loket', bridge);
