// Case follow-ups (what must still happen for a family member, by when, whose) and the working-day
// calendar they are counted on (Admin → Hari libur).
import { z } from 'zod';
import { FOLLOWUP_KINDS, FOLLOWUP_STATUSES } from '../domain/followups';
import { empty, entry, Id, Iso, RequestId } from './core';

export const FollowupKind = z.enum(FOLLOWUP_KINDS);
export const FollowupStatus = z.enum(FOLLOWUP_STATUSES);
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Tanggal harus berformat TTTT-BB-HH.');
const Nik = z.string().trim().regex(/^\d{16}$/, 'NIK harus 16 digit angka.');

export const FollowupEvent = z.object({
  at: Iso,
  userName: z.string().nullable(),
  action: z.enum(['created', 'advanced', 'reassigned']),
  fromStatus: FollowupStatus.nullable(),
  toStatus: FollowupStatus.nullable(),
  note: z.string(),
});

export const Followup = z.object({
  id: Id,
  ticketId: Id,
  ticketLabel: z.string(),
  nik: z.string(),
  memberName: z.string(),
  kind: FollowupKind,
  status: FollowupStatus,
  openedDay: z.string(),
  dueDay: z.string(),
  dueState: z.enum(['closed', 'overdue', 'today', 'later']),
  ownerId: Id,
  ownerName: z.string(),
  note: z.string(),
  createdAt: Iso,
  updatedAt: Iso,
});
export type Followup = z.infer<typeof Followup>;

export const OfficerLoad = z.object({ userId: Id, name: z.string(), dueToday: z.number().int(), overdue: z.number().int(), open: z.number().int() });

export const FollowupCounts = z.object({ dueToday: z.number().int(), overdue: z.number().int(), mineDueToday: z.number().int(), mineOverdue: z.number().int() });

export const HolidayRow = z.object({
  day: z.string(),
  name: z.string(),
  kind: z.enum(['libur', 'cuti', 'tambahan']),
  /** 'official': shipped list; 'added': by the admin; 'removed': shipped but worked at this office. */
  source: z.enum(['official', 'added', 'removed']),
});

export type HolidayRow = z.infer<typeof HolidayRow>;

const FOLLOWUP_ROLES = ['resepsionis', 'petugas', 'admin'] as const;

export const followupsContract = {
  /** Opens a follow-up for one member of a visit; the due day is counted in working days. */
  'followups.create': entry(
    z.object({
      requestId: RequestId.optional(),
      ticketId: Id,
      nik: Nik,
      memberName: z.string().trim().min(1, 'Nama anggota wajib diisi.').max(120),
      kind: FollowupKind,
      /** Who carries it; default the caller. */
      ownerId: Id.optional(),
      note: z.string().trim().max(500).default(''),
    }),
    Followup,
    FOLLOWUP_ROLES,
    { personal: true, idempotent: true },
  ),
  /** Moves it forward (to the next step, or to a later one / cancelled). */
  'followups.advance': entry(
    z.object({ requestId: RequestId.optional(), followupId: Id, to: FollowupStatus.optional(), note: z.string().trim().max(500).default('') }),
    Followup,
    FOLLOWUP_ROLES,
    { personal: true, idempotent: true },
  ),
  'followups.reassign': entry(
    z.object({ requestId: RequestId.optional(), followupId: Id, ownerId: Id, note: z.string().trim().max(500).default('') }),
    Followup,
    FOLLOWUP_ROLES,
    { personal: true, idempotent: true },
  ),
  'followups.get': entry(z.object({ followupId: Id }), Followup.extend({ history: z.array(FollowupEvent) }), FOLLOWUP_ROLES, { personal: true }),
  /** The board: overdue, due today and later open follow-ups (everyone's or the caller's), with each officer's load. */
  'followups.board': entry(
    z.object({ scope: z.enum(['all', 'mine']).default('all'), ownerId: Id.optional() }),
    z.object({ today: z.string(), overdue: z.array(Followup), dueToday: z.array(Followup), later: z.array(Followup), officers: z.array(OfficerLoad) }),
    FOLLOWUP_ROLES,
    { personal: true },
  ),
  'followups.forTicket': entry(z.object({ ticketId: Id }), z.array(Followup), FOLLOWUP_ROLES, { personal: true }),
  /** Numbers for the home menu's tile. */
  'followups.counts': entry(empty, FollowupCounts, 'staff'),

  'holidays.list': entry(z.object({ year: z.number().int().min(2000).max(2100) }), z.object({ rows: z.array(HolidayRow), officialListMissing: z.boolean() }), 'staff'),
  'holidays.add': entry(z.object({ requestId: RequestId.optional(), day: Day, name: z.string().trim().min(1, 'Keterangan wajib diisi.').max(120) }), HolidayRow, ['admin'], { idempotent: true }),
  'holidays.remove': entry(z.object({ requestId: RequestId.optional(), day: Day }), z.object({ day: z.string() }), ['admin'], { idempotent: true }),
} as const;
