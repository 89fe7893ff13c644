-- Issue 8: a ticket keeps its printed number for life, and the queue's other rules of a real day.
--
-- 1. Numbering belongs to the service that ISSUED a ticket: tickets.service_id stays the issuing
--    service (with ticket_counters and UNIQUE (service_id, day, number) untouched, so the number
--    stays unique where it was made), and the new tickets.current_service_id says where the visitor
--    is now. A transfer changes only current_service_id: it can never collide with the target
--    service's own numbers, in either direction, however many times. Until now a transfer moved
--    service_id itself; those tickets get their issuing service back here, read from the label
--    (the code before the dash: labels were never changed, and service codes are unique).
-- 2. New final statuses: cancelled (visit ended early, with end_reason) and no_show (a skipped
--    visitor closed as absent); the petugas's outcome and note; when a ticket was skipped and closed.
--    A CHECK cannot be altered in SQLite, so tickets is rebuilt. step_timings, ticket_events and
--    cases reference it: with foreign keys deferred, dropping the old table counts their rows as
--    orphans and inserting the same ids into the new table counts them back, so the commit checks
--    that every reference still holds (it fails, and nothing changes, otherwise).
-- 3. Each step timing records the service and the step (its number in that service's SOP) it
--    belongs to; statistics group by those, not by the ticket's service and position.
-- 4. request_log: the exactly-once record of calls that create or move something (see
--    common/contract/core.ts, EntryFlags.idempotent).
PRAGMA defer_foreign_keys = ON;

CREATE TEMP TABLE tickets_before_003 AS SELECT * FROM tickets;
DROP INDEX tickets_day_status;
DROP TABLE tickets;

CREATE TABLE tickets (
  id                 TEXT PRIMARY KEY,
  service_id         TEXT NOT NULL REFERENCES services(id),   -- the issuing service: owns the number
  current_service_id TEXT NOT NULL REFERENCES services(id),   -- where the visitor is now
  day                TEXT NOT NULL,
  number             INTEGER NOT NULL,
  label              TEXT NOT NULL,
  priority           TEXT CHECK (priority IN ('lansia', 'disabilitas', 'ibu_hamil', 'gawat_darurat')),
  status             TEXT NOT NULL CHECK (status IN ('waiting', 'called', 'serving', 'skipped', 'done', 'cancelled', 'no_show')),
  stage              TEXT CHECK (stage IN ('resepsionis', 'petugas')),
  counter_no         INTEGER,
  assigned_user_id   TEXT REFERENCES users(id),
  handled_by         TEXT REFERENCES users(id),
  issued_by          TEXT NOT NULL REFERENCES users(id),
  issued_at          TEXT NOT NULL,
  called_at          TEXT,
  waiting_since      TEXT NOT NULL,
  skipped_at         TEXT,                -- set while status = 'skipped'
  closed_at          TEXT,                -- when it became done, cancelled or no_show
  end_reason         TEXT CHECK (end_reason IN ('pergi', 'salah_layanan', 'lainnya')),
  outcome            TEXT CHECK (outcome IN ('selesai', 'dirujuk', 'kurang_berkas', 'ditolak')),
  outcome_note       TEXT,
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL,
  UNIQUE (service_id, day, number)
);
CREATE INDEX tickets_day_status ON tickets (day, status, stage);

INSERT INTO tickets (
  id, service_id, current_service_id, day, number, label, priority, status, stage, counter_no,
  assigned_user_id, handled_by, issued_by, issued_at, called_at, waiting_since, skipped_at, closed_at,
  end_reason, outcome, outcome_note, created_at, updated_at
)
SELECT
  b.id,
  COALESCE((SELECT s.id FROM services s WHERE s.code = substr(b.label, 1, instr(b.label, '-') - 1)), b.service_id),
  b.service_id,
  b.day, b.number, b.label, b.priority, b.status, b.stage, b.counter_no,
  b.assigned_user_id, b.handled_by, b.issued_by, b.issued_at, b.called_at, b.waiting_since,
  CASE WHEN b.status = 'skipped'
    THEN (SELECT max(e.at) FROM ticket_events e WHERE e.ticket_id = b.id AND e.kind = 'skipped') END,
  CASE WHEN b.status = 'done'
    THEN COALESCE((SELECT max(e.at) FROM ticket_events e WHERE e.ticket_id = b.id AND e.kind = 'finished'), b.updated_at) END,
  NULL, NULL, NULL, b.created_at, b.updated_at
FROM tickets_before_003 b;

DROP TABLE tickets_before_003;

ALTER TABLE step_timings ADD COLUMN service_id TEXT REFERENCES services(id);
ALTER TABLE step_timings ADD COLUMN step_seq INTEGER;

-- The service a timing was served under: for a ticket moved to other services, the target of the
-- last transfer made before the step started (or became ready, for a step not started); otherwise
-- the issuing service. Before this migration a transfer always appended the target's steps after
-- the ones already under way, so that order is the one the history shows.
UPDATE step_timings SET service_id = COALESCE(
  (SELECT s.id
     FROM ticket_events e
     JOIN services s ON s.code = json_extract(e.data, '$.serviceCode')
    WHERE e.ticket_id = step_timings.ticket_id
      AND e.kind = 'transferred'
      AND json_extract(e.data, '$.serviceCode') IS NOT NULL
      AND e.at <= COALESCE(step_timings.started_at, step_timings.ready_at, '9999')
    ORDER BY e.at DESC
    LIMIT 1),
  (SELECT t.service_id FROM tickets t WHERE t.id = step_timings.ticket_id)
);
-- The step's own number in that service's SOP, found by name and role (a transfer renumbered the
-- steps it appended); the position is kept where the service's steps were changed since.
UPDATE step_timings SET step_seq = COALESCE(
  (SELECT ss.seq FROM service_steps ss
    WHERE ss.service_id = step_timings.service_id AND ss.name = step_timings.name AND ss.role = step_timings.role
    ORDER BY ss.seq LIMIT 1),
  step_timings.seq
);
CREATE INDEX step_timings_service ON step_timings (service_id, step_seq);

CREATE TABLE request_log (
  request_id  TEXT PRIMARY KEY,           -- the client's UUIDv7 for one user action
  call        TEXT NOT NULL,              -- the contract entry it was made for
  user_id     TEXT,                       -- who made it: another user's repeat is refused
  result      TEXT,                       -- the first answer as JSON; NULL when not replayed
  at          TEXT NOT NULL
);
CREATE INDEX request_log_at ON request_log (at);
