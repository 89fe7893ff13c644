// Saved register views: a name, the filters, the sort and the chosen columns, per user.
import type { ParsedInput } from '../../../common/contract/index';
import { RegisterViewSpec } from '../../../common/contract/register';
import { AppFailure, audit, iso, newId, requireActor, type Ctx } from '../../platform/context';
import { qb } from '../../platform/db';

const toView = (r: { id: string; name: string; spec: string }) => ({ id: r.id, name: r.name, spec: RegisterViewSpec.parse(JSON.parse(r.spec)) });

export function listViews(ctx: Ctx) {
  const user = requireActor(ctx).user;
  return ctx.store.all(qb.selectFrom('register_views').selectAll().where('user_id', '=', user.id).orderBy('name')).map(toView);
}

/** Saving under an existing name replaces that view. */
export function saveView(ctx: Ctx, input: ParsedInput<'register.saveView'>) {
  const user = requireActor(ctx).user;
  return ctx.store.tx((w) => {
    const existing = w.first(qb.selectFrom('register_views').select('id').where('user_id', '=', user.id).where('name', '=', input.name));
    const id = existing?.id ?? newId();
    const spec = JSON.stringify(input.spec);
    if (existing) w.run(qb.updateTable('register_views').set({ spec }).where('id', '=', id));
    else w.run(qb.insertInto('register_views').values({ id, user_id: user.id, name: input.name, spec, created_at: iso(ctx.now()) }));
    audit(w, ctx, 'register.saveView', 'register_view', id, { name: input.name });
    return toView({ id, name: input.name, spec });
  });
}

export function deleteView(ctx: Ctx, id: string) {
  const user = requireActor(ctx).user;
  return ctx.store.tx((w) => {
    const n = w.run(qb.deleteFrom('register_views').where('id', '=', id).where('user_id', '=', user.id));
    if (!n) throw new AppFailure('NOT_FOUND', 'Tampilan tersimpan tidak ditemukan.');
    audit(w, ctx, 'register.deleteView', 'register_view', id);
    return { id };
  });
}

export function registerOptions(ctx: Ctx) {
  return {
    hospitals: ctx.store.all(qb.selectFrom('hospitals').select(['id', 'name']).orderBy('name')),
    officers: ctx.store.all(qb.selectFrom('users').select(['id', 'full_name as name']).where('roles', 'like', '%tim_rujukan%').orderBy('full_name')),
    types: ctx.store.all(qb.selectFrom('letter_types').select(['id', 'name']).orderBy('sort')),
  };
}
