// The visitor's case record, opened from the ticket: personal data, so never over plain HTTP on the LAN.
import { z } from 'zod';
import { entry, Id, Iso, RequestId } from './core';
import { RELATIONS } from '../domain/membership';

/**
 * The bounds here only cap the payload; the real checks (required fields, lengths, NIK/KK structure,
 * birth date) are common/domain/caseCheck.ts, run by the form and by the host in one pass, so every
 * problem is reported at once with a specific message.
 */
export const CaseInput = z.object({
  ticketId: Id,
  nik: z.string().trim().max(100),
  name: z.string().trim().max(10_000),
  kk: z.string().trim().max(100),
  /** Optional, from the KTP: compared with the date inside the NIK (a mismatch only warns). */
  birthDate: z.union([z.string().regex(/^\d{4}-\d{2}-\d{2}$/), z.literal('')]).optional(),
  phone: z.string().trim().max(1_000),
  purpose: z.string().trim().max(20_000),
});
export type CaseInput = z.infer<typeof CaseInput>;

export const CaseRecord = CaseInput.extend({ id: Id, updatedAt: Iso });
export type CaseRecord = z.infer<typeof CaseRecord>;

export const Warning = z.object({ field: z.string(), code: z.string(), message: z.string() });

export const casesContract = {
  'cases.get': entry(z.object({ ticketId: Id }), CaseRecord.nullable(), ['resepsionis', 'petugas'], { personal: true }),
  // The answer holds the visitor's NIK and name: not kept in the request log, so not replayed.
  'cases.save': entry(
    CaseInput.extend({ requestId: RequestId.optional() }),
    z.object({ record: CaseRecord, warnings: z.array(Warning) }),
    ['resepsionis', 'petugas'],
    { personal: true, idempotent: true, noReplay: true },
  ),
} as const;

// The family on the visitor's KK (issue 9). The visitor is member #1 until the family is saved.
export const FamilyMember = z.object({
  nik: z.string().trim().max(100),
  name: z.string().trim().max(1_000),
  sex: z.enum(['L', 'P']).nullable(),
  birthDate: z.union([z.string().regex(/^\d{4}-\d{2}-\d{2}$/), z.literal('')]),
  relation: z.enum(RELATIONS),
  /** The member's KIS card is in hand (decides "E-ID" against "nothing to fix"). */
  hasCard: z.boolean().default(false),
});
export type FamilyMember = z.infer<typeof FamilyMember>;

/** Bounds cap the payload; the real rules (1..20 members, NIK/KK structure, area codes) are the host's. */
export const FamilyInput = z.object({
  kk: z.string().trim().max(100),
  address: z.string().trim().max(2_000),
  headName: z.string().trim().max(1_000),
  members: z.array(FamilyMember).max(100),
});
export type FamilyInput = z.infer<typeof FamilyInput>;

/** The area a number's first digits name, as Kemendagri lists it. */
export const AreaNote = z.object({ name: z.string(), error: z.string().nullable(), warning: z.string().nullable() });
export type AreaNote = z.infer<typeof AreaNote>;

export const Family = FamilyInput.extend({
  /** False: nothing saved yet; this is the visitor as member #1 (and the KK typed on the case). */
  stored: z.boolean(),
  updatedAt: Iso.nullable(),
  kkArea: AreaNote,
  memberAreas: z.array(AreaNote),
});
export type Family = z.infer<typeof Family>;

export const familyContract = {
  'cases.family.get': entry(z.object({ ticketId: Id }), Family.nullable(), ['resepsionis', 'petugas'], { personal: true }),
  'cases.family.save': entry(
    FamilyInput.extend({ ticketId: Id, requestId: RequestId.optional() }),
    z.object({ family: Family, warnings: z.array(Warning) }),
    ['resepsionis', 'petugas'],
    { personal: true, idempotent: true, noReplay: true },
  ),
  /** The family as stored at the last visit with this KK number, to pick members from. */
  'cases.family.lookup': entry(z.object({ kk: z.string().trim().max(100) }), Family.nullable(), ['resepsionis', 'petugas'], { personal: true }),
  /** The area named by a NIK's or KK's first six digits, for the form to show beside the number. */
  'cases.area': entry(z.object({ number: z.string().trim().max(100) }), AreaNote, ['resepsionis', 'petugas'], { personal: true }),
} as const;
