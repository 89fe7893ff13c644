// Backups and restores against a real SQLite file: the copy is made on a worker thread with its own
// connection, verified, pruned to the last N; a restore checks the copy, keeps the current database
// aside and swaps it in; jobs can be cancelled and never overlap.
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Job } from '../../common/contract/index';
import { dailyBackupTick } from '../../main/features/backup/backup';
import { inProcessHost } from '../helpers/inproc';

type Host = ReturnType<typeof inProcessHost>;

async function waitJob(h: Host, token: string, jobId: string, timeoutMs = 30_000): Promise<Job> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const job = await h.ok('jobs.get', { jobId }, token);
    if (job.status === 'done' || job.status === 'failed' || job.status === 'cancelled') return job;
    if (Date.now() > until) throw new Error(`job ${jobId} still ${job.status} (${job.message})`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function issue(h: Host, token: string, n: number): Promise<void> {
  for (let i = 0; i < n; i++) await h.ok('queue.issue', { serviceCode: 'A', priority: null }, token);
}

const ticketCount = (h: Host) => (h.store.sqlite.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number }).n;

function countIn(file: string): { tickets: number; integrity: string; journal: string } {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return {
      tickets: (db.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number }).n,
      integrity: db.pragma('integrity_check', { simple: true }) as string,
      journal: db.pragma('journal_mode', { simple: true }) as string,
    };
  } finally {
    db.close();
  }
}

async function backupNow(h: Host, token: string): Promise<Job> {
  const { jobId } = await h.ok('backup.start', {}, token);
  return waitJob(h, token, jobId);
}

/** Makes the database big enough (~40 MB) for a backup to be caught in the middle. */
function bulk(h: Host): void {
  const insert = h.store.sqlite.prepare(
    "INSERT INTO audit (id, at, user_id, desk_id, action, entity, entity_id, detail) VALUES (?, '2026-01-01T00:00:00Z', NULL, NULL, 'bulk', NULL, NULL, ?)",
  );
  const pad = 'x'.repeat(400);
  h.store.sqlite.transaction(() => {
    for (let i = 0; i < 90_000; i++) insert.run(`bulk-${i}`, pad);
  })();
}

