// Admin → Cadangan: back up the database now and daily, verify, keep the last N, restore.
import { z } from 'zod';
import { empty, entry } from './core';
import { JobStarted } from './jobs';

export const BackupSettings = z.object({
  /** Folder on the host PC the copies go to (a USB disk, a second drive, a network share). */
  folder: z.string().trim().min(1).max(1000),
  /** Daily backup time on the office clock, HH:MM; null: no daily backup. */
  dailyAt: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/).nullable(),
  /** How many copies to keep; older ones are deleted after a verified backup. */
  keep: z.number().int().min(1).max(365),
});
export type BackupSettings = z.infer<typeof BackupSettings>;

export const BackupFile = z.object({
  fileName: z.string(),
  sizeBytes: z.number().int(),
  createdAt: z.string(),
});
export type BackupFile = z.infer<typeof BackupFile>;

export const backupContract = {
  'backup.settings': entry(empty, BackupSettings.extend({ lastBackupAt: z.string().nullable(), lastError: z.string().nullable() }), ['admin']),
  'backup.saveSettings': entry(BackupSettings, BackupSettings, ['admin']),
  'backup.list': entry(empty, z.array(BackupFile), ['admin']),
  'backup.start': entry(empty, JobStarted, ['admin'], { job: true }),
  /** Replaces the database with a chosen copy; the current database is kept aside first. */
  'backup.restore': entry(z.object({ fileName: z.string().min(1).max(255), confirm: z.literal(true) }), JobStarted, ['admin'], { job: true }),
} as const;
