// Typed tables for kysely. Column names are the SQL ones (snake_case).
import type { Generated } from 'kysely';
import type { OfficeTimeZone } from '../../../common/domain/time';
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
export interface AuditTable {
  id: string; at: string; user_id: string | null; desk_id: string | null; action: string;
  entity: string | null; entity_id: string | null; detail: string | null;
}
export interface VisitorLinksTable { ticket_id: string; token: string; created_at: string }
export interface MigrationsTable { id: number; name: string; checksum: string; applied_at: string }

export interface DB {
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
  audit: AuditTable;
  request_log: RequestLogTable;
  visitor_links: VisitorLinksTable;
  schema_migrations: MigrationsTable;
}
