// Desks as the admin sets them up: which services each desk calls, its counter number (one desk per
// number, so the voice never sends visitors to two desks), short pairing codes; and the desk's own
// open / paused / closed state.
import { randomBytes } from 'node:crypto';
import { qb } from '../../platform/db';
import type { DeskWithServices, ParsedInput } from '../../../common/contract/index';
import { pairingCodeFrom, pairingLink, PAIRING_CODE_MINUTES } from '../../../common/domain/pairing';
import { AppFailure, audit, iso, requireActor, type Ctx } from '../../platform/context';
import type { Deps } from '../../platform/context';
import { toDesk, tokenHash } from '../auth';
import { hostTlsUrl } from '../network';
import { qrPath } from '../visitor';

function servicesOf(deps: Pick<Deps, 'store'>): Map<string, string[]> {
  const rows = deps.store.all(
    qb.selectFrom('desk_services as ds').innerJoin('services as s', 's.id', 'ds.service_id').select(['ds.desk_id', 's.code']).orderBy('s.code'),
  );
  const map = new Map<string, string[]>();
  for (const r of rows) map.set(r.desk_id, [...(map.get(r.desk_id) ?? []), r.code]);
  return map;
}

export function listDesks(ctx: Ctx): DeskWithServices[] {
  const services = servicesOf(ctx);
  return ctx.store
    .all(qb.selectFrom('desks').selectAll().orderBy('counter_no').orderBy('created_at'))
    .map((r) => ({ ...toDesk(r), serviceCodes: services.get(r.id) ?? [] }));
}

function deskRow(ctx: Ctx, deskId: string) {
  const row = ctx.store.first(qb.selectFrom('desks').selectAll().where('id', '=', deskId));
  if (!row) throw new AppFailure('NOT_FOUND', 'Meja tidak ditemukan.');
  return row;
}

/** Inside the caller's transaction: a counter number belongs to one desk that is not revoked. */
export function refuseTakenCounter(ctx: Ctx, counterNo: number): void {
  const holder = ctx.store.first(
    qb.selectFrom('desks').select('name').where('counter_no', '=', counterNo).where('revoked_at', 'is', null).limit(1),
  );
  if (holder)
    throw new AppFailure(
      'COUNTER_TAKEN',
      `Nomor loket ${counterNo} sudah dipakai meja "${holder.name}". Pilih nomor lain, atau cabut meja itu dulu.`,
      { counterNo: `Sudah dipakai meja "${holder.name}".` },
    );
}

export function setDeskServices(ctx: Ctx, input: ParsedInput<'desks.setServices'>): DeskWithServices {
  return ctx.store.tx((w) => {
    const desk = deskRow(ctx, input.deskId);
    const codes = [...new Set(input.serviceCodes.map((c) => c.toUpperCase()))];
    const services = codes.length ? ctx.store.all(qb.selectFrom('services').select(['id', 'code']).where('code', 'in', codes)) : [];
    const unknown = codes.filter((c) => !services.some((s) => s.code === c));
    if (unknown.length) throw new AppFailure('NOT_FOUND', `Layanan ${unknown.join(', ')} tidak ditemukan.`, { serviceCodes: 'Layanan tidak dikenal.' });
    w.run(qb.deleteFrom('desk_services').where('desk_id', '=', desk.id));
    if (services.length) w.run(qb.insertInto('desk_services').values(services.map((s) => ({ desk_id: desk.id, service_id: s.id }))));
    audit(w, ctx, 'desks.setServices', 'desk', desk.id, { serviceCodes: codes });
    return { ...toDesk(desk), serviceCodes: services.map((s) => s.code).sort() };
  });
}

export function setDeskStatus(ctx: Ctx, input: ParsedInput<'desks.setStatus'>) {
  const actor = requireActor(ctx);
  return ctx.store.tx((w) => {
    const desk = deskRow(ctx, actor.desk.id);
    if (desk.status !== input.status) {
      w.run(qb.updateTable('desks').set({ status: input.status, status_at: iso(ctx.now()) }).where('id', '=', desk.id));
      audit(w, ctx, 'desks.setStatus', 'desk', desk.id, { from: desk.status, to: input.status });
    }
    return toDesk({ ...desk, status: input.status });
  });
}

export function pairingCode(ctx: Ctx, input: ParsedInput<'desks.pairingCode'>) {
  const me = requireActor(ctx);
  return ctx.store.tx((w) => {
    const desk = deskRow(ctx, input.deskId);
    if (desk.revoked_at) throw new AppFailure('INVALID_STATE', `Meja "${desk.name}" sudah dicabut. Buat meja baru.`);
    // Pairing replaces the desk's token: done to the desk in use here, it would lock this PC out.
    if (desk.id === me.desk.id) throw new AppFailure('SELF_LOCKOUT', 'Kode pemasangan dibuat untuk meja lain, bukan untuk meja yang sedang Anda pakai.');
    const bytes = randomBytes(64);
    let i = 0;
    const code = pairingCodeFrom(() => (i < bytes.length ? bytes[i++]! : randomBytes(1)[0]!));
    const now = ctx.now();
    const expiresAt = iso(new Date(now.getTime() + PAIRING_CODE_MINUTES * 60_000));
    // One code per desk at a time: a new one replaces what was not used.
    w.run(qb.deleteFrom('pairing_codes').where('desk_id', '=', desk.id).where('used_at', 'is', null));
    w.run(qb.insertInto('pairing_codes').values({ code_hash: tokenHash(code), desk_id: desk.id, created_at: iso(now), expires_at: expiresAt, used_at: null }));
    audit(w, ctx, 'desks.pairingCode', 'desk', desk.id, { expiresAt });
    const url = hostTlsUrl(ctx.host);
    const fingerprint = ctx.host.tls?.fingerprint ?? null;
    const qrText = pairingLink(code, url, fingerprint);
    return { desk: toDesk(desk), code, expiresAt, hostTlsUrl: url, hostFingerprint: fingerprint, qrText, qr: qrPath(qrText) };
  });
}
