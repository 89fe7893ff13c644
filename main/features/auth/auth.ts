// First run, desks, sign-in and sessions. Tokens are random 256-bit values; only their SHA-256 is
// stored, so a copied database file does not let anyone sign in.
import { hash, verify } from '@node-rs/argon2';
import { createHash, randomBytes } from 'node:crypto';
import { prepared, qb, type WriteDb } from '../../platform/db';
import { parseRoles, type DeskStatus, type ParsedInput, type Desk, type User } from '../../../common/contract/index';
import { getOffice, officeChanged } from '../../platform/office';
import { isLocalCaller } from '../../../common/domain/network';
import { AppFailure, audit, iso, newId, type Actor, type Ctx, type Deps } from '../../platform/context';
import { seedDefaultServices } from '../catalog';
import { parsePairingInput } from '../../../common/domain/pairing';

const SESSION_HOURS = 14;
export const newToken = (): string => randomBytes(32).toString('base64url');
export const tokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');
export const hashPassword = (password: string): Promise<string> => hash(password);

type UserRow = { id: string; username: string; full_name: string; roles: string; active: number };
export const toUser = (r: UserRow): User => ({
  id: r.id,
  username: r.username,
  fullName: r.full_name,
  roles: parseRoles(r.roles),
  active: r.active === 1,
});
type DeskRow = { id: string; name: string; counter_no: number; created_at: string; revoked_at: string | null; status?: DeskStatus };
export const toDesk = (r: DeskRow): Desk => ({
  id: r.id,
  name: r.name,
  counterNo: r.counter_no,
  createdAt: r.created_at,
  revokedAt: r.revoked_at,
  status: r.status ?? 'open',
});


export async function firstRun(ctx: Ctx, input: ParsedInput<'setup.firstRun'>) {
  if (!isLocalCaller(ctx.remote))
    throw new AppFailure('SETUP_LOCAL_ONLY', 'Pengaturan awal hanya dapat dilakukan di komputer utama itu sendiri.');
  const passwordHash = await hashPassword(input.adminPassword);
  const deskToken = newToken();
  const sessionToken = newToken();
  return ctx.store.tx((w) => {
    if (getOffice(w)) throw new AppFailure('ALREADY_CONFIGURED', 'Kantor sudah diatur sebelumnya. Silakan masuk.');
    const now = iso(ctx.now());
    w.run(
      qb.insertInto('office').values({
        id: newId(), name: input.officeName, kab_kota: input.kabKota, address: input.address, time_zone: input.timeZone, created_at: now, updated_at: now,
      }),
    );
    officeChanged(w);
    const user = { id: newId(), username: input.adminUsername, full_name: input.adminFullName, roles: JSON.stringify(['admin']), active: 1 };
    w.run(qb.insertInto('users').values({ ...user, password_hash: passwordHash, created_at: now, updated_at: now }));
    const desk = { id: newId(), name: 'Komputer utama', counter_no: 1, created_at: now, revoked_at: null };
    w.run(qb.insertInto('desks').values({ ...desk, token_hash: tokenHash(deskToken) }));
    createSession(w, ctx, sessionToken, user.id, desk.id);
    seedDefaultServices(w, ctx);
    ctx.actor = { user: toUser(user), desk: toDesk(desk) };
    audit(w, ctx, 'setup.firstRun', 'office', null, { officeName: input.officeName });
    return { deskToken, sessionToken, user: toUser(user) };
  });
}

function createSession(w: WriteDb, ctx: Ctx, token: string, userId: string, deskId: string): void {
  const now = ctx.now();
  w.run(
    qb.insertInto('sessions').values({
      token_hash: tokenHash(token),
      user_id: userId,
      desk_id: deskId,
      created_at: iso(now),
      expires_at: iso(new Date(now.getTime() + SESSION_HOURS * 3_600_000)),
      revoked_at: null,
    }),
  );
}

const BAD_LOGIN = 'Nama pengguna atau kata sandi salah.';

