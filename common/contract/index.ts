// The one contract between the UI and the host. Every call the renderer can make is one entry
// here; the preload, the IPC transport and the HTTP transport are all generated from this map.
// This file must import nothing but zod: the renderer and preload import it.
import { z } from 'zod';

export const ROLES = ['satpam', 'resepsionis', 'petugas', 'tim_rujukan', 'penandatangan', 'admin'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const PRIORITIES = ['lansia', 'disabilitas', 'ibu_hamil', 'gawat_darurat'] as const;
export const Priority = z.enum(PRIORITIES);
export type Priority = z.infer<typeof Priority>;

export const TICKET_STATUSES = ['waiting', 'called', 'serving', 'skipped', 'done'] as const;
export const TicketStatus = z.enum(TICKET_STATUSES);
export type TicketStatus = z.infer<typeof TicketStatus>;

/** The roles that serve queue steps after the satpam has issued the ticket. */
export const Stage = z.enum(['resepsionis', 'petugas']);
export type Stage = z.infer<typeof Stage>;

const Id = z.string().min(1).max(64);
const Iso = z.string();

export const Office = z.object({ id: Id, name: z.string(), kabKota: z.string(), address: z.string() });
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
});
export type Desk = z.infer<typeof Desk>;

export const ServiceStep = z.object({
  seq: z.number().int().min(1),
  name: z.string().min(1).max(200),
  role: z.enum(['satpam', 'resepsionis', 'petugas']),
  mutuBakuMin: z.number().int().min(1).max(24 * 60),
});
export type ServiceStep = z.infer<typeof ServiceStep>;

export const Service = z.object({
  id: Id,
  code: z.string().regex(/^[A-Z]$/),
  name: z.string(),
  active: z.boolean(),
  steps: z.array(ServiceStep),
});
export type Service = z.infer<typeof Service>;

export const StepTiming = z.object({
  seq: z.number().int(),
  name: z.string(),
  role: z.string(),
  mutuBakuMin: z.number(),
  startedAt: Iso.nullable(),
  endedAt: Iso.nullable(),
});
export type StepTiming = z.infer<typeof StepTiming>;

/** A ticket as staff screens see it: numbers and state, no personal data. */
export const Ticket = z.object({
  id: Id,
  label: z.string(),
  serviceCode: z.string(),
  serviceName: z.string(),
  priority: Priority.nullable(),
  status: TicketStatus,
  stage: Stage.nullable(),
  counterNo: z.number().int().nullable(),
  assignedUserId: Id.nullable(),
  handledByUserId: Id.nullable(),
  issuedAt: Iso,
  calledAt: Iso.nullable(),
  waitingSince: Iso,
  currentStep: StepTiming.nullable(),
  steps: z.array(StepTiming),
  hasCase: z.boolean(),
});
export type Ticket = z.infer<typeof Ticket>;

export const TicketNote = z.object({ at: Iso, userName: z.string(), text: z.string() });

export const CaseInput = z.object({
  ticketId: Id,
  nik: z.string().trim(),
  name: z.string().trim().min(1).max(200),
  kk: z.string().trim(),
  /** Optional, from the KTP: compared with the date inside the NIK (a mismatch only warns). */
  birthDate: z.union([z.string().regex(/^\d{4}-\d{2}-\d{2}$/), z.literal('')]).optional(),
  phone: z.string().trim().max(30),
  purpose: z.string().trim().max(2000),
});
export type CaseInput = z.infer<typeof CaseInput>;

export const CaseRecord = CaseInput.extend({ id: Id, updatedAt: Iso });
export type CaseRecord = z.infer<typeof CaseRecord>;

export const Warning = z.object({ field: z.string(), code: z.string(), message: z.string() });

export const StepStats = z.object({
  serviceCode: z.string(),
  serviceName: z.string(),
  seq: z.number().int(),
  name: z.string(),
  mutuBakuMin: z.number(),
  count: z.number().int(),
  waitMedianSec: z.number().nullable(),
  waitP90Sec: z.number().nullable(),
  serviceMedianSec: z.number().nullable(),
  serviceP90Sec: z.number().nullable(),
  withinMutuBakuPct: z.number().nullable(),
});
export type StepStats = z.infer<typeof StepStats>;

export const DisplayCall = z.object({
  callId: Id,
  label: z.string(),
  counterNo: z.number().int(),
  at: Iso,
});
export type DisplayCall = z.infer<typeof DisplayCall>;

export const DisplayState = z.object({
  officeName: z.string(),
  current: DisplayCall.nullable(),
  recentByCounter: z.array(z.object({ counterNo: z.number().int(), calls: z.array(DisplayCall) })),
});
export type DisplayState = z.infer<typeof DisplayState>;

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

/** Ports the admin may choose: above the privileged range, which needs root on Linux. */
export const MIN_PORT = 1024;
export const MAX_PORT = 65535;

const empty = z.object({});
const ticketRef = z.object({ ticketId: Id });

