-- The office's time zone (WIB, WITA, WIT) decides the office day, numbering restarts and every
-- date shown, whatever the PC's own zone. Existing offices were all run on WIB hosts.
ALTER TABLE office ADD COLUMN time_zone TEXT NOT NULL DEFAULT 'Asia/Jakarta'
  CHECK (time_zone IN ('Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'));