describe('backup and restore', () => {
  it('makes a verified copy on the office clock that opens with the same tickets', async () => {
    const h = inProcessHost();
    const { tokens } = await h.setup();
    await issue(h, tokens.satpam1!, 5);

    const settings = await h.ok('backup.settings', {}, tokens.admin);
    expect(settings).toEqual({ folder: join(h.dir, 'cadangan'), dailyAt: null, keep: 7, lastBackupAt: null, lastError: null });

    const job = await backupNow(h, tokens.admin!);
    expect(job).toMatchObject({ kind: 'backup.create', status: 'done', progress: 1, error: null, errorCode: null });
    // 2026-11-25 08:00 on this PC's clock; the name is on the office clock (WIB).
    expect(job.file!.name).toMatch(/^loket-\d{8}-\d{6}\.sqlite$/);
    const copy = countIn(job.file!.path);
    expect(copy).toEqual({ tickets: 5, integrity: 'ok', journal: 'delete' });
    expect(ticketCount(h)).toBe(5);

    const list = await h.ok('backup.list', {}, tokens.admin);
    expect(list).toEqual([{ fileName: job.file!.name, sizeBytes: job.file!.sizeBytes, createdAt: expect.any(String) }]);
    expect(list[0]!.createdAt).toBe(job.startedAt);
    // Nothing half-written is left behind.
    expect(readdirSync(join(h.dir, 'cadangan'))).toEqual([job.file!.name]);
    expect((await h.ok('backup.settings', {}, tokens.admin)).lastBackupAt).toBe(job.startedAt);

    // Progress went out as job.changed events, in Indonesian, ending with done.
    const mine = h.events.flatMap((e) => (e.type === 'job.changed' && e.job.id === job.id ? [e.job] : []));
    expect(mine[0]!.status).toBe('queued');
    expect(mine.some((j) => j.status === 'running')).toBe(true);
    expect(mine.at(-1)!.status).toBe('done');
  });

  it('keeps only the last N copies, and only touches files named like its own', async () => {
    const h = inProcessHost();
    const { tokens } = await h.setup();
    const folder = join(h.dir, 'usb', 'cadangan loket');
    await h.ok('backup.saveSettings', { folder, dailyAt: '17:30', keep: 2 }, tokens.admin);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'catatan.txt'), 'jangan dihapus');
    writeFileSync(join(folder, 'loket-lama.sqlite'), 'bukan salinan kita');

    const names: string[] = [];
    for (let i = 0; i < 4; i++) {
      await issue(h, tokens.satpam1!, 1);
      names.push((await backupNow(h, tokens.admin!)).file!.name);
      h.advance(61);
    }
    expect(new Set(names).size).toBe(4);
    const list = await h.ok('backup.list', {}, tokens.admin);
    expect(list.map((f) => f.fileName)).toEqual([names[3], names[2]]);
    expect(readdirSync(folder).sort()).toEqual(['catatan.txt', 'loket-lama.sqlite', names[2], names[3]].sort());
    expect(countIn(join(folder, names[3]!)).tickets).toBe(4);

    // Two copies in the same second get distinct names; the newest is listed first.
    const a = (await backupNow(h, tokens.admin!)).file!.name;
    const b = (await backupNow(h, tokens.admin!)).file!.name;
    expect(b).toBe(a.replace('.sqlite', '-2.sqlite'));
    expect((await h.ok('backup.list', {}, tokens.admin)).map((f) => f.fileName)).toEqual([b, a]);

    const audit = h.store.sqlite.prepare("SELECT detail FROM audit WHERE action = 'backup.saveSettings'").all() as { detail: string }[];
    expect(JSON.parse(audit[0]!.detail)).toEqual({ folder, dailyAt: '17:30', keep: 2 });
  });

  it('refuses a corrupt copy with RESTORE_FAILED and leaves the database untouched', async () => {
    const h = inProcessHost();
    const { tokens } = await h.setup();
    await issue(h, tokens.satpam1!, 3);
    const good = await backupNow(h, tokens.admin!);
    const folder = join(h.dir, 'cadangan');

    // Garbage with our name, and a real copy with a page overwritten.
    const garbage = 'loket-20261124-070000.sqlite';
    writeFileSync(join(folder, garbage), Buffer.alloc(64 * 1024, 7));
    const broken = 'loket-20261124-060000.sqlite';
    const bytes = readFileSync(good.file!.path);
    bytes.fill(0xab, 4096 * 2, 4096 * 4);
    writeFileSync(join(folder, broken), bytes);

    for (const fileName of [garbage, broken]) {
      const { jobId } = await h.ok('backup.restore', { fileName, confirm: true }, tokens.admin);
      const job = await waitJob(h, tokens.admin!, jobId);
      expect(job).toMatchObject({ status: 'failed', errorCode: 'RESTORE_FAILED' });
      expect(job.error).toMatch(/tidak dipulihkan\. Database sekarang tidak diubah/);
    }
    expect(ticketCount(h)).toBe(3);
    expect(readdirSync(h.dir).some((f) => f.startsWith('sebelum-pemulihan-'))).toBe(false);
    // Still the same, working database.
    await issue(h, tokens.satpam1!, 1);
    expect(ticketCount(h)).toBe(4);
  });

  it('restores an earlier copy, keeping the current database aside, and every screen reloads', async () => {
    const h = inProcessHost();
    const { tokens } = await h.setup();
    await issue(h, tokens.satpam1!, 3);
    const copy = await backupNow(h, tokens.admin!);
    await issue(h, tokens.satpam1!, 4);
    // Settings about backups are this PC's, not the office data's: a restore keeps them.
    const folder = join(h.dir, 'cadangan');
    await h.ok('backup.saveSettings', { folder, dailyAt: '06:15', keep: 5 }, tokens.admin);
    expect(ticketCount(h)).toBe(7);

    h.advance(3600);
    const before = h.events.length;
    const { jobId } = await h.ok('backup.restore', { fileName: copy.file!.name, confirm: true }, tokens.admin);
    const job = await waitJob(h, tokens.admin!, jobId);
    expect(job).toMatchObject({ kind: 'backup.restore', status: 'done', errorCode: null });
    expect(ticketCount(h)).toBe(3);

    // The database as it was (7 tickets) is in the data folder, verified.
    expect(job.file!.name).toMatch(/^sebelum-pemulihan-\d{8}-\d{6}\.sqlite$/);
    expect(job.file!.path).toBe(join(h.dir, job.file!.name));
    expect(countIn(job.file!.path)).toEqual({ tickets: 7, integrity: 'ok', journal: 'delete' });
    expect(existsSync(`${h.store.file}.before-restore`)).toBe(false);
    expect(existsSync(`${h.store.file}.restore-tmp`)).toBe(false);

    expect(h.events.slice(before).some((e) => e.type === 'services.changed')).toBe(true);
    expect(await h.ok('backup.settings', {}, tokens.admin)).toMatchObject({ dailyAt: '06:15', keep: 5 });
    expect(h.store.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(h.store.sqlite.pragma('synchronous', { simple: true })).toBe(2);
    expect(h.store.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    const audit = h.store.sqlite.prepare("SELECT detail FROM audit WHERE action = 'backup.restore'").get() as { detail: string };
    expect(JSON.parse(audit.detail)).toMatchObject({ fileName: copy.file!.name, tickets: 3, keptAside: job.file!.name });

    // The host goes on with the restored data: numbering continues from the copy.
    const next = await h.ok('queue.issue', { serviceCode: 'A', priority: null }, tokens.satpam1);
    expect(next.label).toBe('A-004');
  });

  it('puts the database back when the copy comes from another version of Loket', async () => {
    const h = inProcessHost();
    const { tokens } = await h.setup();
    await issue(h, tokens.satpam1!, 2);
    const copy = await backupNow(h, tokens.admin!);
    const db = new Database(copy.file!.path);
    db.prepare("INSERT INTO schema_migrations (id, name, checksum, applied_at) VALUES (999, '999_dari_masa_depan.sql', 'x', '2030-01-01')").run();
    db.close();
    await issue(h, tokens.satpam1!, 1);

    const { jobId } = await h.ok('backup.restore', { fileName: copy.file!.name, confirm: true }, tokens.admin);
    const job = await waitJob(h, tokens.admin!, jobId);
    expect(job).toMatchObject({ status: 'failed', errorCode: 'RESTORE_FAILED' });
    expect(job.error).toMatch(/tidak cocok dengan versi Loket ini.*Database sekarang tidak diubah/);
    expect(ticketCount(h)).toBe(3);
    expect(h.store.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(existsSync(`${h.store.file}.before-restore`)).toBe(false);
    await issue(h, tokens.satpam1!, 1);
    expect(ticketCount(h)).toBe(4);
  });

  it('cancels a job, queued or in the middle of the copy, leaving nothing behind', async () => {
    const h = inProcessHost();
    const { tokens } = await h.setup();
    bulk(h);
    const folder = join(h.dir, 'cadangan');

    // Cancelled before it started.
    const { jobId: first } = await h.ok('backup.start', {}, tokens.admin);
    await h.ok('jobs.cancel', { jobId: first }, tokens.admin);
    expect((await waitJob(h, tokens.admin!, first)).status).toBe('cancelled');

    // Cancelled while the worker copies.
    const { jobId } = await h.ok('backup.start', {}, tokens.admin);
    const until = Date.now() + 20_000;
    while (!h.events.some((e) => e.type === 'job.changed' && e.job.id === jobId && e.job.progress > 0)) {
      if (Date.now() > until) throw new Error('no progress');
      await new Promise((r) => setTimeout(r, 2));
    }
    const cancelling = await h.ok('jobs.cancel', { jobId }, tokens.admin);
    expect(cancelling.status).toBe('running');
    expect(cancelling.message).toBe('Membatalkan…');
    const job = await waitJob(h, tokens.admin!, jobId);
    expect(job).toMatchObject({ status: 'cancelled', file: null });
    expect(existsSync(folder) ? readdirSync(folder) : []).toEqual([]);
    expect((await h.ok('backup.settings', {}, tokens.admin)).lastError).toBeNull();

    // And the runner is free again.
    expect((await backupNow(h, tokens.admin!)).status).toBe('done');
  });

  it('finishes while tickets are issued throughout, copying one consistent moment', async () => {
    const h = inProcessHost();
    const { tokens } = await h.setup();
    bulk(h);
    const { jobId } = await h.ok('backup.start', {}, tokens.admin);
    let issued = 0;
    while (!['done', 'failed', 'cancelled'].includes((await h.ok('jobs.get', { jobId }, tokens.admin)).status)) {
      await issue(h, tokens.satpam1!, 1);
      issued++;
      // Over HTTP each request is its own turn of the event loop; here, let the worker's messages in.
      await new Promise((r) => setImmediate(r));
    }
    const job = await waitJob(h, tokens.admin!, jobId);
    expect(job.status).toBe('done');
    expect(issued).toBeGreaterThan(0);
    const copy = countIn(job.file!.path);
    expect(copy.integrity).toBe('ok');
    // Writes made through the host's connection did not restart the copy; it holds what was there when it began.
    expect(copy.tickets).toBeLessThan(issued + 1);
  });

  it('refuses a second backup or a restore while one runs (JOB_BUSY)', async () => {
    const h = inProcessHost();
    const { tokens } = await h.setup();
    bulk(h);
    const done = await backupNow(h, tokens.admin!);
    const { jobId } = await h.ok('backup.start', {}, tokens.admin);
    const again = await h.call('backup.start', {}, tokens.admin);
    expect(again).toMatchObject({ ok: false, error: { code: 'JOB_BUSY' } });
    if (!again.ok) expect(again.error.message).toMatch(/sedang berjalan/);
    const restore = await h.call('backup.restore', { fileName: done.file!.name, confirm: true }, tokens.admin);
    expect(restore).toMatchObject({ ok: false, error: { code: 'JOB_BUSY' } });
    expect((await waitJob(h, tokens.admin!, jobId)).status).toBe('done');
    expect((await backupNow(h, tokens.admin!)).status).toBe('done');
  });

  it('says in Indonesian when the folder cannot be created or written', async () => {
    const h = inProcessHost();
    const { tokens } = await h.setup();
    writeFileSync(join(h.dir, 'sebuah-berkas'), 'x');
    const r = await h.call('backup.saveSettings', { folder: join(h.dir, 'sebuah-berkas', 'cadangan'), dailyAt: null, keep: 7 }, tokens.admin);
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { folder: expect.stringMatching(/tidak dapat dibuat atau ditulisi/) } } });
    if (!r.ok) expect(r.error.message).toMatch(/^Folder .* tidak dapat dibuat atau ditulisi: .*Pilih folder lain/);

    const relative = await h.call('backup.saveSettings', { folder: 'cadangan', dailyAt: null, keep: 7 }, tokens.admin);
    expect(relative).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { folder: expect.stringMatching(/jalur lengkap/) } } });
    // Nothing was saved.
    expect((await h.ok('backup.settings', {}, tokens.admin)).folder).toBe(join(h.dir, 'cadangan'));
  });

  it('takes only a bare copy name from the folder for a restore', async () => {
    const h = inProcessHost();
    const { tokens } = await h.setup();
    await backupNow(h, tokens.admin!);
    for (const fileName of ['../loket.sqlite', '..', 'loket.sqlite', '/etc/passwd', 'sub/loket-20261125-080000.sqlite', 'loket-20991231-235959.sqlite']) {
      const r = await h.call('backup.restore', { fileName, confirm: true }, tokens.admin);
      expect(r, fileName).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { fileName: expect.any(String) } } });
    }
  });

  it('shows a job only to admins and whoever started it', async () => {
    const h = inProcessHost();
    const { tokens } = await h.setup();
    const { jobId } = await h.ok('backup.start', {}, tokens.admin);
    expect(await h.call('jobs.get', { jobId }, tokens.satpam1)).toMatchObject({ ok: false, error: { code: 'JOB_NOT_FOUND' } });
    expect(await h.call('jobs.cancel', { jobId }, tokens.satpam1)).toMatchObject({ ok: false, error: { code: 'JOB_NOT_FOUND' } });
    expect(await h.call('jobs.list', {}, tokens.satpam1)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await h.call('backup.start', {}, tokens.satpam1)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await waitJob(h, tokens.admin!, jobId);
    expect((await h.ok('jobs.list', {}, tokens.admin)).map((j) => j.id)).toContain(jobId);
    expect(await h.call('jobs.get', { jobId: 'tidak-ada' }, tokens.admin)).toMatchObject({ ok: false, error: { code: 'JOB_NOT_FOUND' } });
  });

  it('runs the daily backup once per office day, after the chosen time', async () => {
    // 2026-11-25 04:58 UTC = 11:58 WIB.
    const h = inProcessHost(new Date(Date.UTC(2026, 10, 25, 4, 58)));
    const { tokens } = await h.setup();
    const deps = h.deps;
    expect(dailyBackupTick(deps)).toBe(false); // no time set
    await h.ok('backup.saveSettings', { folder: join(h.dir, 'cadangan'), dailyAt: '12:00', keep: 7 }, tokens.admin);
    expect(dailyBackupTick(deps)).toBe(false); // 11:58
    h.advance(120);
    expect(dailyBackupTick(deps)).toBe(true); // 12:00
    const job = h.events.flatMap((e) => (e.type === 'job.changed' ? [e.job] : [])).at(-1)!;
    expect((await waitJob(h, tokens.admin!, job.id)).file!.name).toBe('loket-20261125-120000.sqlite');
    h.advance(600);
    expect(dailyBackupTick(deps)).toBe(false); // done today
    h.advance(24 * 3600);
    expect(dailyBackupTick(deps)).toBe(true); // the next office day
    // (The admin's session has expired by now: ask the runner itself.)
    const next = h.events.flatMap((e) => (e.type === 'job.changed' ? [e.job] : [])).at(-1)!;
    while (!['done', 'failed', 'cancelled'].includes(deps.jobs.get(next.id)!.status)) await new Promise((r) => setTimeout(r, 10));
    expect(deps.jobs.get(next.id)!.file!.name).toBe('loket-20261126-121000.sqlite');
  });
});
