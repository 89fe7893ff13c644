// The documents feature's tables of migration 014 (scan inbox, scanner reports), typed for kysely
// here beside the feature, on the platform's query builder (which only builds SQL, never runs it).
import type { Kysely } from 'kysely';
import { qb, type DB } from '../../platform/db';

export interface DocumentInboxTable {
  id: string;
  desk_id: string;
  file_name: string;
  sha256: string;
  bytes: number;
  kind: 'image' | 'pdf' | 'refused';
  message: string | null;
  arrived_at: string;
  assigned_at: string | null;
  assigned_by: string | null;
  ticket_id: string | null;
  doc_type: string | null;
  discarded_at: string | null;
  discarded_by: string | null;
}
export interface DocumentInboxPagesTable { item_id: string; seq: number; file_sha256: string; thumb_sha256: string; width: number; height: number; bytes: number }
export interface ScannerReportsTable { scope: string; devices: string; notes: string; reported_at: string }

export interface DocumentsDB extends DB {
  document_inbox: DocumentInboxTable;
  document_inbox_pages: DocumentInboxPagesTable;
  scanner_reports: ScannerReportsTable;
}

/** The platform's builder, knowing this feature's tables too. */
export const dqb = qb as unknown as Kysely<DocumentsDB>;
