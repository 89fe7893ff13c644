// The register reaches the central server through the real host: a letter received, checked,
// drafted, approved and signed at the office, and a follow-up opened and advanced, arrive at the
// server with their statuses; the public verification page then proves the signed letter by its
// QR token and its PDF's hash. With the guard triggers on (the host process installs them), any
// write to letters or followups outside the write path would have failed these calls.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, setupOffice, startHostProcess, type HostProcess } from '../helpers/host';
import { startTestCentral, type TestCentral } from '../helpers/central';
import { startChaosProxy, type ChaosProxy } from '../helpers/chaosProxy';
import Database from 'better-sqlite3';
import { draftedLetter, letterOffice } from '../helpers/letters';
import type { CallInput, CallName } from '../../common/contract/index';
import { GUARD_MESSAGE } from '../../main/platform/sync/guard';

let central: TestCentral;
let host: HostProcess;
let proxy: ChaosProxy;

beforeAll(async () => {
  process.env.LOKET_SYNC_INTERVAL_MS = '300';
  process.env.LOKET_SYNC_PROBE_MS = '250';
  central = await startTestCentral();
  proxy = await startChaosProxy(central.url, 1);
  host = await startHostProcess();
}, 60_000);
afterAll(async () => {
  await host?.stop();
  await proxy?.close();
  await central?.close();
});

async function until<T>(what: string, fn: () => Promise<T | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('letters and follow-ups sync', () => {
  it('a signed letter and an advanced follow-up reach the server; the verification page proves the letter', async () => {
    const office = await setupOffice(host.url);
    const call = <N extends CallName>(name: N, input: CallInput<N>, token?: string) => ok(host.url, name, input, token);
    const o = await letterOffice(call, office.tokens.admin!, office.deskToken);
    const officeId = await central.createOffice('Dinkes Kab. Musi Banyuasin');
    await call('sync.enrol', { serverUrl: proxy.url, code: await central.enrolCode(officeId), requestId: uuidv7() }, office.tokens.admin!);

    const id = await draftedLetter(call, o.tim.token);
    await call('letters.approve', { id }, o.lead.token);
    await call('letters.sign', { id }, o.head.token);
    const signed = await call('letters.get', { id }, o.tim.token);
    const ticket = await call('queue.issue', { serviceCode: 'A', priority: null }, office.tokens.satpam1!);
    const f = await call('followups.create', { ticketId: ticket.id, nik: '1671014506800003', memberName: 'SITI AMINAH', kind: 'eid_print' }, office.tokens.resep1!);
    await call('followups.advance', { followupId: f.id }, office.tokens.resep1!);

    await until('synced', async () => {
      const s = await call('sync.status', {}, office.tokens.admin!);
      return s.state === 'synced' && s.pending === 0;
    });
    const [letter] = await central.query<{ data: Record<string, unknown> }>("SELECT data FROM records WHERE office_id = $1 AND table_name = 'letters' AND record_id = $2", [officeId, id]);
    expect(letter!.data).toMatchObject({ status: 'ditandatangani', number: signed.number, pdf_sha256: signed.pdfSha256, hospital_name: signed.hospitalName });
    const [followup] = await central.query<{ data: Record<string, unknown> }>("SELECT data FROM records WHERE office_id = $1 AND table_name = 'followups' AND record_id = $2", [officeId, f.id]);
    expect(followup!.data).toMatchObject({ status: 'sent', kind: 'eid_print' });
    // Every op arrived once: receive, check, draft, approve, sign = 1 insert + 4 status ops.
    const ops = await central.query<{ n: number }>("SELECT count(*)::int AS n FROM changes WHERE office_id = $1 AND table_name = 'letters'", [officeId]);
    expect(ops[0]!.n).toBe(5);

    // The QR code's page: the letter proved by its token, and its archived PDF by hash.
    const token = String(letter!.data.verify_token);
    const page = await (await fetch(`${central.url}/verify/${token}`)).text();
    expect(page).toContain('data-state="valid"');
    expect(page).toContain(signed.number!);
    expect(page).toContain('dr. HENDRA SAPUTRA, M.Kes');
    expect(page).not.toContain(signed.patientName);
    // The archived PDF (files/<ab>/<sha256>, main/platform/files.ts), its bytes hashed here.
    const pdf = readFileSync(join(host.dataDir, 'files', signed.pdfSha256!.slice(0, 2), signed.pdfSha256!));
    expect(createHash('sha256').update(pdf).digest('hex')).toBe(signed.pdfSha256);
    const check = async (sha256: string) => ((await (await fetch(`${central.url}/verify/${token}/hash`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sha256 }) })).json()) as { match: boolean }).match;
    expect(await check(signed.pdfSha256!)).toBe(true);
    expect(await check(createHash('sha256').update(Buffer.concat([pdf, Buffer.from(' ')])).digest('hex'))).toBe(false);

    // The PDF went up by hash, once, byte for byte.
    const [file] = await until('the PDF on the server', async () => {
      const rows = await central.query<{ content: Buffer }>('SELECT content FROM files WHERE sha256 = $1', [signed.pdfSha256]);
      return rows.length > 0 && rows;
    });
    expect(Buffer.compare(file!.content, pdf)).toBe(0);
    const puts = () => proxy.stats.calls.filter((c) => c.startsWith('PUT /sync/files/')).length;
    expect(puts()).toBe(1);
    // Asked again from the start (a restarted host that lost its mark): the server has it, nothing is sent.
    await host.stop();
    const db = new Database(host.started.dbFile);
    // Both tables are guarded: a write outside the write path fails.
    expect(() => db.prepare("UPDATE letters SET status = 'draf'").run()).toThrow(GUARD_MESSAGE);
    expect(() => db.prepare("UPDATE followups SET status = 'open'").run()).toThrow(GUARD_MESSAGE);
    db.prepare("DELETE FROM sync_state WHERE key = 'files_mark'").run();
    db.close();
    const asked = proxy.stats.calls.filter((c) => c === 'POST /sync/files/missing').length;
    host = await startHostProcess(host.dataDir);
    await until('asked again', async () => proxy.stats.calls.filter((c) => c === 'POST /sync/files/missing').length > asked);
    await until('synced again', async () => (await call('sync.status', {}, office.tokens.admin!)).state === 'synced');
    expect(puts()).toBe(1);
  }, 120_000);
});
