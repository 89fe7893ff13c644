-- Foundation: office, users, desks, sessions, services and their SOP steps, the visitor queue.
-- Sync-ready: UUIDv7 text ids made on the device, UTC ISO-8601 timestamps with milliseconds,
-- append-only event rows instead of silent edits.

CREATE TABLE office (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  kab_kota    TEXT NOT NULL,
  address     TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);

CREATE TABLE users (
  id            TEXT PRIMARY KEY,
  username      TEXT NOT NULL UNIQUE,
  full_name     TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  roles         TEXT NOT NULL,            -- JSON array of role names
  active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
);

CREATE TABLE desks (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  counter_no  INTEGER NOT NULL,
  token_hash  TEXT NOT NULL UNIQUE,       -- sha256 of the desk token; the token itself is never stored
  created_at  TEXT NOT NULL,
  revoked_at  TEXT
);

CREATE TABLE sessions (
  token_hash  TEXT PRIMARY KEY,
  user_id     TEXT NOT NULL REFERENCES users(id),
  desk_id     TEXT NOT NULL REFERENCES desks(id),
  created_at  TEXT NOT NULL,
  expires_at  TEXT NOT NULL,
  revoked_at  TEXT
);

CREATE TABLE settings (
  key    TEXT PRIMARY KEY,
  value  TEXT NOT NULL
);

CREATE TABLE services (
  id          TEXT PRIMARY KEY,
  code        TEXT NOT NULL UNIQUE CHECK (length(code) = 1),
  name        TEXT NOT NULL,
  active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  sort        INTEGER NOT NULL DEFAULT 0,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);

-- The SOP steps of a service with their standard time. Saving a service replaces its steps;
-- tickets copy the steps they were issued with into step_timings, so history never changes.
CREATE TABLE service_steps (
  id             TEXT PRIMARY KEY,
  service_id     TEXT NOT NULL REFERENCES services(id),
  seq            INTEGER NOT NULL,
  name           TEXT NOT NULL,
  role           TEXT NOT NULL CHECK (role IN ('satpam', 'resepsionis', 'petugas')),
  mutu_baku_min  INTEGER NOT NULL CHECK (mutu_baku_min > 0),
  UNIQUE (service_id, seq)
);

-- Per service and day, the last number issued. Incremented in the same transaction that inserts
-- the ticket, so numbers are never lost or repeated.
CREATE TABLE ticket_counters (
  service_id  TEXT NOT NULL REFERENCES services(id),
  day         TEXT NOT NULL,              -- YYYY-MM-DD, office local day
  last_no     INTEGER NOT NULL,
  PRIMARY KEY (service_id, day)
);

CREATE TABLE tickets (
  id                 TEXT PRIMARY KEY,
  service_id         TEXT NOT NULL REFERENCES services(id),
  day                TEXT NOT NULL,
  number             INTEGER NOT NULL,
  label              TEXT NOT NULL,
  priority           TEXT CHECK (priority IN ('lansia', 'disabilitas', 'ibu_hamil', 'gawat_darurat')),
  status             TEXT NOT NULL CHECK (status IN ('waiting', 'called', 'serving', 'skipped', 'done')),
  stage              TEXT CHECK (stage IN ('resepsionis', 'petugas')),
  counter_no         INTEGER,
  assigned_user_id   TEXT REFERENCES users(id),
  handled_by         TEXT REFERENCES users(id),
  issued_by          TEXT NOT NULL REFERENCES users(id),
  issued_at          TEXT NOT NULL,
  called_at          TEXT,
  waiting_since      TEXT NOT NULL,
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL,
  UNIQUE (service_id, day, number)
);
CREATE INDEX tickets_day_status ON tickets (day, status, stage);

CREATE TABLE step_timings (
  id             TEXT PRIMARY KEY,
  ticket_id      TEXT NOT NULL REFERENCES tickets(id),
  seq            INTEGER NOT NULL,
  name           TEXT NOT NULL,
  role           TEXT NOT NULL,
  mutu_baku_min  INTEGER NOT NULL,
  ready_at       TEXT,                    -- when the visitor became ready for this step (start of the wait)
  started_at     TEXT,
  ended_at       TEXT,
  user_id        TEXT REFERENCES users(id),
  UNIQUE (ticket_id, seq)
);

-- Append-only history of everything that happened to a ticket.
CREATE TABLE ticket_events (
  id          TEXT PRIMARY KEY,
  ticket_id   TEXT NOT NULL REFERENCES tickets(id),
  kind        TEXT NOT NULL,
  at          TEXT NOT NULL,
  user_id     TEXT REFERENCES users(id),
  desk_id     TEXT REFERENCES desks(id),
  stage       TEXT,
  priority    INTEGER NOT NULL DEFAULT 0,  -- 1 when a priority ticket was called (for the ratio)
  counter_no  INTEGER,
  data        TEXT                         -- JSON
);
CREATE INDEX ticket_events_ticket ON ticket_events (ticket_id, at);
CREATE INDEX ticket_events_kind_at ON ticket_events (kind, at);

CREATE TABLE cases (
  id          TEXT PRIMARY KEY,
  ticket_id   TEXT NOT NULL UNIQUE REFERENCES tickets(id),
  nik         TEXT NOT NULL,
  name        TEXT NOT NULL,
  kk          TEXT NOT NULL,
  birth_date  TEXT,                       -- YYYY-MM-DD as typed from the KTP, if any
  phone       TEXT NOT NULL,
  purpose     TEXT NOT NULL,
  created_by  TEXT NOT NULL REFERENCES users(id),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);

CREATE TABLE audit (
  id          TEXT PRIMARY KEY,
  at          TEXT NOT NULL,
  user_id     TEXT,
  desk_id     TEXT,
  action      TEXT NOT NULL,
  entity      TEXT,
  entity_id   TEXT,
  detail      TEXT
);
CREATE INDEX audit_at ON audit (at);
