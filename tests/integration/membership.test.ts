// The family on the KK and its membership checks, against the BPJS simulator on 127.0.0.1 and the
// in-process host on a real SQLite file.
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerEvent } from '../../common/contract/index';
import { retryPendingChecks, startRetryLoop } from '../../main/features/membership';
import { qb } from '../../main/platform/db';
import { startFakeBpjs } from '../../scripts/fake-bpjs.mjs';
import { FAMILY_KK, FIVE_OUTCOMES, member, nikWith } from '../helpers/family';
import { inProcessHost } from '../helpers/inproc';

let sim: Awaited<ReturnType<typeof startFakeBpjs>>;
beforeAll(async () => (sim = await startFakeBpjs({ slowMs: 3_000 })));
afterAll(() => sim.close());

async function desk() {
  const h = inProcessHost(new Date('2026-11-25T02:00:00Z'));
  const { tokens } = await h.setup();
  const t = await h.ok('queue.issue', { serviceCode: 'A', priority: null }, tokens.satpam1);
  await h.ok('queue.callNext', { stage: 'resepsionis' }, tokens.resep1);
  await h.ok('cases.save', { ticketId: t.id, nik: nikWith('0001'), name: 'Siti Aminah', kk: FAMILY_KK, phone: '0812 3456 789', purpose: 'Cek kepesertaan' }, tokens.resep1);
  const family = { ticketId: t.id, kk: FAMILY_KK, address: 'Jl. Kebon Kelapa No. 5, RT 002/RW 003', headName: 'Budi Santoso' };
  const configure = (over: Record<string, unknown> = {}) =>
    h.ok('membership.settings.save', { service: 'pcare', pcareUrl: sim.pcareUrl, vclaimUrl: sim.vclaimUrl, ...sim.credentials, timeoutMs: 1_000, ...over }, tokens.admin);
  return { h, tokens, ticketId: t.id, family, configure };
}

describe('family on the KK', () => {
  it('starts from the visitor as member #1 and names the areas of the numbers', async () => {
    const { h, tokens, ticketId } = await desk();
    const f = await h.ok('cases.family.get', { ticketId }, tokens.resep1);
    expect(f).toMatchObject({ stored: false, kk: FAMILY_KK, members: [{ nik: nikWith('0001'), name: 'Siti Aminah', sex: 'P', birthDate: '1990-01-01' }] });
    expect(f!.kkArea.name).toBe('Kec. Gambir, Kota Administrasi Jakarta Pusat, DKI Jakarta');
    expect(await h.ok('cases.area', { number: '3204990101900001' }, tokens.resep1)).toMatchObject({ error: null, warning: expect.stringContaining('320499') });
    expect((await h.ok('cases.area', { number: '9901010101900001' }, tokens.resep1)).error).toContain('provinsi 99');
  });

  it('refuses bad families with Indonesian messages and keeps what was stored', async () => {
    const { h, tokens, family } = await desk();
    await h.ok('cases.family.save', { ...family, members: FIVE_OUTCOMES }, tokens.resep1);
    const before = await h.ok('cases.family.get', { ticketId: family.ticketId }, tokens.resep1);
    const refused = async (input: Record<string, unknown>) => {
      const r = await h.call('cases.family.save', { ...family, members: FIVE_OUTCOMES, ...input } as never, tokens.resep1);
      expect(r.ok).toBe(false);
      return r.ok ? {} : (expect(r.error.code).toBe('VALIDATION'), r.error.fields ?? {});
    };
    expect((await refused({ members: [] })).members).toBe('Isi sedikitnya satu anggota keluarga (pengunjung sendiri).');
    const thirty = Array.from({ length: 30 }, (_, i) => member(String(1000 + i), `Anak ${i}`, 'anak'));
    expect((await refused({ members: thirty })).members).toContain('sekarang 30');
    expect((await refused({ members: [member('12', 'X', 'anak')] }))['members.0.nik']).toContain('16 digit');
    expect((await refused({ members: [{ ...member('0001', 'X', 'anak'), nik: '3171013201900001' }] }))['members.0.nik']).toContain('tidak mungkin');
    expect((await refused({ kk: '9901012001150003' })).kk).toContain('Kode provinsi 99');
    expect((await refused({ kk: '31710120011500' })).kk).toContain('16 digit');
    expect((await refused({ members: [FIVE_OUTCOMES[0]!, FIVE_OUTCOMES[0]!] }))['members.1.nik']).toContain('anggota 1');
    expect((await refused({ headName: '' })).headName).toBeDefined();
    expect(await h.ok('cases.family.get', { ticketId: family.ticketId }, tokens.resep1)).toEqual(before);
    // An unknown district only warns (older NIKs keep codes of districts split later).
    const saved = await h.ok('cases.family.save', { ...family, members: [...FIVE_OUTCOMES, member('0002', 'Cucu', 'cucu')].map((m, i) => (i === 5 ? { ...m, nik: '3171994101900002' } : m)) }, tokens.resep1);
    expect(saved.warnings.map((w) => w.field)).toContain('members.5.nik');
  });

  it('finds the family stored at an earlier visit of the same KK', async () => {
    const { h, tokens, family } = await desk();
    await h.ok('cases.family.save', { ...family, members: FIVE_OUTCOMES }, tokens.resep1);
    const found = await h.ok('cases.family.lookup', { kk: '3171 0120 0115 0003' }, tokens.resep2);
    expect(found?.members.map((m) => m.name)).toEqual(FIVE_OUTCOMES.map((m) => m.name));
    expect(await h.ok('cases.family.lookup', { kk: '3171012001150099' }, tokens.resep2)).toBeNull();
  });
});