export async function login(ctx: Ctx, input: ParsedInput<'auth.login'>) {
  const desk = ctx.store.first(
    qb.selectFrom('desks').selectAll().where('token_hash', '=', tokenHash(input.deskToken)),
  );
  if (!desk || desk.revoked_at)
    throw new AppFailure('DESK_NOT_PAIRED', 'Komputer ini belum terdaftar atau kodenya sudah dicabut. Minta admin membuat kode pemasangan baru.');
  const row = ctx.store.first(qb.selectFrom('users').selectAll().where('username', '=', input.username.toLowerCase()));
  // Verify even for unknown users so response time does not reveal which usernames exist.
  const ok = await verify(row?.password_hash ?? (await dummyHash()), input.password).catch(() => false);
  if (!row || !ok) throw new AppFailure('BAD_CREDENTIALS', BAD_LOGIN);
  if (row.active !== 1) throw new AppFailure('USER_INACTIVE', 'Akun ini dinonaktifkan. Hubungi admin.');
  const sessionToken = newToken();
  ctx.store.tx((w) => {
    createSession(w, ctx, sessionToken, row.id, desk.id);
    ctx.actor = { user: toUser(row), desk: toDesk(desk) };
    audit(w, ctx, 'auth.login', 'user', row.id);
  });
  return { sessionToken, user: toUser(row), desk: toDesk(desk) };
}
const BAD_PAIRING_CODE =
  'Kode pemasangan tidak berlaku: salah ketik, sudah dipakai, atau sudah lewat waktunya. Minta admin membuat kode pemasangan baru di Admin › Meja.';

/**
 * A desk joins with the admin's short code: a valid, unused, unexpired code is spent and the desk
 * gets a fresh token (the only copy leaves in this answer). The desk's previous token and sessions
 * end: the PC that paired last is the desk.
 */
export function pairWithCode(ctx: Ctx, input: ParsedInput<'auth.pair'>) {
  const parsed = parsePairingInput(input.code);
  if (!parsed)
    throw new AppFailure('PAIRING_CODE_INVALID', 'Kode pemasangan terdiri dari 8 huruf dan angka, mis. ABCD-EFGH. Periksa kembali kode dari admin.', {
      code: 'Harus 8 huruf dan angka.',
    });
  const deskToken = newToken();
  return ctx.store.tx((w) => {
    const row = ctx.store.first(
      qb
        .selectFrom('pairing_codes as p')
        .innerJoin('desks as d', 'd.id', 'p.desk_id')
        .select(['p.code_hash', 'p.expires_at', 'p.used_at', 'd.id', 'd.name', 'd.counter_no', 'd.created_at', 'd.revoked_at', 'd.status'])
        .where('p.code_hash', '=', tokenHash(parsed.code)),
    );
    const now = ctx.now();
    if (!row || row.used_at || row.revoked_at || Date.parse(row.expires_at) <= now.getTime())
      throw new AppFailure('PAIRING_CODE_INVALID', BAD_PAIRING_CODE, { code: 'Kode tidak berlaku.' });
    const at = iso(now);
    w.run(qb.updateTable('pairing_codes').set({ used_at: at }).where('code_hash', '=', row.code_hash));
    w.run(qb.updateTable('desks').set({ token_hash: tokenHash(deskToken) }).where('id', '=', row.id));
    w.run(qb.updateTable('sessions').set({ revoked_at: at }).where('desk_id', '=', row.id).where('revoked_at', 'is', null));
    audit(w, ctx, 'auth.pair', 'desk', row.id);
    return { deskToken, desk: toDesk(row) };
  });
}

let dummy: Promise<string> | null = null;
const dummyHash = (): Promise<string> => (dummy ??= hash(newToken()));

export function logout(ctx: Ctx): Record<string, never> {
  const token = ctx.token;
  if (token)
    ctx.store.tx((w) => w.run(qb.updateTable('sessions').set({ revoked_at: iso(ctx.now()) }).where('token_hash', '=', tokenHash(token))));
  return {};
}

/** The actor behind a session token, or null when it is unknown, expired or revoked. */
/** The session, its user and desk: read on every request. */
const SESSION = prepared((p: { hash: string }) =>
  qb
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .innerJoin('desks as d', 'd.id', 's.desk_id')
    .select([
      'u.id as user_id', 'u.username', 'u.full_name', 'u.roles', 'u.active',
      'd.id as desk_id', 'd.name as desk_name', 'd.counter_no', 'd.created_at as desk_created_at', 'd.revoked_at as desk_revoked_at', 'd.status as desk_status',
      's.expires_at', 's.revoked_at',
    ])
    .where('s.token_hash', '=', p.hash),
);

export function authenticate(deps: Deps, token: string | null): Actor | null {
  if (!token) return null;
  const row = deps.store.first(SESSION({ hash: tokenHash(token) }));
  if (!row || row.revoked_at || row.desk_revoked_at || row.active !== 1) return null;
  if (Date.parse(row.expires_at) <= deps.now().getTime()) return null;
  return {
    user: toUser({ id: row.user_id, username: row.username, full_name: row.full_name, roles: row.roles, active: row.active }),
    desk: toDesk({ id: row.desk_id, name: row.desk_name, counter_no: row.counter_no, created_at: row.desk_created_at, revoked_at: row.desk_revoked_at, status: row.desk_status }),
  };
}
