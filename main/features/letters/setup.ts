// The letters' fixed parts, kept by admin: letterhead and page settings, letter types with their
// number patterns and wording, hospitals with the documents they require, signing officials and
// delegations. Defaults follow seed 002 (RSUD Palembang BARI, RSUP Dr. Mohammad Hoesin).
import type { Delegation, Hospital, LetterSettings, LetterType, Official, ParsedInput } from '../../../common/contract/index';
import { hospitalProblems, letterSettingsProblems, letterTypeProblems, officialProblems, toLetterSettings, type FieldProblems, type LetterSettingsInput } from '../../../common/contract/letters';
import { AppFailure, audit, iso, newId, type Ctx } from '../../platform/context';
import { qb, type ReadDb, type WriteDb } from '../../platform/db';
import { getOffice } from '../../platform/office';
import { readSetting, writeSetting } from '../../platform/settings';

const SETTINGS_KEY = 'letters.settings';

export function defaultSettings(db: ReadDb): LetterSettings {
  const office = getOffice(db);
  const kab = office?.kabKota ?? '';
  return {
    government: kab ? `PEMERINTAH ${kab.toLocaleUpperCase('id-ID')}` : 'PEMERINTAH PROVINSI SUMATERA SELATAN',
    officeName: (office?.name ?? 'Dinas Kesehatan').toLocaleUpperCase('id-ID'),
    address: office?.address || 'Jalan Merdeka No. 1',
    officePhone: '',
    email: '',
    website: '',
    closingLine: '',
    emblem: null,
    place: kab.replace(/^(Kabupaten|Kota)\s+/i, '') || 'Palembang',
    paper: 'A4',
    font: 'Helvetica',
    fontSize: 11,
    marginsMm: { top: 15, right: 20, bottom: 20, left: 25 },
    verifyBaseUrl: 'https://loket.invalid/verifikasi',
  };
}

export function readLetterSettings(db: ReadDb): LetterSettings {
  const raw = readSetting(db, SETTINGS_KEY);
  const base = defaultSettings(db);
  if (!raw) return base;
  try {
    return { ...base, ...(JSON.parse(raw) as Partial<LetterSettings>) };
  } catch {
    return base;
  }
}

/** Every wrong field at once, as one VALIDATION failure naming them all (nothing is saved). */
function refuseProblems(what: string, problems: FieldProblems): void {
  const wrong = Object.keys(problems);
  if (wrong.length)
    throw new AppFailure('VALIDATION', `${what} belum disimpan: ${wrong.length} isian belum benar. ${wrong.map((k) => problems[k]).join(' ')}`, problems);
}

export function saveLetterSettings(ctx: Ctx, raw: LetterSettingsInput): LetterSettings {
  refuseProblems('Kop surat', letterSettingsProblems(raw));
  const input = toLetterSettings(raw);
  ctx.store.tx((w) => {
    writeSetting(w, SETTINGS_KEY, JSON.stringify(input));
    audit(w, ctx, 'letters.saveSettings', 'settings', null, { ...input, emblem: input.emblem ? '(gambar)' : null });
  });
  return readLetterSettings(ctx.store);
}

const json = (v: string): string[] => {
  try {
    const a = JSON.parse(v) as unknown;
    return Array.isArray(a) ? a.map(String) : [];
  } catch {
    return [];
  }
};

type TypeRow = { id: string; code: string; name: string; kind: 'rekomendasi' | 'keterangan'; number_pattern: string; subject: string; opening: string; closing: string; signer_official_id: string | null; required_docs: string; active: number };
export const toLetterType = (r: TypeRow): LetterType => ({
  id: r.id, code: r.code, name: r.name, kind: r.kind, numberPattern: r.number_pattern, subject: r.subject, opening: r.opening, closing: r.closing,
  signerOfficialId: r.signer_official_id, requiredDocs: json(r.required_docs), active: r.active === 1,
});
type HospitalRow = { id: string; name: string; addressee: string; city: string; required_docs: string; active: number };
export const toHospital = (r: HospitalRow): Hospital => ({ id: r.id, name: r.name, addressee: r.addressee, city: r.city, requiredDocs: json(r.required_docs), active: r.active === 1 });
type OfficialRow = { id: string; user_id: string | null; name: string; title: string; rank: string; nip: string; signature_image: string | null; stamp_image: string | null; active: number };
export const toOfficial = (r: OfficialRow): Official => ({
  id: r.id, userId: r.user_id, name: r.name, title: r.title, rank: r.rank, nip: r.nip, signatureImage: r.signature_image, stampImage: r.stamp_image, active: r.active === 1,
});
type DelegationRow = { id: string; kind: Delegation['kind']; principal_id: string; delegate_id: string; via_id: string | null; valid_from: string; valid_to: string | null; note: string; revoked_at: string | null };
export const toDelegation = (r: DelegationRow): Delegation => ({
  id: r.id, kind: r.kind, principalId: r.principal_id, delegateId: r.delegate_id, viaId: r.via_id, validFrom: r.valid_from, validTo: r.valid_to, note: r.note, revokedAt: r.revoked_at,
});

