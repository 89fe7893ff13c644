// Every simulator scenario through the real client over 127.0.0.1, and the next action it leads to.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkNikAtBpjs, type BpjsConfig } from '../../main/features/membership/bpjsClient';
import { nextAction, type NextAction } from '../../common/domain/membership';
import { startFakeBpjs } from '../../scripts/fake-bpjs.mjs';

let sim: Awaited<ReturnType<typeof startFakeBpjs>>;
let config: BpjsConfig;
beforeAll(async () => {
  sim = await startFakeBpjs({ slowMs: 1_500 });
  config = { service: 'pcare', pcareUrl: sim.pcareUrl, vclaimUrl: sim.vclaimUrl, ...sim.credentials, timeoutMs: 800 };
});
afterAll(() => sim.close());

const nik = (serial: string) => `317101410190${serial}`;
const noWait = { date: '2026-11-25', sleep: async () => undefined };

describe.each(['pcare', 'vclaim'] as const)('simulator scenarios over %s', (service) => {
  it.each<[string, string, string, NextAction]>([
    ['0001', 'active PBI APBN', 'active', 'request_eid'],
    ['0002', 'active PBI APBD', 'active', 'request_eid'],
    ['0003', 'active self-paying', 'active', 'request_eid'],
    ['0004', 'inactive for arrears', 'inactive', 'form_transfer'],
    ['0005', 'deceased', 'inactive', 'officer_decides'],
    ['0006', 'not found', 'not_found', 'form_new_participant'],
    ['0007', 'duplicated NIK', 'not_found', 'disdukcapil'],
    ['0008', 'slow (past the timeout)', 'error', 'retry_or_manual'],
    ['0009', '5xx', 'error', 'retry_or_manual'],
    ['0010', 'HTML error page', 'error', 'retry_or_manual'],
    ['0011', 'bad credentials', 'error', 'retry_or_manual'],
    ['0012', 'garbage', 'error', 'retry_or_manual'],
    ['0013', 'empty body', 'error', 'retry_or_manual'],
    ['0014', 'answer for another NIK', 'error', 'retry_or_manual'],
    ['0015', 'wrong key', 'error', 'retry_or_manual'],
  ])('%s %s → %s, %s', async (serial, _what, kind, action) => {
    const r = await checkNikAtBpjs({ ...config, service }, nik(serial), noWait);
    expect(r.kind).toBe(kind);
    expect(nextAction(r, { hasCard: false })).toBe(action);
    if (r.kind === 'active') expect(r.participantCode).toBe({ '0001': '21', '0002': '22', '0003': '14' }[serial]);
    if (r.kind === 'error') expect(r.reason).toMatch(/BPJS|Jawaban/);
  });
});

describe('simulator checks what BPJS checks', () => {
  it('refuses a wrong secret (signature) and a wrong P-Care password', async () => {
    const bad = await checkNikAtBpjs({ ...config, secret: 'salah' }, nik('0001'), noWait);
    expect(bad).toMatchObject({ kind: 'error' });
    expect(bad.kind === 'error' && bad.reason).toContain('kredensial');
    const badPass = await checkNikAtBpjs({ ...config, pcarePassword: 'salah' }, nik('0001'), noWait);
    expect(badPass.kind === 'error' && badPass.reason).toContain('kredensial');
  });

  it('refuses a timestamp far from now', async () => {
    const r = await checkNikAtBpjs(config, nik('0001'), { ...noWait, clock: () => Date.now() - 3_600_000 });
    expect(r.kind === 'error' && r.reason).toContain('kredensial');
  });

  it('retries a 5xx a bounded number of times, and an unreachable service too', async () => {
    const before = sim.requests.filter((q) => q.nik === nik('0009')).length;
    await checkNikAtBpjs(config, nik('0009'), noWait);
    expect(sim.requests.filter((q) => q.nik === nik('0009')).length - before).toBe(3);
    const down = await checkNikAtBpjs({ ...config, pcareUrl: 'http://127.0.0.1:9/pcare-rest/' }, nik('0001'), noWait);
    expect(down.kind === 'error' && down.reason).toContain('tidak dapat dihubungi');
  });
});
