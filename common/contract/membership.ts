// Membership checks at BPJS for every member of the visitor's KK, and the BPJS bridging settings
// (issue 9). Results name people: personal. Secrets go in, never come out ("tersimpan" only).
import { z } from 'zod';
import { empty, entry, Id, Iso, RequestId } from './core';
import { CHECK_STATUSES, NEXT_ACTIONS, STATEMENT_FORMS } from '../domain/membership';

export const CheckStatus = z.enum(CHECK_STATUSES);
export const NextAction = z.enum(NEXT_ACTIONS);
export const StatementForm = z.enum(STATEMENT_FORMS);

export const MemberCheck = z.object({
  nik: z.string(),
  name: z.string(),
  position: z.number().int(),
  status: CheckStatus,
  /** From the table in bpjs-bridging.md. */
  nextAction: NextAction,
  /** 'manual': typed from what P-Care showed on another device (seed 003). */
  source: z.enum(['bpjs', 'manual']),
  cardNo: z.string(),
  className: z.string(),
  participantName: z.string(),
  reason: z.string(),
  checkedAt: Iso,
  checkedBy: z.string().nullable(),
  /** The resepsionis's confirmation, or override with a reason. */
  decision: z.object({ action: NextAction, reason: z.string(), by: z.string(), at: Iso, overridden: z.boolean() }).nullable(),
  /** The background retry filled this in since the screen last saw "belum dicek". */
  changedByRetry: z.boolean(),
});
export type MemberCheck = z.infer<typeof MemberCheck>;

const ticketRef = z.object({ ticketId: Id });
const checksOut = z.object({ checks: z.array(MemberCheck) });

export const BpjsService = z.enum(['pcare', 'vclaim']);

/** What the admin screen sees: secrets only as "stored". */
export const BpjsSettingsView = z.object({
  service: BpjsService,
  pcareUrl: z.string(),
  vclaimUrl: z.string(),
  consId: z.string(),
  pcareUser: z.string(),
  appCode: z.string(),
  timeoutMs: z.number().int(),
  stored: z.object({ secret: z.boolean(), userKey: z.boolean(), pcarePassword: z.boolean() }),
});
export type BpjsSettingsView = z.infer<typeof BpjsSettingsView>;

const Url = z.string().trim().max(500);
export const BpjsSettingsInput = z.object({
  service: BpjsService,
  pcareUrl: Url,
  vclaimUrl: Url,
  consId: z.string().trim().max(100),
  pcareUser: z.string().trim().max(200),
  appCode: z.string().trim().max(20),
  timeoutMs: z.number().int().min(1_000).max(60_000),
  /** Empty or absent: keep the stored one. */
  secret: z.string().max(500).optional(),
  userKey: z.string().max(500).optional(),
  pcarePassword: z.string().max(500).optional(),
});

export const membershipContract = {
  'membership.list': entry(ticketRef, checksOut, ['resepsionis', 'petugas'], { personal: true }),
  /** Every member of the saved family checked at BPJS at once (bounded parallel). */
  'membership.checkFamily': entry(ticketRef, checksOut, ['resepsionis', 'petugas'], { personal: true }),
  /** What P-Care showed on another device, typed by hand while the link is down. */
  'membership.recordManual': entry(
    z.object({
      ticketId: Id,
      nik: z.string().trim().max(100),
      status: z.enum(['active', 'inactive', 'not_found']),
      inactiveReason: z.enum(['arrears', 'deceased', 'other']).optional(),
      cardNo: z.string().trim().max(50).default(''),
      className: z.string().trim().max(100).default(''),
      participantName: z.string().trim().max(200).default(''),
      note: z.string().trim().max(1_000).default(''),
      requestId: RequestId.optional(),
    }),
    checksOut,
    ['resepsionis', 'petugas'],
    { personal: true, idempotent: true, noReplay: true },
  ),
  /** Confirm the proposed next action, or override it with a reason (audited). */
  'membership.decide': entry(
    z.object({ ticketId: Id, nik: z.string().trim().max(100), action: NextAction, reason: z.string().trim().max(1_000).default(''), requestId: RequestId.optional() }),
    checksOut,
    ['resepsionis', 'petugas'],
    { personal: true, idempotent: true, noReplay: true },
  ),
  /** "Hasil pengecekan kepesertaan" for the family, as a PDF. */
  'membership.sheet': entry(ticketRef, z.object({ fileName: z.string(), base64: z.string() }), ['resepsionis', 'petugas'], { personal: true }),
  /**
   * A statement form filled from the case, as a PDF (like the sheet): for one member (`nik`), or for
   * every member whose outcome calls for that form (none: the visitor).
   */
  'membership.statementForm': entry(
    z.object({ ticketId: Id, form: StatementForm, nik: z.string().trim().max(100).optional() }),
    z.object({ fileName: z.string(), base64: z.string() }),
    ['resepsionis', 'petugas'],
    { personal: true },
  ),
  'membership.settings.get': entry(empty, BpjsSettingsView, ['admin']),
  'membership.settings.save': entry(BpjsSettingsInput, BpjsSettingsView, ['admin'], { personal: true }),
  /** Asks BPJS for one known NIK's membership with the saved settings; the answer says what went wrong. */
  'membership.settings.test': entry(empty, z.object({ ok: z.boolean(), message: z.string() }), ['admin']),
} as const;
