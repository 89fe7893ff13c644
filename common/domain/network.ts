// Where the host listens on the office LAN: which of a start-up flag, the admin's saved choice
// (Admin → Jaringan) and the default decides, what to try when the saved choice cannot be used,
// and the addresses desks and TVs should open. Pure: callers read the OS and the database.

export const LOOPBACK = '127.0.0.1';
export const ALL_NETWORKS = '0.0.0.0';
export const DEFAULT_BIND_ADDRESS = LOOPBACK;
export const DEFAULT_PORT = 4700;
/** Ports the admin may choose: above the privileged range, which needs root on Linux. */
export const MIN_PORT = 1024;
export const MAX_PORT = 65535;

export type ListenSource = 'flag' | 'setting' | 'default';

/** Values given at start-up (`--bind`/`--port` or LOKET_BIND/LOKET_PORT); undefined: not given. */
export interface ExplicitListen {
  bindAddress?: string | undefined;
  port?: number | undefined;
}

/** The admin's saved choice; null: never saved (or unreadable). */
export interface SavedListen {
  bindAddress: string | null;
  port: number | null;
}

export interface Listen {
  bindAddress: string;
  port: number;
  /** What decided each value. */
  from: { bindAddress: ListenSource; port: ListenSource };
}

/** One IPv4 address of this PC and the network interface that carries it. */
export interface LocalAddress {
  address: string;
  interface: string;
}

/** The shape of os.networkInterfaces() this module reads (family is a number on some Node 18s). */
export type InterfaceMap = Record<string, readonly { address: string; family: string | number; internal: boolean }[] | undefined>;

function pick<T>(explicit: T | undefined, saved: T | null, fallback: T): [T, ListenSource] {
  if (explicit !== undefined) return [explicit, 'flag'];
  if (saved !== null) return [saved, 'setting'];
  return [fallback, 'default'];
}

/** Flag or environment variable first, then the admin's saved choice, then 127.0.0.1:4700. */
export function resolveListen(explicit: ExplicitListen, saved: SavedListen): Listen {
  const [bindAddress, bindFrom] = pick(explicit.bindAddress, saved.bindAddress, DEFAULT_BIND_ADDRESS);
  const [port, portFrom] = pick(explicit.port, saved.port, DEFAULT_PORT);
  return { bindAddress, port, from: { bindAddress: bindFrom, port: portFrom } };
}

/**
 * One word for the admin: 'flag' when a start-up flag decided either value (the screen's choice is
 * then not wholly in force), else 'setting' when the saved choice decided either, else 'default'.
 */
export function listenSource(listen: Listen): ListenSource {
  const { bindAddress, port } = listen.from;
  if (bindAddress === 'flag' || port === 'flag') return 'flag';
  if (bindAddress === 'setting' || port === 'setting') return 'setting';
  return 'default';
}

export interface ListenFallback {
  listen: Listen;
  /** What could not be used: the saved address (gone from this PC) or the saved port (taken). */
  reason: 'address' | 'port';
  wanted: string;
}

/**
 * What to try when listening failed with the OS error `code`. Only a saved choice is replaced, by
 * the default, so a PC whose address changed (DHCP) or whose chosen port another program took
 * still opens Loket for the admin to choose again; a flag's failure stays a failure.
 */
export function fallbackListen(listen: Listen, code: string | undefined): ListenFallback | null {
  if (code === 'EADDRNOTAVAIL' && listen.from.bindAddress === 'setting' && listen.bindAddress !== DEFAULT_BIND_ADDRESS) {
    return {
      listen: { ...listen, bindAddress: DEFAULT_BIND_ADDRESS, from: { ...listen.from, bindAddress: 'default' } },
      reason: 'address',
      wanted: listen.bindAddress,
    };
  }
  if (code === 'EADDRINUSE' && listen.from.port === 'setting' && listen.port !== DEFAULT_PORT) {
    return {
      listen: { ...listen, port: DEFAULT_PORT, from: { ...listen.from, port: 'default' } },
      reason: 'port',
      wanted: String(listen.port),
    };
  }
  return null;
}

export const isLoopback = (address: string): boolean => address.startsWith('127.');

/** This PC's IPv4 addresses that other machines can reach, then 127.0.0.1 (this PC only). */
export function localAddresses(interfaces: InterfaceMap): LocalAddress[] {
  const out: LocalAddress[] = [];
  let loopbackName = 'lo';
  for (const [name, infos] of Object.entries(interfaces)) {
    for (const info of infos ?? []) {
      if (info.family !== 'IPv4' && info.family !== 4) continue;
      if (info.internal) {
        if (info.address === LOOPBACK) loopbackName = name;
        continue;
      }
      if (!out.some((a) => a.address === info.address)) out.push({ address: info.address, interface: name });
    }
  }
  return [...out, { address: LOOPBACK, interface: loopbackName }];
}

/** The choices the admin may save: this PC only, all its networks, or one of its addresses. */
export function isBindableAddress(address: string, addresses: readonly LocalAddress[]): boolean {
  return address === LOOPBACK || address === ALL_NETWORKS || addresses.some((a) => a.address === address);
}

/**
 * The host's base URLs for desks, TVs and kiosks while it listens on `bindAddress:port`: every LAN
 * address when bound to all networks, the one address when bound to it, and 127.0.0.1 (usable on
 * this PC only) when bound to loopback or when the PC has no LAN address at all.
 */
export function hostUrls(bindAddress: string, port: number, addresses: readonly LocalAddress[], scheme: 'http' | 'https' = 'http'): string[] {
  const url = (address: string) => `${scheme}://${address}:${port}`;
  if (bindAddress !== ALL_NETWORKS) return [url(bindAddress)];
  const lan = addresses.filter((a) => !isLoopback(a.address)).map((a) => url(a.address));
  return lan.length > 0 ? lan : [url(LOOPBACK)];
}

/**
 * Whether a call comes from this PC itself: the app's own window ('ipc') or a loopback address
 * (IPv4, IPv6, or IPv4-mapped IPv6 as Node reports it). Nothing from such a caller crossed the LAN.
 */
export function isLocalCaller(remote: string): boolean {
  if (remote === 'ipc' || remote === '::1') return true;
  const v4 = remote.startsWith('::ffff:') ? remote.slice(7) : remote;
  return isLoopback(v4);
}
