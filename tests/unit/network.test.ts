// Where the host listens: flag or environment variable > the admin's saved choice > 127.0.0.1:4700,
// the fallback when the saved choice cannot be used, and the URLs desks and TVs open.
import { describe, expect, it } from 'vitest';
import {
  fallbackListen,
  hostUrls,
  isBindableAddress,
  listenSource,
  localAddresses,
  resolveListen,
  type InterfaceMap,
} from '../../common/domain/network';

const NOTHING_SAVED = { bindAddress: null, port: null };
const SAVED = { bindAddress: '0.0.0.0', port: 4800 };

describe('resolveListen', () => {
  it('uses 127.0.0.1:4700 when nothing is given or saved', () => {
    const listen = resolveListen({}, NOTHING_SAVED);
    expect(listen).toEqual({ bindAddress: '127.0.0.1', port: 4700, from: { bindAddress: 'default', port: 'default' } });
    expect(listenSource(listen)).toBe('default');
  });

  it('uses the saved choice when no flag is given', () => {
    const listen = resolveListen({ bindAddress: undefined, port: undefined }, SAVED);
    expect(listen).toEqual({ bindAddress: '0.0.0.0', port: 4800, from: { bindAddress: 'setting', port: 'setting' } });
    expect(listenSource(listen)).toBe('setting');
  });

  it('lets a flag win over the saved choice, value by value', () => {
    expect(resolveListen({ bindAddress: '127.0.0.1', port: 5000 }, SAVED)).toMatchObject({ bindAddress: '127.0.0.1', port: 5000 });
    const portOnly = resolveListen({ port: 0 }, SAVED);
    expect(portOnly).toEqual({ bindAddress: '0.0.0.0', port: 0, from: { bindAddress: 'setting', port: 'flag' } });
    expect(listenSource(portOnly)).toBe('flag');
  });

  it('fills what was not saved from the default', () => {
    const listen = resolveListen({}, { bindAddress: '192.168.1.10', port: null });
    expect(listen).toEqual({ bindAddress: '192.168.1.10', port: 4700, from: { bindAddress: 'setting', port: 'default' } });
    expect(listenSource(listen)).toBe('setting');
  });
});

describe('fallbackListen', () => {
  it('replaces a saved address that is gone from this PC with 127.0.0.1, keeping the port', () => {
    const listen = resolveListen({}, { bindAddress: '192.168.1.10', port: 4800 });
    expect(fallbackListen(listen, 'EADDRNOTAVAIL')).toEqual({
      listen: { bindAddress: '127.0.0.1', port: 4800, from: { bindAddress: 'default', port: 'setting' } },
      reason: 'address',
      wanted: '192.168.1.10',
    });
  });

  it('replaces a saved port another program took with 4700, keeping the address', () => {
    expect(fallbackListen(resolveListen({}, SAVED), 'EADDRINUSE')).toEqual({
      listen: { bindAddress: '0.0.0.0', port: 4700, from: { bindAddress: 'setting', port: 'default' } },
      reason: 'port',
      wanted: '4800',
    });
  });

  it('never overrides a flag, and has nothing to offer for the default or other errors', () => {
    expect(fallbackListen(resolveListen({ bindAddress: '10.99.99.99' }, SAVED), 'EADDRNOTAVAIL')).toBeNull();
    expect(fallbackListen(resolveListen({ port: 4800 }, SAVED), 'EADDRINUSE')).toBeNull();
    expect(fallbackListen(resolveListen({}, NOTHING_SAVED), 'EADDRINUSE')).toBeNull();
    expect(fallbackListen(resolveListen({}, { bindAddress: null, port: 4700 }), 'EADDRINUSE')).toBeNull();
    expect(fallbackListen(resolveListen({}, SAVED), 'EACCES')).toBeNull();
    expect(fallbackListen(resolveListen({}, SAVED), undefined)).toBeNull();
  });
});

const INTERFACES: InterfaceMap = {
  lo: [
    { address: '127.0.0.1', family: 'IPv4', internal: true },
    { address: '::1', family: 'IPv6', internal: true },
  ],
  eth0: [
    { address: '192.168.1.10', family: 'IPv4', internal: false },
    { address: 'fe80::1', family: 'IPv6', internal: false },
  ],
  wlan0: [{ address: '10.0.0.5', family: 4, internal: false }],
  docker0: undefined,
};

describe('local addresses', () => {
  const addresses = localAddresses(INTERFACES);

  it('lists the IPv4 addresses others can reach, then 127.0.0.1', () => {
    expect(addresses).toEqual([
      { address: '192.168.1.10', interface: 'eth0' },
      { address: '10.0.0.5', interface: 'wlan0' },
      { address: '127.0.0.1', interface: 'lo' },
    ]);
  });

  it('accepts this PC only, all networks, or one of its own addresses', () => {
    for (const ok of ['127.0.0.1', '0.0.0.0', '192.168.1.10', '10.0.0.5']) expect(isBindableAddress(ok, addresses)).toBe(true);
    for (const no of ['10.99.99.99', '192.168.1.11', '127.0.0.2', '']) expect(isBindableAddress(no, addresses)).toBe(false);
  });

  it('gives the URLs to open for each binding', () => {
    expect(hostUrls('0.0.0.0', 4800, addresses)).toEqual(['http://192.168.1.10:4800', 'http://10.0.0.5:4800']);
    expect(hostUrls('192.168.1.10', 4700, addresses)).toEqual(['http://192.168.1.10:4700']);
    expect(hostUrls('127.0.0.1', 4700, addresses)).toEqual(['http://127.0.0.1:4700']);
    // A PC with no network cable or Wi-Fi: only its own browser can open Loket.
    expect(hostUrls('0.0.0.0', 4700, localAddresses({ lo: INTERFACES.lo }))).toEqual(['http://127.0.0.1:4700']);
  });
});