/**
 * roles: who may call. 'public' needs no session (only the status and first-run calls);
 * 'staff' means any signed-in user.
 */
type Access = 'public' | 'staff' | readonly Role[];
interface Entry<I extends z.ZodType, O extends z.ZodType> {
  input: I;
  output: O;
  access: Access;
}
const entry = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O, access: Access): Entry<I, O> => ({
  input,
  output,
  access,
});

const Username = z.string().trim().regex(/^[a-z0-9._-]{3,32}$/);
const Password = z.string().min(8).max(200);

export const contract = {
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
      adminUsername: Username,
      adminFullName: z.string().trim().min(2).max(200),
      adminPassword: Password,
    }),
    z.object({ deskToken: z.string(), sessionToken: z.string(), user: User }),
    'public',
  ),
  'auth.login': entry(
    z.object({ deskToken: z.string().min(10), username: z.string().trim().min(1), password: z.string().min(1) }),
    z.object({ sessionToken: z.string(), user: User, desk: Desk }),
    'public',
  ),
  'auth.logout': entry(empty, z.object({}), 'staff'),
  'auth.me': entry(empty, z.object({ user: User, desk: Desk, office: Office }), 'staff'),

  'users.list': entry(empty, z.array(User), ['admin']),
  'users.create': entry(
    z.object({ username: Username, fullName: z.string().trim().min(2).max(200), roles: z.array(Role).min(1), password: Password }),
    User,
    ['admin'],
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
  ),

  'desks.list': entry(empty, z.array(Desk), ['admin']),
  'desks.create': entry(
    z.object({ name: z.string().trim().min(2).max(100), counterNo: z.number().int().min(1).max(99) }),
    z.object({
      desk: Desk,
      deskToken: z.string(),
      /** SHA-256 of the host's certificate (`AB:CD:…`): the desk PC pins it (--host-fingerprint). */
      hostFingerprint: z.string().nullable(),
      /** The HTTPS address a desk PC on the LAN opens (--host-url); null where the host serves no TLS. */
      hostTlsUrl: z.string().nullable(),
    }),
    ['admin'],
  ),
  'desks.revoke': entry(z.object({ deskId: Id }), Desk, ['admin']),

  'services.list': entry(empty, z.array(Service), 'staff'),
  'services.save': entry(
    z.object({
      id: Id.optional(),
      code: z.string().trim().toUpperCase().regex(/^[A-Z]$/),
      name: z.string().trim().min(3).max(200),
      active: z.boolean(),
      steps: z.array(ServiceStep).min(1).max(30),
    }),
    Service,
    ['admin'],
  ),

  'queue.issue': entry(
    z.object({
      serviceCode: z.string().regex(/^[A-Z]$/),
      priority: Priority.nullable(),
      /** How long the satpam spent with the visitor before issuing, measured on the screen. */
      satpamMs: z.number().int().min(0).max(3_600_000).optional(),
    }),
    Ticket,
    ['satpam', 'admin'],
  ),
  'queue.ticketPdf': entry(ticketRef, z.object({ fileName: z.string(), base64: z.string() }), ['satpam', 'admin']),
  'queue.printTicket': entry(ticketRef, z.object({ printer: z.string(), jobId: z.string() }), ['satpam', 'admin']),
  'queue.board': entry(
    z.object({ stage: Stage }),
    z.object({ waiting: z.array(Ticket), skipped: z.array(Ticket), mine: z.array(Ticket), priorityRatio: z.number().int() }),
    ['resepsionis', 'petugas', 'admin'],
  ),
  'queue.callNext': entry(z.object({ stage: Stage }), Ticket.nullable(), ['resepsionis', 'petugas']),
  'queue.recall': entry(ticketRef, Ticket, ['resepsionis', 'petugas']),
  'queue.skip': entry(ticketRef, Ticket, ['resepsionis', 'petugas']),
  'queue.callSkipped': entry(ticketRef, Ticket, ['resepsionis', 'petugas']),
  'queue.transfer': entry(
    z.object({ ticketId: Id, serviceCode: z.string().regex(/^[A-Z]$/).optional(), toUserId: Id.optional() }),
    Ticket,
    ['resepsionis', 'petugas'],
  ),
  'queue.startStep': entry(ticketRef, Ticket, ['resepsionis', 'petugas']),
  'queue.finishStep': entry(ticketRef, Ticket, ['resepsionis', 'petugas']),
  'queue.addNote': entry(z.object({ ticketId: Id, text: z.string().trim().min(1).max(2000) }), z.object({}), [
    'resepsionis',
    'petugas',
  ]),
  'queue.notes': entry(ticketRef, z.array(TicketNote), ['resepsionis', 'petugas', 'admin']),
  'queue.petugasList': entry(empty, z.array(User.pick({ id: true, fullName: true })), ['resepsionis', 'petugas']),

  'cases.get': entry(ticketRef, CaseRecord.nullable(), ['resepsionis', 'petugas']),
  'cases.save': entry(CaseInput, z.object({ record: CaseRecord, warnings: z.array(Warning) }), ['resepsionis', 'petugas']),

  'stats.today': entry(empty, z.object({ day: z.string(), steps: z.array(StepStats), issued: z.number().int(), done: z.number().int() }), [
    'admin',
    'resepsionis',
    'petugas',
  ]),
  'settings.queue': entry(z.object({ priorityRatio: z.number().int().min(1).max(10) }), z.object({ priorityRatio: z.number().int() }), ['admin']),

  'devices.printers': entry(
    empty,
    z.object({ printers: z.array(z.object({ name: z.string(), isDefault: z.boolean() })), ticketPrinter: z.string().nullable(), error: z.string().nullable() }),
    ['admin'],
  ),
  'settings.devices': entry(z.object({ ticketPrinter: z.string().trim().min(1).max(200).nullable() }), z.object({ ticketPrinter: z.string().nullable() }), ['admin']),
  'network.get': entry(empty, NetworkSettings, ['admin']),
  'network.save': entry(
    // Whether the address is this PC's own is checked by the host, which knows its addresses.
    z.object({ bindAddress: z.ipv4(), port: z.number().int().min(MIN_PORT).max(MAX_PORT) }),
    NetworkSettings,
    ['admin'],
  ),
  /** Which devices this host has set up, for screens that offer printing. */
  'devices.status': entry(empty, z.object({ ticketPrinter: z.string().nullable() }), 'staff'),

  'display.state': entry(empty, DisplayState, 'public'),
} as const;

