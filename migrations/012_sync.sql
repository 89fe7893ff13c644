-- Sync to the central server (../shared/sync.md). The outbox is written in the same transaction as
-- the record, through main/platform/sync/writePath.ts only: the guard triggers (made at start-up
-- from the registry in common/sync/tables.ts) refuse any other write to a synced table.

-- Open (1) only inside the write path's own statements, within one transaction; committed as 0.
CREATE TABLE sync_gate (id INTEGER PRIMARY KEY CHECK (id = 1), open INTEGER NOT NULL);
INSERT INTO sync_gate (id, open) VALUES (1, 0);

CREATE TABLE sync_outbox (
  op_id TEXT PRIMARY KEY,
  device_op_seq INTEGER NOT NULL UNIQUE,
  table_name TEXT NOT NULL,
  record_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('insert', 'patch', 'status', 'delete')),
  payload TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX sync_outbox_record ON sync_outbox (table_name, record_id);

-- One row per key: device id, op sequence, server URL, token, cursor, last success, state.
CREATE TABLE sync_state (key TEXT PRIMARY KEY, value TEXT NOT NULL);

-- Ops the server acknowledged but could not apply, with its reason (Admin → Sinkronisasi).
CREATE TABLE sync_quarantine (
  op_id TEXT PRIMARY KEY,
  table_name TEXT NOT NULL,
  record_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  payload TEXT NOT NULL,
  reason TEXT NOT NULL,
  at TEXT NOT NULL
);

-- The first synced table: each office day's queue figures per service and SOP step.
CREATE TABLE queue_day_stats (
  id TEXT PRIMARY KEY,
  day TEXT NOT NULL,
  service_code TEXT NOT NULL,
  service_name TEXT NOT NULL,
  step_seq INTEGER NOT NULL,
  step_name TEXT NOT NULL,
  issued INTEGER NOT NULL,
  done INTEGER NOT NULL,
  cancelled INTEGER NOT NULL,
  no_show INTEGER NOT NULL,
  steps INTEGER NOT NULL,
  service_median_sec INTEGER,
  within_mutu_baku_pct INTEGER,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (day, service_code, step_seq)
);
