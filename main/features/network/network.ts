// Admin → Jaringan: the address and port the host listens on. The choice is saved in settings and
// read by startHost at the next start; a start-up flag or environment variable still wins.
import type { Store } from '../../platform/db';
import type { ParsedInput, NetworkSettings } from '../../../common/contract/index';
import {
  DEFAULT_BIND_ADDRESS,
  DEFAULT_PORT,
  hostUrls,
  isBindableAddress,
  listenSource,
  resolveListen,
  type SavedListen,
} from '../../../common/domain/network';
import { AppFailure, audit, type Ctx, type Deps, type HostInfo } from '../../platform/context';
import { readSetting, writeSetting } from '../../platform/settings';

const BIND_KEY = 'host.bindAddress';
const PORT_KEY = 'host.port';

/** The saved choice; a value that is not an address or a port (edited by hand) counts as unsaved. */
export function savedListen(store: Store): SavedListen {
  const bind = readSetting(store, BIND_KEY);
  const port = Number(readSetting(store, PORT_KEY) ?? Number.NaN);
  return {
    bindAddress: bind && /^\d{1,3}(\.\d{1,3}){3}$/.test(bind) ? bind : null,
    port: Number.isInteger(port) && port > 0 && port <= 65535 ? port : null,
  };
}

function warning(host: HostInfo): string | null {
  const fallback = host.fallback;
  if (!fallback) return null;
  return fallback.reason === 'address'
    ? `Alamat ${fallback.wanted} yang dipilih tidak ada lagi di komputer ini (alamat jaringan mungkin berubah), ` +
        `jadi Loket sementara hanya dapat dibuka di komputer ini. Pilih alamat lain, simpan, lalu mulai ulang Loket.`
    : `Port ${fallback.wanted} yang dipilih sedang dipakai program lain, jadi Loket sementara memakai port ${host.boundPort}. ` +
        `Pilih port lain, simpan, lalu mulai ulang Loket.`;
}

export function networkSettings(deps: Deps): NetworkSettings {
  const { host } = deps;
  const saved = savedListen(deps.store);
  // What the next start would listen on, given the same flags as this one.
  const next = resolveListen(host.explicit, saved);
  const restartNeeded = next.bindAddress !== host.listen.bindAddress || next.port !== host.listen.port;
  const addresses = host.localAddresses();
  return {
    bindAddress: saved.bindAddress ?? DEFAULT_BIND_ADDRESS,
    port: saved.port ?? DEFAULT_PORT,
    effectiveBindAddress: host.listen.bindAddress,
    effectivePort: host.boundPort,
    addresses,
    source: listenSource(host.listen),
    restartNeeded,
    urls: hostUrls(host.listen.bindAddress, host.boundPort, addresses),
    // Once the admin has saved what is in force, the old failure is no longer news.
    warning: restartNeeded ? warning(host) : null,
  };
}

export function saveNetwork(ctx: Ctx, input: ParsedInput<'network.save'>): NetworkSettings {
  if (!isBindableAddress(input.bindAddress, ctx.host.localAddresses()))
    throw new AppFailure(
      'ADDRESS_NOT_ON_THIS_PC',
      `Alamat ${input.bindAddress} bukan alamat komputer ini, jadi Loket tidak dapat memakainya. Pilih salah satu alamat dari daftar.`,
      { bindAddress: 'Bukan alamat komputer ini. Pilih dari daftar.' },
    );
  ctx.store.tx((w) => {
    writeSetting(w, BIND_KEY, input.bindAddress);
    writeSetting(w, PORT_KEY, String(input.port));
    audit(w, ctx, 'network.save', 'settings', null, input);
  });
  return networkSettings(ctx);
}

/** Where a desk PC reaches this host over HTTPS: the first of the addresses desks open, on the TLS port. */
export function hostTlsUrl(host: HostInfo): string | null {
  if (!host.tls) return null;
  return hostUrls(host.listen.bindAddress, host.tls.port, host.localAddresses(), 'https')[0] ?? null;
}
