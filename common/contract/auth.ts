// Office set-up, sign-in and the people and desks of the office.
import { z } from 'zod';
import { DeskStatus, Role } from '../domain/words';
import { empty, entry, Id, Iso } from './core';

export const Office = z.object({
  id: Id,
  name: z.string(),
  kabKota: z.string(),
  address: z.string(),
  /** IANA zone of the office (Asia/Jakarta WIB, Asia/Makassar WITA, Asia/Jayapura WIT). */
  timeZone: z.string(),
});
export type Office = z.infer<typeof Office>;

export const User = z.object({
  id: Id,
  username: z.string(),
  fullName: z.string(),
  roles: z.array(Role),
  active: z.boolean(),
});
export type User = z.infer<typeof User>;

export const Desk = z.object({
  id: Id,
  name: z.string(),
  counterNo: z.number().int(),
  createdAt: Iso,
  revokedAt: Iso.nullable(),
  /** open calls visitors; paused ("Istirahat") and closed ("Tutup") do not (desks.setStatus). */
  status: DeskStatus,
});
export type Desk = z.infer<typeof Desk>;

export const Username = z.string().trim().regex(/^[a-z0-9._-]{3,32}$/);
export const Password = z.string().min(8).max(200);

export const authContract = {
  'system.status': entry(
    empty,
    z.object({
      configured: z.boolean(),
      office: Office.nullable(),
      serverTime: Iso,
      version: z.string(),
      /** The host certificate's SHA-256 (public: desks compare it with the one they were given). */
      tlsFingerprint: z.string().nullable(),
    }),
    'public',
  ),
  'setup.firstRun': entry(
    z.object({
      officeName: z.string().trim().min(3).max(200),
      kabKota: z.string().trim().min(3).max(200),
      address: z.string().trim().min(3).max(500),
      timeZone: z.enum(['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura']).default('Asia/Jakarta'),
      adminUsername: Username,
      adminFullName: z.string().trim().min(2).max(200),
      adminPassword: Password,
    }),
    z.object({ deskToken: z.string(), sessionToken: z.string(), user: User }),
    'public',
    { personal: true },
  ),
  'auth.login': entry(
    z.object({ deskToken: z.string().min(10), username: z.string().trim().min(1), password: z.string().min(1) }),
    z.object({ sessionToken: z.string(), user: User, desk: Desk }),
    'public',
    { personal: true },
  ),
  /**
   * A desk PC joins with the short code the admin made (desks.pairingCode): a valid, unused code
   * answers the desk's token once. The token is a secret, hence personal (HTTPS or this PC only).
   */
  'auth.pair': entry(
    z.object({ code: z.string().trim().min(1).max(64) }),
    z.object({ deskToken: z.string(), desk: Desk }),
    'public',
    { personal: true },
  ),
  'auth.logout': entry(empty, z.object({}), 'staff'),
  'auth.me': entry(empty, z.object({ user: User, desk: Desk, office: Office }), 'staff'),
} as const;
