// The one contract between the UI and the host: every call the renderer can make is one entry in
// one feature's slice; this index merges them. The preload, the IPC transport and the HTTP
// transport are all generated from the merged map. Imports only zod and common/.
import type { z } from 'zod';
import { adminContract } from './admin';
import { authContract } from './auth';
import { backupContract } from './backup';
import { casesContract, familyContract } from './cases';
import { membershipContract } from './membership';
import { followupsContract } from './followups';
import { dtksContract } from './dtks';
import { messagesContract } from './messages';
import { catalogContract } from './catalog';
import type { Entry, Slice } from './core';
import { devicesContract } from './devices';
import { documentsContract } from './documents';
import { jobsContract } from './jobs';
import { lettersContract } from './letters';
import { networkContract } from './network';
import { queueContract } from './queue';
import { registerContract } from './register';
import { statsContract } from './stats';
import { syncContract } from './sync';
import { visitorContract } from './visitor';

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** Names defined by more than one slice: never, when the slices are disjoint. */
type Duplicates<S extends readonly Slice[], Seen = never> = S extends readonly [infer H extends Slice, ...infer R extends readonly Slice[]]
  ? Extract<keyof H, Seen> | Duplicates<R, Seen | keyof H>
  : never;

/**
 * Merges the slices into one map. A call name defined in two slices is a compile error (the
 * argument then demands a `duplicateCallNames` property naming it) and, should a cast hide it, a
 * start-up error.
 */
export function mergeSlices<const S extends readonly Slice[]>(
  ...slices: S & ([Duplicates<S>] extends [never] ? unknown : { duplicateCallNames: Duplicates<S> })
): UnionToIntersection<S[number]> {
  const merged: Record<string, Entry> = {};
  for (const slice of slices as readonly Slice[])
    for (const [name, e] of Object.entries(slice)) {
      if (name in merged) throw new Error(`Contract entry "${name}" is defined twice.`);
      merged[name] = e;
    }
  return merged as UnionToIntersection<S[number]>;
}

export const contract = mergeSlices(
  authContract,
  adminContract,
  catalogContract,
  queueContract,
  casesContract,
  familyContract,
  membershipContract,
  followupsContract,
  dtksContract,
  messagesContract,
  statsContract,
  devicesContract,
  networkContract,
  jobsContract,
  backupContract,
  visitorContract,
  documentsContract,
  lettersContract,
  registerContract,
  syncContract,
);

export type Contract = typeof contract;
export type CallName = keyof Contract;
export type CallInput<N extends CallName> = z.input<Contract[N]['input']>;
/** The input as the host's handler sees it, after parsing (defaults applied, strings trimmed). */
export type ParsedInput<N extends CallName> = z.output<Contract[N]['input']>;
export type CallOutput<N extends CallName> = z.output<Contract[N]['output']>;

export const CALL_NAMES = Object.keys(contract) as CallName[];

export * from './core';
export * from './events';
export * from '../domain/words';
export { Office, User, Desk } from './auth';
export { DeskWithServices } from './admin';
export { Service, ServiceStep } from './catalog';
export { Ticket, StepTiming, TicketNote } from './queue';
export { CaseInput, CaseRecord, Warning, FamilyMember, FamilyInput, Family, AreaNote } from './cases';
export { MemberCheck, CheckStatus, NextAction, BpjsSettingsView, BpjsSettingsInput, BpjsService } from './membership';
export { StepStats, DayStats, DayStepStats, DeskStats, OfficerStats, OfficeDay, DisplayCall, DisplayState, type DisplayEvent } from './stats';
export { NetworkSettings } from './network';
export { SyncStatus, SyncState, QuarantinedOp, SYNC_STATES } from './sync';
export { MIN_PORT, MAX_PORT } from '../domain/network';
export { Job, JobStatus, JOB_STATUSES } from './jobs';
export { BackupSettings, BackupFile } from './backup';
export { VisitorPosition, VisitorLink, VisitorStatus, DisplaySettings, DISPLAY_TEXT_MAX } from './visitor';
export { Checklist, CaseFile, CaseDocument, ScannerConfig, ScannerAdapter, SCANNER_ADAPTERS, DeskScanner, DocTypeCode } from './documents';
export { LetterSettings, LetterType, Hospital, Official, Delegation, LetterDetail, LetterMoved, PAPER_SIZES } from './letters';
export { RegisterFilter, RegisterRow, RegisterCursor, RegisterView, RegisterViewSpec, REGISTER_COLUMNS, REGISTER_SORTS } from './register';
export { Followup, FollowupCounts, FollowupKind, FollowupStatus, HolidayRow, OfficerLoad } from './followups';
export { DtksPerson, DtksLookup, DtksReport, DtksList, DtksMapping, DTKS_CHUNK_BYTES, DTKS_MAX_BYTES } from './dtks';
export { Message, SmtpSettings } from './messages';
