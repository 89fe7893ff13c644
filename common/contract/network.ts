// Where the host listens on the office LAN (Admin → Jaringan).
import { z } from 'zod';
import { MAX_PORT, MIN_PORT } from '../domain/network';
import { empty, entry } from './core';

/** Where the host listens on the office LAN: the admin's choice and what is in force now. */
export const NetworkSettings = z.object({
  /** The saved choice (the default when none is saved), used at the next start without flags. */
  bindAddress: z.string(),
  port: z.number().int(),
  /** What the host listens on now. */
  effectiveBindAddress: z.string(),
  effectivePort: z.number().int(),
  /** This PC's IPv4 addresses others can reach, then 127.0.0.1. */
  addresses: z.array(z.object({ address: z.string(), interface: z.string() })),
  /** What decided the values in force: a start-up flag (or environment variable), the saved choice, or neither. */
  source: z.enum(['setting', 'flag', 'default']),
  /** The saved choice differs from what is in force and a restart would apply it. */
  restartNeeded: z.boolean(),
  /** Base URLs desks, the display board and the kiosk should open now. */
  urls: z.array(z.string()),
  /** Why the saved choice is not in force although the host was restarted (address gone, port taken). */
  warning: z.string().nullable(),
});
export type NetworkSettings = z.infer<typeof NetworkSettings>;

export const networkContract = {
  'network.get': entry(empty, NetworkSettings, ['admin']),
  'network.save': entry(
    // Whether the address is this PC's own is checked by the host, which knows its addresses.
    z.object({ bindAddress: z.ipv4(), port: z.number().int().min(MIN_PORT).max(MAX_PORT) }),
    NetworkSettings,
    ['admin'],
  ),
} as const;
