// Typed tables for kysely. Column names are the SQL ones (snake_case).
import type { Generated } from 'kysely';
import type { OfficeTimeZone } from '../../../common/domain/time';
import type { FollowupKind, FollowupStatus } from '../../../common/domain/followups';
import type { CheckStatus, NextAction, Relation } from '../../../common/domain/membership';
import type { DeskStatus, EndReason, Outcome, Priority, Stage, StepRole, TicketStatus } from '../../../common/domain/words';

/** Ticket history kinds written to ticket_events. */
export type TicketEventKind =
  | 'issued' | 'called' | 'recalled' | 'skipped' | 'step_started' | 'step_finished'
  | 'handed_over' | 'transferred' | 'finished' | 'note' | 'visit_ended' | 'no_show';

export interface OfficeTable { id: string; name: string; kab_kota: string; address: string; time_zone: OfficeTimeZone; created_at: string; updated_at: string }
export interface UsersTable {
  id: string; username: string; full_name: string; password_hash: string; roles: string; active: number;
  created_at: string; updated_at: string;
}
export interface DesksTable {
  id: string; name: string; counter_no: number; token_hash: string; created_at: string; revoked_at: string | null;
  /** Migration 005: only an open desk calls visitors. */
  status: Generated<DeskStatus>; status_at: string | null;
}
export interface DeskServicesTable { desk_id: string; service_id: string }
export interface PairingCodesTable { code_hash: string; desk_id: string; created_at: string; expires_at: string; used_at: string | null }
export interface SessionsTable { token_hash: string; user_id: string; desk_id: string; created_at: string; expires_at: string; revoked_at: string | null }
export interface SettingsTable { key: string; value: string }
export interface ServicesTable { id: string; code: string; name: string; active: number; sort: number; created_at: string; updated_at: string }
export interface ServiceStepsTable { id: string; service_id: string; seq: number; name: string; role: StepRole; mutu_baku_min: number }
export interface TicketCountersTable { service_id: string; day: string; last_no: number }
export interface TicketsTable {
  /** The issuing service: owns the number and its uniqueness (migration 003). */
  id: string; service_id: string; day: string; number: number; label: string; priority: Priority | null;
  /** Where the visitor is now; a transfer changes only this. */
  current_service_id: string;
  status: TicketStatus; stage: Stage | null; counter_no: number | null; assigned_user_id: string | null;
  handled_by: string | null; issued_by: string; issued_at: string; called_at: string | null;
  waiting_since: string; skipped_at: string | null; closed_at: string | null;
  end_reason: EndReason | null; outcome: Outcome | null; outcome_note: string | null;
  created_at: string; updated_at: string;
}
export interface StepTimingsTable {
  id: string; ticket_id: string; seq: number; name: string; role: StepRole; mutu_baku_min: number;
  ready_at: string | null; started_at: string | null; ended_at: string | null; user_id: string | null;
  /** The service whose SOP step this is, and the step's seq in that SOP (migration 003). */
  service_id: string; step_seq: number;
}
export interface RequestLogTable { request_id: string; call: string; user_id: string | null; result: string | null; at: string }
export interface TicketEventsTable {
  id: string; ticket_id: string; kind: TicketEventKind; at: string; user_id: string | null; desk_id: string | null;
  stage: Stage | null; priority: Generated<number>; counter_no: number | null; data: string | null;
}
export interface CasesTable {
  id: string; ticket_id: string; nik: string; name: string; kk: string; birth_date: string | null; phone: string; purpose: string;
  created_by: string; created_at: string; updated_at: string;
}
export interface CaseFamiliesTable { case_id: string; kk: string; address: string; head_name: string; updated_by: string; updated_at: string }
export interface CaseMembersTable {
  case_id: string; position: number; nik: string; name: string; sex: 'L' | 'P' | null; birth_date: string | null; relation: Relation; has_card: number;
}
export interface MembershipChecksTable {
  id: string; case_id: string; nik: string; status: CheckStatus; next_action: NextAction; source: 'bpjs' | 'manual';
  card_no: string; class_name: string; participant_name: string; reason: string; checked_at: string; checked_by: string | null;
  attempts: number; retry_at: string | null; by_retry: number;
}
export interface MembershipDecisionsTable { id: string; check_id: string; action: NextAction; overridden: number; reason: string; decided_by: string; decided_at: string }
export interface AuditTable {
  id: string; at: string; user_id: string | null; desk_id: string | null; action: string;
  entity: string | null; entity_id: string | null; detail: string | null;
}
export interface VisitorLinksTable { ticket_id: string; token: string; created_at: string }
/** Migration 008: holidays, follow-ups, DTKS, messages out. */
export interface HolidayOverridesTable { day: string; action: 'add' | 'remove'; name: string; updated_by: string | null; updated_at: string }
export interface FollowupsTable {
  id: string; ticket_id: string; nik: string; member_name: string; kind: FollowupKind; status: FollowupStatus; opened_day: string; due_day: string;
  owner_id: string; note: Generated<string>; created_by: string; created_at: string; updated_at: string;
}
export interface FollowupEventsTable {
  id: string; followup_id: string; at: string; user_id: string | null; action: 'created' | 'advanced' | 'reassigned';
  from_status: FollowupStatus | null; to_status: FollowupStatus | null; note: Generated<string>;
}
export interface DtksImportsTable {
  id: string; file_name: string; status: 'loading' | 'active' | 'replaced'; row_count: Generated<number>; bad_count: Generated<number>;
  imported_by: string | null; started_at: string; imported_at: string | null;
}
export interface DtksPeopleTable {
  import_id: string; nik: string; name: string; kk: string; household_id: string; address: string; village: string; district: string; desil: string; row_no: number;
}
export interface MessagesTable {
  id: string; ticket_id: string; channel: 'email' | 'whatsapp'; recipient: string; subject: string; body: string; attachments: string;
  status: 'queued' | 'sent' | 'failed' | 'opened'; attempts: number; last_error: string | null; next_attempt_at: string | null;
  created_by: string | null; created_at: string; sent_at: string | null;
}
/** Migration 012: each office day's queue figures per service and SOP step (synced). */
export interface QueueDayStatsTable {
  id: string; day: string; service_code: string; service_name: string; step_seq: number; step_name: string;
  issued: number; done: number; cancelled: number; no_show: number; steps: number;
  service_median_sec: number | null; within_mutu_baku_pct: number | null; created_at: string; updated_at: string;
}
export interface MigrationsTable { id: number; name: string; checksum: string; applied_at: string }

