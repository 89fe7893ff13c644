// Signing: who may sign a letter and in what capacity (the official himself, or a delegate under
// a delegation in force on the office day: a.n., u.b., Plt., Plh.), and the PDF made once at
// signing, archived by its SHA-256 and served as those same bytes ever after.
import { randomBytes } from 'node:crypto';
import type { LetterDetail, ParsedInput } from '../../../common/contract/index';
import { delegationApplies, signatureBlock, type SignatureBlock } from '../../../common/domain/signature';
import { officeDateLong, officeDay } from '../../../common/domain/time';
import { AppFailure, audit, iso, requireActor, type Ctx } from '../../platform/context';
import { qb, type ReadDb } from '../../platform/db';
import { FileStore, sha256Of } from '../../platform/files';
import { officeTimeZone } from '../../platform/office';
import { letterPdf, type LetterFacts } from './letterPdf';
import { readLetterSettings, toDelegation, toOfficial } from './setup';
import { forMove, letterRow, letterType, setStatus, toDetail, type LetterRow } from './workflow';

export interface Capacity {
  block: SignatureBlock;
  officialId: string;
  delegationId: string | null;
}

function official(db: ReadDb, id: string) {
  const row = db.first(qb.selectFrom('officials').selectAll().where('id', '=', id));
  return row ? toOfficial(row) : null;
}

/** The capacity in which the signed-in user signs letters of this type today, or why not. */
export function capacityFor(db: ReadDb, userId: string, typeId: string, day: string): Capacity | string {
  const meRow = db.first(qb.selectFrom('officials').selectAll().where('user_id', '=', userId).where('active', '=', 1));
  if (!meRow) return 'Akun Anda belum terhubung ke data pejabat. Minta admin mengisinya di Admin → Surat → Pejabat.';
  const me = toOfficial(meRow);
  const type = letterType(db, typeId);
  if (!type.signerOfficialId) return `Jenis surat ${type.name} belum memiliki pejabat penanda tangan. Minta admin mengaturnya.`;
  const principal = official(db, type.signerOfficialId);
  if (!principal) return 'Pejabat penanda tangan jenis surat ini tidak ditemukan.';
  if (principal.id === me.id) return { block: signatureBlock(principal, me, 'sendiri'), officialId: me.id, delegationId: null };
  const delegations = db
    .all(qb.selectFrom('delegations').selectAll().where('delegate_id', '=', me.id).where('principal_id', '=', principal.id).orderBy('created_at', 'desc'))
    .map(toDelegation)
    .filter((d) => delegationApplies(d, day));
  const d = delegations[0];
  if (!d) return `Anda tidak memiliki pelimpahan wewenang dari ${principal.name} yang berlaku hari ini.`;
  const via = d.viaId ? official(db, d.viaId) : null;
  return { block: signatureBlock(principal, me, d.kind, via), officialId: me.id, delegationId: d.id };
}

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** Unguessable verification code for the QR address (10 symbols, ~50 bits). */
function verifyToken(): string {
  return [...randomBytes(10)].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
}
/** The short code people read aloud: the archived PDF's SHA-256, first 40 bits in base32. */
export function shortCodeOf(sha256: string): string {
  let bits = BigInt(`0x${sha256.slice(0, 10)}`);
  let out = '';
  for (let i = 0; i < 8; i++) {
    out = CODE_ALPHABET[Number(bits & 31n)] + out;
    bits >>= 5n;
  }
  return `${out.slice(0, 4)}-${out.slice(4)}`;
}

export function letterFacts(ctx: Ctx, r: LetterRow, opts: { signature: SignatureBlock | null; officialId: string | null; verify: string | null; at: Date }): LetterFacts {
  const settings = readLetterSettings(ctx.store);
  const tz = officeTimeZone(ctx.store);
  const type = letterType(ctx.store, r.letter_type_id);
  const hospital = r.hospital_id ? ctx.store.first(qb.selectFrom('hospitals').selectAll().where('id', '=', r.hospital_id)) : undefined;
  const signer = opts.officialId ? official(ctx.store, opts.officialId) : null;
  return {
    kind: type.kind, typeName: type.name, number: r.number ?? '(belum bernomor)',
    placeAndDate: `${settings.place}, ${officeDateLong(opts.at, tz, false)}`,
    sifat: r.sifat, lampiran: r.lampiran, subject: r.subject, addressee: hospital?.addressee ?? r.hospital_name, city: hospital?.city ?? '',
    body: r.body, tembusan: JSON.parse(r.tembusan) as string[], signature: opts.signature,
    signatureImage: signer?.signatureImage ?? null, stampImage: signer?.stampImage ?? null,
    verifyUrl: opts.verify ? `${settings.verifyBaseUrl.replace(/\/+$/, '')}/${opts.verify}` : null, verifyCode: opts.verify,
    madeAt: opts.at, draft: opts.signature === null,
  };
}

