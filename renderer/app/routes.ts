// The one table of screens: path, who may open it, and its tile on the home menu. The router,
// the role gate and the menu all read it; the host checks roles again on every call.
import type { Role } from '../../common/contract/index';
import { t } from '../i18n/id';
import { followupsStrings } from '../features/followups/strings';

export type Access = 'gate' | 'public' | 'any' | readonly Role[];

export interface RouteDef {
  path: string;
  access: Access;
  /** The home menu's tile; none: not on the menu. */
  menu?: string;
}

export const ROUTE_TABLE = [
  { path: '/setup', access: 'gate' },
  { path: '/pair', access: 'gate' },
  { path: '/login', access: 'gate' },
  { path: '/', access: 'any' },
  { path: '/satpam', access: ['satpam', 'admin'], menu: t.home.satpam },
  { path: '/resepsionis', access: ['resepsionis'], menu: t.home.resepsionis },
  { path: '/petugas', access: ['petugas'], menu: t.home.petugas },
  { path: '/dashboard', access: ['admin', 'resepsionis', 'petugas'], menu: t.home.dashboard },
  { path: '/admin', access: ['admin'], menu: t.home.admin },
  { path: '/tindak-lanjut', access: ['resepsionis', 'petugas', 'admin'], menu: followupsStrings.menu },
  { path: '/surat', access: ['tim_rujukan'], menu: t.letters.menu },
  { path: '/tanda-tangan', access: ['penandatangan'], menu: t.letters.signMenu },
  { path: '/register', access: ['tim_rujukan', 'penandatangan', 'admin'], menu: t.register.menu },
  // The board itself needs no login; staff get a tile to open it on this PC.
  { path: '/display', access: 'public', menu: t.home.display },
  // The visitor's phone page behind the ticket's QR code, `#/v/<token>`: public, numbers only.
  { path: '/v', access: 'public' },
] as const satisfies readonly RouteDef[];

export type Route = (typeof ROUTE_TABLE)[number]['path'];
export type GatePath = Extract<(typeof ROUTE_TABLE)[number], { access: 'gate' }>['path'];
export type PublicPath = Extract<(typeof ROUTE_TABLE)[number], { access: 'public' }>['path'];
export type StaffPath = Exclude<Route, GatePath | PublicPath>;
export const ROUTES: readonly Route[] = ROUTE_TABLE.map((r) => r.path);

const byPath = new Map<string, RouteDef>(ROUTE_TABLE.map((r) => [r.path, r]));
export const routeDef = (path: string): RouteDef | undefined => byPath.get(path);

/** Whether a signed-in user with these roles may open the screen. */
export function mayOpen(path: string, roles: readonly Role[]): boolean {
  const def = byPath.get(path);
  if (!def) return false;
  if (def.access === 'gate' || def.access === 'public' || def.access === 'any') return true;
  return roles.some((r) => (def.access as readonly Role[]).includes(r));
}

/** The home menu for these roles: every screen with a tile the user may open. */
export function menuFor(roles: readonly Role[]): { route: Route; label: string }[] {
  return ROUTE_TABLE.filter((r): r is Extract<(typeof ROUTE_TABLE)[number], { menu: string }> => 'menu' in r)
    .filter((r) => (r.access === 'public' ? roles.length > 0 : mayOpen(r.path, roles)))
    .map((r) => ({ route: r.path, label: r.menu }));
}
