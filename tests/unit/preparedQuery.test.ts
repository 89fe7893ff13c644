// platform/db `prepared`: a query built once with placeholders gives exactly the SQL and parameters
// kysely builds for the real values, and refuses a placeholder it cannot bind.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { prepared, qb } from '../../main/platform/db';

describe('prepared queries', () => {
  it('compiles to the same SQL and parameters as building the query with the values', () => {
    const build = (p: { day: string; userId: string }) =>
      qb.selectFrom('tickets').select(['label']).where('day', '=', p.day).where('handled_by', '=', p.userId)
        .where('status', 'in', ['called', 'serving']).orderBy('called_at').limit(1);
    const once = prepared(build);
    for (const args of [{ day: '2026-11-28', userId: 'u1' }, { day: '2026-11-29', userId: 'u2' }]) {
      const direct = build(args).compile();
      const made = once(args).compile();
      expect(made.sql).toBe(direct.sql);
      expect(made.parameters).toEqual(direct.parameters);
    }
  });

  it('binds a parameter used twice (an upsert) in both places', () => {
    const upsert = prepared((p: { key: string; value: string }) =>
      qb.insertInto('settings').values({ key: p.key, value: p.value }).onConflict((oc) => oc.column('key').doUpdateSet({ value: p.value })));
    expect(upsert({ key: 'k', value: 'v' }).compile().parameters).toEqual(['k', 'v', 'v']);
  });

  it('refuses a placeholder that would land in the SQL text or never be bound', () => {
    expect(() => prepared((p: { column: string }) => qb.selectFrom('tickets').select(sql.raw<string>(p.column).as('x')))).toThrow(/SQL text/);
    expect(() => prepared((p: { day: string }) => qb.selectFrom('tickets').select('label').where('day', '=', p.day.length > 0 ? 'x' : 'y'))).toThrow(/not a bound parameter/);
  });
});
