// The register export's worker: plain CommonJS run with `new Worker(code, { eval: true })` (see
// main/platform/jobs/worker.ts). Its own read-only SQLite connection runs the register's query
// (built by ./query.ts on the request thread, passed as SQL and parameters) and streams the rows
// into exceljs's streaming WorkbookWriter: the workbook is never whole in memory.
// workerData: { sqlite, exceljs, dbFile, sql, countSql, params, dest, steps, statusLabels, nowIso }
export const EXPORT_WORKER_SOURCE = String.raw`
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.sqlite.module);
const ExcelJS = require(workerData.exceljs);
const d = workerData;
const progress = (fraction, message) => parentPort.postMessage({ type: 'progress', fraction, message });

const mask = (nik) => (nik.length >= 8 ? nik.slice(0, 4) + '*'.repeat(nik.length - 8) + nik.slice(-4) : '*'.repeat(nik.length));
const fields = { receivedAt: 'received_at', checkedAt: 'checked_at', draftedAt: 'drafted_at', signedAt: 'signed_at', collectedAt: 'collected_at', handedOverAt: 'handed_over_at' };
const nowMs = Date.parse(d.nowIso);

async function main() {
  const db = new Database(d.dbFile, Object.assign(d.sqlite.nativeBinding ? { nativeBinding: d.sqlite.nativeBinding } : {}, { readonly: true, fileMustExist: true }));
  db.pragma('busy_timeout = 5000');
  const total = db.prepare(d.countSql).pluck().get(...d.params);
  const typeNames = new Map(db.prepare('SELECT id, name FROM letter_types').all().map((t) => [t.id, t.name]));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: d.dest, useStyles: true, useSharedStrings: false });
  wb.creator = 'Loket';
  const ws = wb.addWorksheet('Register', { views: [{ state: 'frozen', ySplit: 1 }] });
  // Step minutes are already rounded to one decimal: no per-cell number format needed.
  const stepCols = d.steps.map((s) => ({ header: s.label + ' (menit, mutu baku ' + s.mutuBakuMin + ')', key: 'step_' + s.key, width: 18 }));
  ws.columns = [
    { header: 'Tanggal', key: 'day', width: 20, style: { numFmt: '[$-421]d mmmm yyyy' } },
    { header: 'Nomor surat', key: 'number', width: 30 },
    { header: 'Jenis surat', key: 'type', width: 28 },
    { header: 'Nama pasien', key: 'patient', width: 28 },
    { header: 'NIK', key: 'nik', width: 20 },
    { header: 'Rumah sakit', key: 'hospital', width: 28 },
    { header: 'Diagnosis', key: 'diagnosis', width: 26 },
    { header: 'Status', key: 'status', width: 30 },
    { header: 'Petugas', key: 'officer', width: 20 },
    ...stepCols,
    { header: 'Sesuai mutu baku', key: 'withinSla', width: 14 },
  ];
  const header = ws.getRow(1);
  header.font = { bold: true, color: { argb: 'FFFFFFFF' } };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F5E3B' } };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.height = 32;
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: ws.columns.length } };
  header.commit();
  let n = 0;
  for (const r of db.prepare(d.sql).iterate(...d.params)) {
    const [y, m, dd] = r.day.split('-').map(Number);
    // An array in column order: exceljs maps object keys to columns for every row otherwise.
    const row = [
      new Date(Date.UTC(y, m - 1, dd)), r.number || '', typeNames.get(r.letter_type_id) || '', r.patient_name, mask(r.nik),
      r.hospital_name, r.diagnosis, d.statusLabels[r.status] || r.status, r.officer_name,
    ];
    let within = true;
    let complete = true;
    for (const s of d.steps) {
      const from = r[fields[s.from]];
      const to = r[fields[s.to]];
      if (!from || !to) {
        row.push(null);
        complete = false;
        continue;
      }
      const min = Math.round((Date.parse(to) - Date.parse(from)) / 6000) / 10;
      row.push(min);
      if (min > s.mutuBakuMin) within = false;
    }
    row.push(complete ? (within ? 'Ya' : 'Tidak') : '');
    ws.addRow(row).commit();
    n++;
    if (n % 2000 === 0) progress(total ? n / total : 0, 'Menulis baris ' + n.toLocaleString('id-ID') + ' dari ' + total.toLocaleString('id-ID') + '…');
  }
  db.close();
  await ws.commit();
  await wb.commit();
  parentPort.postMessage({ type: 'result', value: { rows: n } });
}
main().catch((err) => parentPort.postMessage({ type: 'failure', message: 'Ekspor gagal: ' + (err && err.message) }));
`;
