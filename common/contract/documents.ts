// The case file: required papers per service (Admin → Dokumen), what a case holds and lacks, pages
// arriving from a scanner, a camera or a file (uploaded in chunks, checked by SHA-256), page edits,
// and returning an incomplete file to the visitor with a printed list. Scans are personal data:
// every entry that carries a page or a name is `personal`, and every view is audited on the host.
import { z } from 'zod';
import { DOC_TYPE_CODES, PAPER_SIZES, SCAN_MODES, SCAN_SOURCES } from '../domain/documents';
import { entry, Id, Iso, RequestId } from './core';
import { JobStarted } from './jobs';

export const DocTypeCode = z.enum(DOC_TYPE_CODES);
const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'Harus SHA-256 (64 huruf heksadesimal).');
const requestId = RequestId.optional();
/** Roles that work with a case's papers; the admin configures checklists but does not read scans. */
const CASE_ROLES = ['resepsionis', 'petugas', 'tim_rujukan'] as const;

export const Checklist = z.object({
  serviceId: Id,
  serviceCode: z.string(),
  serviceName: z.string(),
  docTypes: z.array(DocTypeCode),
  /** True while the admin has not saved one: the seeds' defaults apply. */
  isDefault: z.boolean(),
});
export type Checklist = z.infer<typeof Checklist>;

export const CasePage = z.object({
  pageId: Id,
  seq: z.number().int(),
  width: z.number().int(),
  height: z.number().int(),
  bytes: z.number().int(),
  /** A small JPEG of the page, base64: the case screen shows it at once. */
  thumbBase64: z.string(),
});

export const CaseDocument = z.object({
  docType: DocTypeCode,
  name: z.string(),
  pages: z.array(CasePage),
  /** The whole document as one PDF (pages in order), its size in bytes; null without pages. */
  pdfBytes: z.number().int().nullable(),
});
export type CaseDocument = z.infer<typeof CaseDocument>;

export const FileReturn = z.object({ returnId: Id, at: Iso, missing: z.array(DocTypeCode), byName: z.string() });

export const CaseFile = z.object({
  ticketId: Id,
  ticketLabel: z.string(),
  serviceName: z.string(),
  checklist: z.array(z.object({ docType: DocTypeCode, name: z.string(), present: z.boolean(), pages: z.number().int() })),
  complete: z.boolean(),
  documents: z.array(CaseDocument),
  returns: z.array(FileReturn),
});
export type CaseFile = z.infer<typeof CaseFile>;

export const SCANNER_ADAPTERS = ['none', 'sane', 'wia', 'naps2', 'folder'] as const;
export const ScannerAdapter = z.enum(SCANNER_ADAPTERS);
export type ScannerAdapter = z.infer<typeof ScannerAdapter>;

export const ScannerConfig = z.object({
  adapter: ScannerAdapter,
  /** The device as the adapter names it (SANE `test:0`, a WIA device id, a NAPS2 profile); '' = the first found. */
  device: z.string().trim().max(300),
  resolution: z.number().int().min(75).max(600),
  mode: z.enum(SCAN_MODES),
  paper: z.enum(Object.keys(PAPER_SIZES) as [keyof typeof PAPER_SIZES, ...(keyof typeof PAPER_SIZES)[]]),
  source: z.enum(SCAN_SOURCES),
  /** For 'folder': where the network scanner drops its files, on the PC that runs the adapter. */
  folder: z.string().trim().max(1000),
  /**
   * The desk's scan inbox (Kotak masuk pindaian): a folder the komputer utama watches all the time
   * (a scan-to-folder network scanner's share, as seen from the komputer utama); '' = none. Files
   * that arrive are imported into the desk's inbox, whoever is signed in.
   */
  inboxFolder: z.string().trim().max(1000).default(''),
});
export type ScannerConfig = z.infer<typeof ScannerConfig>;

