// Letters in tests: team and signer accounts, officials and the head of office, and letters brought
// to a given status through the real calls. Fixed data, no randomness.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { build, type Plugin } from 'esbuild';
import type { CallInput, CallName, CallOutput } from '../../common/contract/index';
import { PASSWORD } from './factories';

export const REKOM_TYPE = '01900000-0000-7000-8000-000000000101';
export const RS_BARI = '01900000-0000-7000-8000-000000000201';
export const RS_RSMH = '01900000-0000-7000-8000-000000000202';
export const REKOM_DOCS = [
  'Fotokopi KTP/KK/Keterangan domisili', 'Rujukan dari Puskesmas', 'Rujukan dari RS kelas C', 'Rekomendasi dari Dinas Kesehatan Kabupaten/Kota',
  'Rujukan dan resume medis dari RSUD Palembang BARI',
];

type Ok = <N extends CallName>(name: N, input: CallInput<N>, token?: string) => Promise<CallOutput<N>>;

/** Creates a user with `roles` on `deskToken` and answers its session token and id. */
export async function staff(ok: Ok, admin: string, deskToken: string, username: string, fullName: string, roles: CallInput<'users.create'>['roles']) {
  const { id } = await ok('users.create', { username, fullName, roles, password: PASSWORD }, admin);
  const { sessionToken } = await ok('auth.login', { deskToken, username, password: PASSWORD });
  return { id, token: sessionToken };
}

/** The team (two tim_rujukan), the head of office and a secretary who signs a.n. for him. */
export async function letterOffice(ok: Ok, admin: string, deskToken: string) {
  const tim = await staff(ok, admin, deskToken, 'rujukan1', 'Rina Rujukan', ['tim_rujukan']);
  const lead = await staff(ok, admin, deskToken, 'ketuatim', 'Karta Ketua Tim', ['tim_rujukan']);
  const head = await staff(ok, admin, deskToken, 'kadinkes', 'dr. Hendra Kepala', ['penandatangan']);
  const sekretaris = await staff(ok, admin, deskToken, 'sekretaris', 'Sri Sekretaris', ['penandatangan']);
  const headOfficial = await ok('officials.save', {
    id: null, userId: head.id, name: 'dr. HENDRA SAPUTRA, M.Kes', title: 'Kepala Dinas Kesehatan Kabupaten Musi Banyuasin', rank: 'Pembina Utama Muda (IV/c)',
    nip: '196704012000031006', signatureImage: null, stampImage: null, active: true,
  }, admin);
  const secOfficial = await ok('officials.save', {
    id: null, userId: sekretaris.id, name: 'SRI WAHYUNI, S.K.M., M.Kes', title: 'Sekretaris', rank: 'Pembina (IV/a)',
    nip: '197203152000032004', signatureImage: null, stampImage: null, active: true,
  }, admin);
  const setup = await ok('letters.setup', {}, admin);
  const rekom = setup.types.find((t) => t.id === REKOM_TYPE)!;
  await ok('letterTypes.save', { ...rekom, signerOfficialId: headOfficial.id }, admin);
  return { tim, lead, head, sekretaris, headOfficial, secOfficial };
}

let n = 0;
/** A received file for RSUD Palembang BARI; each call a different (fixed-pattern) patient. */
export function patient(i = ++n) {
  return { typeId: REKOM_TYPE, hospitalId: RS_BARI, patientName: `Pasien Nomor ${i}`, nik: `167101${String(100000 + i).padStart(10, '0')}`, address: 'Jl. Mawar No. 1, Sekayu', diagnosis: 'Gagal ginjal kronik' };
}

/** Receives, checks and drafts one letter; answers its id. */
export async function draftedLetter(ok: Ok, token: string, i?: number): Promise<string> {
  const { id } = await ok('letters.receive', patient(i), token);
  await ok('letters.check', { id, docsPresent: REKOM_DOCS }, token);
  const l = await ok('letters.get', { id }, token);
  await ok('letters.draft', { id, sifat: 'Biasa', lampiran: '1 (satu) berkas', subject: l.subject, body: l.body, diagnosis: l.diagnosis, tembusan: ['Yth. Kepala Dinas Kesehatan Provinsi Sumatera Selatan'] }, token);
  return id;
}

const rawText: Plugin = {
  name: 'raw-text',
  setup(b) {
    b.onResolve({ filter: /\?raw$/ }, (args) => ({ path: resolve(args.resolveDir, args.path.slice(0, -'?raw'.length)), namespace: 'raw-text' }));
    b.onLoad({ filter: /.*/, namespace: 'raw-text' }, (args) => ({ contents: readFileSync(args.path, 'utf8'), loader: 'text' }));
  },
};

/** CommonJS packages imported with named exports elsewhere in the app: bundled, so Node's ESM loader
 *  never has to guess their export names. */
const bundleCjs: Plugin = {
  name: 'bundle-cjs',
  setup(b) {
    b.onResolve({ filter: /^lz-string$/ }, () => ({ path: createRequire(import.meta.url).resolve('lz-string') }));
  },
};

/** Builds tests/helpers/letter-worker.ts into a plain ES module `node` runs as its own process. */
export async function buildLetterWorker(): Promise<string> {
  const worker = join(process.cwd(), 'out', 'test-workers', 'letter-worker.mjs');
  await build({
    entryPoints: ['tests/helpers/letter-worker.ts'], outfile: worker, bundle: true, platform: 'node', format: 'esm',
    packages: 'external', absWorkingDir: process.cwd(), logLevel: 'error', plugins: [rawText, bundleCjs],
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  return worker;
}
