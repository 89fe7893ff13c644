// Tokens and passwords on the central server: office hosts carry a bearer token bound to one
// office (stored hashed, revocable); people sign in to the pages with a password (scrypt) and get a
// session cookie. 'pusat' and 'admin' read across offices; 'kantor' sees only its own office.
import { createHash, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import type pg from 'pg';

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
export const newToken = () => randomBytes(32).toString('base64url');
/** Enrolment codes people type: 12 characters without look-alikes, in groups of four. */
export function newEnrolCode(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(12);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
}
export const normaliseCode = (code: string) => code.toUpperCase().replace(/[^A-Z0-9]/g, '');

export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  return `scrypt$${salt.toString('hex')}$${scryptSync(password, salt, 32).toString('hex')}`;
}
export function checkPassword(password: string, stored: string): boolean {
  const [, salt, hash] = stored.split('$');
  if (!salt || !hash) return false;
  const got = scryptSync(password, Buffer.from(salt, 'hex'), 32);
  return timingSafeEqual(got, Buffer.from(hash, 'hex'));
}

export type WebRole = 'admin' | 'pusat' | 'kantor';
export interface WebUser { id: string; username: string; role: WebRole; officeId: string | null }

export interface DeviceAuth { deviceId: string; officeId: string }
export type DeviceCheck = { ok: true; device: DeviceAuth } | { ok: false; code: 'UNAUTHENTICATED' | 'REVOKED'; message: string };

export const REVOKED_MESSAGE =
  'Komputer ini telah dicabut dari server pusat oleh admin, jadi sinkronisasi dihentikan. Data tetap tersimpan di komputer ini; minta kode pendaftaran baru kepada admin server pusat.';

export async function checkDeviceToken(pool: pg.Pool, header: string | undefined): Promise<DeviceCheck> {
  const token = header?.startsWith('Bearer ') ? header.slice(7) : null;
  if (!token) return { ok: false, code: 'UNAUTHENTICATED', message: 'Komputer ini belum terdaftar di server pusat.' };
  const { rows } = await pool.query<{ id: string; office_id: string; revoked_at: Date | null }>(
    'SELECT id, office_id, revoked_at FROM devices WHERE token_hash = $1',
    [sha256(token)],
  );
  const row = rows[0];
  if (!row) return { ok: false, code: 'UNAUTHENTICATED', message: 'Token komputer ini tidak dikenal server pusat. Daftarkan ulang dengan kode baru.' };
  if (row.revoked_at) return { ok: false, code: 'REVOKED', message: REVOKED_MESSAGE };
  return { ok: true, device: { deviceId: row.id, officeId: row.office_id } };
}
