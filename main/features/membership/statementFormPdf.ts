// The statement forms as A4 PDFs (pdfmake, in the host), under the office's kop from the letters
// feature: "Formulir Pendaftaran Peserta Baru", "Formulir Pengalihan Kepesertaan", "Permintaan Cetak
// E-ID" and the "Surat Pernyataan" of a family not in DTKS (seeds 000 and 001).
//
// The fields follow what the SOPs name (KK and parents' KTP copies, the stamped statement, the
// member's NIK checked in P-Care) and, where they are silent, BPJS Kesehatan's Formulir Daftar
// Isian Peserta (FDIP): KK number, NIK, full name as on the KTP, sex, place and date of birth,
// relation in the family, address, phone, the chosen FKTP and the care class. What the case does
// not know (the chosen FKTP, the signatures, the stamp duty) stays a blank line to fill by hand.
import type { LetterSettings } from '../../../common/contract/index';
import { RELATION_WORDS, STATUS_WORDS, type CheckStatus, type NextAction, type Relation, type StatementForm } from '../../../common/domain/membership';
import { dayInWords, officeDateLong, officeTime, zoneAbbreviation } from '../../../common/domain/time';
import { pdfEngine } from '../../platform/pdf';
import { letterhead } from '../letters';

const MM = 72 / 25.4;
const A4 = { width: 210 * MM, height: 297 * MM };
const MARGINS = { top: 15, right: 20, bottom: 18, left: 25 };
const BLANK = '..........................................................';

export interface FormMember {
  nik: string;
  name: string;
  sex: 'L' | 'P' | null;
  /** YYYY-MM-DD, or '' when unknown. */
  birthDate: string;
  /** null: the family is not saved yet, so the relation is not known. */
  relation: Relation | null;
  check: {
    status: CheckStatus;
    action: NextAction;
    source: 'bpjs' | 'manual';
    cardNo: string;
    className: string;
    participantName: string;
    reason: string;
    checkedAt: string;
  } | null;
  /** The DTKS answer for this NIK (DTKS form only). */
  dtks?: string;
}

export interface FormFacts {
  form: StatementForm;
  letter: LetterSettings;
  officeName: string;
  tz: string;
  madeAt: Date;
  ticketLabel: string;
  officerName: string;
  applicant: { nik: string; name: string; phone: string };
  family: { kk: string; kkArea: string; headName: string; address: string };
  members: FormMember[];
  /** cetak_eid: the day BPJS must answer by (3 working days). */
  dueDay?: string;
}

const TITLES: Record<StatementForm, { title: string; subtitle: string; membersHeading: string }> = {
  peserta_baru: {
    title: 'FORMULIR PENDAFTARAN PESERTA BARU',
    subtitle: 'Surat Pernyataan Pendaftaran Peserta Jaminan Kesehatan Nasional – Kartu Indonesia Sehat (JKN-KIS)',
    membersHeading: 'C. Anggota keluarga yang didaftarkan',
  },
  pengalihan: {
    title: 'FORMULIR PENGALIHAN KEPESERTAAN',
    subtitle: 'Surat Pernyataan Pengalihan Jenis Kepesertaan JKN-KIS',
    membersHeading: 'C. Anggota keluarga yang dialihkan',
  },
  cetak_eid: {
    title: 'PERMINTAAN CETAK E-ID',
    subtitle: 'Permintaan Pencetakan Identitas Peserta Elektronik (E-ID) JKN-KIS',
    membersHeading: 'C. Peserta yang dimintakan E-ID',
  },
  dtks: {
    title: 'SURAT PERNYATAAN',
    subtitle: 'Belum Terdaftar dalam Data Terpadu Kesejahteraan Sosial (DTKS)',
    membersHeading: 'C. Anggota keluarga',
  },
};

