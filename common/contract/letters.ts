// Letters: surat rekomendasi / keterangan penjaminan to a hospital, and DTKS/SKTM statements, from
// the received file to the hand-over; their templates, hospitals, signing officials and delegations.
// Patient data (NIK, names, diagnosis) travels in most entries: `personal`.
import { z } from 'zod';
import { DelegationKind } from '../domain/signature';
import { LetterStatus } from '../domain/letterFlow';
import { checkNumberPattern } from '../domain/letterNumber';
import { entry, Id, Iso, RequestId } from './core';

const text = (max: number) => z.string().trim().max(max);
const req = (max: number) => z.string().trim().min(1, 'Wajib diisi.').max(max);
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Tanggal harus TTTT-BB-HH.');
const Image = z.string().regex(/^data:image\/(png|jpeg);base64,[A-Za-z0-9+/=]+$/, 'Gambar harus PNG atau JPEG.').max(2_000_000).nullable();

export const PAPER_SIZES = ['A4', 'F4'] as const;
export const LetterSettings = z.object({
  /** Kop surat, top to bottom. */
  government: req(200),
  officeName: req(200),
  address: req(300),
  /** The office's telephone (named so: not a person's phone). */
  officePhone: text(100),
  email: text(100),
  website: text(100),
  closingLine: text(200),
  emblem: Image,
  /** The place written before the date: "Sekayu, 27 November 2026". */
  place: req(100),
  paper: z.enum(PAPER_SIZES),
  /** PDF standard fonts: nothing to embed, text stays readable through every spooler. */
  font: z.enum(['Helvetica', 'Times']),
  fontSize: z.number().int().min(9).max(14),
  marginsMm: z.object({ top: z.number().min(5).max(50), right: z.number().min(5).max(50), bottom: z.number().min(5).max(50), left: z.number().min(5).max(50) }),
  /** Where the QR code points: `<verifyBaseUrl>/<code>`. */
  verifyBaseUrl: z.string().trim().url('Alamat verifikasi harus berupa URL lengkap.').max(200),
});
export type LetterSettings = z.infer<typeof LetterSettings>;

/**
 * What the kop form sends: every field there, loosely typed, so that letterSettingsProblems can name
 * every wrong field at once in Indonesian (the renderer runs it before sending, the host again).
 */
export const LetterSettingsInput = z.object({
  government: z.string().trim().max(2000),
  officeName: z.string().trim().max(2000),
  address: z.string().trim().max(2000),
  officePhone: z.string().trim().max(2000),
  email: z.string().trim().max(2000),
  website: z.string().trim().max(2000),
  closingLine: z.string().trim().max(2000),
  emblem: z.string().max(4_000_000).nullable(),
  place: z.string().trim().max(2000),
  paper: z.string().max(20),
  font: z.string().max(40),
  fontSize: z.number(),
  marginsMm: z.object({ top: z.number(), right: z.number(), bottom: z.number(), left: z.number() }),
  verifyBaseUrl: z.string().trim().max(2000),
});
export type LetterSettingsInput = z.infer<typeof LetterSettingsInput>;

/** Field path → what is wrong, in Indonesian (paths as the host reports them: `marginsMm.top`). */
export type FieldProblems = Record<string, string>;

const IMAGE_DATA_URL = /^data:image\/(png|jpeg);base64,[A-Za-z0-9+/=]+$/;
/** Largest image as a data URL (about 1.4 MB of PNG/JPEG). */
export const IMAGE_MAX_CHARS = 2_000_000;
const MARGIN_KEYS = ['top', 'right', 'bottom', 'left'] as const;
/** Paper in mm (A4 and F4, as the PDF lays them out). */
export const PAPER_MM = { A4: { width: 210, height: 297 }, F4: { width: 215, height: 330 } } as const;

function imageProblem(v: string | null, what: string): string | null {
  if (v === null || v === '') return null;
  if (!IMAGE_DATA_URL.test(v)) return `${what} harus berkas PNG atau JPEG.`;
  if (v.length > IMAGE_MAX_CHARS) return `${what} terlalu besar (paling besar sekitar 1,4 MB); perkecil gambarnya.`;
  return null;
}

