// The family on the visitor's KK: typed at the desk or picked from an earlier visit of the same KK.
// The visitor (the case's NIK) is member #1 until the family is saved.
import { qb, type ReadDb } from '../../platform/db';
import type { AreaNote, Family, FamilyInput, ParsedInput } from '../../../common/contract/index';
import { birthDateWarning, checkKk, checkNik, normaliseIdNumber } from '../../../common/domain/nik';
import { checkArea } from '../../../common/domain/area';
import { MAX_MEMBERS } from '../../../common/domain/membership';
import { AppFailure, audit, iso, requireActor, type Ctx } from '../../platform/context';
import { areaList } from './areas';

type Warning = { field: string; code: string; message: string };

/** The area a NIK/KK names. Numbers too short to name one get an empty note. */
export function areaNote(raw: string, label = 'nomor'): AreaNote {
  const digits = normaliseIdNumber(raw);
  if (!/^\d{6,16}$/.test(digits)) return { name: '', error: null, warning: null };
  return checkArea(digits, areaList(), label);
}

function caseOf(db: ReadDb, ticketId: string) {
  return db.first(qb.selectFrom('cases').selectAll().where('ticket_id', '=', ticketId));
}

/** The stored family of a case, with the areas its numbers name. */
export function readFamily(db: ReadDb, caseId: string): Family | null {
  const f = db.first(qb.selectFrom('case_families').selectAll().where('case_id', '=', caseId));
  if (!f) return null;
  const rows = db.all(qb.selectFrom('case_members').selectAll().where('case_id', '=', caseId).orderBy('position'));
  const members = rows.map((m) => ({ nik: m.nik, name: m.name, sex: m.sex, birthDate: m.birth_date ?? '', relation: m.relation, hasCard: m.has_card === 1 }));
  return withAreas({ kk: f.kk, address: f.address, headName: f.head_name, members }, true, f.updated_at);
}

function withAreas(input: FamilyInput, stored: boolean, updatedAt: string | null): Family {
  return { ...input, stored, updatedAt, kkArea: areaNote(input.kk, 'nomor KK'), memberAreas: input.members.map((m) => areaNote(m.nik, 'NIK')) };
}

export function getFamily(ctx: Ctx, input: ParsedInput<'cases.family.get'>): Family | null {
  requireActor(ctx);
  return ctx.store.tx((w) => {
    const c = caseOf(w, input.ticketId);
    if (!c) return null;
    audit(w, ctx, 'cases.family.view', 'case', c.id);
    const stored = readFamily(w, c.id);
    if (stored) return stored;
    const nik = checkNik(c.nik, ctx.now()).info;
    return withAreas(
      {
        kk: c.kk,
        address: '',
        headName: c.name,
        members: [{ nik: c.nik, name: c.name, sex: nik?.sex ?? null, birthDate: c.birth_date ?? nik?.birthDate ?? '', relation: 'kepala', hasCard: false }],
      },
      false,
      null,
    );
  });
}

export function lookupFamily(ctx: Ctx, input: ParsedInput<'cases.family.lookup'>): Family | null {
  requireActor(ctx);
  const kk = normaliseIdNumber(input.kk);
  return ctx.store.tx((w) => {
    const last = w.first(qb.selectFrom('case_families').select('case_id').where('kk', '=', kk).orderBy('updated_at', 'desc').limit(1));
    if (!last) return null;
    audit(w, ctx, 'cases.family.lookup', 'case', last.case_id);
    return readFamily(w, last.case_id);
  });
}