/** What the member's check said, in one cell. */
export function checkWords(m: FormMember): string {
  const c = m.check;
  if (!c) return 'Belum dicek';
  const parts = [
    c.status === 'unchecked' ? 'Belum dicek (BPJS tidak dapat dihubungi)' : STATUS_WORDS[c.status],
    c.cardNo && `No. kartu ${c.cardNo}`,
    c.participantName,
    c.className,
    c.status === 'active' || c.status === 'unchecked' ? '' : c.reason,
    c.source === 'manual' ? '(dicatat manual dari P-Care)' : '',
  ];
  return parts.filter(Boolean).join('\n');
}

const sexWords = (s: 'L' | 'P' | null) => (s === 'L' ? 'L' : s === 'P' ? 'P' : '-');

function fieldTable(rows: [string, string | object][]) {
  return {
    table: { widths: [150, 8, '*'], body: rows.map(([k, v]) => [k, ':', v]) },
    layout: 'noBorders',
    margin: [8, 2, 0, 4],
  };
}

const heading = (text: string) => ({ text, bold: true, margin: [0, 8, 0, 2] });

function membersTable(f: FormFacts) {
  const lastHead = f.form === 'dtks' ? 'Status DTKS' : 'Hasil cek kepesertaan';
  const head = ['No', 'NIK', 'Nama lengkap (sesuai KTP/KK)', 'L/P', 'Tanggal lahir', 'Hubungan', lastHead].map((t) => ({ text: t, bold: true, fillColor: '#eeeeee' }));
  const rows = f.members.map((m, i) => [
    String(i + 1),
    m.nik,
    m.name,
    { text: sexWords(m.sex), alignment: 'center' },
    { text: m.birthDate ? dayInWords(m.birthDate) : '-', noWrap: true },
    m.relation ? RELATION_WORDS[m.relation] : '-',
    f.form === 'dtks' ? (m.dtks ?? 'Belum dicek') : checkWords(m),
  ]);
  return {
    table: { headerRows: 1, dontBreakRows: true, widths: [12, 80, '*', 16, 66, 58, 104], body: [head, ...rows] },
    fontSize: 8.5,
    margin: [0, 2, 0, 4],
  };
}

const checkbox = (text: string) => ({ columns: [{ width: 14, canvas: [{ type: 'rect', x: 0, y: 1, w: 8, h: 8, lineWidth: 0.7 }] }, { text }], margin: [8, 1, 0, 1] });