export const listTypes = (db: ReadDb) => db.all(qb.selectFrom('letter_types').selectAll().orderBy('sort').orderBy('name')).map(toLetterType);
export const listHospitals = (db: ReadDb) => db.all(qb.selectFrom('hospitals').selectAll().orderBy('name')).map(toHospital);
export const listOfficials = (db: ReadDb) => db.all(qb.selectFrom('officials').selectAll().orderBy('name')).map(toOfficial);
export const listDelegations = (db: ReadDb) => db.all(qb.selectFrom('delegations').selectAll().orderBy('valid_from', 'desc')).map(toDelegation);

export function letterSetup(ctx: Ctx) {
  return { settings: readLetterSettings(ctx.store), types: listTypes(ctx.store), hospitals: listHospitals(ctx.store), officials: listOfficials(ctx.store), delegations: listDelegations(ctx.store) };
}

function mustExist(w: ReadDb, table: 'letter_types' | 'hospitals' | 'officials', id: string, what: string): void {
  if (!w.first(qb.selectFrom(table).select('id').where('id', '=', id))) throw new AppFailure('NOT_FOUND', `${what} tidak ditemukan. Muat ulang layar.`);
}

export function saveLetterType(ctx: Ctx, input: ParsedInput<'letterTypes.save'>): LetterType {
  refuseProblems('Jenis surat', letterTypeProblems(input));
  const now = iso(ctx.now());
  return ctx.store.tx((w) => {
    if (input.signerOfficialId) mustExist(w, 'officials', input.signerOfficialId, 'Pejabat penanda tangan');
    const taken = w.first(qb.selectFrom('letter_types').select('id').where('code', '=', input.code));
    if (taken && taken.id !== input.id) throw new AppFailure('CODE_TAKEN', `Kode ${input.code} sudah dipakai jenis surat lain.`, { code: 'Kode sudah dipakai.' });
    const values = {
      code: input.code, name: input.name, kind: input.kind, number_pattern: input.numberPattern, subject: input.subject, opening: input.opening, closing: input.closing,
      signer_official_id: input.signerOfficialId, required_docs: JSON.stringify(input.requiredDocs), active: input.active ? 1 : 0, updated_at: now,
    };
    let id = input.id;
    if (id) {
      mustExist(w, 'letter_types', id, 'Jenis surat');
      w.run(qb.updateTable('letter_types').set(values).where('id', '=', id));
    } else {
      id = newId();
      w.run(qb.insertInto('letter_types').values({ id, ...values, sort: 100, created_at: now }));
    }
    audit(w, ctx, 'letterTypes.save', 'letter_type', id, { code: input.code, numberPattern: input.numberPattern });
    return toLetterType(w.first(qb.selectFrom('letter_types').selectAll().where('id', '=', id))!);
  });
}

export function saveHospital(ctx: Ctx, input: ParsedInput<'hospitals.save'>): Hospital {
  refuseProblems('Rumah sakit', hospitalProblems(input));
  const now = iso(ctx.now());
  return ctx.store.tx((w) => {
    const taken = w.first(qb.selectFrom('hospitals').select('id').where('name', '=', input.name));
    if (taken && taken.id !== input.id) throw new AppFailure('CODE_TAKEN', `Rumah sakit ${input.name} sudah ada.`, { name: 'Nama sudah ada.' });
    const values = { name: input.name, addressee: input.addressee, city: input.city, required_docs: JSON.stringify(input.requiredDocs), active: input.active ? 1 : 0, updated_at: now };
    let id = input.id;
    if (id) {
      mustExist(w, 'hospitals', id, 'Rumah sakit');
      w.run(qb.updateTable('hospitals').set(values).where('id', '=', id));
    } else {
      id = newId();
      w.run(qb.insertInto('hospitals').values({ id, ...values, created_at: now }));
    }
    audit(w, ctx, 'hospitals.save', 'hospital', id, { name: input.name });
    return toHospital(w.first(qb.selectFrom('hospitals').selectAll().where('id', '=', id))!);
  });
}

