// One scripted office morning for the dashboard's tests, driven through the contract: in-process
// (tests/integration/stats-day.test.ts, h.ok and h.setTime) or against a host process with a fake
// clock (tests/e2e/dashboard.spec.ts). Seven visitors: a transfer from A to D, a greeting clicked
// through in 5 s, a satpam step of 3 s, an overrun at the petugas, a no-show, two cancellations
// (pergi, salah layanan) and one still waiting; three counters, five officers.
import type { CallInput, CallName, CallOutput } from '../../common/contract/index';

export type Ok = <N extends CallName>(name: N, input: CallInput<N>, token: string) => Promise<CallOutput<N>>;

/** Who works where: satpam1 and resep1 at counter 1, resep2 and petugas1 at 2, petugas2 at 3. */
export type MorningTokens = Record<'satpam1' | 'resep1' | 'resep2' | 'petugas1' | 'petugas2', string>;

export const NO_CASE_REASON = 'Pengunjung hanya bertanya, tidak membawa KTP';

/** An instant on `day` (YYYY-MM-DD) by the office's clock (WIB, UTC+7). */
export function wib(day: string, hh: number, mm: number, ss = 0): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d, hh - 7, mm, ss));
}

/** Runs the morning of `day`; `setTime` moves the host's clock. */
export async function runMorning(ok: Ok, tokens: MorningTokens, day: string, setTime: (at: Date) => unknown): Promise<void> {
  const at = (hh: number, mm: number, ss = 0) => setTime(wib(day, hh, mm, ss));
  const issue = (serviceCode: string, satpamMs = 60_000) => ok('queue.issue', { serviceCode, priority: null, satpamMs }, tokens.satpam1);
  const call = (stage: 'resepsionis' | 'petugas', who: keyof MorningTokens) => ok('queue.callNext', { stage }, tokens[who]);
  const start = (ticketId: string, who: keyof MorningTokens) => ok('queue.startStep', { ticketId }, tokens[who]);
  const finish = (ticketId: string, who: keyof MorningTokens, extra: object = {}) => ok('queue.finishStep', { ticketId, ...extra }, tokens[who]);
  const outcome = { outcome: 'selesai', outcomeNote: 'Masalah kepesertaan selesai' } as const;

  // V1 D-001: resep1 at counter 1 greets (90 s), petugas1 at counter 2 serves (6 min).
  await at(8, 5);
  const v1 = await issue('D');
  await at(8, 6);
  await call('resepsionis', 'resep1');
  await at(8, 6, 30);
  await start(v1.id, 'resep1');
  await at(8, 8);
  await finish(v1.id, 'resep1', { noCaseReason: NO_CASE_REASON });
  await at(8, 10);
  await call('petugas', 'petugas1');
  await start(v1.id, 'petugas1');
  await at(8, 16);
  await finish(v1.id, 'petugas1', outcome);

  // V2 D-002: resep2 at counter 2 clicks the greeting through in 5 s; petugas2 at counter 3 overruns (13 min > 10).
  await at(8, 20);
  const v2 = await issue('D');
  await at(8, 21);
  await call('resepsionis', 'resep2');
  await start(v2.id, 'resep2');
  await at(8, 21, 5);
  await finish(v2.id, 'resep2', { noCaseReason: NO_CASE_REASON });
  await at(8, 25);
  await call('petugas', 'petugas2');
  await start(v2.id, 'petugas2');
  await at(8, 38);
  await finish(v2.id, 'petugas2', { outcome: 'dirujuk', outcomeNote: 'Dirujuk ke BPJS cabang' });

  // V3 A-001: greeted (60 s), typed for 2 min, moved to D; petugas1 serves D's step (5 min).
  await at(8, 30);
  const v3 = await issue('A');
  await at(8, 31);
  await call('resepsionis', 'resep1');
  await start(v3.id, 'resep1');
  await at(8, 32);
  await finish(v3.id, 'resep1'); // "Mengetik identitas" starts at once
  await at(8, 34);
  await ok('queue.transfer', { ticketId: v3.id, serviceCode: 'D', noCaseReason: NO_CASE_REASON }, tokens.resep1);
  await at(8, 40);
  await call('petugas', 'petugas1');
  await start(v3.id, 'petugas1');
  await at(8, 45);
  await finish(v3.id, 'petugas1', outcome);

  // V4 D-003: the satpam took 3 s (implausible); called, not there, skipped, closed as no-show.
  await at(8, 50);
  const v4 = await issue('D', 3_000);
  await at(8, 52);
  await call('resepsionis', 'resep2');
  await at(8, 53);
  await ok('queue.skip', { ticketId: v4.id }, tokens.resep2);

  // V5 A-002: left during the greeting. V6 D-004: still waiting. V7 B-001: came for the wrong service.
  await at(9, 0);
  const v5 = await issue('A');
  await at(9, 1);
  await call('resepsionis', 'resep1');
  await start(v5.id, 'resep1');
  await at(9, 3);
  await ok('queue.endVisit', { ticketId: v5.id, reason: 'pergi' }, tokens.resep1);
  await at(9, 10);
  await ok('queue.closeNoShow', { ticketId: v4.id }, tokens.resep2);
  await at(9, 15);
  await issue('D');
  await at(10, 20);
  const v7 = await issue('B');
  await at(10, 25);
  await ok('queue.endVisit', { ticketId: v7.id, reason: 'salah_layanan' }, tokens.resep1);
}
