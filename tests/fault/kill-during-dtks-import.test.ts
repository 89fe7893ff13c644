// The host is killed with SIGKILL while a DTKS import is writing rows: the previous list stays in
// force, whole, after the restart; the half-written list is never read and the next import clears it.
import Database from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DTKS_CHUNK_BYTES } from '../../common/contract/index';
import { FIRST_RUN } from '../helpers/factories';
import { HEADER, bigNik, csv, row, writeBigCsv } from '../helpers/dtksFiles';
import { ok, removeTempDirs, setupOffice, startHostProcess, tempDir } from '../helpers/host';

afterAll(() => removeTempDirs());

async function upload(url: string, token: string, path: string): Promise<string> {
  const bytes = readFileSync(path);
  const { uploadId } = await ok(url, 'dtks.uploadStart', { fileName: path.split('/').pop()!, sizeBytes: bytes.length }, token);
  for (let i = 0, index = 0; i < bytes.length; i += DTKS_CHUNK_BYTES, index++)
    await ok(url, 'dtks.uploadChunk', { uploadId, index, data: bytes.subarray(i, i + DTKS_CHUNK_BYTES).toString('base64') }, token);
  return uploadId;
}

async function untilDone(url: string, token: string, jobId: string) {
  for (;;) {
    const j = await ok(url, 'jobs.get', { jobId }, token);
    if (j.status !== 'queued' && j.status !== 'running') return j;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('kill during a DTKS import', () => {
  it('leaves the previous list intact', { timeout: 180_000 }, async () => {
    const dir = tempDir('loket-dtks-kill-');
    let host = await startHostProcess(dir);
    const { tokens, deskToken } = await setupOffice(host.url);
    const small = join(dir, 'lama.csv');
    writeFileSync(small, csv([HEADER, row(0, 1, 'LAMA A'), row(1, 1, 'LAMA B'), row(2, 2, 'LAMA C')]));
    const first = await ok(host.url, 'dtks.import', { uploadId: await upload(host.url, tokens.admin!, small) }, tokens.admin);
    expect((await untilDone(host.url, tokens.admin!, first.jobId)).status).toBe('done');

    // The newer list shares no NIK with the old one.
    const big = join(dir, 'baru.csv');
    writeBigCsv(big, 200_000);
    writeFileSync(big, readFileSync(big, 'utf8').replace(/\n/g, '\n').split('\n').map((l, i) => (i === 0 || !l ? l : l.replace(/;3201(\d\d)/, ';3202$1'))).join('\n'));
    const { jobId } = await ok(host.url, 'dtks.import', { uploadId: await upload(host.url, tokens.admin!, big) }, tokens.admin);
    // Kill once a good share of the new rows has been written.
    for (;;) {
      const j = await ok(host.url, 'jobs.get', { jobId }, tokens.admin);
      expect(j.status).toBe('running');
      if (j.progress > 0.3) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    await host.kill9();

    // On disk: the old list is still the active one; the new one was half-written ('loading').
    const db = new Database(join(dir, 'loket.sqlite'), { readonly: true });
    const imports = db.prepare('SELECT file_name, status FROM dtks_imports ORDER BY started_at').all();
    const loading = db.prepare("SELECT count(*) AS n FROM dtks_people p JOIN dtks_imports i ON i.id = p.import_id WHERE i.status = 'loading'").get() as { n: number };
    db.close();
    expect(imports).toEqual([{ file_name: 'lama.csv', status: 'active' }, { file_name: 'baru.csv', status: 'loading' }]);
    expect(loading.n).toBeGreaterThan(10_000);

    host = await startHostProcess(dir);
    const admin = (await ok(host.url, 'auth.login', { deskToken, username: FIRST_RUN.adminUsername, password: FIRST_RUN.adminPassword })).sessionToken;
    const st = await ok(host.url, 'dtks.status', {}, admin);
    expect(st.active).toMatchObject({ fileName: 'lama.csv', rowCount: 3 });
    const old = await ok(host.url, 'dtks.lookup', { nik: bigNik(1) }, admin);
    expect(old.status).toBe('terdaftar');
    if (old.status === 'terdaftar') expect(old.members.map((m) => m.name)).toEqual(['LAMA A', 'LAMA B']);
    // A NIK of the half-written list is not found.
    expect((await ok(host.url, 'dtks.lookup', { nik: bigNik(10).replace(/^3201/, '3202') }, admin)).status).toBe('tidak_terdaftar');

    // The next import clears what the killed one left.
    const next = join(dir, 'berikut.csv');
    writeFileSync(next, csv([HEADER, row(5, 3, 'BARU')]));
    const j2 = await ok(host.url, 'dtks.import', { uploadId: await upload(host.url, admin, next) }, admin);
    expect((await untilDone(host.url, admin, j2.jobId)).status).toBe('done');
    await host.stop();
    const db2 = new Database(join(dir, 'loket.sqlite'), { readonly: true });
    expect(db2.prepare('SELECT count(*) AS n FROM dtks_people').get()).toEqual({ n: 1 });
    expect(db2.prepare('SELECT file_name, status FROM dtks_imports').all()).toEqual([{ file_name: 'berikut.csv', status: 'active' }]);
    db2.close();
  });
});
