// The host is killed with SIGKILL while three desks approve letters (each approval takes a number),
// three times over. Afterwards the numbers are still 1..N with no gap and no duplicate, and every
// number a desk was given belongs to the letter it was given for.
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, removeTempDirs, setupOffice, startHostProcess, tempDir } from '../helpers/host';
import { buildLetterWorker, draftedLetter, letterOffice } from '../helpers/letters';
import { PASSWORD } from '../helpers/factories';

describe('host killed mid-numbering', () => {
  let worker: string;
  beforeAll(async () => {
    worker = await buildLetterWorker();
  });
  afterAll(() => removeTempDirs());

  it('stays gapless and unique across 3 SIGKILLs during approval bursts', async () => {
    const dataDir = tempDir('loket-fault-letters-');
    let host = await startHostProcess(dataDir);
    const { tokens, deskToken } = await setupOffice(host.url);
    const call = <N extends Parameters<typeof ok>[1]>(name: N, input: Parameters<typeof ok<N>>[2], token?: string) => ok(host.url, name, input, token);
    const office = await letterOffice(call, tokens.admin!, deskToken);
    const ids: string[] = [];
    for (let i = 0; i < 300; i++) ids.push(await draftedLetter(call, office.tim.token, i));

    const acked = new Map<string, string>();
    let killedDuringBurst = 0;
    for (let round = 0; round < 3; round++) {
      const { sessionToken } = await ok(host.url, 'auth.login', { deskToken, username: 'ketuatim', password: PASSWORD });
      const db = new Database(join(dataDir, 'loket.sqlite'), { readonly: true });
      const drafts = (db.prepare("SELECT id FROM letters WHERE status = 'draf' ORDER BY id").all() as { id: string }[]).map((r) => r.id);
      db.close();
      const roundStart = acked.size;
      const target = roundStart + 15 + round * 10;
      let reached: () => void = () => {};
      const reachedTarget = new Promise<void>((r) => (reached = r));
      const streams = [0, 1, 2].map((k) => {
        const file = join(dataDir, `ids-${round}-${k}.json`);
        writeFileSync(file, JSON.stringify(drafts.filter((_, i) => i % 3 === k)));
        const proc = spawn(process.execPath, [worker, '--http', host.url, sessionToken, file], { stdio: ['ignore', 'pipe', 'pipe'] });
        createInterface({ input: proc.stdout! }).on('line', (line) => {
          const m = JSON.parse(line) as { ack?: string; number?: string };
          if (m.ack) acked.set(m.ack, m.number!);
          if (acked.size >= target) reached();
        });
        return new Promise<void>((resolve) => proc.once('close', () => resolve()));
      });
      const allDone = Promise.all(streams);
      await Promise.race([reachedTarget, allDone.then(() => Promise.reject(new Error(`workers stopped at ${acked.size} of ${target}`)))]);
      const before = acked.size;
      await host.kill9();
      await allDone;
      if (before > roundStart) killedDuringBurst += 1;
      host = await startHostProcess(dataDir);
    }
    // After the last restart, the rest are approved without trouble.
    const { sessionToken } = await ok(host.url, 'auth.login', { deskToken, username: 'ketuatim', password: PASSWORD });
    const db0 = new Database(join(dataDir, 'loket.sqlite'), { readonly: true });
    const rest = (db0.prepare("SELECT id FROM letters WHERE status = 'draf' LIMIT 20").all() as { id: string }[]).map((r) => r.id);
    db0.close();
    for (const id of rest) acked.set(id, (await ok(host.url, 'letters.approve', { id }, sessionToken)).number!);
    await host.stop();

    expect(killedDuringBurst).toBe(3);
    const db = new Database(join(dataDir, 'loket.sqlite'), { readonly: true });
    expect((db.pragma('integrity_check') as { integrity_check: string }[])[0]!.integrity_check).toBe('ok');
    const rows = db.prepare('SELECT id, seq, number, status FROM letters WHERE seq IS NOT NULL ORDER BY seq').all() as { id: string; seq: number; number: string; status: string }[];
    const counter = db.prepare('SELECT last_no FROM letter_counters').get() as { last_no: number };
    db.close();
    expect(rows.length).toBeGreaterThanOrEqual(acked.size);
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: rows.length }, (_, i) => i + 1));
    expect(counter.last_no).toBe(rows.length);
    expect(new Set(rows.map((r) => r.number)).size).toBe(rows.length);
    const byId = new Map(rows.map((r) => [r.id, r.number]));
    for (const [id, number] of acked) expect(byId.get(id), `acknowledged ${number}`).toBe(number);
    for (const r of rows) expect(r.status).toBe('disetujui');
  }, 300_000);
});
