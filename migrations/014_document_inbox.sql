-- The case file, continued (issue 10): the scan inbox of each desk (Kotak masuk pindaian), filled
-- all the time from the folder a scan-to-folder network scanner writes to, and the scanners each
-- desk's PC found (Admin → Dokumen). Files live on disk by content (main/platform/files.ts).

-- One file that arrived in a desk's watched folder. An image is one page, a scanner's PDF one page
-- per sheet; a refused file (not an image or a PDF, unreadable, too large) keeps its row with the
-- reason so the desk is told. The original file itself is not kept in the store: it is moved to
-- `sudah-diimpor/` (or `ditolak/`) in the watched folder, so nothing is lost and nothing is taken twice.
CREATE TABLE document_inbox (
  id            TEXT PRIMARY KEY,
  desk_id       TEXT NOT NULL REFERENCES desks(id),
  file_name     TEXT NOT NULL,
  sha256        TEXT NOT NULL,           -- of the file as it arrived: the same file again is recognised
  bytes         INTEGER NOT NULL,
  kind          TEXT NOT NULL,           -- 'image' | 'pdf' | 'refused'
  message       TEXT,                    -- why a file was refused (Indonesian)
  arrived_at    TEXT NOT NULL,
  assigned_at   TEXT,                    -- put into a case's document
  assigned_by   TEXT REFERENCES users(id),
  ticket_id     TEXT REFERENCES tickets(id),
  doc_type      TEXT,
  discarded_at  TEXT,                    -- thrown away (or a refusal acknowledged) at the desk
  discarded_by  TEXT REFERENCES users(id)
);
CREATE INDEX document_inbox_open ON document_inbox(desk_id, arrived_at) WHERE assigned_at IS NULL AND discarded_at IS NULL;
CREATE INDEX document_inbox_sha ON document_inbox(desk_id, sha256);

-- The pages of an inbox file, already through the image pipeline (JPEG and thumbnail). Removed
-- when the file is thrown away, so the orphan sweep may take the page files after its grace period.
CREATE TABLE document_inbox_pages (
  item_id       TEXT NOT NULL REFERENCES document_inbox(id),
  seq           INTEGER NOT NULL,
  file_sha256   TEXT NOT NULL,
  thumb_sha256  TEXT NOT NULL,
  width         INTEGER NOT NULL,
  height        INTEGER NOT NULL,
  bytes         INTEGER NOT NULL,
  PRIMARY KEY (item_id, seq)
);

-- The scanners a PC found: a desk's own PC (scope = the desk id) or the host's (scope = 'host').
CREATE TABLE scanner_reports (
  scope        TEXT PRIMARY KEY,
  devices      TEXT NOT NULL,            -- JSON [{ adapter, device, label }]
  notes        TEXT NOT NULL,            -- JSON [string]: what could not be searched, and why (Indonesian)
  reported_at  TEXT NOT NULL
);
