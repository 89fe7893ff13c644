-- Issue 8: desks staff can set up without IT help.
-- 1. Which services a desk calls (desk_services); a desk with none calls every service.
-- 2. A desk's state: open, paused ("Istirahat") or closed ("Tutup"); only an open desk calls.
-- 3. Short pairing codes (8 characters, expiring, single use): only the code's SHA-256 is stored,
--    like desk and session tokens, so a copied database holds no usable code.
ALTER TABLE desks ADD COLUMN status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'paused', 'closed'));
ALTER TABLE desks ADD COLUMN status_at TEXT;

CREATE TABLE desk_services (
  desk_id     TEXT NOT NULL REFERENCES desks(id),
  service_id  TEXT NOT NULL REFERENCES services(id),
  PRIMARY KEY (desk_id, service_id)
) WITHOUT ROWID;

CREATE TABLE pairing_codes (
  code_hash   TEXT PRIMARY KEY,
  desk_id     TEXT NOT NULL REFERENCES desks(id),
  created_at  TEXT NOT NULL,
  expires_at  TEXT NOT NULL,
  used_at     TEXT
);
CREATE INDEX pairing_codes_desk ON pairing_codes (desk_id);
