// The background retry of "belum dicek" checks (seed 003): each owed check is asked again when its
// time comes (BPJS_PENDING_RETRY backoff), and at once when BPJS answers anyone again. What the
// retry fills in is marked, so the resepsionis's screen shows what changed.
import { qb } from '../../platform/db';
import type { ServerEvent } from '../../../common/contract/index';
import { backoffDelayMs } from '../../../common/domain/backoff';
import { BPJS_PENDING_RETRY } from '../../../common/domain/membership';
import { audit, iso, type Ctx, type Deps } from '../../platform/context';
import { askBpjs, insertCheck, rowOf } from './checks';
import { loadConfig } from './settings';

/** One pass over the checks now due; answers how many got a real answer. */
export async function retryPendingChecks(deps: Deps, publish: (e: ServerEvent) => void): Promise<number> {
  const { config } = loadConfig(deps);
  if (!config) return 0;
  const due = deps.store.all(
    qb.selectFrom('membership_checks as c')
      .innerJoin('cases', 'cases.id', 'c.case_id')
      .leftJoin('case_members as m', (j) => j.onRef('m.case_id', '=', 'c.case_id').onRef('m.nik', '=', 'c.nik'))
      .select(['c.id', 'c.case_id', 'c.nik', 'c.attempts', 'cases.ticket_id', 'm.has_card', 'm.position'])
      .where('c.retry_at', 'is not', null)
      .where('c.retry_at', '<=', iso(deps.now()))
      .orderBy('c.retry_at')
      .limit(40),
  );
  if (due.length === 0) return 0;
  const live = due.filter((d) => d.position !== null);
  const results = await askBpjs(deps, config, live.map((d) => d.nik));
  const ctx: Ctx = { ...deps, actor: null, remote: 'retry', token: null, events: [] };
  const changed = new Set<string>();
  let answered = 0;
  deps.store.tx((w) => {
    const at = deps.now();
    // A member removed from the family since: nothing is owed for them any more.
    for (const d of due) if (d.position === null) w.run(qb.updateTable('membership_checks').set({ retry_at: null }).where('id', '=', d.id));
    live.forEach((d, i) => {
      const r = results[i]!;
      if (r.kind === 'error') {
        const attempts = d.attempts + 1;
        w.run(
          qb.updateTable('membership_checks')
            .set({ attempts, retry_at: iso(new Date(at.getTime() + backoffDelayMs(attempts, BPJS_PENDING_RETRY))), reason: r.reason })
            .where('id', '=', d.id),
        );
        return;
      }
      answered++;
      changed.add(d.ticket_id);
      insertCheck(w, at, { caseId: d.case_id, nik: d.nik, row: rowOf(r, d.has_card === 1), source: 'bpjs', by: null, byRetry: true });
      audit(w, ctx, 'membership.retry', 'case', d.case_id, { position: d.position, attempts: d.attempts + 1 });
    });
  });
  for (const ticketId of changed) publish({ type: 'membership.changed', ticketId });
  return answered;
}

export interface RetryLoop {
  /** Run a pass now (BPJS just answered someone). */
  kick(): void;
  stop(): Promise<void>;
}

/** Looks for due checks every `tickMs`; one pass at a time. */
export function startMembershipRetry(deps: Deps, publish: (e: ServerEvent) => void, tickMs = 15_000): RetryLoop {
  let running: Promise<void> | null = null;
  let stopped = false;
  const pass = () => {
    if (running || stopped) return;
    running = retryPendingChecks(deps, publish)
      .then(() => undefined)
      .catch((err: unknown) => console.error(`[loket] cek ulang BPJS gagal: ${(err as Error).message}`))
      .finally(() => (running = null));
  };
  const timer = setInterval(pass, tickMs);
  timer.unref();
  return {
    kick: pass,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
