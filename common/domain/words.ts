// The office's vocabulary: roles, visitor priorities, ticket states. Every process uses these
// words (screens, host, the central server), so they live in the domain, not in the wire contract.
import { z } from 'zod';

export const ROLES = ['satpam', 'resepsionis', 'petugas', 'tim_rujukan', 'penandatangan', 'admin'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const PRIORITIES = ['lansia', 'disabilitas', 'ibu_hamil', 'gawat_darurat'] as const;
export const Priority = z.enum(PRIORITIES);
export type Priority = z.infer<typeof Priority>;

/**
 * A ticket's state. `done`: served to the end. `cancelled`: the visit was ended early with a reason
 * (queue.endVisit). `no_show`: a skipped visitor closed as absent (queue.closeNoShow). Only `done`
 * counts as served; the last three are final.
 */
export const TICKET_STATUSES = ['waiting', 'called', 'serving', 'skipped', 'done', 'cancelled', 'no_show'] as const;
export const TicketStatus = z.enum(TICKET_STATUSES);
export type TicketStatus = z.infer<typeof TicketStatus>;
export const FINAL_STATUSES: readonly TicketStatus[] = ['done', 'cancelled', 'no_show'];

/** Why a visit was ended before its last step (queue.endVisit). */
export const END_REASONS = ['pergi', 'salah_layanan', 'lainnya'] as const;
export const EndReason = z.enum(END_REASONS);
export type EndReason = z.infer<typeof EndReason>;

/** What the petugas recorded when finishing the last petugas step. */
export const OUTCOMES = ['selesai', 'dirujuk', 'kurang_berkas', 'ditolak'] as const;
export const Outcome = z.enum(OUTCOMES);
export type Outcome = z.infer<typeof Outcome>;

/** The roles that serve queue steps after the satpam has issued the ticket. */
export const STAGES = ['resepsionis', 'petugas'] as const;
export const Stage = z.enum(STAGES);
export type Stage = z.infer<typeof Stage>;

/** Who may serve an SOP step. */
export const STEP_ROLES = ['satpam', 'resepsionis', 'petugas'] as const;
export const StepRole = z.enum(STEP_ROLES);
export type StepRole = z.infer<typeof StepRole>;

/** A desk's state: open calls visitors; paused ("Istirahat") and closed ("Tutup") do not. */
export const DESK_STATUSES = ['open', 'paused', 'closed'] as const;
export const DeskStatus = z.enum(DESK_STATUSES);
export type DeskStatus = z.infer<typeof DeskStatus>;

/** Parses the roles column (a JSON array) wherever it is read; unknown words are dropped. */
export function parseRoles(json: string): Role[] {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return [];
  }
  if (!Array.isArray(raw)) return [];
  return raw.filter((r): r is Role => Role.safeParse(r).success);
}
