// Admin: users, desks and their pairing, the office's own settings.
import { z } from 'zod';
import { DeskStatus, Role } from '../domain/words';
import { OFFICE_TIME_ZONES } from '../domain/time';
import { Desk, Office, Password, User, Username } from './auth';
import { empty, entry, Id, Iso, RequestId } from './core';

/** A desk as the admin sees it: with the services it calls (empty: every service). */
export const DeskWithServices = Desk.extend({ serviceCodes: z.array(z.string()) });
export type DeskWithServices = z.infer<typeof DeskWithServices>;

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

  'desks.list': entry(empty, z.array(DeskWithServices), ['admin']),
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
  /** The services a desk calls; an empty list: every service. */
  'desks.setServices': entry(z.object({ deskId: Id, serviceCodes: z.array(z.string().trim().min(1).max(10)).max(50) }), DeskWithServices, ['admin']),
  /** The signed-in desk opens ("Buka"), pauses ("Istirahat") or closes ("Tutup"); only an open desk calls. */
  'desks.setStatus': entry(z.object({ status: DeskStatus }), Desk, ['resepsionis', 'petugas', 'admin']),
  /**
   * A fresh short code for a desk PC to join with (auth.pair): 8 characters without look-alikes,
   * valid for a few minutes, single use; a new code replaces the desk's unused one. With the
   * host's HTTPS address, its certificate fingerprint and the QR code's link (loket://pair?…).
   */
  'desks.pairingCode': entry(
    z.object({ deskId: Id }),
    z.object({
      desk: Desk,
      code: z.string(),
      expiresAt: Iso,
      hostTlsUrl: z.string().nullable(),
      hostFingerprint: z.string().nullable(),
      qrText: z.string(),
      /** qrText as a QR module grid (SVG path), drawn by the admin screen without a QR library of its own. */
      qr: z.object({ size: z.number().int(), path: z.string() }),
    }),
    ['admin'],
  ),

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
