// The DTKS import worker: plain CommonJS JavaScript run with `new Worker(code, { eval: true })`
// (see main/platform/jobs/worker.ts). It reads the list (CSV by a small streaming parser, .xlsx by
// exceljs's streaming WorkbookReader) and writes it into dtks_people on ITS OWN SQLite connection,
// 200 rows per transaction (a millisecond or two of the write lock; synchronous = NORMAL, since a
// half-written list is thrown away anyway), so the host's request thread, which waits for that
// lock to issue a ticket, keeps issuing tickets meanwhile. The swap itself is synced (FULL).
//
// The new list is written under a fresh import id with status 'loading', which no lookup reads;
// one last short transaction makes it 'active' and the previous one 'replaced' (atomic swap), and
// only then are the replaced rows deleted. A kill at any point leaves the previous list in force.
//
// workerData: { sqlite, dbFile, file, format, mapping, importId, fileName, userId, at, exceljs,
//               rowIssueSrc, cleanSrc, maxRows, labels }
// Answers { type: 'result', value: { rowCount, badCount, badRows } } or { type: 'failure', message }
// (Indonesian). Keep it plain JavaScript that any Node 20 understands.
export const DTKS_WORKER_SOURCE = String.raw`
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const Database = require(workerData.sqlite.module);
const rowIssue = (0, eval)('(' + workerData.rowIssueSrc + ')');
const clean = (0, eval)('(' + workerData.cleanSrc + ')');
const L = workerData.labels;
const FIELDS = ['nik', 'name', 'kk', 'householdId', 'address', 'village', 'district', 'desil'];
const BATCH = 200;
// Rows of a replaced list deleted per transaction: short, for the same reason.
const DELETE_CHUNK = 1000;
const MAX_BAD_LISTED = 500;

class Refused extends Error {}

// Between two batches the write lock is left free for a moment: a desk issuing a ticket waits for
// it (SQLite's busy wait, 1 ms then 2, 5, 10 ms…), and a worker that takes it straight back makes
// the desk's wait run on into the next retries. (The WAL this import grows is copied back by this
// connection's own checkpoints and the host's checkpoint thread, never on the request thread.)
const PAUSE_MS = 3;
function yieldLock() {
  return new Promise((r) => setTimeout(r, PAUSE_MS));
}
const progress = (fraction, message) => parentPort.postMessage({ type: 'progress', fraction, message });

const db = new Database(workerData.dbFile, workerData.sqlite.nativeBinding ? { nativeBinding: workerData.sqlite.nativeBinding } : {});
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.pragma('busy_timeout = 10000');

async function deleteRows(importIds) {
  const del = db.prepare('DELETE FROM dtks_people WHERE import_id = ? AND nik IN (SELECT nik FROM dtks_people WHERE import_id = ? LIMIT ' + DELETE_CHUNK + ')');
  for (const id of importIds) {
    for (;;) {
      const n = db.transaction(() => del.run(id, id).changes)();
      if (n === 0) break;
      await yieldLock();
    }
  }
}

// Lists left half-written by a killed host, or replaced and not yet cleared.
async function cleanup(exceptId) {
  const stale = db.prepare("SELECT id FROM dtks_imports WHERE status IN ('loading', 'replaced') AND id <> ?").all(exceptId).map((r) => r.id);
  await deleteRows(stale);
  if (stale.length) db.transaction(() => { for (const id of stale) db.prepare('DELETE FROM dtks_imports WHERE id = ?').run(id); })();
}

function cellText(v) {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text || '').join('');
    if ('result' in v) return cellText(v.result);
    if ('text' in v) return cellText(v.text);
    if ('error' in v) return '';
  }
  return String(v);
}

// ---- CSV: a streaming parser (quotes, doubled quotes, CR/LF, ; , or tab) ----------------------
async function* csvRows(file, onBytes) {
  let delim = null;
  let field = '';
  let row = [];
  let inQuotes = false;
  let quoteSeen = false;
  let first = true;
  const stream = fs.createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 });
  let pending = [];
  for await (const chunkRaw of stream) {
    onBytes(Buffer.byteLength(chunkRaw));
    let chunk = chunkRaw;
    if (first) {
      first = false;
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
      const line = chunk.split(/\r?\n/, 1)[0];
      const counts = { ';': line.split(';').length, ',': line.split(',').length, '\t': line.split('\t').length };
      delim = Object.keys(counts).sort((a, b) => counts[b] - counts[a])[0];
    }
    for (let i = 0; i < chunk.length; i++) {
      const ch = chunk[i];
      if (inQuotes) {
        if (ch === '"') {
          if (chunk[i + 1] === '"') { field += '"'; i++; }
          else if (i + 1 === chunk.length) { quoteSeen = true; inQuotes = false; }
          else inQuotes = false;
        } else field += ch;
        continue;
      }
      if (quoteSeen && ch === '"') { field += '"'; inQuotes = true; quoteSeen = false; continue; }
      quoteSeen = false;
      if (ch === '"' && field === '') inQuotes = true;
      else if (ch === delim) { row.push(field); field = ''; }
      else if (ch === '\n') { row.push(field); field = ''; pending.push(row); row = []; }
      else if (ch === '\r') { /* CRLF */ }
      else field += ch;
    }
    for (const r of pending) yield r;
    pending = [];
  }
  if (field !== '' || row.length) { row.push(field); yield row; }
}

async function* xlsxRows(file, onBytes) {
  const ExcelJS = require(workerData.exceljs);
  const input = fs.createReadStream(file, { highWaterMark: 1 << 20 });
  input.on('data', (b) => onBytes(b.length));
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', worksheets: 'emit', entries: 'emit' });
  let sheets = 0;
  for await (const sheet of reader) {
    sheets++;
    if (sheets > 1) continue; // the first sheet is the list; the rest are drained
    let expected = 1;
    for await (const row of sheet) {
      // Rows the sheet leaves out entirely are empty rows: keep the numbering as Excel shows it.
      while (expected < row.number) { yield { number: expected, cells: [] }; expected++; }
      const values = Array.isArray(row.values) ? row.values.slice(1) : [];
      yield { number: row.number, cells: values.map(cellText) };
      expected = row.number + 1;
    }
  }
  if (sheets === 0) throw new Refused(L.noSheet);
}

async function run() {
  const { file, format, mapping, importId, fileName, userId, at, maxRows } = workerData;
  const total = fs.statSync(file).size || 1;
  let bytes = 0;
  const onBytes = (n) => { bytes += n; };

  await cleanup(importId);
  db.prepare("INSERT INTO dtks_imports (id, file_name, status, imported_by, started_at) VALUES (?, ?, 'loading', ?, ?)").run(importId, fileName, userId, at);

  const insert = db.prepare('INSERT OR IGNORE INTO dtks_people (import_id, nik, name, kk, household_id, address, village, district, desil, row_no) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const firstRow = db.prepare('SELECT row_no FROM dtks_people WHERE import_id = ? AND nik = ?');
  const badRows = [];
  let bad = 0;
  let ok = 0;
  let seen = 0;
  let header = true;
  let batch = [];
  const flush = db.transaction((rows) => {
    for (const r of rows) {
      const changes = insert.run(importId, r.nik, r.name, r.kk, r.householdId, r.address, r.village, r.district, r.desil, r.rowNo).changes;
      if (changes === 1) ok++;
      else {
        bad++;
        if (badRows.length < MAX_BAD_LISTED) badRows.push({ row: r.rowNo, reason: L.duplicate.replace('{nik}', r.nik).replace('{row}', String(firstRow.get(importId, r.nik).row_no)) });
      }
    }
  });

  const source = format === 'csv'
    ? (async function* () { let n = 0; for await (const cells of csvRows(file, onBytes)) { n++; yield { number: n, cells }; } })()
    : xlsxRows(file, onBytes);
  let lastPct = -1;
  for await (const { number, cells } of source) {
    if (cells.every((c) => String(c).trim() === '')) continue;
    if (header) { header = false; continue; }
    seen++;
    if (seen > maxRows) throw new Refused(L.tooMany.replace('{max}', maxRows.toLocaleString('id-ID')));
    const rec = { rowNo: number };
    for (const f of FIELDS) {
      const i = mapping[f];
      const raw = i === undefined || i === null ? '' : String(cells[i] === undefined ? '' : cells[i]);
      rec[f] = f === 'nik' || f === 'kk' || f === 'desil' ? clean(raw) : raw.trim().replace(/\s+/g, ' ');
    }
    const issue = rowIssue(rec);
    if (issue) {
      bad++;
      if (badRows.length < MAX_BAD_LISTED) badRows.push({ row: number, reason: issue });
      continue;
    }
    batch.push(rec);
    if (batch.length >= BATCH) {
      flush(batch);
      batch = [];
      await yieldLock();
      const pct = Math.floor((bytes / total) * 100);
      if (pct !== lastPct) { lastPct = pct; progress(Math.min(0.95, (bytes / total) * 0.95), L.reading.replace('{n}', seen.toLocaleString('id-ID'))); }
    }
  }
  if (batch.length) flush(batch);
  if (header) throw new Refused(L.empty);
  if (ok === 0) throw new Refused(L.noGoodRows.replace('{bad}', String(bad)));
  const limit = Math.max(10, Math.floor(seen * 0.05));
  if (bad > limit) throw new Refused(L.tooManyBad.replace('{bad}', bad.toLocaleString('id-ID')).replace('{seen}', seen.toLocaleString('id-ID')));

  progress(0.96, L.swapping);
  db.pragma('synchronous = FULL');
  db.transaction(() => {
    db.prepare("UPDATE dtks_imports SET status = 'replaced' WHERE status = 'active'").run();
    db.prepare("UPDATE dtks_imports SET status = 'active', row_count = ?, bad_count = ?, imported_at = ? WHERE id = ?").run(ok, bad, workerData.at, importId);
  })();
  db.pragma('synchronous = NORMAL');
  progress(0.98, L.clearing);
  await cleanup(importId);
  return { rowCount: ok, badCount: bad, badRows };
}

run().then(
  (value) => { db.close(); parentPort.postMessage({ type: 'result', value }); },
  async (err) => {
    let message;
    if (err instanceof Refused) message = err.message;
    else message = L.unreadable.replace('{why}', String(err && err.message || err));
    try { await deleteRows([workerData.importId]); db.prepare('DELETE FROM dtks_imports WHERE id = ?').run(workerData.importId); } catch (e) { /* the next import cleans up */ }
    try { db.close(); } catch (e) {}
    parentPort.postMessage({ type: 'failure', message });
  },
);
`;
