-- Issue 9: the family on the visitor's KK, and membership checks at BPJS per member.
CREATE TABLE case_families (
  case_id     TEXT PRIMARY KEY REFERENCES cases(id),
  kk          TEXT NOT NULL,
  address     TEXT NOT NULL,
  head_name   TEXT NOT NULL,
  updated_by  TEXT NOT NULL REFERENCES users(id),
  updated_at  TEXT NOT NULL
);
-- "Pick from an earlier visit": the last family stored with this KK number.
CREATE INDEX case_families_kk ON case_families(kk, updated_at);

CREATE TABLE case_members (
  case_id     TEXT NOT NULL REFERENCES case_families(case_id),
  position    INTEGER NOT NULL,           -- 1 = the visitor
  nik         TEXT NOT NULL,
  name        TEXT NOT NULL,
  sex         TEXT CHECK (sex IN ('L', 'P')),
  birth_date  TEXT,                       -- YYYY-MM-DD
  relation    TEXT NOT NULL,
  has_card    INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (case_id, position),
  UNIQUE (case_id, nik)
);

-- Append-only: a member's current check is the latest row; corrections are new rows.
CREATE TABLE membership_checks (
  id                TEXT PRIMARY KEY,
  case_id           TEXT NOT NULL REFERENCES cases(id),
  nik               TEXT NOT NULL,
  status            TEXT NOT NULL CHECK (status IN ('active', 'inactive', 'not_found', 'unchecked')),
  next_action       TEXT NOT NULL,
  source            TEXT NOT NULL CHECK (source IN ('bpjs', 'manual')),
  card_no           TEXT NOT NULL DEFAULT '',
  class_name        TEXT NOT NULL DEFAULT '',
  participant_name  TEXT NOT NULL DEFAULT '',
  reason            TEXT NOT NULL DEFAULT '',
  checked_at        TEXT NOT NULL,
  checked_by        TEXT REFERENCES users(id),
  -- 'unchecked' rows the retry loop still owes: attempts made and when the next one is due.
  attempts          INTEGER NOT NULL DEFAULT 0,
  retry_at          TEXT,
  -- Filled by the retry loop: the row replaced a "belum dicek" without anyone at the screen.
  by_retry          INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX membership_checks_member ON membership_checks(case_id, nik, checked_at);
CREATE INDEX membership_checks_retry ON membership_checks(retry_at) WHERE retry_at IS NOT NULL;

CREATE TABLE membership_decisions (
  id          TEXT PRIMARY KEY,
  check_id    TEXT NOT NULL REFERENCES membership_checks(id),
  action      TEXT NOT NULL,
  overridden  INTEGER NOT NULL,
  reason      TEXT NOT NULL,
  decided_by  TEXT NOT NULL REFERENCES users(id),
  decided_at  TEXT NOT NULL
);
CREATE INDEX membership_decisions_check ON membership_decisions(check_id, decided_at);
