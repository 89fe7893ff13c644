// What every use case gets: the store, the clock, the signed-in actor, and a list of events to
// publish once its transaction has committed.
import { randomFillSync } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { qb, type Store, type WriteDb } from './db';
import type { Desk, ErrorCode, Role, ServerEvent, User } from '../../common/contract/index';
import type { DocumentPrinter, SecretBox } from './ports';
import type { JobRunner } from './jobs/types';
import type { ExplicitListen, Listen, ListenFallback, LocalAddress } from '../../common/domain/network';

export interface Deps {
  store: Store;
  now: () => Date;
  printer: DocumentPrinter;
  host: HostInfo;
  jobs: JobRunner;
  /** The data folder and the database file in it (backups copy it; restore replaces it). */
  dataDir: string;
  dbFile: string;
  /** Secrets at rest; absent: a key file in dataDir (main/platform/secretBox.ts). */
  secrets?: SecretBox;
}

/** How this host was started on the LAN, for Admin → Jaringan. */
export interface HostInfo {
  /** The start-up flags or environment variables; a restart is taken to get the same ones. */
  explicit: ExplicitListen;
  /** What the host listens on, and what decided it. */
  listen: Listen;
  /** The port actually bound (differs from listen.port when that is 0: the OS picks one). */
  boundPort: number;
  /** Set when the saved choice could not be used and the default was taken instead. */
  fallback: Omit<ListenFallback, 'listen'> | null;
  /** This PC's IPv4 addresses, read on each call: cables, Wi-Fi and DHCP leases come and go. */
  localAddresses(): LocalAddress[];
  /** The HTTPS side desks use (same address, its own port); null where the host serves no TLS. */
  tls: HostTlsInfo | null;
}

export interface HostTlsInfo {
  /** The port bound for HTTPS. */
  port: number;
  /** SHA-256 of the host's certificate, `AB:CD:…`: what a desk pins when it pairs. */
  fingerprint: string;
}

export interface Actor {
  user: User;
  desk: Desk;
}

export interface Ctx extends Deps {
  actor: Actor | null;
  /** Remote address of the caller ('ipc' for the host's own window). */
  remote: string;
  /** The session token the call came with (sign-out revokes it). */
  token: string | null;
  events: ServerEvent[];
}

/** A refusal the person at the desk can act on. Thrown inside a use case; the transaction rolls back
 *  and the transport answers `{ ok: false, error }`. */
export class AppFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
  }
}

/**
 * A UUIDv7 (time-ordered, monotonic within this process, as uuid's own v7 keeps it), with its
 * random bits taken from a pool filled 4 KB at a time: a queue call makes up to 8 ids, and asking
 * the system for 16 random bytes each time cost more than the call's SQL statements.
 */
export function newId(): string {
  if (idPoolAt === ID_POOL.length) {
    randomFillSync(ID_POOL);
    idPoolAt = 0;
  }
  const random = ID_POOL.subarray(idPoolAt, (idPoolAt += 16));
  const now = Date.now();
  if (now > idClock.msecs) {
    idClock.msecs = now;
    idClock.seq = ((random[6]! & 0x7f) << 24) | (random[7]! << 16) | (random[8]! << 8) | random[9]!;
  } else {
    idClock.seq = (idClock.seq + 1) | 0;
    if (idClock.seq === 0) idClock.msecs++;
  }
  return uuidv7({ random, msecs: idClock.msecs, seq: idClock.seq });
}
const ID_POOL = Buffer.allocUnsafe(4096);
let idPoolAt = ID_POOL.length;
const idClock = { msecs: -Infinity, seq: 0 };
export const iso = (d: Date): string => d.toISOString();

export function requireActor(ctx: Ctx): Actor {
  if (!ctx.actor) throw new AppFailure('UNAUTHENTICATED', 'Sesi Anda telah berakhir. Silakan masuk kembali.');
  return ctx.actor;
}

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return actor.user.roles.some((r) => roles.includes(r));
}

export function audit(w: WriteDb, ctx: Ctx, action: string, entity: string | null, entityId: string | null, detail?: unknown): void {
  w.run(
    qb.insertInto('audit').values({
      id: newId(),
      at: iso(ctx.now()),
      user_id: ctx.actor?.user.id ?? null,
      desk_id: ctx.actor?.desk.id ?? null,
      action,
      entity,
      entity_id: entityId,
      detail: detail === undefined ? null : JSON.stringify(detail),
    }),
  );
}
