// The visitor's case record, opened from the ticket: personal data, so never over plain HTTP on the LAN.
import { z } from 'zod';
import { entry, Id, Iso, RequestId } from './core';

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
