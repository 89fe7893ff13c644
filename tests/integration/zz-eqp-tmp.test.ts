import { it } from 'vitest';
import { inProcessHost } from '/work/main/tests/helpers/inproc';
it('plan', async () => {
  const h = inProcessHost();
  await h.setup();
  const db = h.store.sqlite;
  
  for (const sql of [
    "SELECT e.ticket_id, e.at, e.counter_no FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id WHERE t.day = ? AND +e.kind = 'called' AND e.counter_no IS NOT NULL ORDER BY e.at",
    "SELECT st.ticket_id FROM step_timings st JOIN tickets t ON t.id = st.ticket_id JOIN services s ON s.id = st.service_id WHERE t.day = ?",
    "SELECT day, count(*) FROM tickets GROUP BY day ORDER BY day DESC LIMIT 400",
  ]) console.log(sql.slice(0, 60), db.prepare('EXPLAIN QUERY PLAN ' + sql).all(...(sql.includes('?') ? ['2026-11-25'] : [])).map((r: any) => r.detail));
});
