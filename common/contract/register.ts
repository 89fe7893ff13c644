// The register of submissions ("Register pengajuan surat rekomendasi di unit tim rujukan"): paged,
// filtered and sorted in SQL; exported to Excel as a job; a legacy register imported from Excel.
import { z } from 'zod';
import { LetterStatus } from '../domain/letterFlow';
import { entry, Id, Iso, RequestId } from './core';
import { JobStarted } from './jobs';
import { StepTimingOut } from './letters';

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Tanggal harus TTTT-BB-HH.');

export const RegisterFilter = z.object({
  from: Day.nullable().default(null),
  to: Day.nullable().default(null),
  hospitalId: Id.nullable().default(null),
  status: LetterStatus.nullable().default(null),
  officerId: Id.nullable().default(null),
  typeId: Id.nullable().default(null),
  /** Words of a name, a letter number or a NIK (prefixes match). */
  text: z.string().trim().max(100).default(''),
});
export type RegisterFilter = z.infer<typeof RegisterFilter>;

export const REGISTER_SORTS = ['day', 'number', 'patient'] as const;
export const RegisterSort = z.object({ by: z.enum(REGISTER_SORTS).default('day'), dir: z.enum(['asc', 'desc']).default('desc') });

/** Keyset cursor: the last row's sort value and id. */
export const RegisterCursor = z.object({ v: z.union([z.string(), z.number()]).nullable(), id: Id });

export const RegisterRow = z.object({
  id: Id,
  day: Day,
  receivedAt: Iso,
  number: z.string().nullable(),
  typeName: z.string(),
  patientName: z.string(),
  nikMasked: z.string(),
  hospitalName: z.string(),
  diagnosis: z.string(),
  status: LetterStatus,
  officerName: z.string(),
  steps: z.array(StepTimingOut),
  updatedAt: Iso,
});
export type RegisterRow = z.infer<typeof RegisterRow>;

export const REGISTER_COLUMNS = ['day', 'number', 'typeName', 'patientName', 'nikMasked', 'hospitalName', 'diagnosis', 'status', 'officerName', 'steps'] as const;
export const RegisterViewSpec = z.object({ filter: RegisterFilter, sort: RegisterSort, columns: z.array(z.enum(REGISTER_COLUMNS)).min(1) });
export const RegisterView = z.object({ id: Id, name: z.string(), spec: RegisterViewSpec });

const READERS = ['tim_rujukan', 'penandatangan', 'admin'] as const;

export const registerContract = {
  'register.page': entry(
    z.object({ filter: RegisterFilter, sort: RegisterSort.default({ by: 'day', dir: 'desc' }), after: RegisterCursor.nullable().default(null), limit: z.number().int().min(1).max(500).default(100) }),
    z.object({ rows: z.array(RegisterRow), next: RegisterCursor.nullable() }),
    READERS,
    { personal: true },
  ),
  'register.options': entry(
    z.object({}),
    z.object({
      hospitals: z.array(z.object({ id: Id, name: z.string() })),
      officers: z.array(z.object({ id: Id, name: z.string() })),
      types: z.array(z.object({ id: Id, name: z.string() })),
    }),
    READERS,
  ),
  // A saved view's search text may hold a name or a NIK.
  'register.views': entry(z.object({}), z.array(RegisterView), READERS, { personal: true }),
  'register.saveView': entry(z.object({ name: z.string().trim().min(1).max(80), spec: RegisterViewSpec, requestId: RequestId.optional() }), RegisterView, READERS, { idempotent: true, personal: true }),
  'register.deleteView': entry(z.object({ id: Id }), z.object({ id: Id }), READERS),
  /** Excel of every row the filter selects (streamed; a job with progress and cancel; the file is its result). */
  'register.export': entry(z.object({ filter: RegisterFilter, sort: RegisterSort.default({ by: 'day', dir: 'desc' }) }), JobStarted, READERS, { job: true, personal: true }),
  /** The month's recap workbook: counts per service, hospital, outcome, share within mutu baku, with a chart. */
  'register.recap': entry(z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Bulan harus TTTT-BB.') }), JobStarted, READERS, { job: true }),
  /** A legacy register (xlsx on the host's disk): every row checked first; any bad row imports nothing. */
  'register.import': entry(
    z.object({ path: z.string().trim().min(1).max(1000), requestId: RequestId.optional() }),
    JobStarted,
    ['admin'],
    { job: true, personal: true, idempotent: true },
  ),
} as const;