export interface LetterTypesTable {
  id: string; code: string; name: string; kind: 'rekomendasi' | 'keterangan'; number_pattern: string; subject: string; opening: string; closing: string;
  signer_official_id: string | null; required_docs: string; active: number; sort: number; created_at: string; updated_at: string;
}
export interface HospitalsTable { id: string; name: string; addressee: string; city: string; required_docs: string; active: number; created_at: string; updated_at: string }
export interface OfficialsTable {
  id: string; user_id: string | null; name: string; title: string; rank: string; nip: string; signature_image: string | null; stamp_image: string | null;
  active: number; created_at: string; updated_at: string;
}
export interface DelegationsTable {
  id: string; kind: 'an' | 'ub' | 'plt' | 'plh'; principal_id: string; delegate_id: string; via_id: string | null; valid_from: string; valid_to: string | null;
  note: string; created_by: string | null; created_at: string; revoked_at: string | null;
}
export interface LetterCountersTable { letter_type_id: string; year: number; last_no: number }
/** Migration 010: one row per submission, the register itself. */
export interface LettersTable {
  /** received_at in ms × 1000 + n: the register's date order as one integer, the FTS5 rowid. */
  reg_key: number;
  id: string; letter_type_id: string; status: string; status_rank: number; ticket_id: string | null;
  patient_name: string; nik: string; address: Generated<string>; diagnosis: Generated<string>; hospital_id: string | null; hospital_name: Generated<string>;
  docs_present: Generated<string>; docs_missing: Generated<string>; sifat: Generated<string>; lampiran: Generated<string>; subject: Generated<string>;
  body: Generated<string>; tembusan: Generated<string>;
  year: number | null; seq: number | null; number: string | null; number_key: number | null; officer_id: string; officer_name: string;
  approved_by: string | null; signed_by: string | null; signer_official_id: string | null; delegation_id: string | null; signature: string | null;
  pdf_sha256: string | null; short_code: string | null; verify_token: string | null; printer: string | null; print_job: string | null; print_error: string | null;
  handed_to_name: string | null; handed_to_relation: string | null; handed_to_id: string | null; cancel_reason: string | null;
  received_at: string; checked_at: string | null; drafted_at: string | null; approved_at: string | null; signed_at: string | null;
  printed_at: string | null; collected_at: string | null; handed_over_at: string | null; cancelled_at: string | null;
  day: string; created_at: string; updated_at: string;
}
export interface RegisterViewsTable { id: string; user_id: string; name: string; spec: string; created_at: string }