function specifics(f: FormFacts): object[] {
  const segments = [...new Set(f.members.map((m) => m.check?.participantName).filter(Boolean))].join(', ');
  switch (f.form) {
    case 'peserta_baru':
      return [
        heading('D. Data kepesertaan yang dimohon'),
        fieldTable([
          ['Jenis kepesertaan', 'Peserta PBI yang didaftarkan Pemerintah Daerah (PBI APBD / UHC)'],
          ['Kelas rawat', 'Kelas III'],
          ['FKTP (Puskesmas/klinik) pilihan', BLANK],
          ['Nomor HP yang dapat dihubungi', f.applicant.phone || BLANK],
          ['Alamat e-mail (bila ada)', BLANK],
        ]),
        heading('E. Lampiran'),
        checkbox('Fotokopi Kartu Keluarga (KK)'),
        checkbox('Fotokopi KTP-el orang tua / kepala keluarga'),
        checkbox('Surat keterangan DTKS atau SKTM dari Desa/Kelurahan (bila ada)'),
        {
          text: 'Dengan ini saya menyatakan bahwa data di atas benar sesuai dokumen kependudukan, anggota keluarga tersebut belum terdaftar sebagai peserta JKN-KIS, dan bersedia didaftarkan sebagai peserta JKN-KIS sesuai ketentuan yang berlaku. Apabila di kemudian hari pernyataan ini tidak benar, saya bersedia menanggung akibatnya sesuai ketentuan peraturan perundang-undangan.',
          alignment: 'justify', margin: [0, 8, 0, 0],
        },
      ];
    case 'pengalihan':
      return [
        heading('D. Pengalihan yang dimohon'),
        fieldTable([
          ['Segmen asal', segments || BLANK],
          ['Alasan', 'Kepesertaan tidak aktif karena menunggak iuran (kepesertaan mandiri)'],
          ['Segmen tujuan', 'Peserta PBI yang didaftarkan Pemerintah Daerah (PBI APBD / UHC)'],
          ['Kelas rawat', 'Kelas III'],
          ['FKTP (Puskesmas/klinik) pilihan', BLANK],
          ['Nomor HP yang dapat dihubungi', f.applicant.phone || BLANK],
        ]),
        heading('E. Lampiran'),
        checkbox('Fotokopi Kartu Keluarga (KK)'),
        checkbox('Fotokopi KTP-el orang tua / kepala keluarga'),
        checkbox('Kartu JKN-KIS lama (bila ada)'),
        {
          text: 'Dengan ini saya menyatakan bahwa data di atas benar, dan memohon agar kepesertaan JKN-KIS anggota keluarga tersebut dialihkan menjadi peserta yang iurannya dibayar Pemerintah Daerah. Saya memahami bahwa tunggakan iuran kepesertaan sebelumnya tetap tercatat sesuai ketentuan BPJS Kesehatan. Apabila di kemudian hari pernyataan ini tidak benar, saya bersedia menanggung akibatnya sesuai ketentuan peraturan perundang-undangan.',
          alignment: 'justify', margin: [0, 8, 0, 0],
        },
      ];
    case 'cetak_eid':
      return [
        heading('D. Permintaan'),
        {
          text: `Peserta di atas terdaftar dan aktif sebagai peserta JKN-KIS tetapi tidak memegang kartu. Mohon BPJS Kesehatan mencetak E-ID peserta tersebut dan mengirimkannya ke ${f.letter.email ? `alamat e-mail ${f.letter.email}` : 'alamat e-mail kantor kami'} paling lambat 3 (tiga) hari kerja${f.dueDay ? `, yaitu ${dayInWords(f.dueDay)}` : ''}.`,
          alignment: 'justify', margin: [8, 2, 0, 4],
        },
        heading('E. Lampiran'),
        checkbox('Fotokopi Kartu Keluarga (KK)'),
        checkbox('Fotokopi KTP-el peserta / orang tua'),
      ];
    case 'dtks':
      return [
        heading('D. Pernyataan'),
        {
          text: 'Dengan ini saya menyatakan dengan sebenarnya bahwa keluarga saya tersebut di atas adalah keluarga tidak mampu dan belum terdaftar dalam Data Terpadu Kesejahteraan Sosial (DTKS). Surat pernyataan ini saya buat untuk memperoleh surat pengantar Desa/Kelurahan guna pengurusan surat keterangan DTKS / Surat Keterangan Tidak Mampu (SKTM) bagi pelayanan kesehatan. Apabila di kemudian hari pernyataan ini tidak benar, saya bersedia dituntut sesuai ketentuan peraturan perundang-undangan.',
          alignment: 'justify', margin: [8, 2, 0, 4],
        },
        heading('E. Lampiran'),
        checkbox('Fotokopi Kartu Keluarga (KK)'),
        checkbox('Fotokopi KTP-el kepala keluarga'),
        checkbox('Surat pengantar RT/RW (bila diminta Desa/Kelurahan)'),
      ];
  }
}

const dashed = { hLineStyle: () => ({ dash: { length: 2 } }), vLineStyle: () => ({ dash: { length: 2 } }), hLineColor: () => '#999999', vLineColor: () => '#999999' };

/** The room for the signature: the same height on both sides, with the stamp-duty box where it is due. */
function signatureSpace(stamp: boolean) {
  return {
    table: { widths: [58], heights: [40], body: [[stamp ? { text: 'Meterai\n10.000', fontSize: 6.5, color: '#777777', alignment: 'center', margin: [0, 11, 0, 0] } : '']] },
    layout: stamp ? dashed : 'noBorders',
    margin: [0, 4, 0, 4],
  };
}

