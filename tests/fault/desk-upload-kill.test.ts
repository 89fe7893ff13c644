// A desk's main process scans on its own SANE scanner (the test backend) and uploads the pages to a
// real host process over pinned HTTPS; the host is killed with SIGKILL in the middle of a page's
// upload. The desk keeps the page in its spool, says so in Indonesian, and when the host is back
// the same press resumes from the bytes the host already held; the stored file's SHA-256 matches.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Result } from '../../common/contract/index';
import { scanToHost, SaneScanner } from '../../main/features/documents';
import { sha256Of } from '../../main/platform/files';
import { createDeskForwarder } from '../../main/platform/transport/deskForwarder';
import { ok, removeTempDirs, setupOffice, startHostProcess, tempDir, type HostProcess } from '../helpers/host';
import { privateSane } from '../helpers/sane';

afterAll(removeTempDirs);

describe('desk upload survives the host being killed mid-upload', () => {
  it('keeps the page on the desk, then resumes where the host stopped and stores the same bytes', async () => {
    const dataDir = tempDir('loket-fault-host-');
    let host: HostProcess = await startHostProcess(dataDir);
    const { port, tlsPort } = host.started;
    const office = await setupOffice(host.url);
    const ticket = await ok(host.url, 'queue.issue', { serviceCode: 'A', priority: null }, office.tokens.satpam1);
    await ok(host.url, 'queue.callNext', { stage: 'resepsionis' }, office.tokens.resep1);

    const sane = privateSane({ picture: 'Color pattern' });
    const scanner = new SaneScanner({ env: sane.env });
    const config = { adapter: 'sane' as const, device: 'test:0', resolution: 300, mode: 'color' as const, paper: 'A4' as const, source: 'flatbed' as const, folder: '' };
    const spoolDir = tempDir('loket-fault-spool-');
    const desk = createDeskForwarder(host.tlsUrl, { fingerprint: host.fingerprint, timeoutMs: 3_000 });

    // The desk's calls, watched: after the host acknowledged a few chunks, it is killed.
    let acked = 0;
    let killed: Promise<void> | null = null;
    const resumedAt: number[] = [];
    const call = async (name: string, token: string | null, input: unknown): Promise<Result<unknown>> => {
      if (killed) await killed;
      const r = await desk.call(name, token, input);
      if (name === 'documents.uploadStart' && r.ok) resumedAt.push((r.value as { receivedBytes: number }).receivedBytes);
      if (name === 'documents.uploadChunk' && r.ok && ++acked === 3 && !killed) killed = host.kill9();
      return r;
    };
    const first = await scanToHost({ call, token: office.tokens.resep1!, ticketId: ticket.id, docType: 'kk', spoolDir, config, scanner, chunkBytes: 16 * 1024 });
    expect(first.fault?.code).toBe('HOST_UNREACHABLE');
    expect(first.fault?.message).toMatch(/Tidak dapat terhubung ke komputer utama/);
    expect(first.fault?.message).toMatch(/1 halaman menunggu di komputer ini/);
    expect(first).toMatchObject({ uploaded: 0, pending: 1 });
    const spooled = join(spoolDir, ticket.id, 'kk');
    const batch = readdirSync(spooled);
    const pagePath = join(spooled, batch[0]!, readdirSync(join(spooled, batch[0]!))[0]!);
    const original = readFileSync(pagePath);
    expect(original.length).toBeGreaterThan(3 * 16 * 1024);

    // The host comes back on the same ports with the same certificate; the desk presses again.
    killed = null;
    host = await startHostProcess(dataDir, port, { tlsPort });
    try {
      const again = await scanToHost({ call, token: office.tokens.resep1!, ticketId: ticket.id, docType: 'kk', spoolDir, config, scanner, chunkBytes: 16 * 1024, scan: false });
      expect(again).toEqual({ uploaded: 1, pending: 0, fault: null });
      // The second start found the bytes the host had made durable before it died.
      expect(resumedAt[0]).toBe(0);
      expect(resumedAt[1]).toBeGreaterThanOrEqual(2 * 16 * 1024);
      // The file the host keeps is, byte for byte, what the scanner wrote on the desk.
      const stored = join(dataDir, 'files', sha256Of(original).slice(0, 2), sha256Of(original));
      expect(sha256Of(readFileSync(stored))).toBe(sha256Of(original));
      expect(readdirSync(spooled).flatMap((b) => readdirSync(join(spooled, b)))).toEqual([]);
      let file = await ok(host.url, 'documents.caseFile', { ticketId: ticket.id }, office.tokens.resep1);
      for (let i = 0; i < 200 && file.documents.length === 0; i++) {
        await new Promise((r) => setTimeout(r, 50));
        file = await ok(host.url, 'documents.caseFile', { ticketId: ticket.id }, office.tokens.resep1);
      }
      expect(file.checklist.find((l) => l.docType === 'kk')).toMatchObject({ present: true, pages: 1 });
    } finally {
      desk.close();
      await host.stop();
    }
  }, 90_000);
});