/** A scanner a PC found: the adapter that drives it and its device name in that adapter's words. */
export const FoundScanner = z.object({
  adapter: z.enum(['sane', 'wia', 'naps2']),
  device: z.string().max(300),
  /** What the admin reads, e.g. "Canon LiDE 300 (flatbed scanner)". */
  label: z.string().max(300),
});
export type FoundScanner = z.infer<typeof FoundScanner>;

/** What one PC reported: its scanners and what it could not search (no program, no permission). */
export const ScannerReport = z.object({
  /** 'desk': the desk's own PC (desk mode); 'host': the komputer utama, which scans for its own and browser desks. */
  where: z.enum(['desk', 'host']),
  at: Iso,
  devices: z.array(FoundScanner),
  notes: z.array(z.string()),
});
export type ScannerReport = z.infer<typeof ScannerReport>;

export const DeskScanner = z.object({
  deskId: Id,
  deskName: z.string(),
  counterNo: z.number().int(),
  config: ScannerConfig,
  /** The scanners this desk can choose from: its own PC's report, else the komputer utama's; null before any search. */
  found: ScannerReport.nullable(),
  /** The inbox folder's watch on the komputer utama: null when none is set, else whether it can be read. */
  inbox: z.object({ watching: z.boolean(), problem: z.string().nullable() }).nullable(),
});
export type DeskScanner = z.infer<typeof DeskScanner>;

export const InboxPage = z.object({ seq: z.number().int(), width: z.number().int(), height: z.number().int(), bytes: z.number().int(), thumbBase64: z.string() });
export const InboxItem = z.object({
  itemId: Id,
  /** The name the scanner gave the file. */
  fileName: z.string(),
  arrivedAt: Iso,
  kind: z.enum(['image', 'pdf']),
  pages: z.array(InboxPage),
});
export type InboxItem = z.infer<typeof InboxItem>;
/** A file that was not taken in (not an image or PDF, unreadable, too large): moved to `ditolak/`, with why. */
export const InboxRefusal = z.object({ itemId: Id, fileName: z.string(), at: Iso, message: z.string() });
export const Inbox = z.object({
  /** The desk's watched folder; '' when the admin set none. */
  folder: z.string(),
  /** The komputer utama is watching it right now. */
  watching: z.boolean(),
  /** Why the folder cannot be read (missing, no permission), in Indonesian; null when all is well. */
  problem: z.string().nullable(),
  items: z.array(InboxItem),
  refused: z.array(InboxRefusal),
});
export type Inbox = z.infer<typeof Inbox>;

const UploadStarted = z.object({ uploadId: Id, receivedBytes: z.number().int(), size: z.number().int() });