export type Contract = typeof contract;
export type CallName = keyof Contract;
export type CallInput<N extends CallName> = z.input<Contract[N]['input']>;
export type CallOutput<N extends CallName> = z.output<Contract[N]['output']>;

export interface AppError {
  code: string;
  message: string;
  /** Field-level messages in Indonesian, keyed by input field name, for forms. */
  fields?: Record<string, string>;
}
export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

/** Events pushed from host to screens (WebSocket, or IPC in the host's own window). */
export type ServerEvent =
  | { type: 'queue.changed'; ticketId: string; stage: Stage | null; status: TicketStatus }
  | { type: 'display.call'; call: DisplayCall }
  | { type: 'services.changed' };

/**
 * On the preload bridge's event stream only (desk mode): the main process's event feed to the host
 * opened (`online: true`) or dropped. A browser sees the same thing as its own socket's open/close.
 */
export interface FeedStatusEvent {
  type: 'feed.status';
  online: boolean;
}
export const FEED_STATUS = 'feed.status';
/** What the preload's onEvent delivers. */
export type BridgeEvent = ServerEvent | FeedStatusEvent;

export const CALL_NAMES = Object.keys(contract) as CallName[];

/**
 * The answer to any call that cannot reach the host (network down, host off, timeout), whether the
 * renderer called over HTTP itself or a desk's main process forwarded the call.
 */
export const UNREACHABLE_MESSAGE =
  'Tidak dapat terhubung ke komputer host. Periksa jaringan atau minta admin menyalakan host, lalu coba lagi. Isian Anda tidak hilang.';

/**
 * A desk's answer when the host's certificate is not the one pinned at pairing: something else
 * answers at the host's address (or the host's certificate was remade), so nothing is sent to it.
 */
export const NOT_TRUSTED_MESSAGE =
  'Sertifikat host tidak cocok dengan kode pasangan meja ini, jadi Loket tidak mengirim apa pun ke sana. ' +
  'Bisa jadi komputer lain menjawab di alamat host. Minta admin memeriksa sidik jari sertifikat di Admin → Meja, ' +
  'lalu pasangkan ulang meja ini bila sertifikat host memang diganti.';

/** HTTP path of a call on the host. */
export const callPath = (name: CallName): string => `/api/${name}`;
export const DISPLAY_WS_PATH = '/ws/display';
/** The display feed also carries `{ "type": "heartbeat" }` this often; silence for three beats means the host is gone. */
export const DISPLAY_HEARTBEAT_MS = 5_000;
export const EVENTS_WS_PATH = '/ws/events';

/**
 * The waiting-room board's feed on DISPLAY_WS_PATH (no login, numbers only). The host sends the
 * whole state on connect and after every call; `announce` is the call to speak, if any.
 */
export interface DisplayEvent {
  type: 'display.state';
  state: DisplayState;
  announce: DisplayCall | null;
}

/** Host start-up options shared by the Electron entry, the headless host and the tests. */
export interface HostOptions {
  dataDir: string;
  /**
   * Port and address to listen on, given at start-up (flag or environment variable): they win over
   * the admin's saved choice (Admin → Jaringan). Undefined: the saved choice, else 127.0.0.1:4700.
   */
  port?: number | undefined;
  bindAddress?: string | undefined;
  /** Port for HTTPS (desks); undefined: the HTTP port + 1, or an OS-chosen one when the HTTP port is 0. */
  tlsPort?: number | undefined;
  /** Folder with the built renderer (index.html) to serve to browsers and desks. */
  rendererDir: string | null;
}
