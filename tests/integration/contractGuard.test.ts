// The promises the contract makes, kept by code: outputs are parsed with their schema (a field the
// contract does not name fails in tests, is stripped in production), personal data and passwords
// never travel over plain HTTP from another PC, slices cannot define a name twice, and nothing
// writes outside a transaction.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract, mergeSlices, entry, CALL_NAMES, type Ticket } from '../../common/contract/index';
import { handlers } from '../../main/app/handlers';
import { authenticate } from '../../main/features/auth';
import { Store, qb } from '../../main/platform/db';
import { migrate } from '../../main/platform/db/migrate';
import { createJobRunner } from '../../main/platform/jobs/runner';
import type { Ctx, Deps } from '../../main/platform/context';
import { createDispatcher, INSECURE_MESSAGE } from '../../main/platform/transport/dispatch';
import { createHttpServer, createSocketHub } from '../../main/platform/transport/http';
import { createBus } from '../../main/platform/transport/bus';
import { CupsPrinter } from '../../main/features/devices';
import { FIRST_RUN, inProcessHostInfo } from '../helpers/factories';
import { tempDir } from '../helpers/host';

const stores: Store[] = [];
afterAll(() => stores.forEach((s) => s.close()));

function deps(): Deps {
  const dir = tempDir('loket-guard-');
  const store = new Store(join(dir, 'loket.sqlite'));
  stores.push(store);
  migrate(store);
  const now = () => new Date('2026-11-27T01:00:00Z');
  return { store, now, printer: new CupsPrinter(), host: inProcessHostInfo(), jobs: createJobRunner({ now, publish: () => {} }), dataDir: dir, dbFile: join(dir, 'loket.sqlite') };
}

const LOCAL = { remote: '127.0.0.1', secure: false };
const LAN_HTTP = { remote: '192.168.1.20', secure: false };
const LAN_HTTPS = { remote: '192.168.1.20', secure: true };

/** First run from this PC, then a satpam session: what the tests below call with. */
async function office(dispatch: ReturnType<typeof createDispatcher>) {
  const first = await dispatch('setup.firstRun', null, FIRST_RUN, LOCAL);
  if (!first.ok) throw new Error(first.error.message);
  return (first.value as { sessionToken: string }).sessionToken;
}