/** Migration 009: the case file. */
export interface DocumentChecklistsTable { service_id: string; doc_types: string; updated_by: string | null; updated_at: string }
export interface DocumentPagesTable {
  id: string; ticket_id: string; doc_type: string; seq: number; file_sha256: string; thumb_sha256: string; source_sha256: string;
  mime: string; width: number; height: number; bytes: number; source: 'upload' | 'scan' | 'edit';
  created_by: string | null; created_at: string; replaced_by: string | null; removed_at: string | null;
}
export interface DocumentPdfsTable { ticket_id: string; doc_type: string; file_sha256: string | null; bytes: number | null; updated_at: string }
export interface DocumentUploadsTable { id: string; ticket_id: string; doc_type: string; sha256: string; size: number; origin: 'file' | 'camera' | 'scanner'; user_id: string | null; created_at: string; finished_at: string | null }
export interface FileReturnsTable { id: string; ticket_id: string; missing: string; user_id: string | null; created_at: string }
export interface DeskScannersTable { desk_id: string; config: string; updated_at: string }

export interface DB {
  document_checklists: DocumentChecklistsTable;
  document_pages: DocumentPagesTable;
  document_pdfs: DocumentPdfsTable;
  document_uploads: DocumentUploadsTable;
  file_returns: FileReturnsTable;
  desk_scanners: DeskScannersTable;
  office: OfficeTable;
  users: UsersTable;
  desks: DesksTable;
  desk_services: DeskServicesTable;
  pairing_codes: PairingCodesTable;
  sessions: SessionsTable;
  settings: SettingsTable;
  services: ServicesTable;
  service_steps: ServiceStepsTable;
  ticket_counters: TicketCountersTable;
  tickets: TicketsTable;
  step_timings: StepTimingsTable;
  ticket_events: TicketEventsTable;
  cases: CasesTable;
  case_families: CaseFamiliesTable;
  case_members: CaseMembersTable;
  membership_checks: MembershipChecksTable;
  membership_decisions: MembershipDecisionsTable;
  audit: AuditTable;
  request_log: RequestLogTable;
  visitor_links: VisitorLinksTable;
  holiday_overrides: HolidayOverridesTable;
  followups: FollowupsTable;
  followup_events: FollowupEventsTable;
  dtks_imports: DtksImportsTable;
  dtks_people: DtksPeopleTable;
  messages: MessagesTable;
  schema_migrations: MigrationsTable;
  queue_day_stats: QueueDayStatsTable;
  letter_types: LetterTypesTable;
  hospitals: HospitalsTable;
  officials: OfficialsTable;
  delegations: DelegationsTable;
  letter_counters: LetterCountersTable;
  letters: LettersTable;
  register_views: RegisterViewsTable;
}
