// Transfers keep numbering whole (issue 8): a ticket keeps its printed number for life; numbering
// and its uniqueness belong to the issuing service; a transfer never blocks or renumbers anything,
// in either direction, however many times; statistics group each step under the service and step
// it was served in. Also: migration 003 repairs data stored under the old rules.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Ticket } from '../../common/contract/index';
import { formatLabel } from '../../common/domain/queue';
import { Store } from '../../main/platform/db';
import { migrate } from '../../main/platform/db/migrate';
import { MIGRATIONS } from '../../main/platform/db/migrations';
import { statsToday } from '../../main/features/stats/stats';
import { inProcessHost } from '../helpers/inproc';
import { KK_VALID, NIK_MALE } from '../helpers/factories';
import { tempDir } from '../helpers/host';

const VISITOR = { nik: NIK_MALE, name: 'Budi Santoso', kk: KK_VALID, phone: '081234567890', purpose: 'Informasi kepesertaan' };
const REASON = 'Pengunjung hanya bertanya, tidak membawa KTP';

describe('transfers keep numbering whole', () => {
  it('issues in both services after transfers in every direction, many times, never renumbering', async () => {
    const h = inProcessHost();
    const { tokens } = await h.setup();
    const issued: Record<string, string[]> = { A: [], B: [], D: [] };
    const issue = async (code: string): Promise<Ticket> => {
      h.advance(3);
      const r = await h.call('queue.issue', { serviceCode: code, priority: null }, tokens.satpam1);
      if (!r.ok) throw new Error(`issue ${code} after ${issued[code]!.at(-1)}: ${r.error.code} ${r.error.message}`);
      issued[code]!.push(r.value.label);
      return r.value;
    };
    const transfer = async (t: Ticket, to: string): Promise<Ticket> => {
      h.advance(2);
      return h.ok('queue.transfer', { ticketId: t.id, serviceCode: to, noCaseReason: REASON }, tokens.resep1);
    };
    const directions = [['A', 'B'], ['B', 'A'], ['A', 'D'], ['D', 'A'], ['B', 'D'], ['D', 'B']] as const;
    const moved: { ticket: Ticket; from: string; to: string }[] = [];
    // A ticket that keeps bouncing between A and B the whole morning.
    let bouncing = await issue('A');
    for (let round = 0; round < 4; round++) {
      for (const [from, to] of directions) {
        const t = await issue(from);
        const after = await transfer(t, to);
        moved.push({ ticket: after, from, to });
        expect(after).toMatchObject({ label: t.label, issuedServiceCode: from, serviceCode: to, status: 'waiting' });
        // Both services go on issuing, whatever number came in or went out.
        await issue(to);
        await issue(from);
      }
      bouncing = await transfer(bouncing, bouncing.serviceCode === 'A' ? 'B' : 'A');
      await issue('A');
      await issue('B');
    }
    expect(bouncing).toMatchObject({ label: 'A-001', issuedServiceCode: 'A', serviceCode: 'A' });

    // Gap-free, never repeated, per issuing service: exactly 1..n.
    for (const [code, labels] of Object.entries(issued)) expect(labels, code).toEqual(labels.map((_, i) => formatLabel(code, i + 1)));
    const rows = h.store.sqlite
      .prepare('SELECT s.code, t.number, t.label FROM tickets t JOIN services s ON s.id = t.service_id ORDER BY s.code, t.number')
      .all() as { code: string; number: number; label: string }[];
    for (const r of rows) expect(r.label).toBe(formatLabel(r.code, r.number));
    expect(rows).toHaveLength(Object.values(issued).flat().length);

    // Every moved ticket is where it was sent, with the number it was given.
    for (const m of moved) {
      const now = (await h.ok('queue.board', { stage: 'petugas' }, tokens.petugas1)).waiting.find((x) => x.id === m.ticket.id)
        ?? (await h.ok('queue.board', { stage: 'resepsionis' }, tokens.resep1)).waiting.find((x) => x.id === m.ticket.id);
      expect(now, m.ticket.label).toMatchObject({ label: m.ticket.label, issuedServiceCode: m.from, serviceCode: m.to });
    }

    // Statistics: every row is a real step of its service, under its own number and name.
    const services = await h.ok('services.list', {}, tokens.admin);
    const stepName = new Map(services.flatMap((s) => s.steps.map((st) => [`${s.code}/${st.seq}`, st.name] as const)));
    const stats = await h.ok('stats.today', {}, tokens.admin);
    for (const s of stats.steps) expect(stepName.get(`${s.serviceCode}/${s.seq}`), `${s.serviceCode} step ${s.seq}`).toBe(s.name);
    expect(stats.issued).toBe(rows.length);
  });

  it('counts each step under the service and step it was served in, after transfers both ways', async () => {
    const h = inProcessHost();
    const { tokens } = await h.setup();
    const finish = (ticketId: string, extra: object = {}) => h.ok('queue.finishStep', { ticketId, ...extra }, tokens.resep1);

    // A visitor of A, moved to D while typing the identity (A's step 3).
    const a = await h.ok('queue.issue', { serviceCode: 'A', priority: null }, tokens.satpam1);
    h.advance(10);
    await h.ok('queue.callNext', { stage: 'resepsionis' }, tokens.resep1);
    await h.ok('queue.startStep', { ticketId: a.id }, tokens.resep1);
    h.advance(30);
    await finish(a.id); // greeting done; "Mengetik identitas" starts at once
    await h.ok('cases.save', { ticketId: a.id, ...VISITOR }, tokens.resep1);
    h.advance(40);
    const toD = await h.ok('queue.transfer', { ticketId: a.id, serviceCode: 'D' }, tokens.resep1);
    expect(toD.currentStep).toMatchObject({ serviceCode: 'D', stepSeq: 3, name: 'Memberi informasi atau mencatat pengaduan', seq: 4 });
    expect(toD.steps.find((s) => s.seq === 3)).toMatchObject({ serviceCode: 'A', stepSeq: 3, durationSec: 40, implausible: false });
    await h.ok('queue.callNext', { stage: 'petugas' }, tokens.petugas1);
    await h.ok('queue.startStep', { ticketId: a.id }, tokens.petugas1);
    h.advance(120);
    await h.ok('queue.finishStep', { ticketId: a.id, outcome: 'selesai', outcomeNote: 'Informasi diberikan' }, tokens.petugas1);

    // A visitor of D, moved to A after the greeting, served through A's steps.
    const d = await h.ok('queue.issue', { serviceCode: 'D', priority: null }, tokens.satpam1);
    await h.ok('queue.callNext', { stage: 'resepsionis' }, tokens.resep1);
    await h.ok('queue.startStep', { ticketId: d.id }, tokens.resep1);
    h.advance(20);
    const toA = await h.ok('queue.transfer', { ticketId: d.id, serviceCode: 'A', noCaseReason: REASON }, tokens.resep1);
    expect(toA).toMatchObject({ label: 'D-001', serviceCode: 'A', issuedServiceCode: 'D', stage: 'resepsionis', status: 'waiting' });
    expect(toA.steps.filter((s) => !s.endedAt).map((s) => [s.serviceCode, s.stepSeq])).toEqual([['A', 3], ['A', 4], ['A', 5], ['A', 6], ['A', 7]]);
    await h.ok('queue.callNext', { stage: 'resepsionis' }, tokens.resep1);
    await h.ok('queue.startStep', { ticketId: d.id }, tokens.resep1);
    h.advance(50);
    for (let i = 0; i < 3; i++) {
      await finish(d.id);
      h.advance(15);
    }
    await h.ok('cases.save', { ticketId: d.id, ...VISITOR }, tokens.resep1);
    await finish(d.id);
    await h.ok('queue.callNext', { stage: 'petugas' }, tokens.petugas1);
    await h.ok('queue.startStep', { ticketId: d.id }, tokens.petugas1);
    h.advance(200);
    await h.ok('queue.finishStep', { ticketId: d.id, outcome: 'dirujuk', outcomeNote: 'Dirujuk ke BPJS cabang' }, tokens.petugas1);

    const stats = await h.ok('stats.today', {}, tokens.admin);
    const row = (code: string, seq: number) => stats.steps.filter((s) => s.serviceCode === code && s.seq === seq);
    expect(row('A', 2)).toMatchObject([{ count: 1, serviceMedianSec: 30 }]); // A's greeting: only A-001
    expect(row('A', 3)).toMatchObject([{ name: 'Mengetik identitas pengguna layanan', count: 2, serviceMedianSec: 45 }]); // 40 s and 50 s
    expect(row('A', 7)).toMatchObject([{ count: 1, serviceMedianSec: 200 }]);
    expect(row('D', 2)).toMatchObject([{ count: 1, serviceMedianSec: 20 }]); // D's greeting: only D-001
    expect(row('D', 3)).toMatchObject([{ name: 'Memberi informasi atau mencatat pengaduan', count: 1, serviceMedianSec: 120 }]);
    expect(row('D', 4)).toEqual([]); // D has no step 4
    expect(stats).toMatchObject({ issued: 2, done: 2, cancelled: 0, noShow: 0 });
  });
});