describe('outputs are parsed with the contract', () => {
  // A handler that leaks a personal field into a Ticket, as a careless query would.
  const leaky = {
    ...handlers,
    'queue.issue': async (ctx: Ctx, input: never) => ({ ...(await handlers['queue.issue'](ctx, input)), nik: '3201011501900003' }),
  } as typeof handlers;

  it('fails the call in development and tests when an output carries a field its schema does not name', async () => {
    const d = deps();
    const dispatch = createDispatcher({ deps: d, publish: () => {}, handlers: leaky, authenticate, outputCheck: 'strict' });
    const admin = await office(dispatch);
    const r = await dispatch('queue.issue', admin, { serviceCode: 'A', priority: null }, LOCAL);
    expect(r).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('strips such a field in production, and the answer still parses as a Ticket', async () => {
    const d = deps();
    const dispatch = createDispatcher({ deps: d, publish: () => {}, handlers: leaky, authenticate, outputCheck: 'strip' });
    const admin = await office(dispatch);
    const r = await dispatch('queue.issue', admin, { serviceCode: 'A', priority: null }, LOCAL);
    expect(r.ok).toBe(true);
    const ticket = (r as { value: Ticket & { nik?: string } }).value;
    expect(ticket.label).toBe('A-001');
    expect('nik' in ticket).toBe(false);
  });

  it('passes the real handlers untouched', async () => {
    const d = deps();
    const dispatch = createDispatcher({ deps: d, publish: () => {}, handlers, authenticate, outputCheck: 'strict' });
    const admin = await office(dispatch);
    expect(await dispatch('queue.issue', admin, { serviceCode: 'A', priority: 'lansia' }, LOCAL)).toMatchObject({ ok: true, value: { label: 'A-001', priority: 'lansia' } });
  });
});

describe('personal data and passwords never cross the LAN in clear', () => {
  const PERSONAL_KEYS = ['nik', 'kk', 'password', 'adminPassword', 'phone', 'birthDate', 'text'];
  const keysOf = (schema: z.ZodType): string[] => {
    const def = (schema as unknown as { def: { type: string; shape?: Record<string, z.ZodType>; element?: z.ZodType; innerType?: z.ZodType; options?: z.ZodType[] } }).def;
    if (def.type === 'object' && def.shape) return Object.entries(def.shape).flatMap(([k, v]) => [k, ...keysOf(v)]);
    if (def.type === 'array' && def.element) return keysOf(def.element);
    if ((def.type === 'nullable' || def.type === 'optional' || def.type === 'default') && def.innerType) return keysOf(def.innerType);
    if (def.type === 'union' && def.options) return def.options.flatMap(keysOf);
    return [];
  };

  it('marks every entry whose input or output names a personal field or a password as personal', () => {
    const unmarked = CALL_NAMES.filter((name) => {
      const e = contract[name] as { input: z.ZodType; output: z.ZodType; personal?: boolean };
      const keys = [...keysOf(e.input), ...keysOf(e.output)];
      return keys.some((k) => PERSONAL_KEYS.includes(k)) && !e.personal;
    });
    expect(unmarked).toEqual([]);
    expect(CALL_NAMES.filter((n) => (contract[n] as { personal?: boolean }).personal)).toEqual(
      expect.arrayContaining(['auth.login', 'setup.firstRun', 'users.create', 'users.update', 'cases.get', 'cases.save']),
    );
  });

  it('refuses a personal call over plain HTTP from another PC, in Indonesian, before reading it', async () => {
    const d = deps();
    const dispatch = createDispatcher({ deps: d, publish: () => {}, handlers, authenticate, outputCheck: 'strict' });
    await office(dispatch);
    const login = await dispatch('auth.login', null, { deskToken: 'x'.repeat(20), username: 'admin', password: FIRST_RUN.adminPassword }, LAN_HTTP);
    expect(login).toEqual({ ok: false, error: { code: 'INSECURE_TRANSPORT', message: INSECURE_MESSAGE } });
    expect(INSECURE_MESSAGE).toMatch(/HTTPS/);
    // Over HTTPS the same call reaches the use case (and fails on the made-up desk token).
    expect(await dispatch('auth.login', null, { deskToken: 'x'.repeat(20), username: 'admin', password: 'salah-sandi' }, LAN_HTTPS)).toMatchObject({
      ok: false,
      error: { code: 'DESK_NOT_PAIRED' },
    });
    // Numbers only: the board and the kiosk's ticket calls need no encryption.
    expect(await dispatch('display.state', null, {}, LAN_HTTP)).toMatchObject({ ok: true });
  });

  it('applies the rule to what the HTTP listener sees as the caller, not to what the caller says', async () => {
    const d = deps();
    const bus = createBus();
    const dispatch = createDispatcher({ deps: d, publish: bus.publish, handlers, authenticate, outputCheck: 'strict' });
    const hub = createSocketHub(bus, () => ({ officeName: 'x', timeZone: 'Asia/Jakarta', current: null, recentByCounter: [] }));
    const app = await createHttpServer(d, hub, { rendererDir: null, dispatch, authenticate, certificatePem: '-----BEGIN CERTIFICATE-----\nAA==\n-----END CERTIFICATE-----\n' });
    try {
      const body = { ticketId: 'abc' };
      const fromLan = await app.inject({ method: 'POST', url: '/api/cases.get', payload: body, remoteAddress: '192.168.1.20', headers: { 'x-forwarded-for': '127.0.0.1' } });
      expect(fromLan.json()).toMatchObject({ ok: false, error: { code: 'INSECURE_TRANSPORT' } });
      const fromHere = await app.inject({ method: 'POST', url: '/api/cases.get', payload: body, remoteAddress: '127.0.0.1' });
      expect(fromHere.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
      const page = await app.inject({ method: 'GET', url: '/' });
      expect(page.headers['content-security-policy']).toMatch(/script-src 'self'/);
      // A kiosk or TV browser gets the certificate to trust from the host itself.
      const cert = await app.inject({ method: 'GET', url: '/loket-host.crt', remoteAddress: '192.168.1.20' });
      expect(cert.statusCode).toBe(200);
      expect(cert.body).toContain('BEGIN CERTIFICATE');
    } finally {
      await app.close();
      hub.close();
    }
  });
});

describe('the contract is one map with one entry per name', () => {
  it('refuses a name defined in two slices', () => {
    const a = { 'x.one': entry(z.object({}), z.object({}), 'staff') };
    const b = { 'x.one': entry(z.object({}), z.object({}), 'staff') };
    // @ts-expect-error the compiler names the duplicate
    expect(() => mergeSlices(a, b)).toThrow(/x\.one/);
  });
  it('has a handler for every entry and no other', () => {
    expect(Object.keys(handlers).sort()).toEqual([...CALL_NAMES].sort());
  });
});

describe('writes happen only inside a transaction', () => {
  it('hands out the write handle only in tx, and a kept handle refuses to write afterwards', () => {
    const d = deps();
    let kept: Parameters<Parameters<Store['tx']>[0]>[0] | null = null;
    d.store.tx((w) => {
      kept = w;
      w.run(qb.insertInto('settings').values({ key: 'k', value: 'v' }));
    });
    expect(d.store.first(qb.selectFrom('settings').select('value').where('key', '=', 'k'))?.value).toBe('v');
    expect(() => kept!.run(qb.deleteFrom('settings').where('key', '=', 'k'))).toThrow(/outside a transaction/);
    // @ts-expect-error the store's write method is private: use cases only write through tx's handle
    expect(() => d.store.run(qb.deleteFrom('settings'))).toThrow(/outside a transaction/);
  });
});