export const documentsContract = {
  'documents.checklists': entry(z.object({}), z.array(Checklist), 'staff'),
  /** Saving a whole checklist is a set (the same call twice leaves the same list). */
  'documents.saveChecklist': entry(z.object({ serviceId: Id, docTypes: z.array(DocTypeCode).max(20) }), Checklist, ['admin']),
  /** The case's papers with page thumbnails; every call is an audited view. */
  'documents.caseFile': entry(z.object({ ticketId: Id }), CaseFile, CASE_ROLES, { personal: true }),
  /** One page at full size (JPEG, base64); audited. */
  'documents.page': entry(z.object({ pageId: Id }), z.object({ pageId: Id, mime: z.string(), base64: z.string(), width: z.number().int(), height: z.number().int() }), CASE_ROLES, { personal: true }),
  /** A document as one PDF; audited. */
  'documents.pdf': entry(z.object({ ticketId: Id, docType: DocTypeCode }), z.object({ fileName: z.string(), base64: z.string() }), CASE_ROLES, { personal: true }),
  /**
   * A page file's upload begins, or resumes: the same ticket, type and hash by the same user answers
   * the unfinished upload with the bytes the host already holds.
   */
  'documents.uploadStart': entry(
    z.object({
      ticketId: Id,
      docType: DocTypeCode,
      sha256: Sha256,
      size: z.number().int().min(1),
      /** Where the page comes from: a file picked twice is one page; scanned sheets that look alike are each a page. */
      origin: z.enum(['file', 'camera', 'scanner']).default('file'),
      requestId,
    }),
    UploadStarted,
    CASE_ROLES,
    { personal: true, idempotent: true },
  ),
  /** Bytes at `offset` (must not be past what the host holds; bytes it already has are skipped). */
  'documents.uploadChunk': entry(
    z.object({ uploadId: Id, offset: z.number().int().min(0), base64: z.string().min(1).max(1_000_000), requestId }),
    z.object({ uploadId: Id, receivedBytes: z.number().int() }),
    CASE_ROLES,
    { personal: true, idempotent: true },
  ),
  /** Checks the whole file's SHA-256, stores it and starts the page's image work (a job). */
  'documents.uploadFinish': entry(z.object({ uploadId: Id, requestId }), JobStarted, CASE_ROLES, { personal: true, idempotent: true, job: true }),
  /** Scans with the scanner attached to the host, as set for the caller's desk; pages arrive as events. */
  'documents.scan': entry(z.object({ ticketId: Id, docType: DocTypeCode, requestId }), JobStarted, CASE_ROLES, { personal: true, idempotent: true, job: true }),
  /** Rotates and/or crops a page into a new file; the old page is kept, replaced. */
  'documents.editPage': entry(
    z.object({
      pageId: Id,
      rotate: z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]),
      /** Fractions of the page (after rotating), 0..1. */
      crop: z.object({ left: z.number().min(0).max(1), top: z.number().min(0).max(1), width: z.number().gt(0).max(1), height: z.number().gt(0).max(1) }).nullable(),
      requestId,
    }),
    JobStarted,
    CASE_ROLES,
    { personal: true, idempotent: true, job: true },
  ),
  'documents.removePage': entry(z.object({ pageId: Id, requestId }), z.object({ pageId: Id }), CASE_ROLES, { personal: true, idempotent: true }),
  /** The file goes back to the visitor incomplete (seed 002 step 2): recorded, with the list of what is missing. */
  'documents.returnFile': entry(z.object({ ticketId: Id, requestId }), FileReturn, CASE_ROLES, { personal: true, idempotent: true }),
  /** The printed sheet of a return: what the visitor must bring. */
  'documents.returnSheet': entry(z.object({ returnId: Id }), z.object({ fileName: z.string(), base64: z.string() }), CASE_ROLES, { personal: true }),
  /** The caller desk's scan inbox (Kotak masuk pindaian): pages that arrived in its watched folder; audited. */
  'documents.inbox': entry(z.object({}), Inbox, CASE_ROLES, { personal: true }),
  /** An inbox file's pages go into a case's document, in order, after the pages it has. */
  'documents.inboxAssign': entry(z.object({ itemId: Id, ticketId: Id, docType: DocTypeCode, requestId }), z.object({ itemId: Id, pages: z.number().int() }), CASE_ROLES, { personal: true, idempotent: true }),
  /** An inbox file is thrown away (or a refusal acknowledged); its page files go with the orphan sweep. */
  'documents.inboxDiscard': entry(z.object({ itemId: Id, requestId }), z.object({ itemId: Id }), CASE_ROLES, { personal: true, idempotent: true }),
  'documents.scanners': entry(z.object({}), z.array(DeskScanner), ['admin']),
  /**
   * Cari ulang: the komputer utama searches its own scanners now, and asks the desk's own PC (desk
   * mode, signed in) to search and report; answers the desk's row with what is known so far.
   */
  'documents.rediscover': entry(z.object({ deskId: Id }), DeskScanner, ['admin']),
  /** A desk's own PC (desk mode) reports the scanners it found, for the caller's desk. */
  'documents.reportScanners': entry(
    z.object({ devices: z.array(FoundScanner).max(50), notes: z.array(z.string().max(500)).max(10) }),
    z.object({ at: Iso, deskId: Id }),
    'staff',
  ),
  'documents.saveScanner': entry(z.object({ deskId: Id, config: ScannerConfig }), DeskScanner, ['admin']),
  /** The scanner set for the caller's own desk (its main process runs it). */
  'documents.myScanner': entry(z.object({}), ScannerConfig, 'staff'),
} as const;