describe('migration 003 repairs data stored under the old transfer rules', () => {
  it('gives moved tickets their issuing service back and attributes every timing to its service and step', () => {
    const dir = tempDir('loket-mig003-');
    const store = new Store(join(dir, 'loket.sqlite'));
    migrate(store, MIGRATIONS.filter((m) => m.name < '003'));
    const db = store.sqlite;
    const at = (m: number) => new Date(Date.UTC(2026, 10, 25, 1, m)).toISOString(); // 08:mm WIB
    db.exec(`INSERT INTO users (id, username, full_name, password_hash, roles, active, created_at, updated_at)
             VALUES ('u1', 'resep1', 'Resep', 'x', '["resepsionis"]', 1, '${at(0)}', '${at(0)}')`);
    const steps: Record<string, [string, string][]> = {
      A: [['satpam', 'Tanya'], ['resepsionis', 'Salam'], ['resepsionis', 'Mengetik identitas'], ['petugas', 'Penyelesaian']],
      D: [['satpam', 'Tanya'], ['resepsionis', 'Salam'], ['petugas', 'Memberi informasi']],
    };
    for (const [code, list] of Object.entries(steps)) {
      db.prepare(`INSERT INTO services (id, code, name, active, sort, created_at, updated_at) VALUES (?, ?, ?, 1, 0, ?, ?)`).run(`s${code}`, code, `Layanan ${code}`, at(0), at(0));
      list.forEach(([role, name], i) =>
        db.prepare('INSERT INTO service_steps (id, service_id, seq, name, role, mutu_baku_min) VALUES (?, ?, ?, ?, ?, 5)').run(`${code}${i + 1}`, `s${code}`, i + 1, name, role));
    }
    const ticket = (id: string, serviceId: string, number: number, label: string, status: string, stage: string | null) =>
      db.prepare(`INSERT INTO tickets (id, service_id, day, number, label, priority, status, stage, counter_no, assigned_user_id, handled_by, issued_by,
                  issued_at, called_at, waiting_since, created_at, updated_at) VALUES (?, ?, '2026-11-25', ?, ?, NULL, ?, ?, NULL, NULL, NULL, 'u1', ?, NULL, ?, ?, ?)`)
        .run(id, serviceId, number, label, status, stage, at(1), at(1), at(1), at(9));
    const timing = (ticketId: string, seq: number, name: string, role: string, started: string | null, ended: string | null, ready: string | null = null) =>
      db.prepare(`INSERT INTO step_timings (id, ticket_id, seq, name, role, mutu_baku_min, ready_at, started_at, ended_at, user_id) VALUES (?, ?, ?, ?, ?, 5, ?, ?, ?, NULL)`)
        .run(`${ticketId}-${seq}`, ticketId, seq, name, role, ready, started, ended);
    db.transaction(() => {
      // A-001 was moved into D at 08:05 (the old rule: service_id changed), D had issued nothing.
      ticket('t1', 'sD', 1, 'A-001', 'waiting', 'petugas');
      timing('t1', 1, 'Tanya', 'satpam', at(0), at(1));
      timing('t1', 2, 'Salam', 'resepsionis', at(2), at(3), at(1));
      timing('t1', 3, 'Mengetik identitas', 'resepsionis', at(3), at(5), at(3));
      timing('t1', 4, 'Memberi informasi', 'petugas', null, null, at(5));
      db.prepare(`INSERT INTO ticket_events (id, ticket_id, kind, at, data) VALUES ('e1', 't1', 'transferred', ?, '{"serviceCode":"D","toUserId":null}')`).run(at(5));
      // A-002 never moved; skipped at 08:07.
      ticket('t2', 'sA', 2, 'A-002', 'skipped', 'resepsionis');
      timing('t2', 1, 'Tanya', 'satpam', at(1), at(2));
      timing('t2', 2, 'Salam', 'resepsionis', null, null, at(2));
      db.prepare(`INSERT INTO ticket_events (id, ticket_id, kind, at) VALUES ('e2', 't2', 'skipped', ?)`).run(at(7));
      db.prepare(`INSERT INTO ticket_counters (service_id, day, last_no) VALUES ('sA', '2026-11-25', 2)`).run();
      db.prepare(`INSERT INTO cases (id, ticket_id, nik, name, kk, phone, purpose, created_by, created_at, updated_at) VALUES ('c1', 't1', '', 'x', '', '', '', 'u1', ?, ?)`).run(at(4), at(4));
    }).immediate();

    expect(migrate(store)).toContain('003_transfers_keep_numbering.sql');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.prepare('SELECT id, service_id, current_service_id, number, label, status, skipped_at FROM tickets ORDER BY id').all()).toEqual([
      { id: 't1', service_id: 'sA', current_service_id: 'sD', number: 1, label: 'A-001', status: 'waiting', skipped_at: null },
      { id: 't2', service_id: 'sA', current_service_id: 'sA', number: 2, label: 'A-002', status: 'skipped', skipped_at: at(7) },
    ]);
    expect(db.prepare("SELECT seq, service_id, step_seq FROM step_timings WHERE ticket_id = 't1' ORDER BY seq").all()).toEqual([
      { seq: 1, service_id: 'sA', step_seq: 1 },
      { seq: 2, service_id: 'sA', step_seq: 2 },
      { seq: 3, service_id: 'sA', step_seq: 3 },
      { seq: 4, service_id: 'sD', step_seq: 3 },
    ]);
    // D's own number 1 is free again: its first issue no longer collides with A-001.
    expect(db.prepare("SELECT count(*) AS n FROM tickets WHERE service_id = 'sD' AND day = '2026-11-25' AND number = 1").get()).toEqual({ n: 0 });
    // The cases and history still point at the rebuilt table, and it still refuses orphans.
    expect(() => db.prepare("INSERT INTO cases (id, ticket_id, nik, name, kk, phone, purpose, created_by, created_at, updated_at) VALUES ('c2', 'nope', '', 'x', '', '', '', 'u1', 'a', 'a')").run()).toThrow(/FOREIGN KEY/);

    const stats = statsToday({ store, now: () => new Date(at(30)) } as never);
    const keyOf = (s: { serviceCode: string; seq: number }) => `${s.serviceCode}/${s.seq}`;
    expect(stats.steps.map(keyOf)).toEqual(['A/1', 'A/2', 'A/3', 'D/3']);
    expect(stats.steps.find((s) => keyOf(s) === 'A/3')).toMatchObject({ count: 1, serviceMedianSec: 120 });
    store.close();
  });
});
