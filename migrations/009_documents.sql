-- The case file (issue 10). Files live on disk by content (main/platform/files.ts: <data>/files/ab/<sha256>),
-- never changed in place; these tables only point at them.

-- What each service asks for, as the admin saved it (no row: the seeds' defaults, common/domain/documents.ts).
CREATE TABLE document_checklists (
  service_id  TEXT PRIMARY KEY REFERENCES services(id),
  doc_types   TEXT NOT NULL,            -- JSON array of doc type codes, in order
  updated_by  TEXT REFERENCES users(id),
  updated_at  TEXT NOT NULL
);

-- One page of a case's document. An edit (rotate, crop) or a removal keeps the row and marks it
-- replaced/removed; the replacement is a new row with a new file.
CREATE TABLE document_pages (
  id            TEXT PRIMARY KEY,
  ticket_id     TEXT NOT NULL REFERENCES tickets(id),
  doc_type      TEXT NOT NULL,
  seq           INTEGER NOT NULL,        -- order within the document; a replacement keeps its place
  file_sha256   TEXT NOT NULL,           -- the stored page (JPEG)
  thumb_sha256  TEXT NOT NULL,
  source_sha256 TEXT NOT NULL,           -- the file as it arrived (scanner, camera, upload)
  mime          TEXT NOT NULL,
  width         INTEGER NOT NULL,
  height        INTEGER NOT NULL,
  bytes         INTEGER NOT NULL,
  source        TEXT NOT NULL,           -- 'upload' | 'scan' | 'edit'
  created_by    TEXT REFERENCES users(id),
  created_at    TEXT NOT NULL,
  replaced_by   TEXT REFERENCES document_pages(id),
  removed_at    TEXT
);
CREATE INDEX document_pages_case ON document_pages(ticket_id, doc_type, seq);
-- The same file picked twice into one document is one page (scanned sheets may look alike: each is a page).
CREATE INDEX document_pages_source ON document_pages(ticket_id, doc_type, source_sha256);

-- A document's pages as one PDF, remade (as a new file) whenever its pages change.
CREATE TABLE document_pdfs (
  ticket_id    TEXT NOT NULL REFERENCES tickets(id),
  doc_type     TEXT NOT NULL,
  file_sha256  TEXT,                     -- null: no pages left
  bytes        INTEGER,
  updated_at   TEXT NOT NULL,
  PRIMARY KEY (ticket_id, doc_type)
);

-- Uploads in progress: the bytes so far are in <data>/uploads/<id>.part.
CREATE TABLE document_uploads (
  id           TEXT PRIMARY KEY,
  ticket_id    TEXT NOT NULL REFERENCES tickets(id),
  doc_type     TEXT NOT NULL,
  sha256       TEXT NOT NULL,
  size         INTEGER NOT NULL,
  origin       TEXT NOT NULL,            -- 'file' | 'camera' | 'scanner'
  user_id      TEXT REFERENCES users(id),
  created_at   TEXT NOT NULL,
  finished_at  TEXT
);
CREATE INDEX document_uploads_open ON document_uploads(ticket_id, doc_type, sha256) WHERE finished_at IS NULL;

-- An incomplete file handed back to the visitor (seed 002 step 2), with what was missing.
CREATE TABLE file_returns (
  id          TEXT PRIMARY KEY,
  ticket_id   TEXT NOT NULL REFERENCES tickets(id),
  missing     TEXT NOT NULL,             -- JSON array of doc type codes
  user_id     TEXT REFERENCES users(id),
  created_at  TEXT NOT NULL
);

-- The scanner each desk's own PC drives (Admin → Dokumen).
CREATE TABLE desk_scanners (
  desk_id     TEXT PRIMARY KEY REFERENCES desks(id),
  config      TEXT NOT NULL,             -- JSON ScannerConfig
  updated_at  TEXT NOT NULL
);
