// The host is killed with SIGKILL in the middle of a burst of ticket issuing, five times over.
// Afterwards: every number the satpam screens were given exists, numbers are gap-free and unique
// per service, and every ticket is whole (its steps and its history written with it).
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, removeTempDirs, setupOffice, startHostProcess, tempDir } from '../helpers/host';
import { PASSWORD } from '../helpers/factories';
import { buildIssueWorker } from '../helpers/workers';

/**
 * Counts the tickets that worker processes report as acknowledged by the host, and lets the test
 * wait for a count: the kill lands after that many acknowledgements, whatever the machine's speed.
 */
function ackCounter() {
  const labels: string[] = [];
  const refused: string[] = [];
  let waiter: { count: number; resolve: () => void } | null = null;
  return {
    labels,
    refused,
    ack(label: string) {
      labels.push(label);
      if (waiter && labels.length >= waiter.count) waiter.resolve();
    },
    /** Resolves once `count` tickets in all have been acknowledged; rejects if `gone` settles first. */
    reach(count: number, gone: Promise<unknown>): Promise<void> {
      if (labels.length >= count) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const fail = (why: string) => {
          waiter = null;
          clearTimeout(deadline);
          reject(new Error(`${why} at ${labels.length} of ${count} acknowledgements; refused: ${refused.join(' ') || 'none'}`));
        };
        // Only a limit for a broken host (one that refuses every ticket), so the failure says why.
        const deadline = setTimeout(() => fail('no progress for 30 s'), 30_000);
        waiter = {
          count,
          resolve: () => {
            waiter = null;
            clearTimeout(deadline);
            resolve();
          },
        };
        const stopped = () => {
          if (labels.length < count) fail('the workers stopped');
        };
        gone.then(stopped, stopped);
      });
    },
  };
}

/** One worker process issuing tickets over HTTP until the host is gone; resolves when it has exited and its output is read. */
function issueStream(worker: string, url: string, token: string, code: string, acks: ReturnType<typeof ackCounter>): Promise<void> {
  const proc = spawn(process.execPath, [worker, '--http', url, token, code], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  proc.stderr!.on('data', (b: Buffer) => (stderr += b.toString()));
  createInterface({ input: proc.stdout! }).on('line', (line) => {
    const m = JSON.parse(line) as { ack?: string; refused?: string };
    if (m.ack) acks.ack(m.ack);
    else acks.refused.push(m.refused!);
  });
  // 'close' comes after both pipes are drained, so every acknowledgement has been counted.
  return new Promise((resolve, reject) =>
    proc.once('close', (exitCode) => (exitCode === 0 ? resolve() : reject(new Error(`issue worker exited ${exitCode}: ${stderr}`)))),
  );
}

describe('host killed mid-issue', () => {
  let worker: string;
  beforeAll(async () => {
    worker = await buildIssueWorker();
  });
  afterAll(() => removeTempDirs());

  it('loses, duplicates and half-writes nothing across 5 SIGKILLs', async () => {
    const dataDir = tempDir('loket-fault-');
    let host = await startHostProcess(dataDir);
    const { deskToken } = await setupOffice(host.url);
    const acks = ackCounter();
    const acknowledged = acks.labels;
    let killedDuringBurst = 0;
    for (let round = 0; round < 5; round++) {
      const { sessionToken } = await ok(host.url, 'auth.login', { deskToken, username: 'satpam1', password: PASSWORD });
      const roundStart = acknowledged.length;
      // Four satpam screens issuing at once, each its own process, until the host is gone.
      const streams = Promise.all(['A', 'A', 'B', 'C'].map((code) => issueStream(worker, host.url, sessionToken, code, acks)));
      // Kill after a given number of acknowledged tickets (a different one each round), not after a delay.
      await acks.reach(roundStart + 8 + round * 4, streams);
      const before = acknowledged.length;
      await host.kill9();
      await streams;
      // The burst was under way when the kill landed: tickets had been acknowledged this round.
      if (before > roundStart) killedDuringBurst += 1;
      host = await startHostProcess(dataDir);
    }
    await host.stop();
    expect(killedDuringBurst).toBe(5);
    expect(acknowledged.length).toBeGreaterThan(20);

    const db = new Database(join(dataDir, 'loket.sqlite'), { readonly: true });
    expect((db.pragma('integrity_check') as { integrity_check: string }[])[0]!.integrity_check).toBe('ok');
    const tickets = db
      .prepare(
        `SELECT t.id, t.label, t.number, s.code,
                (SELECT count(*) FROM step_timings st WHERE st.ticket_id = t.id) AS steps,
                (SELECT count(*) FROM service_steps ss WHERE ss.service_id = t.service_id) AS expected_steps,
                (SELECT count(*) FROM ticket_events e WHERE e.ticket_id = t.id AND e.kind = 'issued') AS issued_events
         FROM tickets t JOIN services s ON s.id = t.service_id ORDER BY s.code, t.number`,
      )
      .all() as { label: string; number: number; code: string; steps: number; expected_steps: number; issued_events: number }[];
    const counters = db.prepare('SELECT s.code, c.last_no FROM ticket_counters c JOIN services s ON s.id = c.service_id').all() as { code: string; last_no: number }[];
    db.close();

    const labels = new Set(tickets.map((t) => t.label));
    for (const label of acknowledged) expect(labels.has(label), `acknowledged ${label} missing`).toBe(true);
    expect(labels.size).toBe(tickets.length);
    for (const { code, last_no } of counters) {
      const numbers = tickets.filter((t) => t.code === code).map((t) => t.number);
      expect(numbers).toEqual(Array.from({ length: last_no }, (_, i) => i + 1));
    }
    for (const t of tickets) {
      expect(t.steps, `${t.label} steps`).toBe(t.expected_steps);
      expect(t.issued_events, `${t.label} history`).toBe(1);
    }
  });
});
