-- Letters (surat rekomendasi / keterangan penjaminan, DTKS and SKTM statements) and the register of
-- submissions: one row in `letters` per submission, from the received file to the hand-over.

CREATE TABLE letter_types (
  id TEXT PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  -- 'rekomendasi' letters go to a hospital; 'keterangan' are statements (DTKS, SKTM)
  kind TEXT NOT NULL CHECK (kind IN ('rekomendasi', 'keterangan')),
  number_pattern TEXT NOT NULL,
  subject TEXT NOT NULL,
  -- wording with {pasien}, {nik}, {alamat}, {rumah_sakit}, {diagnosis} placeholders
  opening TEXT NOT NULL,
  closing TEXT NOT NULL,
  -- the official the letter is signed for (the head of office), when set
  signer_official_id TEXT,
  required_docs TEXT NOT NULL DEFAULT '[]',
  active INTEGER NOT NULL DEFAULT 1,
  sort INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE hospitals (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  addressee TEXT NOT NULL,
  city TEXT NOT NULL,
  required_docs TEXT NOT NULL DEFAULT '[]',
  active INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE officials (
  id TEXT PRIMARY KEY,
  user_id TEXT REFERENCES users(id),
  name TEXT NOT NULL,
  title TEXT NOT NULL,
  rank TEXT NOT NULL DEFAULT '',
  nip TEXT NOT NULL DEFAULT '',
  -- optional scanned signature and stamp (PNG/JPEG data URLs); printed only when set
  signature_image TEXT,
  stamp_image TEXT,
  active INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX officials_user ON officials(user_id) WHERE user_id IS NOT NULL;

CREATE TABLE delegations (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('an', 'ub', 'plt', 'plh')),
  principal_id TEXT NOT NULL REFERENCES officials(id),
  delegate_id TEXT NOT NULL REFERENCES officials(id),
  via_id TEXT REFERENCES officials(id),
  valid_from TEXT NOT NULL,
  valid_to TEXT,
  note TEXT NOT NULL DEFAULT '',
  created_by TEXT,
  created_at TEXT NOT NULL,
  revoked_at TEXT
);
CREATE INDEX delegations_delegate ON delegations(delegate_id, valid_from);

-- The gapless sequence per letter type and office calendar year. Taken with the approval, in the
-- same IMMEDIATE transaction, so a number exists exactly when an approved letter carries it.
CREATE TABLE letter_counters (
  letter_type_id TEXT NOT NULL REFERENCES letter_types(id),
  year INTEGER NOT NULL,
  last_no INTEGER NOT NULL,
  PRIMARY KEY (letter_type_id, year)
) WITHOUT ROWID;

CREATE TABLE letters (
  id TEXT PRIMARY KEY,
  -- receipt time in ms * 1000 + n: the register's date order as one integer; the FTS index's rowid
  reg_key INTEGER NOT NULL,
  letter_type_id TEXT NOT NULL REFERENCES letter_types(id),
  status TEXT NOT NULL,
  status_rank INTEGER NOT NULL,
  ticket_id TEXT,
  patient_name TEXT NOT NULL,
  nik TEXT NOT NULL,
  address TEXT NOT NULL DEFAULT '',
  diagnosis TEXT NOT NULL DEFAULT '',
  hospital_id TEXT REFERENCES hospitals(id),
  hospital_name TEXT NOT NULL DEFAULT '',
  docs_present TEXT NOT NULL DEFAULT '[]',
  docs_missing TEXT NOT NULL DEFAULT '[]',
  sifat TEXT NOT NULL DEFAULT 'Biasa',
  lampiran TEXT NOT NULL DEFAULT '-',
  subject TEXT NOT NULL DEFAULT '',
  body TEXT NOT NULL DEFAULT '',
  tembusan TEXT NOT NULL DEFAULT '[]',
  year INTEGER,
  seq INTEGER,
  number TEXT,
  -- year * 1000000 + seq: sorts the register by number
  number_key INTEGER,
  officer_id TEXT NOT NULL,
  officer_name TEXT NOT NULL,
  approved_by TEXT,
  signed_by TEXT,
  signer_official_id TEXT,
  delegation_id TEXT,
  signature TEXT,
  pdf_sha256 TEXT,
  short_code TEXT,
  verify_token TEXT,
  printer TEXT,
  print_job TEXT,
  print_error TEXT,
  handed_to_name TEXT,
  handed_to_relation TEXT,
  handed_to_id TEXT,
  cancel_reason TEXT,
  received_at TEXT NOT NULL,
  checked_at TEXT,
  drafted_at TEXT,
  approved_at TEXT,
  signed_at TEXT,
  printed_at TEXT,
  collected_at TEXT,
  handed_over_at TEXT,
  cancelled_at TEXT,
  -- office day of receipt (YYYY-MM-DD), what the register's date range filters on
  day TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (letter_type_id, year, seq)
);
CREATE UNIQUE INDEX letters_number ON letters(number) WHERE number IS NOT NULL;
CREATE UNIQUE INDEX letters_reg_key ON letters(reg_key);
CREATE UNIQUE INDEX letters_verify ON letters(verify_token) WHERE verify_token IS NOT NULL;
-- Keyset paging: every filter leads with its column, then the sort (day, id).
CREATE INDEX letters_day ON letters(day, id);
CREATE INDEX letters_status_day ON letters(status, day, id);
CREATE INDEX letters_hospital_day ON letters(hospital_id, day, id);
CREATE INDEX letters_officer_day ON letters(officer_id, day, id);
CREATE INDEX letters_type_day ON letters(letter_type_id, day, id);
CREATE INDEX letters_number_key ON letters(coalesce(number_key, -1), id);
CREATE INDEX letters_patient ON letters(patient_name, id);

-- Text search on name, number and NIK (unicode61 tokens, prefix queries), kept by triggers; its
-- rowid is reg_key, so a search walks matches in date order and stops after a page.
CREATE VIRTUAL TABLE letters_fts USING fts5(patient_name, number, nik, content='letters', content_rowid='reg_key', prefix='2 4');
CREATE TRIGGER letters_fts_ai AFTER INSERT ON letters BEGIN
  INSERT INTO letters_fts(rowid, patient_name, number, nik) VALUES (new.reg_key, new.patient_name, coalesce(new.number, ''), new.nik);
END;
CREATE TRIGGER letters_fts_ad AFTER DELETE ON letters BEGIN
  INSERT INTO letters_fts(letters_fts, rowid, patient_name, number, nik) VALUES ('delete', old.reg_key, old.patient_name, coalesce(old.number, ''), old.nik);
END;
CREATE TRIGGER letters_fts_au AFTER UPDATE OF patient_name, number, nik ON letters BEGIN
  INSERT INTO letters_fts(letters_fts, rowid, patient_name, number, nik) VALUES ('delete', old.reg_key, old.patient_name, coalesce(old.number, ''), old.nik);
  INSERT INTO letters_fts(rowid, patient_name, number, nik) VALUES (new.reg_key, new.patient_name, coalesce(new.number, ''), new.nik);
END;
-- A status only moves forward (the sync issue relies on it).
CREATE TRIGGER letters_status_forward BEFORE UPDATE OF status_rank ON letters WHEN new.status_rank < old.status_rank BEGIN
  SELECT RAISE(ABORT, 'letter status moves forward only');
END;

-- Saved register views (filters, sort and columns) per user.
CREATE TABLE register_views (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL,
  name TEXT NOT NULL,
  spec TEXT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (user_id, name)
);

-- Seed 002's letters and hospitals; admin edits them (and adds the signing officials).
INSERT INTO letter_types (id, code, name, kind, number_pattern, subject, opening, closing, required_docs, sort, created_at, updated_at) VALUES
('01900000-0000-7000-8000-000000000101', 'REKOM', 'Surat Rekomendasi / Keterangan Penjaminan', 'rekomendasi', '400.7.3.1/{seq}/Dinkes/{tahun}',
 'Rekomendasi Penjaminan Pelayanan Kesehatan',
 'Yang bertanda tangan di bawah ini menerangkan bahwa pasien:' || char(10) || 'Nama: {pasien}' || char(10) || 'NIK: {nik}' || char(10) || 'Alamat: {alamat}' || char(10) || 'Diagnosis: {diagnosis}' || char(10) || char(10) || 'telah memenuhi persyaratan administrasi dan direkomendasikan untuk mendapatkan pelayanan kesehatan rujukan di {rumah_sakit} dengan pembiayaan dijamin sesuai ketentuan yang berlaku.',
 'Demikian surat rekomendasi ini dibuat untuk dapat dipergunakan sebagaimana mestinya.',
 '["Fotokopi KTP/KK/Keterangan domisili","Rujukan dari Puskesmas","Rujukan dari RS kelas C","Rekomendasi dari Dinas Kesehatan Kabupaten/Kota"]', 1,
 '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
('01900000-0000-7000-8000-000000000102', 'DTKS', 'Surat Keterangan DTKS', 'keterangan', '400.7.3.2/{seq}/Dinkes/{bulan_romawi}/{tahun}',
 'Keterangan Terdaftar dalam DTKS',
 'Yang bertanda tangan di bawah ini menerangkan bahwa:' || char(10) || 'Nama: {pasien}' || char(10) || 'NIK: {nik}' || char(10) || 'Alamat: {alamat}' || char(10) || char(10) || 'berdasarkan pemeriksaan data terdaftar dalam Data Terpadu Kesejahteraan Sosial (DTKS) dan dapat diusulkan sebagai peserta PBI Jaminan Kesehatan.',
 'Demikian surat keterangan ini dibuat untuk dapat dipergunakan sebagaimana mestinya.',
 '["Fotokopi KTP","Fotokopi Kartu Keluarga","Cetakan ID DTKS"]', 2,
 '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
('01900000-0000-7000-8000-000000000103', 'SKTM', 'Surat Keterangan Tidak Mampu (pengantar jaminan)', 'keterangan', '400.7.3.3/{seq}/Dinkes/{tahun}',
 'Keterangan Tidak Mampu untuk Jaminan Kesehatan',
 'Yang bertanda tangan di bawah ini menerangkan bahwa:' || char(10) || 'Nama: {pasien}' || char(10) || 'NIK: {nik}' || char(10) || 'Alamat: {alamat}' || char(10) || char(10) || 'berdasarkan Surat Keterangan Tidak Mampu dari desa/kelurahan setempat tergolong keluarga tidak mampu dan diusulkan untuk mendapatkan jaminan pembiayaan pelayanan kesehatan.',
 'Demikian surat keterangan ini dibuat untuk dapat dipergunakan sebagaimana mestinya.',
 '["Surat Keterangan Tidak Mampu dari desa/kelurahan","Fotokopi KTP","Fotokopi Kartu Keluarga"]', 3,
 '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');

INSERT INTO hospitals (id, name, addressee, city, required_docs, created_at, updated_at) VALUES
('01900000-0000-7000-8000-000000000201', 'RSUD Palembang BARI', 'Direktur RSUD Palembang BARI', 'Palembang',
 '["Rujukan dan resume medis dari RSUD Palembang BARI"]', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
('01900000-0000-7000-8000-000000000202', 'RSUP Dr. Mohammad Hoesin', 'Direktur Utama RSUP Dr. Mohammad Hoesin', 'Palembang',
 '["Rujukan dan resume medis dari RSMH yang ditandatangani direktur"]', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');