function required(out: FieldProblems, key: string, v: string, max: number, example: string): void {
  if (!v.trim()) out[key] = `Wajib diisi, mis. ${example}.`;
  else if (v.trim().length > max) out[key] = `Paling banyak ${max} huruf.`;
}

function optional(out: FieldProblems, key: string, v: string, max: number): void {
  if (v.trim().length > max) out[key] = `Paling banyak ${max} huruf.`;
}

/** Every problem of the kop and page settings at once (empty: it can be saved). */
export function letterSettingsProblems(s: LetterSettingsInput): FieldProblems {
  const out: FieldProblems = {};
  required(out, 'government', s.government, 200, 'PEMERINTAH KABUPATEN MUSI BANYUASIN');
  if (!out.government && !/^pemerintah\s+\S/i.test(s.government.trim()))
    out.government = 'Diawali kata PEMERINTAH, mis. PEMERINTAH KABUPATEN MUSI BANYUASIN.';
  required(out, 'officeName', s.officeName, 200, 'DINAS KESEHATAN');
  required(out, 'address', s.address, 300, 'Jalan Kolonel Wahid Udin No. 1, Sekayu 30711');
  const phone = s.officePhone.trim();
  if (phone.length > 100) out.officePhone = 'Paling banyak 100 huruf.';
  else if (phone && (phone.replace(/\D/g, '').length < 5 || /[^0-9A-Za-z+()./,:\-\s]/.test(phone)))
    out.officePhone = 'Tulis nomor telepon kantor dengan angka, mis. (0714) 321234.';
  const email = s.email.trim();
  if (email.length > 100) out.email = 'Paling banyak 100 huruf.';
  else if (email && !/^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(email)) out.email = 'Alamat pos-el tidak valid, mis. dinkes@mubakab.go.id.';
  const web = s.website.trim();
  if (web.length > 100) out.website = 'Paling banyak 100 huruf.';
  else if (web && !/^(https?:\/\/)?([a-z0-9](-*[a-z0-9])*\.)+[a-z]{2,}(:\d+)?(\/\S*)?$/i.test(web)) out.website = 'Laman tidak valid, mis. dinkes.mubakab.go.id.';
  optional(out, 'closingLine', s.closingLine, 200);
  const emblem = imageProblem(s.emblem, 'Lambang daerah');
  if (emblem) out.emblem = emblem;
  required(out, 'place', s.place, 100, 'Sekayu');
  const paper = (PAPER_SIZES as readonly string[]).includes(s.paper) ? PAPER_MM[s.paper as (typeof PAPER_SIZES)[number]] : null;
  if (!paper) out.paper = 'Pilih A4 atau F4.';
  if (s.font !== 'Helvetica' && s.font !== 'Times') out.font = 'Pilih Helvetica atau Times.';
  if (!Number.isInteger(s.fontSize) || s.fontSize < 9 || s.fontSize > 14) out.fontSize = 'Ukuran huruf 9 sampai 14 pt (bilangan bulat).';
  for (const k of MARGIN_KEYS) {
    const v = s.marginsMm[k];
    if (!Number.isFinite(v) || v < 5 || v > 50) out[`marginsMm.${k}`] = 'Margin 5 sampai 50 mm.';
  }
  const m = s.marginsMm;
  if (paper && !out['marginsMm.left'] && !out['marginsMm.right'] && paper.width - m.left - m.right < 120)
    out['marginsMm.right'] = `Margin kiri dan kanan terlalu lebar: isi surat perlu paling sedikit 120 mm (kertas ${s.paper} lebarnya ${paper.width} mm).`;
  if (paper && !out['marginsMm.top'] && !out['marginsMm.bottom'] && paper.height - m.top - m.bottom < 200)
    out['marginsMm.bottom'] = `Margin atas dan bawah terlalu lebar: isi surat perlu paling sedikit 200 mm (kertas ${s.paper} tingginya ${paper.height} mm).`;
  const url = s.verifyBaseUrl.trim();
  if (!/^https?:\/\/[^\s/$.?#][^\s]*$/i.test(url) || url.length > 200)
    out.verifyBaseUrl = 'Tulis alamat lengkap yang diawali https://, mis. https://dinkes.mubakab.go.id/verifikasi.';
  return out;
}

/** The settings as stored, once letterSettingsProblems found nothing. */
export function toLetterSettings(s: LetterSettingsInput): LetterSettings {
  return LetterSettings.parse({ ...s, emblem: s.emblem || null });
}

export const LetterType = z.object({
  id: Id,
  code: z.string().trim().regex(/^[A-Z0-9_-]{2,20}$/, 'Kode 2–20 huruf besar/angka.'),
  name: req(120),
  kind: z.enum(['rekomendasi', 'keterangan']),
  numberPattern: req(120),
  subject: req(200),
  /** Body paragraphs with {pasien}, {nik}, {alamat}, {rumah_sakit}, {diagnosis}. */
  opening: req(4000),
  closing: req(2000),
  signerOfficialId: Id.nullable(),
  requiredDocs: z.array(req(200)).max(30),
  active: z.boolean(),
});
export type LetterType = z.infer<typeof LetterType>;

export const Hospital = z.object({
  id: Id,
  name: req(200),
  /** "Direktur RSUD Palembang BARI" */
  addressee: req(200),
  city: req(100),
  requiredDocs: z.array(req(200)).max(30),
  active: z.boolean(),
});
export type Hospital = z.infer<typeof Hospital>;

export const Official = z.object({
  id: Id,
  userId: Id.nullable(),
  name: req(200),
  title: req(200),
  rank: text(100),
  nip: z.string().trim().regex(/^(\d{18}|\d{8} \d{6} \d \d{3})?$/, 'NIP 18 angka.'),
  signatureImage: Image,
  stampImage: Image,
  active: z.boolean(),
});
export type Official = z.infer<typeof Official>;

/** Every problem of a signing official's form at once. */
export function officialProblems(o: { name: string; title: string; rank: string; nip: string; signatureImage: string | null; stampImage: string | null }): FieldProblems {
  const out: FieldProblems = {};
  required(out, 'name', o.name, 200, 'dr. HENDRA SAPUTRA, M.Kes');
  required(out, 'title', o.title, 200, 'Kepala Dinas Kesehatan Kabupaten Musi Banyuasin');
  optional(out, 'rank', o.rank, 100);
  if (!/^(\d{18}|\d{8} \d{6} \d \d{3})?$/.test(o.nip.trim())) out.nip = 'NIP 18 angka (boleh dengan spasi: 19670401 200003 1 006), atau kosong.';
  const sig = imageProblem(o.signatureImage, 'Pindaian tanda tangan');
  if (sig) out.signatureImage = sig;
  const stamp = imageProblem(o.stampImage, 'Gambar cap');
  if (stamp) out.stampImage = stamp;
  return out;
}

function docsProblem(out: FieldProblems, key: string, docs: string[]): void {
  if (docs.length > 30) out[key] = 'Paling banyak 30 berkas.';
  else if (docs.some((d) => d.length > 200)) out[key] = 'Nama tiap berkas paling banyak 200 huruf.';
}

/** Every problem of a hospital's form at once. */
export function hospitalProblems(h: { name: string; addressee: string; city: string; requiredDocs: string[] }): FieldProblems {
  const out: FieldProblems = {};
  required(out, 'name', h.name, 200, 'RSUD Palembang BARI');
  required(out, 'addressee', h.addressee, 200, 'Direktur RSUD Palembang BARI');
  required(out, 'city', h.city, 100, 'Palembang');
  docsProblem(out, 'requiredDocs', h.requiredDocs);
  return out;
}

/** Every problem of a letter type's wording at once (the number pattern as checkNumberPattern says). */
export function letterTypeProblems(t: { name: string; numberPattern: string; subject: string; opening: string; closing: string; requiredDocs: string[] }): FieldProblems {
  const out: FieldProblems = {};
  required(out, 'name', t.name, 120, 'Surat Rekomendasi');
  const pattern = checkNumberPattern(t.numberPattern);
  if (pattern.length) out.numberPattern = pattern.join(' ');
  required(out, 'subject', t.subject, 200, 'Rekomendasi Penjaminan Pelayanan Kesehatan');
  required(out, 'opening', t.opening, 4000, 'Yang bertanda tangan di bawah ini …');
  required(out, 'closing', t.closing, 2000, 'Demikian surat ini dibuat untuk dipergunakan sebagaimana mestinya.');
  docsProblem(out, 'requiredDocs', t.requiredDocs);
  return out;
}

export const Delegation = z.object({
  id: Id,
  kind: DelegationKind,
  principalId: Id,
  delegateId: Id,
  viaId: Id.nullable(),
  validFrom: Day,
  validTo: Day.nullable(),
  note: text(300),
  revokedAt: Iso.nullable(),
});
export type Delegation = z.infer<typeof Delegation>;

export const SignatureBlockOut = z.object({ heading: z.array(z.string()), name: z.string(), rank: z.string(), nipLine: z.string(), form: z.string() });

export const StepTimingOut = z.object({
  key: z.string(),
  label: z.string(),
  mutuBakuMin: z.number(),
  elapsedSec: z.number().nullable(),
  running: z.boolean(),
  overrun: z.boolean(),
});

export const LetterDetail = z.object({
  id: Id,
  typeId: Id,
  typeName: z.string(),
  status: LetterStatus,
  statusLabel: z.string(),
  patientName: z.string(),
  nik: z.string(),
  address: z.string(),
  diagnosis: z.string(),
  hospitalId: Id.nullable(),
  hospitalName: z.string(),
  docsPresent: z.array(z.string()),
  docsMissing: z.array(z.string()),
  requiredDocs: z.array(z.string()),
  sifat: z.string(),
  lampiran: z.string(),
  subject: z.string(),
  body: z.string(),
  tembusan: z.array(z.string()),
  number: z.string().nullable(),
  officerName: z.string(),
  signature: SignatureBlockOut.nullable(),
  delegationId: Id.nullable(),
  pdfSha256: z.string().nullable(),
  shortCode: z.string().nullable(),
  printer: z.string().nullable(),
  printError: z.string().nullable(),
  handedTo: z.object({ name: z.string(), relation: z.string(), idShown: z.string() }).nullable(),
  cancelReason: z.string().nullable(),
  times: z.object({
    receivedAt: Iso, checkedAt: Iso.nullable(), draftedAt: Iso.nullable(), approvedAt: Iso.nullable(), signedAt: Iso.nullable(),
    printedAt: Iso.nullable(), collectedAt: Iso.nullable(), handedOverAt: Iso.nullable(), cancelledAt: Iso.nullable(),
  }),
  steps: z.array(StepTimingOut),
});
export type LetterDetail = z.infer<typeof LetterDetail>;

/** What a move answers: no personal data, so a retried move is answered from the request log. */
export const LetterMoved = z.object({ id: Id, status: LetterStatus, number: z.string().nullable() });

const move = <T extends z.ZodRawShape>(shape: T) => z.object({ id: Id, requestId: RequestId.optional(), ...shape });
const TEAM = ['tim_rujukan'] as const;

export const lettersContract = {
  'letters.setup': entry(
    z.object({}),
    z.object({ settings: LetterSettings, types: z.array(LetterType), hospitals: z.array(Hospital), officials: z.array(Official), delegations: z.array(Delegation) }),
    'staff',
  ),
  'letters.saveSettings': entry(LetterSettingsInput, LetterSettings, ['admin']),
  'letterTypes.save': entry(LetterType.extend({ id: Id.nullable(), requestId: RequestId.optional() }), LetterType, ['admin'], { idempotent: true }),
  'hospitals.save': entry(Hospital.extend({ id: Id.nullable(), requestId: RequestId.optional() }), Hospital, ['admin'], { idempotent: true }),
  'officials.save': entry(Official.extend({ id: Id.nullable(), requestId: RequestId.optional() }), Official, ['admin'], { idempotent: true }),
  'delegations.create': entry(Delegation.omit({ id: true, revokedAt: true }).extend({ requestId: RequestId.optional() }), Delegation, ['admin'], { idempotent: true }),
  'delegations.revoke': entry(z.object({ id: Id }), Delegation, ['admin']),

  'letters.receive': entry(
    z.object({
      typeId: Id,
      hospitalId: Id.nullable(),
      ticketId: Id.nullable().optional(),
      patientName: req(200),
      nik: z.string().trim().regex(/^\d{16}$/, 'NIK harus 16 angka.'),
      address: text(500),
      diagnosis: text(500),
      requestId: RequestId.optional(),
    }),
    LetterMoved,
    TEAM,
    { personal: true, idempotent: true },
  ),
  'letters.check': entry(move({ docsPresent: z.array(req(200)).max(30) }), LetterMoved, TEAM, { personal: true, idempotent: true }),
  'letters.draft': entry(
    move({ sifat: req(50), lampiran: req(100), subject: req(200), body: req(6000), diagnosis: text(500), tembusan: z.array(req(200)).max(10) }),
    LetterMoved,
    TEAM,
    { personal: true, idempotent: true },
  ),
  'letters.approve': entry(move({}), LetterMoved, TEAM, { personal: true, idempotent: true }),
  'letters.sign': entry(move({}), LetterMoved, ['penandatangan'], { personal: true, idempotent: true }),
  'letters.print': entry(move({}), LetterMoved.extend({ printer: z.string(), jobId: z.string() }), [...TEAM, 'penandatangan'], { personal: true, idempotent: true }),
  'letters.collect': entry(move({}), LetterMoved, TEAM, { personal: true, idempotent: true }),
  'letters.handOver': entry(
    move({ receiverName: req(200), relation: req(100), idShown: req(100) }),
    LetterMoved,
    TEAM,
    { personal: true, idempotent: true },
  ),
  'letters.cancel': entry(move({ reason: req(500) }), LetterMoved, [...TEAM, 'admin'], { personal: true, idempotent: true }),

  'letters.get': entry(z.object({ id: Id }), LetterDetail, [...TEAM, 'penandatangan', 'admin'], { personal: true }),
  /** The team's open letters (not yet handed over or cancelled), oldest first. */
  'letters.work': entry(z.object({}), z.array(LetterDetail), TEAM, { personal: true }),
  /** Approved letters the caller may sign today: as the official or under a delegation in force. */
  'letters.signQueue': entry(z.object({}), z.array(LetterDetail.extend({ signAs: z.string() })), ['penandatangan'], { personal: true }),
  /** The archived PDF once signed (the same bytes every time); a marked preview before. */
  'letters.pdf': entry(
    z.object({ id: Id }),
    z.object({ fileName: z.string(), base64: z.string(), sha256: z.string(), archived: z.boolean() }),
    [...TEAM, 'penandatangan', 'admin'],
    { personal: true },
  ),
  /** The QR code's target: what the letter says it is, without personal data. */
  'letters.verify': entry(
    z.object({ code: z.string().trim().max(64) }),
    z.object({
      found: z.boolean(),
      number: z.string().nullable(),
      typeName: z.string().nullable(),
      hospitalName: z.string().nullable(),
      signedAt: Iso.nullable(),
      signedAs: z.array(z.string()),
      status: z.string().nullable(),
      pdfSha256: z.string().nullable(),
      shortCode: z.string().nullable(),
    }),
    'public',
  ),
  /** Printers the host reaches and the one this desk prints letters on. */
  'letters.printers': entry(z.object({}), z.object({ printers: z.array(z.string()), deskPrinter: z.string().nullable(), error: z.string().nullable() }), [...TEAM, 'penandatangan', 'admin']),
  'letters.setDeskPrinter': entry(z.object({ printer: z.string().trim().min(1).max(200).nullable() }), z.object({ deskPrinter: z.string().nullable() }), [...TEAM, 'penandatangan', 'admin']),
} as const;