describe('BPJS settings', () => {
  it('keeps secrets sealed at rest with a 0600 key file, never returned, never audited', async () => {
    const { h, tokens, configure } = await desk();
    const view = await configure();
    expect(view.stored).toEqual({ secret: true, userKey: true, pcarePassword: true });
    expect(JSON.stringify(await h.ok('membership.settings.get', {}, tokens.admin))).not.toContain(sim.credentials.secret);
    const db = readFileSync(join(h.dir, 'loket.sqlite')).toString('latin1') + readFileSync(join(h.dir, 'loket.sqlite-wal')).toString('latin1');
    for (const s of [sim.credentials.secret, sim.credentials.userKey, sim.credentials.pcarePassword]) expect(db).not.toContain(s);
    expect(statSync(join(h.dir, 'secret.key')).mode & 0o777).toBe(0o600);
    // Saving again without secrets keeps them.
    await configure({ secret: undefined, userKey: '', pcarePassword: undefined });
    expect(await h.ok('membership.settings.test', {}, tokens.admin)).toMatchObject({ ok: true });
  });

  it('refuses a URL that is not http(s), and tells a wrong secret apart', async () => {
    const { h, tokens, configure } = await desk();
    const r = await h.call('membership.settings.save', { service: 'pcare', pcareUrl: 'ftp://bpjs', vclaimUrl: '', consId: '1', pcareUser: '', appCode: '095', timeoutMs: 1000 }, tokens.admin);
    expect(!r.ok && r.error.fields?.pcareUrl).toContain('http');
    await configure({ secret: 'salah' });
    const test = await h.ok('membership.settings.test', {}, tokens.admin);
    expect(test.ok).toBe(false);
    expect(test.message).toContain('kredensial');
  });
});

