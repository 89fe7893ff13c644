-- Issue 9 part B: the admin's changes to the holiday list, case follow-ups with working-day
-- deadlines, the DTKS/DTSEN register imported from Dinas Sosial's list, and messages sent out.

-- The shipped official list is code (common/domain/holidays.ts); the admin's additions and
-- removals are rows here. action 'add': a holiday the list lacks; 'remove': a listed day worked.
CREATE TABLE holiday_overrides (
  day         TEXT PRIMARY KEY,
  action      TEXT NOT NULL CHECK (action IN ('add', 'remove')),
  name        TEXT NOT NULL,
  updated_by  TEXT REFERENCES users(id),
  updated_at  TEXT NOT NULL
);

CREATE TABLE followups (
  id          TEXT PRIMARY KEY,
  ticket_id   TEXT NOT NULL REFERENCES tickets(id),
  nik         TEXT NOT NULL,
  member_name TEXT NOT NULL,
  kind        TEXT NOT NULL,
  status      TEXT NOT NULL,
  opened_day  TEXT NOT NULL,
  due_day     TEXT NOT NULL,
  owner_id    TEXT NOT NULL REFERENCES users(id),
  note        TEXT NOT NULL DEFAULT '',
  created_by  TEXT NOT NULL REFERENCES users(id),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);
-- One open follow-up of a kind per member of a visit.
CREATE UNIQUE INDEX followups_one_per_member ON followups(ticket_id, nik, kind);
CREATE INDEX followups_due ON followups(status, due_day);
CREATE INDEX followups_owner ON followups(owner_id, status);

CREATE TABLE followup_events (
  id           TEXT PRIMARY KEY,
  followup_id  TEXT NOT NULL REFERENCES followups(id),
  at           TEXT NOT NULL,
  user_id      TEXT REFERENCES users(id),
  action       TEXT NOT NULL,          -- created | advanced | reassigned
  from_status  TEXT,
  to_status    TEXT,
  note         TEXT NOT NULL DEFAULT ''
);
CREATE INDEX followup_events_by_followup ON followup_events(followup_id, at);

-- One row per imported list. The list in force is the one with status 'active' (at most one); a
-- list being written is 'loading' until its last batch, then a single transaction flips it to
-- 'active' and the previous one to 'replaced'. A host killed mid-import leaves a 'loading' list
-- that nobody reads and the next start removes.
CREATE TABLE dtks_imports (
  id           TEXT PRIMARY KEY,
  file_name    TEXT NOT NULL,
  status       TEXT NOT NULL CHECK (status IN ('loading', 'active', 'replaced')),
  row_count    INTEGER NOT NULL DEFAULT 0,
  bad_count    INTEGER NOT NULL DEFAULT 0,
  imported_by  TEXT REFERENCES users(id),
  started_at   TEXT NOT NULL,
  imported_at  TEXT
);
CREATE UNIQUE INDEX dtks_one_active ON dtks_imports(status) WHERE status = 'active';

CREATE TABLE dtks_people (
  import_id     TEXT NOT NULL,
  nik           TEXT NOT NULL,
  name          TEXT NOT NULL,
  kk            TEXT NOT NULL DEFAULT '',
  household_id  TEXT NOT NULL DEFAULT '',
  address       TEXT NOT NULL DEFAULT '',
  village       TEXT NOT NULL DEFAULT '',
  district      TEXT NOT NULL DEFAULT '',
  desil         TEXT NOT NULL DEFAULT '',
  row_no        INTEGER NOT NULL,
  -- nik first: a lookup is an exact key; the planner then never takes this key for a whole-list
  -- scan when a household or KK is asked for (those use the indexes below).
  PRIMARY KEY (nik, import_id)
) WITHOUT ROWID;
CREATE INDEX dtks_people_household ON dtks_people(import_id, household_id);
CREATE INDEX dtks_people_kk ON dtks_people(import_id, kk);

-- Messages sent out for a visit: e-mails to the BPJS branch (queued, retried until delivered or
-- given up) and WhatsApp links opened for the visitor.
CREATE TABLE messages (
  id              TEXT PRIMARY KEY,
  ticket_id       TEXT NOT NULL REFERENCES tickets(id),
  channel         TEXT NOT NULL CHECK (channel IN ('email', 'whatsapp')),
  recipient       TEXT NOT NULL,
  subject         TEXT NOT NULL DEFAULT '',
  body            TEXT NOT NULL,
  attachments     TEXT NOT NULL DEFAULT '[]',   -- JSON: [{ name, path, sizeBytes }]
  status          TEXT NOT NULL CHECK (status IN ('queued', 'sent', 'failed', 'opened')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  last_error      TEXT,
  next_attempt_at TEXT,
  created_by      TEXT REFERENCES users(id),
  created_at      TEXT NOT NULL,
  sent_at         TEXT
);
CREATE INDEX messages_by_ticket ON messages(ticket_id, created_at);
CREATE INDEX messages_pending ON messages(status, next_attempt_at);