/** Every problem at once, keyed by field (`members.2.nik`); warnings never block. */
export function checkFamily(input: FamilyInput, today: Date): { fields: Record<string, string>; warnings: Warning[]; clean: FamilyInput } {
  const fields: Record<string, string> = {};
  const warnings: Warning[] = [];
  const kk = normaliseIdNumber(input.kk);
  const kkCheck = checkKk(kk, today);
  if (!kkCheck.valid) fields.kk = kkCheck.errors.map((e) => e.message).join(' ');
  else {
    const area = areaNote(kk, 'nomor KK');
    if (area.error) fields.kk = area.error;
    if (area.warning) warnings.push({ field: 'kk', code: 'area_unknown', message: area.warning });
  }
  if (!input.headName) fields.headName = 'Nama kepala keluarga wajib diisi.';
  if (!input.address) fields.address = 'Alamat pada KK wajib diisi.';
  if (input.headName.length > 200) fields.headName = 'Nama kepala keluarga maksimal 200 karakter.';
  if (input.address.length > 500) fields.address = 'Alamat maksimal 500 karakter.';
  if (input.members.length === 0) fields.members = 'Isi sedikitnya satu anggota keluarga (pengunjung sendiri).';
  else if (input.members.length > MAX_MEMBERS)
    fields.members = `Satu KK di sini paling banyak ${MAX_MEMBERS} anggota (sekarang ${input.members.length}). Periksa apakah ada baris yang tertempel dua kali.`;
  const seen = new Map<string, number>();
  const members = input.members.map((m, i) => {
    const nik = normaliseIdNumber(m.nik);
    const key = `members.${i}`;
    const check = checkNik(nik, today);
    if (!check.valid) fields[`${key}.nik`] = check.errors.map((e) => e.message).join(' ');
    else {
      const area = areaNote(nik, `NIK anggota ${i + 1}`);
      if (area.error) fields[`${key}.nik`] = area.error;
      if (area.warning) warnings.push({ field: `${key}.nik`, code: 'area_unknown', message: area.warning });
      const mismatch = birthDateWarning(check.info!, m.birthDate || undefined);
      if (mismatch) warnings.push({ field: `${key}.birthDate`, code: 'birth_date_mismatch', message: mismatch });
      if (m.sex && m.sex !== check.info!.sex)
        warnings.push({ field: `${key}.sex`, code: 'sex_mismatch', message: `Jenis kelamin anggota ${i + 1} tidak sama dengan yang tersirat pada NIK. Periksa KTP.` });
    }
    if (seen.has(nik) && nik) fields[`${key}.nik`] = `NIK ini sudah tercantum pada anggota ${seen.get(nik)! + 1}.`;
    seen.set(nik, i);
    if (!m.name) fields[`${key}.name`] = `Nama anggota ${i + 1} wajib diisi.`;
    else if (m.name.length > 200) fields[`${key}.name`] = `Nama anggota ${i + 1} maksimal 200 karakter.`;
    return { ...m, nik, sex: m.sex ?? check.info?.sex ?? null };
  });
  return { fields, warnings, clean: { kk, address: input.address, headName: input.headName, members } };
}

export function saveFamily(ctx: Ctx, input: ParsedInput<'cases.family.save'>) {
  const actor = requireActor(ctx);
  const { fields, warnings, clean } = checkFamily(input, ctx.now());
  if (Object.keys(fields).length)
    throw new AppFailure('VALIDATION', 'Periksa kembali data keluarga yang ditandai. Data belum disimpan, isian Anda tetap ada.', fields);
  const family = ctx.store.tx((w) => {
    const c = caseOf(w, input.ticketId);
    if (!c) throw new AppFailure('CASE_REQUIRED', 'Simpan data pengunjung lebih dulu, baru data keluarga.');
    const now = iso(ctx.now());
    const existed = w.first(qb.selectFrom('case_families').select('case_id').where('case_id', '=', c.id));
    const values = { kk: clean.kk, address: clean.address, head_name: clean.headName, updated_by: actor.user.id, updated_at: now };
    if (existed) w.run(qb.updateTable('case_families').set(values).where('case_id', '=', c.id));
    else w.run(qb.insertInto('case_families').values({ case_id: c.id, ...values }));
    w.run(qb.deleteFrom('case_members').where('case_id', '=', c.id));
    clean.members.forEach((m, i) =>
      w.run(
        qb.insertInto('case_members').values({
          case_id: c.id, position: i + 1, nik: m.nik, name: m.name, sex: m.sex, birth_date: m.birthDate || null, relation: m.relation, has_card: m.hasCard ? 1 : 0,
        }),
      ),
    );
    // The case's own KK number follows the family's.
    if (c.kk !== clean.kk) w.run(qb.updateTable('cases').set({ kk: clean.kk, updated_at: now }).where('id', '=', c.id));
    audit(w, ctx, existed ? 'cases.family.update' : 'cases.family.create', 'case', c.id, { members: clean.members.length, warnings: warnings.map((x) => x.code) });
    return readFamily(w, c.id)!;
  });
  return { family, warnings };
}
