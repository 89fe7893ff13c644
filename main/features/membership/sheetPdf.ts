// "Hasil pengecekan kepesertaan" (seed 000 step 4): the family's membership checks on one A4 page,
// for the visitor's file and for BPJS. Personal data: only the case screen asks for it.
import type { Family, MemberCheck } from '../../../common/contract/index';
import { NEXT_ACTION_WORDS, RELATION_WORDS, STATUS_WORDS } from '../../../common/domain/membership';
import { officeDateLong, officeTime, zoneAbbreviation } from '../../../common/domain/time';
import { pdfEngine } from '../../platform/pdf';

export interface SheetFacts {
  officeName: string;
  tz: string;
  printedAt: Date;
  printedBy: string;
  ticketLabel: string;
}

const when = (at: string, tz: string) => (at ? `${officeDateLong(at, tz, false)} ${officeTime(at, tz)}` : '-');

export function sheetPdf(family: Family, checks: MemberCheck[], facts: SheetFacts): Promise<Buffer> {
  const relation = new Map(family.members.map((m) => [m.nik, RELATION_WORDS[m.relation]]));
  const head = ['No', 'NIK', 'Nama', 'Hubungan', 'Status', 'Kepesertaan', 'Tindak lanjut'].map((t) => ({ text: t, bold: true, fillColor: '#eeeeee' }));
  const rows = checks.map((c) => {
    const action = c.decision?.action ?? c.nextAction;
    const detail = [c.cardNo && `No. kartu ${c.cardNo}`, c.participantName, c.className, c.reason].filter(Boolean).join('\n');
    const source = c.source === 'manual' ? `\n(manual, ${c.checkedBy ?? '-'}, ${when(c.checkedAt, facts.tz)})` : '';
    const decision = !c.decision
      ? ''
      : c.decision.overridden
        ? `\nUsulan semula: ${NEXT_ACTION_WORDS[c.nextAction]}\nDiganti oleh ${c.decision.by}: ${c.decision.reason}`
        : `\nDikonfirmasi oleh ${c.decision.by}`;
    return [
      String(c.position), c.nik, c.name, relation.get(c.nik) ?? '-',
      { text: STATUS_WORDS[c.status] + source, bold: c.status !== 'active' },
      detail || '-',
      NEXT_ACTION_WORDS[action] + decision,
    ];
  });
  const doc = {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [36, 36, 36, 36],
    info: { title: `Hasil pengecekan kepesertaan KK ${family.kk}`, creator: 'Loket' },
    defaultStyle: { font: 'Helvetica', fontSize: 9 },
    content: [
      { text: facts.officeName, bold: true, fontSize: 12 },
      { text: 'HASIL PENGECEKAN KEPESERTAAN JKN', bold: true, fontSize: 14, margin: [0, 6, 0, 2] },
      { text: `Dicetak ${officeDateLong(facts.printedAt, facts.tz)} ${officeTime(facts.printedAt, facts.tz)} ${zoneAbbreviation(facts.tz)} oleh ${facts.printedBy} · Antrean ${facts.ticketLabel}`, fontSize: 8 },
      {
        margin: [0, 10, 0, 10],
        table: {
          widths: [90, '*'],
          body: [
            ['Nomor KK', `${family.kk}${family.kkArea.name ? `  (${family.kkArea.name})` : ''}`],
            ['Kepala keluarga', family.headName],
            ['Alamat', family.address],
          ],
        },
        layout: 'noBorders',
      },
      { table: { headerRows: 1, widths: [18, 92, 100, 62, 70, '*', 170], body: [head, ...rows] } },
      {
        text: 'Sumber: bridging BPJS Kesehatan (P-Care/VClaim). "Belum dicek": BPJS tidak dapat dihubungi saat pengecekan; dicek ulang otomatis. "Manual": hasil P-Care yang dilihat di perangkat lain.',
        fontSize: 7, margin: [0, 10, 0, 0],
      },
    ],
  };
  return pdfEngine().createPdf(doc).getBuffer();
}
