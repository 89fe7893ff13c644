// Admin: users, desks and their pairing, the office's own settings.
import { z } from 'zod';
import { Role } from '../domain/words';
import { OFFICE_TIME_ZONES } from '../domain/time';
import { Desk, Office, Password, User, Username } from './auth';
import { empty, entry, Id, RequestId } from './core';

export const adminContract = {
  'users.list': entry(empty, z.array(User), ['admin']),
  'users.create': entry(
    z.object({ username: Username, fullName: z.string().trim().min(2).max(200), roles: z.array(Role).min(1), password: Password, requestId: RequestId.optional() }),
    User,
    ['admin'],
    { personal: true, idempotent: true },
  ),
  'users.update': entry(
    z.object({
      userId: Id,
      fullName: z.string().trim().min(2).max(200).optional(),
      roles: z.array(Role).min(1).optional(),
      active: z.boolean().optional(),
      password: Password.optional(),
    }),
    User,
    ['admin'],
    { personal: true },
  ),

  'desks.list': entry(empty, z.array(Desk), ['admin']),
  'desks.create': entry(
    z.object({ name: z.string().trim().min(2).max(100), counterNo: z.number().int().min(1).max(99), requestId: RequestId.optional() }),
    z.object({
      desk: Desk,
      deskToken: z.string(),
      /** SHA-256 of the host's certificate (`AB:CD:…`): the desk PC pins it (--host-fingerprint). */
      hostFingerprint: z.string().nullable(),
      /** The HTTPS address a desk PC on the LAN opens (--host-url); null where the host serves no TLS. */
      hostTlsUrl: z.string().nullable(),
    }),
    ['admin'],
    // The answer carries the desk token: never kept in the request log, so a repeat is refused.
    { idempotent: true, noReplay: true },
  ),
  'desks.revoke': entry(z.object({ deskId: Id }), Desk, ['admin']),

  /** The office's name, address and time zone (WIB, WITA, WIT): the time zone decides the office day. */
  'office.save': entry(
    z.object({
      name: z.string().trim().min(3).max(200),
      kabKota: z.string().trim().min(3).max(200),
      address: z.string().trim().min(3).max(500),
      timeZone: z.enum(OFFICE_TIME_ZONES),
    }),
    Office,
    ['admin'],
  ),
} as const;