export async function signLetter(ctx: Ctx, input: ParsedInput<'letters.sign'>) {
  const actor = requireActor(ctx);
  const now = ctx.now();
  const row = forMove(ctx.store, input.id, 'sign');
  const capacity = capacityFor(ctx.store, actor.user.id, row.letter_type_id, officeDay(now, officeTimeZone(ctx.store)));
  if (typeof capacity === 'string') throw new AppFailure('FORBIDDEN', capacity);
  const token = verifyToken();
  const pdf = await letterPdf(readLetterSettings(ctx.store), letterFacts(ctx, row, { signature: capacity.block, officialId: capacity.officialId, verify: token, at: now }));
  const stored = new FileStore(ctx.dataDir).put(pdf);
  const at = iso(now);
  return ctx.store.tx((w) => {
    const current = forMove(w, input.id, 'sign');
    setStatus(w, current.id, 'ditandatangani', at, {
      signed_at: at, signed_by: actor.user.id, signer_official_id: capacity.officialId, delegation_id: capacity.delegationId,
      signature: JSON.stringify(capacity.block), pdf_sha256: stored.sha256, short_code: shortCodeOf(stored.sha256), verify_token: token,
    });
    audit(w, ctx, 'letters.sign', 'letter', current.id, { form: capacity.block.form, delegationId: capacity.delegationId, sha256: stored.sha256 });
    return { id: current.id, status: 'ditandatangani' as const, number: current.number };
  });
}

export function signQueue(ctx: Ctx): (LetterDetail & { signAs: string })[] {
  const actor = requireActor(ctx);
  const now = ctx.now();
  const day = officeDay(now, officeTimeZone(ctx.store));
  const rows = ctx.store.all(qb.selectFrom('letters').selectAll().where('status', '=', 'disetujui').orderBy('approved_at').limit(200));
  return rows.flatMap((r) => {
    const c = capacityFor(ctx.store, actor.user.id, r.letter_type_id, day);
    return typeof c === 'string' ? [] : [{ ...toDetail(ctx.store, r, now), signAs: c.block.heading.join(' / ') }];
  });
}

export async function letterPdfFile(ctx: Ctx, id: string) {
  const row = letterRow(ctx.store, id);
  const name = `surat-${(row.number ?? 'draf').replace(/[^\w.-]+/g, '-')}.pdf`;
  if (row.pdf_sha256) {
    const bytes = new FileStore(ctx.dataDir).read(row.pdf_sha256);
    return { fileName: name, base64: Buffer.from(bytes).toString('base64'), sha256: row.pdf_sha256, archived: true };
  }
  const pdf = await letterPdf(readLetterSettings(ctx.store), letterFacts(ctx, row, { signature: null, officialId: null, verify: null, at: ctx.now() }));
  return { fileName: name, base64: pdf.toString('base64'), sha256: sha256Of(pdf), archived: false };
}

export function verifyLetter(ctx: Ctx, code: string) {
  const c = code.toUpperCase();
  const row = ctx.store.first(qb.selectFrom('letters').selectAll().where((eb) => eb.or([eb('verify_token', '=', c), eb('short_code', '=', c)])));
  if (!row || !row.signed_at)
    return { found: false, number: null, typeName: null, hospitalName: null, signedAt: null, signedAs: [], status: null, pdfSha256: null, shortCode: null };
  const sig = JSON.parse(row.signature ?? 'null') as SignatureBlock | null;
  return {
    found: true, number: row.number, typeName: letterType(ctx.store, row.letter_type_id).name, hospitalName: row.hospital_name || null, signedAt: row.signed_at,
    signedAs: sig ? [...sig.heading, sig.name] : [], status: row.status === 'batal' ? `Batal: ${row.cancel_reason ?? ''}` : 'Berlaku',
    pdfSha256: row.pdf_sha256, shortCode: row.short_code,
  };
}
