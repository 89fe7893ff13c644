// The one Content-Security-Policy of the renderer, wherever it is loaded: Electron puts it on the
// window's documents as a header, the host sends it with the pages it serves to browsers (kiosk,
// TV, desks in a browser). Pure; no imports.

function originOf(url: string | null): string | null {
  try {
    const parsed = new URL(url ?? '');
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.origin : null;
  } catch {
    return null;
  }
}

/**
 * The renderer's Content-Security-Policy. Scripts only from the app's own files, never eval. The
 * window makes its calls through the preload (the main process reaches the host), so its only
 * network peer besides its own files is the host's WebSocket (ws: or wss:), for the display board:
 * no HTTP to the host, so nothing in the window can go round the bridge.
 */
export function contentSecurityPolicy(hostUrl: string | null = null): string {
  const host = originOf(hostUrl);
  const connect = ["'self'", ...(host ? [host.replace(/^http/, 'ws')] : [])];
  return [
    "default-src 'none'",
    "script-src 'self'",
    // React sets style attributes; no inline <script> is ever allowed.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "media-src 'self'",
    `connect-src ${connect.join(' ')}`,
    "frame-src 'none'",
    "worker-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The policy with no host: a window before it knows one, and every page the host serves itself
 *  ('self' is the host then, its WebSocket included). */
export const CSP = contentSecurityPolicy();