/** One signature column: its lines (the same count on both sides), the room, the name in brackets. */
function signer(lines: string[], name: string, opts: { stamp?: boolean; nip?: boolean } = {}) {
  return {
    width: '*',
    stack: [
      ...lines.map((text) => ({ text: text || ' ' })),
      { columns: [{ width: '*', text: '' }, { width: 'auto', ...signatureSpace(!!opts.stamp) }, { width: '*', text: '' }] },
      { text: `( ${name || BLANK.slice(0, 32)} )`, bold: !!name },
      ...(opts.nip ? [{ text: 'NIP. ................................' }] : []),
    ],
    alignment: 'center',
  };
}

function signatures(f: FormFacts, placeAndDate: string) {
  const [left, right] =
    f.form === 'cetak_eid'
      ? [signer(['', 'Pemohon', '(peserta/keluarga),'], f.applicant.name), signer([placeAndDate, 'Petugas Layanan', `${f.officeName},`], f.officerName, { nip: true })]
      : f.form === 'dtks'
        ? [signer(['', 'Mengetahui,', 'Kepala Desa/Lurah ..........................'], ''), signer([placeAndDate, 'Yang membuat pernyataan,', ''], f.applicant.name, { stamp: true })]
        : [signer(['', 'Mengetahui,', 'Petugas Layanan,'], f.officerName, { nip: true }), signer([placeAndDate, 'Yang membuat pernyataan,', ''], f.applicant.name, { stamp: true })];
  return { columns: [left, { width: 30, text: '' }, right], margin: [0, 14, 0, 0], unbreakable: true };
}

export function statementFormPdf(f: FormFacts): Promise<Buffer> {
  const contentWidth = A4.width - (MARGINS.left + MARGINS.right) * MM;
  const [kop, rule] = letterhead({ ...f.letter, fontSize: Math.min(f.letter.fontSize, 11) }, contentWidth);
  const t = TITLES[f.form];
  const placeAndDate = `${f.letter.place}, ${officeDateLong(f.madeAt, f.tz, false)}`;
  const printed = `Antrean ${f.ticketLabel} · dicetak ${officeDateLong(f.madeAt, f.tz, false)} ${officeTime(f.madeAt, f.tz)} ${zoneAbbreviation(f.tz)} oleh ${f.officerName}`;
  const doc = {
    pageSize: { width: A4.width, height: A4.height },
    pageMargins: [MARGINS.left * MM, MARGINS.top * MM, MARGINS.right * MM, MARGINS.bottom * MM],
    info: { title: `${t.title} – KK ${f.family.kk}`, creator: 'Loket', producer: 'Loket', creationDate: f.madeAt, modDate: f.madeAt },
    defaultStyle: { font: 'Helvetica', fontSize: 9.5, lineHeight: 1.1 },
    footer: (page: number, pages: number) => ({
      columns: [{ text: printed, fontSize: 7, color: '#666666' }, { text: `Halaman ${page} dari ${pages}`, fontSize: 7, color: '#666666', alignment: 'right', width: 80 }],
      margin: [MARGINS.left * MM, 4, MARGINS.right * MM, 0],
    }),
    content: [
      kop,
      rule,
      { text: t.title, bold: true, fontSize: 13, alignment: 'center', decoration: 'underline' },
      { text: t.subtitle, alignment: 'center', fontSize: 9, margin: [0, 2, 0, 8] },
      heading('A. Data keluarga (Kartu Keluarga)'),
      fieldTable([
        ['Nomor KK', { text: f.family.kk, bold: true }],
        ['Nama kepala keluarga', f.family.headName || BLANK],
        ['Alamat sesuai KK', f.family.address || BLANK],
        ['Kecamatan, Kab/Kota, Provinsi', f.family.kkArea || BLANK],
      ]),
      heading(f.form === 'cetak_eid' ? 'B. Pemohon' : 'B. Yang membuat pernyataan'),
      fieldTable([
        ['Nama', f.applicant.name],
        ['NIK', f.applicant.nik],
        ['Nomor HP', f.applicant.phone || BLANK],
      ]),
      heading(t.membersHeading),
      membersTable(f),
      ...specifics(f),
      signatures(f, placeAndDate),
    ],
  };
  return pdfEngine().createPdf(doc).getBuffer();
}