export function saveOfficial(ctx: Ctx, input: ParsedInput<'officials.save'>): Official {
  refuseProblems('Pejabat', officialProblems(input));
  const now = iso(ctx.now());
  return ctx.store.tx((w) => {
    if (input.userId) {
      if (!w.first(qb.selectFrom('users').select('id').where('id', '=', input.userId))) throw new AppFailure('NOT_FOUND', 'Pengguna tidak ditemukan.');
      const other = w.first(qb.selectFrom('officials').select('id').where('user_id', '=', input.userId));
      if (other && other.id !== input.id) throw new AppFailure('CODE_TAKEN', 'Pengguna ini sudah terhubung ke pejabat lain.', { userId: 'Sudah dipakai pejabat lain.' });
    }
    const values = {
      user_id: input.userId, name: input.name, title: input.title, rank: input.rank, nip: input.nip.replace(/\s/g, ''),
      signature_image: input.signatureImage, stamp_image: input.stampImage, active: input.active ? 1 : 0, updated_at: now,
    };
    let id = input.id;
    if (id) {
      mustExist(w, 'officials', id, 'Pejabat');
      w.run(qb.updateTable('officials').set(values).where('id', '=', id));
    } else {
      id = newId();
      w.run(qb.insertInto('officials').values({ id, ...values, created_at: now }));
    }
    audit(w, ctx, 'officials.save', 'official', id, { name: input.name, title: input.title });
    return toOfficial(w.first(qb.selectFrom('officials').selectAll().where('id', '=', id))!);
  });
}

export function createDelegation(ctx: Ctx, input: ParsedInput<'delegations.create'>): Delegation {
  if (input.validTo && input.validTo < input.validFrom)
    throw new AppFailure('VALIDATION', 'Tanggal akhir pelimpahan tidak boleh sebelum tanggal mulai.', { validTo: 'Sebelum tanggal mulai.' });
  if (input.principalId === input.delegateId) throw new AppFailure('VALIDATION', 'Pejabat tidak dapat melimpahkan wewenang kepada dirinya sendiri.', { delegateId: 'Pilih pejabat lain.' });
  if (input.kind === 'ub' && !input.viaId) throw new AppFailure('VALIDATION', 'Untuk u.b. pilih pejabat tingkat pertama (yang menandatangani a.n.).', { viaId: 'Wajib untuk u.b.' });
  const now = iso(ctx.now());
  return ctx.store.tx((w) => {
    mustExist(w, 'officials', input.principalId, 'Pejabat pemberi wewenang');
    mustExist(w, 'officials', input.delegateId, 'Pejabat penerima wewenang');
    if (input.viaId) mustExist(w, 'officials', input.viaId, 'Pejabat tingkat pertama');
    const id = newId();
    w.run(
      qb.insertInto('delegations').values({
        id, kind: input.kind, principal_id: input.principalId, delegate_id: input.delegateId, via_id: input.kind === 'ub' ? input.viaId : null,
        valid_from: input.validFrom, valid_to: input.validTo, note: input.note, created_by: ctx.actor?.user.id ?? null, created_at: now, revoked_at: null,
      }),
    );
    audit(w, ctx, 'delegations.create', 'delegation', id, input);
    return toDelegation(w.first(qb.selectFrom('delegations').selectAll().where('id', '=', id))!);
  });
}

export function revokeDelegation(ctx: Ctx, id: string): Delegation {
  return ctx.store.tx((w) => {
    const row = w.first(qb.selectFrom('delegations').selectAll().where('id', '=', id));
    if (!row) throw new AppFailure('NOT_FOUND', 'Pelimpahan wewenang tidak ditemukan.');
    if (!row.revoked_at) w.run(qb.updateTable('delegations').set({ revoked_at: iso(ctx.now()) }).where('id', '=', id));
    audit(w, ctx, 'delegations.revoke', 'delegation', id);
    return toDelegation(w.first(qb.selectFrom('delegations').selectAll().where('id', '=', id))!);
  });
}

export type { WriteDb };
