// The letter as PDF (pdfmake, in the host), laid out as an Indonesian official letter (tata naskah
// dinas, Permendagri 1/2023 as far as known): kop, place and date on the Nomor line,
// Nomor/Sifat/Lampiran/Hal, Yth. addressee, body, signature block, tembusan; A4 or F4.
// The letter never claims an electronic signature: a QR code points to the verification page.
import { pdfEngine } from '../../platform/pdf';
import type { LetterSettings } from '../../../common/contract/index';
import type { SignatureBlock } from '../../../common/domain/signature';

const MM = 72 / 25.4;
export const PAPER = { A4: { width: 210 * MM, height: 297 * MM }, F4: { width: 215 * MM, height: 330 * MM } } as const;

export interface LetterFacts {
  kind: 'rekomendasi' | 'keterangan';
  typeName: string;
  number: string;
  /** "Sekayu, 27 November 2026" */
  placeAndDate: string;
  sifat: string;
  lampiran: string;
  subject: string;
  addressee: string;
  city: string;
  body: string;
  tembusan: string[];
  signature: SignatureBlock | null;
  signatureImage: string | null;
  stampImage: string | null;
  verifyUrl: string | null;
  verifyCode: string | null;
  /** The instant the PDF records as made (the signing): the same facts give the same file. */
  madeAt: Date;
  draft: boolean;
}

/**
 * The office's kop (letterhead) and the double rule under it, as pdfmake blocks: shared with the
 * membership statement forms (through index.ts).
 */
export function letterhead(s: LetterSettings, contentWidth: number): [unknown, unknown] {
  const kopLines = [
    { text: s.government.toLocaleUpperCase('id-ID'), fontSize: s.fontSize + 3 },
    { text: s.officeName.toLocaleUpperCase('id-ID'), bold: true, fontSize: s.fontSize + 5 },
    { text: s.address, fontSize: s.fontSize - 1 },
    ...([s.officePhone && `Telepon ${s.officePhone}`, s.email && `Pos-el ${s.email}`, s.website && `Laman ${s.website}`].filter(Boolean).length
      ? [{ text: [s.officePhone && `Telepon ${s.officePhone}`, s.email && `Pos-el ${s.email}`, s.website && `Laman ${s.website}`].filter(Boolean).join('  ·  '), fontSize: s.fontSize - 2 }]
      : []),
    ...(s.closingLine ? [{ text: s.closingLine, fontSize: s.fontSize - 2 }] : []),
  ];
  const kop = s.emblem
    ? { columns: [{ image: s.emblem, fit: [22 * MM, 24 * MM], width: 24 * MM }, { stack: kopLines, alignment: 'center' }, { text: '', width: 24 * MM }] }
    : { stack: kopLines, alignment: 'center' };
  const rule = { canvas: [
    { type: 'line', x1: 0, y1: 4, x2: contentWidth, y2: 4, lineWidth: 2 },
    { type: 'line', x1: 0, y1: 6.5, x2: contentWidth, y2: 6.5, lineWidth: 0.6 },
  ], margin: [0, 2, 0, 10] };
  return [kop, rule];
}

export async function letterPdf(s: LetterSettings, f: LetterFacts): Promise<Buffer> {
  const paper = PAPER[s.paper];
  const m = s.marginsMm;
  const contentWidth = paper.width - (m.left + m.right) * MM;
  const [kop, rule] = letterhead(s, contentWidth);

  const header =
    f.kind === 'rekomendasi'
      ? [
          {
            columns: [
              {
                width: '*',
                table: { widths: [52, 8, '*'], body: [['Nomor', ':', f.number], ['Sifat', ':', f.sifat], ['Lampiran', ':', f.lampiran], ['Hal', ':', { text: f.subject, bold: true }]] },
                layout: 'noBorders',
              },
              { width: 'auto', text: f.placeAndDate, noWrap: true, margin: [12, 2, 0, 0] },
            ],
          },
          { text: ['Yth. ', { text: f.addressee }], margin: [0, 12, 0, 0] },
          { text: 'di', margin: [0, 0, 0, 0] },
          { text: f.city, margin: [18, 0, 0, 14] },
        ]
      : [
          { text: f.typeName.toLocaleUpperCase('id-ID'), bold: true, decoration: 'underline', alignment: 'center', fontSize: s.fontSize + 1 },
          { text: `Nomor: ${f.number}`, alignment: 'center', margin: [0, 2, 0, 14] },
        ];

  const paragraphs = f.body.split(/\n{2,}/).map((p) => ({ text: p, alignment: 'justify', margin: [0, 0, 0, 8], preserveLeadingSpaces: true }));

  const sig = f.signature;
  const signatureBlock = sig
    ? {
        columns: [
          { width: '*', stack: verification(f) },
          {
            width: 230,
            stack: [
              ...(f.kind === 'keterangan' ? [{ text: f.placeAndDate }] : []),
              ...sig.heading.map((h) => ({ text: h, bold: false })),
              f.signatureImage || f.stampImage
                ? { stack: [
                    ...(f.stampImage ? [{ image: f.stampImage, fit: [28 * MM, 28 * MM], absolutePosition: undefined }] : []),
                    ...(f.signatureImage ? [{ image: f.signatureImage, fit: [45 * MM, 18 * MM], margin: [0, f.stampImage ? -20 * MM : 0, 0, 0] }] : []),
                  ], margin: [0, 4, 0, 4] }
                : { text: ' ', margin: [0, 0, 0, 52] },
              { text: sig.name, bold: true, decoration: 'underline' },
              ...(sig.rank ? [{ text: sig.rank }] : []),
              ...(sig.nipLine ? [{ text: sig.nipLine }] : []),
            ],
            alignment: 'left',
          },
        ],
        margin: [0, 14, 0, 0],
        unbreakable: true,
      }
    : { text: 'DRAF – belum ditandatangani, bukan surat resmi', bold: true, alignment: 'center', margin: [0, 24, 0, 0] };

  const tembusan = f.tembusan.length
    ? [{ text: 'Tembusan:', margin: [0, 18, 0, 0], fontSize: s.fontSize - 1 }, { ol: f.tembusan, fontSize: s.fontSize - 1 }]
    : [];

  const doc = {
    pageSize: { width: paper.width, height: paper.height },
    pageMargins: [m.left * MM, m.top * MM, m.right * MM, m.bottom * MM],
    info: { title: `${f.typeName} ${f.number}`, creator: 'Loket', producer: 'Loket', creationDate: f.madeAt, modDate: f.madeAt },
    defaultStyle: { font: s.font, fontSize: s.fontSize, lineHeight: 1.15 },
    ...(f.draft ? { watermark: { text: 'DRAF', opacity: 0.12, bold: true } } : {}),
    content: [kop, rule, ...header, ...paragraphs, signatureBlock, ...tembusan],
  };
  return pdfEngine().createPdf(doc).getBuffer();
}

function verification(f: LetterFacts) {
  if (!f.verifyUrl || !f.verifyCode) return [];
  return [
    { qr: f.verifyUrl, fit: 26 * MM, eccLevel: 'M' },
    { text: `Kode verifikasi: ${f.verifyCode}`, fontSize: 7, margin: [0, 3, 0, 0] },
    {
      text: 'Keaslian surat ini dapat diperiksa dengan memindai kode QR. Surat ini sah dengan tanda tangan basah dan cap dinas; bukan tanda tangan elektronik.',
      fontSize: 6.5,
      margin: [0, 2, 20, 0],
    },
  ];
}
