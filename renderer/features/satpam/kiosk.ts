// The locked kiosk: a browser (or PC) set up as the ticket kiosk opens straight on the ticket
// screen, full screen, without the menu. Chosen per browser, not per account: opening
// `#/satpam?kiosk=1` once switches this browser to kiosk mode and it stays so across restarts and
// power cuts (localStorage); `#/satpam?kiosk=0` switches it back. Separately, a user whose only
// role is satpam has nothing else to open, so after signing in they land on the ticket screen too.
import type { Role } from '../../../common/contract/index';

const KEY = 'loket.kiosk';

/**
 * Reads `?kiosk=1` / `?kiosk=0` from the hash route and remembers it for this browser. Also run once
 * when the app loads (below), before the sign-in gate replaces the route with `#/login`.
 */
export function kioskFromUrl(hash = window.location.hash): void {
  const query = hash.split('?')[1];
  if (!query) return;
  const flag = new URLSearchParams(query).get('kiosk');
  if (flag === '1') localStorage.setItem(KEY, '1');
  else if (flag === '0') localStorage.removeItem(KEY);
}

if (typeof window !== 'undefined') kioskFromUrl();

export function isKioskBrowser(): boolean {
  kioskFromUrl();
  return localStorage.getItem(KEY) === '1';
}

/** Where a user lands after signing in: the ticket screen on a kiosk or for a satpam-only account. */
export function landingRoute(roles: readonly Role[]): '/satpam' | '/' {
  const satpamOnly = roles.length > 0 && roles.every((r) => r === 'satpam');
  return (isKioskBrowser() && roles.some((r) => r === 'satpam' || r === 'admin')) || satpamOnly ? '/satpam' : '/';
}

/**
 * Seconds the issued ticket stays on the kiosk before it returns to the start by itself. Printed:
 * the visitor takes the paper and goes. On screen only: time to read the number or scan its QR code.
 */
export const KIOSK_RETURN_SEC = { printed: 8, onScreen: 15 } as const;
