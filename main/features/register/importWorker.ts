// The legacy register import's worker: plain CommonJS run with `new Worker(code, { eval: true })`
// (see main/platform/jobs/worker.ts). It reads the workbook with exceljs's streaming reader (the
// first sheet; the file is never whole in memory as a workbook), checks every row against the
// letter types, the hospitals and the numbers already in the register on ITS OWN read-only SQLite
// connection, and answers either the clean rows or every problem, so the host's request thread
// keeps issuing tickets meanwhile. It writes nothing: the rows go into the register on the host in
// one transaction (main/features/register/importing.ts), so an import is whole or nothing.
//
// workerData: { sqlite, exceljs, dbFile, file, columns, maxRows, maxListed }
// Answers { type: 'result', value: { rows, problems, problemCount, dataRows } } or, for a file it
// refuses, { type: 'failure', message } (Indonesian; nothing imported). Keep it plain JavaScript that any
// Node 20 understands.
export const IMPORT_WORKER_SOURCE = String.raw`
'use strict';
const { parentPort, workerData: d } = require('node:worker_threads');
const fs = require('node:fs');
const Database = require(d.sqlite.module);
const ExcelJS = require(d.exceljs);

class Refused extends Error {}
const progress = (fraction, message) => parentPort.postMessage({ type: 'progress', fraction, message });
const fmt = (n) => n.toLocaleString('id-ID');

function cellText(v) {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text || '').join('').trim();
    if ('result' in v) return cellText(v.result);
    if ('text' in v) return cellText(v.text);
    if ('error' in v) return '';
  }
  return String(v).trim();
}

// A real calendar day as TTTT-BB-HH, or null.
function isoDay(y, m, dd) {
  const t = Date.UTC(y, m - 1, dd);
  const back = new Date(t);
  if (y < 1900 || y > 2100 || back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== dd) return null;
  return back.toISOString().slice(0, 10);
}

// A date cell, an Excel serial day number (a date typed without a date format), TTTT-BB-HH or HH/BB/TTTT.
function dayOf(v) {
  if (v && typeof v === 'object' && 'result' in v && !(v instanceof Date)) return dayOf(v.result);
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString().slice(0, 10);
  if (typeof v === 'number' && Number.isInteger(v) && v > 1 && v < 73051) {
    const t = new Date(Date.UTC(1899, 11, 30) + v * 86400000);
    return isoDay(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
  }
  const t = cellText(v);
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) return isoDay(+m[1], +m[2], +m[3]);
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (m) return isoDay(+m[3], +m[2], +m[1]);
  return null;
}

async function main() {
  const db = new Database(d.dbFile, Object.assign(d.sqlite.nativeBinding ? { nativeBinding: d.sqlite.nativeBinding } : {}, { readonly: true, fileMustExist: true }));
  db.pragma('busy_timeout = 5000');
  const types = db.prepare('SELECT id, name, code FROM letter_types').all();
  const hospitals = db.prepare('SELECT id, name FROM hospitals').all();
  const numberTaken = db.prepare('SELECT 1 FROM letters WHERE number = ?').pluck();
  const typeOf = new Map();
  for (const t of types) { typeOf.set(t.name.toLowerCase(), t); typeOf.set(t.code.toLowerCase(), t); }
  const hospitalOf = new Map(hospitals.map((h) => [h.name.toLowerCase(), h]));

  const total = fs.statSync(d.file).size || 1;
  let bytes = 0;
  const input = fs.createReadStream(d.file, { highWaterMark: 1 << 20 });
  input.on('data', (b) => { bytes += b.length; });
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit', entries: 'emit' });

  const rows = [];
  const problems = [];
  let problemCount = 0;
  let dataRows = 0;
  let col = null;
  let sheets = 0;
  const seenNumbers = new Map();
  let lastReport = 0;
  try {
    for await (const sheet of reader) {
      sheets++;
      if (sheets > 1) continue; // the first sheet is the register; the rest are drained
      for await (const row of sheet) {
        const values = Array.isArray(row.values) ? row.values : [];
        if (row.number === 1) {
          const head = values.map((v) => cellText(v).toLowerCase().replace(/\s+/g, ' '));
          col = {};
          const missing = d.columns.filter((c) => {
            const i = head.indexOf(c);
            if (i >= 1) col[c] = i;
            return i < 1;
          });
          if (missing.length) throw new Refused('Kolom berikut tidak ada di baris 1: ' + missing.join(', ') + '. Tidak ada yang diimpor.');
          continue;
        }
        if (!col) throw new Refused('Kolom berikut tidak ada di baris 1: ' + d.columns.join(', ') + '. Tidak ada yang diimpor.');
        if (values.every((v) => cellText(v) === '')) continue;
        dataRows++;
        if (dataRows > d.maxRows) throw new Refused('Berkas berisi lebih dari ' + fmt(d.maxRows) + ' baris data; bagi menjadi beberapa berkas. Tidak ada yang diimpor.');
        const n = row.number;
        const get = (c) => values[col[c]];
        const wrong = [];
        const day = dayOf(get('tanggal'));
        if (!day) wrong.push('tanggal tidak terbaca (pakai TTTT-BB-HH atau HH/BB/TTTT)');
        const number = cellText(get('nomor surat'));
        if (!number) wrong.push('nomor surat kosong');
        else if (number.length > 120) wrong.push('nomor surat lebih dari 120 huruf');
        else if (seenNumbers.has(number)) wrong.push('nomor surat sama dengan baris ' + seenNumbers.get(number));
        else if (numberTaken.get(number)) wrong.push('nomor surat sudah ada di register');
        if (number && !seenNumbers.has(number)) seenNumbers.set(number, n);
        const typeText = cellText(get('jenis surat'));
        const type = typeOf.get(typeText.toLowerCase());
        if (!type) wrong.push('jenis surat "' + typeText + '" tidak dikenal');
        const name = cellText(get('nama pasien'));
        if (name.length < 2) wrong.push('nama pasien kosong');
        else if (name.length > 200) wrong.push('nama pasien lebih dari 200 huruf');
        const nik = cellText(get('nik')).replace(/[\s.-]/g, '');
        if (!/^\d{16}$/.test(nik)) wrong.push('NIK harus 16 angka');
        const hospitalText = cellText(get('rumah sakit'));
        const hospital = hospitalText ? hospitalOf.get(hospitalText.toLowerCase()) : undefined;
        if (hospitalText && !hospital) wrong.push('rumah sakit "' + hospitalText + '" tidak ada di daftar');
        const diagnosis = cellText(get('diagnosis'));
        if (diagnosis.length > 500) wrong.push('diagnosis lebih dari 500 huruf');
        if (wrong.length) {
          problemCount++;
          if (problems.length < d.maxListed) problems.push({ row: n, message: wrong.join('; ') });
        } else if (problemCount === 0) {
          // Once a row is wrong nothing is imported: only the problems are still of use.
          rows.push({ row: n, day, number, typeId: type.id, name, nik, hospitalId: hospital ? hospital.id : null, hospitalName: hospital ? hospital.name : '', diagnosis });
        }
        if (dataRows - lastReport >= 500) {
          lastReport = dataRows;
          progress(0.05 + 0.65 * Math.min(1, bytes / total), 'Memeriksa baris ' + fmt(n) + '…');
        }
      }
    }
  } catch (err) {
    // The database's own faults are not the file's: they fail the job as such.
    if (err instanceof Refused || (err && typeof err.code === 'string' && err.code.startsWith('SQLITE'))) throw err;
    throw new Refused('Berkas ini bukan berkas Excel (.xlsx) yang dapat dibaca. Tidak ada yang diimpor.');
  } finally {
    db.close();
  }
  if (sheets === 0) throw new Refused('Berkas Excel tidak berisi lembar kerja. Tidak ada yang diimpor.');
  if (!col) throw new Refused('Kolom berikut tidak ada di baris 1: ' + d.columns.join(', ') + '. Tidak ada yang diimpor.');
  if (dataRows === 0) throw new Refused('Tidak ada baris data di bawah baris judul. Tidak ada yang diimpor.');
  parentPort.postMessage({ type: 'result', value: { rows: problemCount ? [] : rows, problems, problemCount, dataRows } });
}
// A refusal is the file's fault and says so; anything else fails the worker (the job: INTERNAL).
main().catch((err) => {
  if (err instanceof Refused) parentPort.postMessage({ type: 'failure', message: err.message });
  else throw err;
});
`;
