// Admin use cases: users and their roles, desks and their pairing tokens.
import { qb } from '../../platform/db';
import { parseRoles, type ParsedInput, type Office } from '../../../common/contract/index';
import { getOffice, officeChanged } from '../../platform/office';
import { AppFailure, audit, iso, newId, requireActor, type Ctx } from '../../platform/context';
import { hashPassword, newToken, toDesk, toUser, tokenHash } from '../auth';
import { refuseTakenCounter } from './desks';
import { hostTlsUrl } from '../network';

export function listUsers(ctx: Ctx) {
  return ctx.store.all(qb.selectFrom('users').selectAll().orderBy('username')).map(toUser);
}

export async function createUser(ctx: Ctx, input: ParsedInput<'users.create'>) {
  const passwordHash = await hashPassword(input.password);
  return ctx.store.tx((w) => {
    const username = input.username.toLowerCase();
    if (ctx.store.first(qb.selectFrom('users').select('id').where('username', '=', username)))
      throw new AppFailure('USERNAME_TAKEN', `Nama pengguna "${username}" sudah dipakai.`, { username: 'Sudah dipakai.' });
    const now = iso(ctx.now());
    const row = { id: newId(), username, full_name: input.fullName, roles: JSON.stringify([...new Set(input.roles)]), active: 1 };
    w.run(qb.insertInto('users').values({ ...row, password_hash: passwordHash, created_at: now, updated_at: now }));
    audit(w, ctx, 'users.create', 'user', row.id, { username, roles: input.roles });
    return toUser(row);
  });
}

export async function updateUser(ctx: Ctx, input: ParsedInput<'users.update'>) {
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  const me = requireActor(ctx);
  return ctx.store.tx((w) => {
    const row = ctx.store.first(qb.selectFrom('users').selectAll().where('id', '=', input.userId));
    if (!row) throw new AppFailure('NOT_FOUND', 'Pengguna tidak ditemukan.');
    const roles = input.roles ? [...new Set(input.roles)] : parseRoles(row.roles);
    const active = input.active ?? row.active === 1;
    if (row.id === me.user.id && (!active || !roles.includes('admin')))
      throw new AppFailure('SELF_LOCKOUT', 'Anda tidak dapat menonaktifkan atau mencabut peran admin dari akun Anda sendiri.');
    w.run(
      qb
        .updateTable('users')
        .set({
          full_name: input.fullName ?? row.full_name,
          roles: JSON.stringify(roles),
          active: active ? 1 : 0,
          ...(passwordHash ? { password_hash: passwordHash } : {}),
          updated_at: iso(ctx.now()),
        })
        .where('id', '=', row.id),
    );
    if (!active || passwordHash)
      w.run(qb.updateTable('sessions').set({ revoked_at: iso(ctx.now()) }).where('user_id', '=', row.id).where('revoked_at', 'is', null));
    audit(w, ctx, 'users.update', 'user', row.id, { roles: input.roles, active: input.active, passwordReset: !!passwordHash });
    return toUser(ctx.store.first(qb.selectFrom('users').selectAll().where('id', '=', row.id))!);
  });
}

export function createDesk(ctx: Ctx, input: ParsedInput<'desks.create'>) {
  const deskToken = newToken();
  return ctx.store.tx((w) => {
    refuseTakenCounter(ctx, input.counterNo);
    const row = { id: newId(), name: input.name, counter_no: input.counterNo, created_at: iso(ctx.now()), revoked_at: null };
    w.run(qb.insertInto('desks').values({ ...row, token_hash: tokenHash(deskToken) }));
    audit(w, ctx, 'desks.create', 'desk', row.id, { name: input.name, counterNo: input.counterNo });
    // The pairing code travels with what the desk PC must pin, so the admin hands over both at once.
    return { desk: toDesk(row), deskToken, hostFingerprint: ctx.host.tls?.fingerprint ?? null, hostTlsUrl: hostTlsUrl(ctx.host) };
  });
}

export function revokeDesk(ctx: Ctx, input: ParsedInput<'desks.revoke'>) {
  const me = requireActor(ctx);
  return ctx.store.tx((w) => {
    const row = ctx.store.first(qb.selectFrom('desks').selectAll().where('id', '=', input.deskId));
    if (!row) throw new AppFailure('NOT_FOUND', 'Meja tidak ditemukan.');
    if (row.id === me.desk.id) throw new AppFailure('SELF_LOCKOUT', 'Meja yang sedang Anda pakai tidak dapat dicabut dari meja itu sendiri.');
    if (!row.revoked_at) {
      const now = iso(ctx.now());
      w.run(qb.updateTable('desks').set({ revoked_at: now }).where('id', '=', row.id));
      w.run(qb.updateTable('sessions').set({ revoked_at: now }).where('desk_id', '=', row.id).where('revoked_at', 'is', null));
      audit(w, ctx, 'desks.revoke', 'desk', row.id);
    }
    return toDesk(ctx.store.first(qb.selectFrom('desks').selectAll().where('id', '=', row.id))!);
  });
}

/** The office's name, address and time zone; the zone moves the office day from the next call on. */
export function saveOffice(ctx: Ctx, input: ParsedInput<'office.save'>): Office {
  requireActor(ctx);
  return ctx.store.tx((w) => {
    const office = getOffice(w);
    if (!office) throw new AppFailure('NOT_FOUND', 'Kantor belum diatur.');
    w.run(
      qb.updateTable('office')
        .set({ name: input.name, kab_kota: input.kabKota, address: input.address, time_zone: input.timeZone, updated_at: iso(ctx.now()) })
        .where('id', '=', office.id),
    );
    officeChanged(w);
    audit(w, ctx, 'office.save', 'office', office.id, { before: office, after: input });
    return getOffice(w)!;
  });
}
