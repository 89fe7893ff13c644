// The statement forms filled from the case: the KK (number, head, address, area), the visitor who
// signs, and the members the form is for with their sex, birth date, relation and membership check
// (or DTKS answer). Printed from the membership panel (membership.statementForm) and attached to
// the e-mail to BPJS (messages.emailBpjs, through index.ts).
import type { DtksLookup, MemberCheck, ParsedInput } from '../../../common/contract/index';
import type { FollowupKind } from '../../../common/domain/followups';
import { FORM_OF_ACTION, STATEMENT_FORM_TITLES, type StatementForm } from '../../../common/domain/membership';
import { checkNik, normaliseIdNumber } from '../../../common/domain/nik';
import { AppFailure, audit, requireActor, type Ctx } from '../../platform/context';
import { qb, type ReadDb } from '../../platform/db';
import { getOffice, officeTimeZone } from '../../platform/office';
import { readFamily } from '../cases';
import { dtksLookup } from '../dtks';
import { dueInWorkingDays } from '../followups';
import { readLetterSettings } from '../letters';
import { readChecks } from './checks';
import { statementFormPdf, type FormFacts, type FormMember } from './statementFormPdf';

/** The follow-up kind a form belongs to: a member with that follow-up open is who the form is for. */
const FOLLOWUP_OF_FORM: Record<StatementForm, FollowupKind | null> = { peserta_baru: 'peserta_baru', pengalihan: 'pengalihan', cetak_eid: 'eid_print', dtks: null };

export interface StatementFormFile {
  pdf: Buffer;
  visitorName: string;
  ticketLabel: string;
  kk: string;
  /** The members the form names, in the KK's order. */
  niks: string[];
}

function dtksWords(r: DtksLookup): string {
  switch (r.status) {
    case 'terdaftar':
      return `Terdaftar${r.person.desil ? ` (desil ${r.person.desil})` : ''}`;
    case 'tidak_terdaftar':
      return `Tidak terdaftar (daftar ${r.list.fileName})`;
    case 'belum_ada_data':
      return 'Belum dicek: daftar DTKS belum diimpor';
  }
}

const effectiveAction = (c: MemberCheck) => c.decision?.action ?? c.nextAction;

/**
 * Fills the form for the visit. `nik`: that member only; otherwise every member whose outcome calls
 * for the form (all members for the DTKS statement), else those with its follow-up open, else the
 * visitor. `auditAs`: the audit action to record, in one transaction with the reads (null when the
 * caller records its own: then nothing is written).
 */
