-- The central server's schema. Every office-owned table leads with office_id, so the step beyond one
-- Postgres (partitioning by province/office, or Citus distributing on office_id) needs no key change.

CREATE TABLE offices (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  kab_kota TEXT NOT NULL DEFAULT '',
  province TEXT NOT NULL DEFAULT '',
  created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- One-time enrolment codes (hashed); used_at set by the enrolment that took it.
CREATE TABLE enrol_codes (
  code_hash TEXT PRIMARY KEY,
  office_id TEXT NOT NULL REFERENCES offices(id),
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  expires_at TIMESTAMPTZ NOT NULL,
  used_at TIMESTAMPTZ
);

-- An enrolled office host: its token (hashed) is bound to one office; revoked_at stops it at once.
CREATE TABLE devices (
  id TEXT PRIMARY KEY,
  office_id TEXT NOT NULL REFERENCES offices(id),
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  revoked_at TIMESTAMPTZ,
  last_sync_at TIMESTAMPTZ,
  backlog INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX devices_office ON devices (office_id);

-- Exactly once: an op is new only if its op_id is not here yet.
CREATE TABLE applied_ops (
  office_id TEXT NOT NULL,
  op_id UUID NOT NULL,
  device_id TEXT NOT NULL,
  device_op_seq BIGINT NOT NULL,
  result TEXT NOT NULL CHECK (result IN ('applied', 'quarantined')),
  applied_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (op_id)
);
CREATE INDEX applied_ops_device ON applied_ops (device_id, device_op_seq);

-- Every synced record as merged: data, each field's LWW clock, the last change's server_seq.
CREATE TABLE records (
  office_id TEXT NOT NULL,
  table_name TEXT NOT NULL,
  record_id TEXT NOT NULL,
  data JSONB NOT NULL,
  clocks JSONB NOT NULL,
  server_seq BIGINT NOT NULL,
  deleted BOOLEAN NOT NULL DEFAULT false,
  PRIMARY KEY (office_id, table_name, record_id)
);
CREATE INDEX records_table ON records (table_name, office_id);

-- The change log in one global order; an office downloads its own after its cursor.
CREATE TABLE changes (
  server_seq BIGSERIAL PRIMARY KEY,
  office_id TEXT NOT NULL,
  table_name TEXT NOT NULL,
  record_id TEXT NOT NULL,
  op_id UUID NOT NULL,
  data JSONB NOT NULL,
  at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX changes_office_seq ON changes (office_id, server_seq);

-- The values that lost a merge (LWW, or a status that would have moved backward).
CREATE TABLE record_history (
  id BIGSERIAL PRIMARY KEY,
  office_id TEXT NOT NULL,
  table_name TEXT NOT NULL,
  record_id TEXT NOT NULL,
  field TEXT NOT NULL,
  value JSONB,
  clock TEXT,
  reason TEXT NOT NULL,
  op_id UUID NOT NULL,
  at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX record_history_record ON record_history (office_id, table_name, record_id);

CREATE TABLE quarantine (
  op_id UUID PRIMARY KEY,
  office_id TEXT NOT NULL,
  device_id TEXT NOT NULL,
  op JSONB NOT NULL,
  reason TEXT NOT NULL,
  at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX quarantine_office ON quarantine (office_id, at);

-- Files (letter PDFs) by content hash: an office sends only what the server lacks.
CREATE TABLE files (
  sha256 TEXT PRIMARY KEY,
  office_id TEXT NOT NULL,
  size INTEGER NOT NULL,
  content BYTEA NOT NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Browser accounts for the central pages: 'pusat' reads across offices, 'kantor' only its office.
CREATE TABLE users (
  id TEXT PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  password_hash TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'pusat', 'kantor')),
  office_id TEXT REFERENCES offices(id),
  created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id),
  expires_at TIMESTAMPTZ NOT NULL
);