describe('checking the whole KK', () => {
  it('checks five members at once, each with its next action, confirmed or overridden with a reason', async () => {
    const { h, tokens, family, configure } = await desk();
    await configure();
    await h.ok('cases.family.save', { ...family, members: FIVE_OUTCOMES }, tokens.resep1);
    const { checks } = await h.ok('membership.checkFamily', { ticketId: family.ticketId }, tokens.resep1);
    expect(checks.map((c) => [c.status, c.nextAction])).toEqual([
      ['active', 'request_eid'], ['active', 'continue'], ['inactive', 'form_transfer'], ['not_found', 'form_new_participant'], ['not_found', 'disdukcapil'],
    ]);
    const nik = FIVE_OUTCOMES[3]!.nik;
    const noReason = await h.call('membership.decide', { ticketId: family.ticketId, nik, action: 'officer_decides', reason: '' }, tokens.resep1);
    expect(!noReason.ok && noReason.error.fields?.reason).toBeTruthy();
    await h.ok('membership.decide', { ticketId: family.ticketId, nik: FIVE_OUTCOMES[0]!.nik, action: 'request_eid' }, tokens.resep1);
    const after = await h.ok('membership.decide', { ticketId: family.ticketId, nik, action: 'officer_decides', reason: 'Ibu membawa surat BPJS lama' }, tokens.resep1);
    expect(after.checks[0]!.decision).toMatchObject({ overridden: false, by: 'RESEP1' });
    expect(after.checks[3]!.decision).toMatchObject({ overridden: true, action: 'officer_decides', reason: 'Ibu membawa surat BPJS lama' });
    const audits = h.store.all(qb.selectFrom('audit').select(['action', 'detail']).where('action', 'like', 'membership.%'));
    expect(audits.some((a) => a.action === 'membership.override' && a.detail!.includes('Ibu membawa surat BPJS lama'))).toBe(true);
    expect(audits.some((a) => a.action === 'membership.confirm')).toBe(true);
    expect(h.events.some((e) => e.type === 'membership.changed')).toBe(true);

    const sheet = await h.ok('membership.sheet', { ticketId: family.ticketId }, tokens.resep1);
    const file = join(h.dir, sheet.fileName);
    writeFileSync(file, Buffer.from(sheet.base64, 'base64'));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('HASIL PENGECEKAN KEPESERTAAN JKN');
    for (const m of FIVE_OUTCOMES) expect(text).toContain(m.nik);
    expect(text).toMatch(/Form Pengalihan/);
    expect(text).toMatch(/Disdukcapil/);
  });

  it('records bad BPJS answers as "belum dicek" with their reasons, keeping the family as it was', async () => {
    const { h, tokens, family, configure } = await desk();
    await configure();
    const odd = ['0010', '0012', '0013', '0014', '0015'].map((s) => member(s, `Anggota ${s}`, 'anak'));
    await h.ok('cases.family.save', { ...family, members: odd }, tokens.resep1);
    const before = await h.ok('cases.family.get', { ticketId: family.ticketId }, tokens.resep1);
    const { checks } = await h.ok('membership.checkFamily', { ticketId: family.ticketId }, tokens.resep1);
    expect(checks.every((c) => c.status === 'unchecked' && c.nextAction === 'retry_or_manual')).toBe(true);
    expect(checks.map((c) => c.reason)).toEqual([
      expect.stringContaining('HTML'), expect.stringContaining('bukan data JSON'), expect.stringContaining('kosong'),
      expect.stringContaining('NIK lain'), expect.stringContaining('kunci'),
    ]);
    expect(await h.ok('cases.family.get', { ticketId: family.ticketId }, tokens.resep1)).toEqual(before);
  });

  it('offline: records "belum dicek", takes a manual P-Care result, and retries the rest by itself when BPJS returns', async () => {
    const { h, tokens, family, configure } = await desk();
    await configure();
    await h.ok('cases.family.save', { ...family, members: FIVE_OUTCOMES }, tokens.resep1);
    sim.setOutage(true);
    try {
      const { checks } = await h.ok('membership.checkFamily', { ticketId: family.ticketId }, tokens.resep1);
      expect(checks.map((c) => c.status)).toEqual(Array(5).fill('unchecked'));
      expect(checks[0]!.reason).toContain('tidak dapat dihubungi');
      const manual = await h.ok('membership.recordManual', { ticketId: family.ticketId, nik: FIVE_OUTCOMES[2]!.nik, status: 'inactive', inactiveReason: 'arrears', note: 'Dilihat di P-Care HP' }, tokens.resep1);
      expect(manual.checks[2]).toMatchObject({ source: 'manual', status: 'inactive', nextAction: 'form_transfer', checkedBy: 'RESEP1' });
      // Still down when the first retry falls due: the row stays owed, with more attempts.
      h.advance(60);
      expect(await retryPendingChecks(h.deps, () => undefined)).toBe(0);
    } finally {
      sim.setOutage(false);
    }
    h.advance(120);
    const published: ServerEvent[] = [];
    const changed = new Promise<void>((resolve) => {
      const stop = startRetryLoop(h.deps, (e) => {
        published.push(e);
        void stop().then(resolve);
      }, 20);
    });
    await changed;
    expect(published).toEqual([{ type: 'membership.changed', ticketId: family.ticketId }]);
    const { checks } = await h.ok('membership.list', { ticketId: family.ticketId }, tokens.resep1);
    expect(checks.map((c) => [c.status, c.source, c.changedByRetry])).toEqual([
      ['active', 'bpjs', true], ['active', 'bpjs', true], ['inactive', 'manual', false], ['not_found', 'bpjs', true], ['not_found', 'bpjs', true],
    ]);
    // Nothing is owed any more.
    h.advance(3_600);
    expect(await retryPendingChecks(h.deps, () => undefined)).toBe(0);
  });

  it('asks for the family and the settings first', async () => {
    const { h, tokens, family, configure } = await desk();
    const noFamily = await h.call('membership.checkFamily', { ticketId: family.ticketId }, tokens.resep1);
    expect(!noFamily.ok && noFamily.error.code).toBe('FAMILY_REQUIRED');
    await h.ok('cases.family.save', { ...family, members: FIVE_OUTCOMES }, tokens.resep1);
    const noSettings = await h.call('membership.checkFamily', { ticketId: family.ticketId }, tokens.resep1);
    expect(!noSettings.ok && noSettings.error.code).toBe('BPJS_NOT_CONFIGURED');
    await configure();
    expect((await h.ok('membership.checkFamily', { ticketId: family.ticketId }, tokens.resep1)).checks).toHaveLength(5);
  });
});