export async function buildStatementForm(
  ctx: Ctx,
  v: { ticketId: string; form: StatementForm; nik?: string | undefined },
  auditAs: string | null = 'membership.statementForm',
): Promise<StatementFormFile> {
  const actor = requireActor(ctx);
  const gather = (w: ReadDb) => {
    const t = w.first(qb.selectFrom('tickets').select('label').where('id', '=', v.ticketId));
    if (!t) throw new AppFailure('NOT_FOUND', 'Nomor antrean kunjungan ini tidak ditemukan.');
    const c = w.first(qb.selectFrom('cases').select(['id', 'nik', 'name', 'kk', 'phone', 'birth_date']).where('ticket_id', '=', v.ticketId));
    if (!c) throw new AppFailure('CASE_REQUIRED', 'Isi data pengunjung (NIK, nama, KK) dulu sebelum mencetak atau mengirim formulir.');
    const family = readFamily(w, c.id);
    const checks = new Map(readChecks(w, c.id).map((x) => [x.nik, x]));
    const now = ctx.now();
    const fromNik = (nik: string) => checkNik(nik, now).info;
    const people: FormMember[] = family
      ? family.members.map((m) => {
          const c2 = checks.get(m.nik);
          return {
            nik: m.nik, name: m.name, sex: m.sex ?? fromNik(m.nik)?.sex ?? null, birthDate: m.birthDate || fromNik(m.nik)?.birthDate || '', relation: m.relation,
            check: c2 && c2.checkedAt
              ? { status: c2.status, action: effectiveAction(c2), source: c2.source, cardNo: c2.cardNo, className: c2.className, participantName: c2.participantName, reason: c2.reason, checkedAt: c2.checkedAt }
              : null,
          };
        })
      : [{ nik: c.nik, name: c.name, sex: fromNik(c.nik)?.sex ?? null, birthDate: c.birth_date ?? fromNik(c.nik)?.birthDate ?? '', relation: null, check: null }];
    const visitor = people.find((p) => p.nik === c.nik) ?? people[0]!;

    let chosen: FormMember[];
    if (v.nik !== undefined) {
      const nik = normaliseIdNumber(v.nik);
      chosen = people.filter((p) => p.nik === nik);
      if (!chosen.length) throw new AppFailure('NOT_FOUND', 'NIK ini tidak ada pada data keluarga kasus ini.');
    } else if (v.form === 'dtks') {
      chosen = people;
    } else {
      chosen = people.filter((p) => p.check && FORM_OF_ACTION[p.check.action] === v.form);
      const kind = FOLLOWUP_OF_FORM[v.form];
      if (!chosen.length && kind) {
        const open = new Set(
          w.all(qb.selectFrom('followups').select('nik').where('ticket_id', '=', v.ticketId).where('kind', '=', kind).where('status', '!=', 'cancelled')).map((r) => r.nik),
        );
        chosen = people.filter((p) => open.has(p.nik));
      }
      if (!chosen.length) chosen = [visitor];
    }

    let dueDay: string | undefined;
    if (v.form === 'cetak_eid') {
      const f = w.first(
        qb.selectFrom('followups').select('due_day').where('ticket_id', '=', v.ticketId).where('kind', '=', 'eid_print').where('nik', 'in', chosen.map((m) => m.nik)).where('status', '!=', 'cancelled').orderBy('due_day'),
      );
      dueDay = f?.due_day ?? dueInWorkingDays(ctx, 3);
    }
    return {
      caseId: c.id,
      label: t.label,
      applicant: { nik: c.nik, name: c.name, phone: c.phone },
      family: { kk: family?.kk ?? c.kk, kkArea: family?.kkArea.name ?? '', headName: family?.headName ?? '', address: family?.address ?? '' },
      chosen,
      dueDay,
    };
  };
  // Plain reads when the caller records its own audit: an idempotent caller (messages.emailBpjs)
  // must not open a transaction before its first await (platform/transport/dispatch.ts, runOnce).
  const gathered = auditAs
    ? ctx.store.tx((w) => {
        const g = gather(w);
        audit(w, ctx, auditAs, 'case', g.caseId, { form: v.form, members: g.chosen.length });
        return g;
      })
    : gather(ctx.store);

  if (v.form === 'dtks') for (const m of gathered.chosen) m.dtks = dtksWords(dtksLookup(ctx, { nik: m.nik }));

  const facts: FormFacts = {
    form: v.form,
    letter: readLetterSettings(ctx.store),
    officeName: getOffice(ctx.store)?.name ?? 'Loket',
    tz: officeTimeZone(ctx.store),
    madeAt: ctx.now(),
    ticketLabel: gathered.label,
    officerName: actor.user.fullName,
    applicant: gathered.applicant,
    family: gathered.family,
    members: gathered.chosen,
    ...(gathered.dueDay ? { dueDay: gathered.dueDay } : {}),
  };
  return {
    pdf: await statementFormPdf(facts),
    visitorName: gathered.applicant.name,
    ticketLabel: gathered.label,
    kk: gathered.family.kk,
    niks: gathered.chosen.map((m) => m.nik),
  };
}

/** The contract's entry: the form as a file for the screen to open or print (like the sheet). */
export async function statementFormFile(ctx: Ctx, input: ParsedInput<'membership.statementForm'>) {
  const f = await buildStatementForm(ctx, input);
  const who = input.nik ? `-${normaliseIdNumber(input.nik)}` : '';
  const slug = STATEMENT_FORM_TITLES[input.form].toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return { fileName: `${slug}-${f.ticketLabel}${who}.pdf`, base64: f.pdf.toString('base64') };
}
