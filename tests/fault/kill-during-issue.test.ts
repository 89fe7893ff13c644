// The host is killed with SIGKILL in the middle of a burst of ticket issuing, five times over.
// Afterwards: every number the satpam screens were given exists, numbers are gap-free and unique
// per service, and every ticket is whole (its steps and its history written with it).
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { api, ok, setupOffice, startHostProcess, tempDir } from '../helpers/host';
import { PASSWORD } from '../helpers/factories';

describe('host killed mid-issue', () => {
  it('loses, duplicates and half-writes nothing across 5 SIGKILLs', async () => {
    const dataDir = tempDir('loket-fault-');
    let host = await startHostProcess(dataDir);
    const { deskToken } = await setupOffice(host.url);
    const acknowledged: string[] = [];
    let killedDuringBurst = 0;
    for (let round = 0; round < 5; round++) {
      const { sessionToken } = await ok(host.url, 'auth.login', { deskToken, username: 'satpam1', password: PASSWORD });
      const roundStart = acknowledged.length;
      let stop = false;
      const stream = async (code: string) => {
        while (!stop) {
          try {
            const r = await api(host.url, 'queue.issue', { serviceCode: code, priority: null }, sessionToken);
            if (r.ok) acknowledged.push(r.value.label);
          } catch {
            return; // connection refused or reset: the host is gone
          }
        }
      };
      const streams = ['A', 'A', 'B', 'C'].map(stream);
      await new Promise((r) => setTimeout(r, 150 + round * 70));
      const before = acknowledged.length;
      await host.kill9();
      stop = true;
      await Promise.all(streams);
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
