// The visitor's case record, opened from the ticket: personal data, so never over plain HTTP on the LAN.
import { z } from 'zod';
import { entry, Id, Iso, RequestId } from './core';

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
