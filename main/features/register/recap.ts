// The monthly recap for the head of office and the province: counts per letter type, per hospital,
// per outcome (status), and the share handed over within mutu baku; aggregated in SQL.
import { createRequire } from 'node:module';
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ParsedInput } from '../../../common/contract/index';
import { LETTER_STATUS_LABELS, letterStepTimings, type LetterStatus } from '../../../common/domain/letterFlow';
import { requireActor, type Ctx } from '../../platform/context';
import { exportFolder } from './exporting';
import { addBarChart } from './recapChart';

const require = createRequire(import.meta.url);
type ExcelJs = typeof import('exceljs');
const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

export async function writeRecap(ctx: Ctx, month: string, dest: string): Promise<void> {
  const db = ctx.store.sqlite;
  const range = [`${month}-01`, `${month}-31`];
  const group = (col: string) =>
    db.prepare(`SELECT ${col} AS k, count(*) AS n FROM letters l JOIN letter_types t ON t.id = l.letter_type_id WHERE l.day BETWEEN ? AND ? GROUP BY 1 ORDER BY 2 DESC`).all(...range) as { k: string; n: number }[];
  const byType = group('t.name');
  const byHospital = group("coalesce(nullif(l.hospital_name, ''), '(tanpa rumah sakit)')");
  const byStatus = group('l.status').map((r) => ({ k: LETTER_STATUS_LABELS[r.k as LetterStatus] ?? r.k, n: r.n }));
  let done = 0;
  let within = 0;
  for (const r of db
    .prepare('SELECT received_at, checked_at, drafted_at, signed_at, collected_at, handed_over_at FROM letters WHERE day BETWEEN ? AND ? AND handed_over_at IS NOT NULL AND checked_at IS NOT NULL')
    .iterate(...range) as Iterable<Record<string, string>>) {
    done++;
    const steps = letterStepTimings(
      { receivedAt: r.received_at!, checkedAt: r.checked_at!, draftedAt: r.drafted_at ?? null, signedAt: r.signed_at ?? null, collectedAt: r.collected_at ?? null, handedOverAt: r.handed_over_at! },
      ctx.now(),
    );
    if (steps.every((s) => !s.overrun)) within++;
  }
  const ExcelJS = require('exceljs') as ExcelJs;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Loket';
  const ws = wb.addWorksheet('Rekap');
  ws.columns = [{ width: 48 }, { width: 14 }];
  const [y, m] = month.split('-').map(Number);
  ws.addRow([`Rekap surat ${MONTHS[m! - 1]} ${y}`]).font = { bold: true, size: 14 };
  const table = (title: string, rows: { k: string; n: number }[]) => {
    ws.addRow([]);
    const h = ws.addRow([title, 'Jumlah']);
    h.font = { bold: true, color: { argb: 'FFFFFFFF' } };
    h.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F5E3B' } };
    for (const r of rows) ws.addRow([r.k, r.n]);
    if (!rows.length) ws.addRow(['(tidak ada)', 0]);
    return { firstRow: h.number + 1, lastRow: ws.lastRow!.number };
  };
  table('Per jenis surat', byType);
  const hospitalRows = table('Per rumah sakit', byHospital);
  table('Per status', byStatus);
  ws.addRow([]);
  const h = ws.addRow(['Sesuai mutu baku (surat yang sudah diserahkan)', 'Persen']);
  h.font = { bold: true };
  const share = ws.addRow([`${within} dari ${done} surat`, done ? within / done : 0]);
  share.getCell(2).numFmt = '0.0%';
  mkdirSync(join(dest, '..'), { recursive: true });
  await wb.xlsx.writeFile(dest);
  await addBarChart(dest, { title: `Surat per rumah sakit, ${MONTHS[m! - 1]} ${y}`, sheet: 'Rekap', ...hospitalRows });
}

export function startRecap(ctx: Ctx, input: ParsedInput<'register.recap'>) {
  const actor = requireActor(ctx);
  const name = `rekap-surat-${input.month}.xlsx`;
  return ctx.jobs.start(
    'register.recap',
    async (jc) => {
      jc.progress(0.1, 'Menghitung rekap…');
      const dest = join(exportFolder(ctx), name);
      await writeRecap(ctx, input.month, dest);
      jc.progress(1, 'Rekap selesai.');
      return { name, path: dest, sizeBytes: statSync(dest).size };
    },
    { startedBy: actor.user.id },
  );
}
