// The services the office offers (letter, name, SOP steps with mutu baku) and queue settings.
import type { Selectable } from 'kysely';
import { qb, type ReadDb, type WriteDb } from '../../platform/db';
import type { DB } from '../../platform/db/schema';
import type { ParsedInput, Service, ServiceStep } from '../../../common/contract/index';
import { AppFailure, audit, iso, newId, type Ctx, type Deps } from '../../platform/context';
import { readSetting, writeSetting } from '../../platform/settings';

type StepDef = [ServiceStep['role'], string, number];
const greet: StepDef[] = [
  ['satpam', 'Menanyakan tujuan dan memberi nomor antrean', 2],
  ['resepsionis', 'Salam 5S dan menanyakan maksud', 2],
];
/** Seed 001 for A; seeds 002 and 004 for B and C. */
export const DEFAULT_SERVICES: { code: string; name: string; steps: StepDef[] }[] = [
  {
    code: 'A',
    name: 'Kepesertaan JKN/UHC',
    steps: [
      ...greet,
      ['resepsionis', 'Mengetik identitas pengguna layanan', 3],
      ['resepsionis', 'Menerima salinan KK/KIP dan tujuan', 5],
      ['resepsionis', 'Cek NIK seluruh anggota KK di P-Care', 3],
      ['resepsionis', 'Menghubungi petugas layanan', 2],
      ['petugas', 'Penyelesaian masalah kepesertaan', 5],
    ],
  },
  {
    code: 'B',
    name: 'Surat Rekomendasi Rujukan',
    steps: [
      ...greet,
      ['petugas', 'Memeriksa kelengkapan berkas', 15],
      ['petugas', 'Membuat draf surat rekomendasi', 15],
    ],
  },
  { code: 'C', name: 'Kartu KIS', steps: [...greet, ['petugas', 'Pemeriksaan berkas dan rekap usulan kartu', 60]] },
  { code: 'D', name: 'Informasi & Pengaduan', steps: [...greet, ['petugas', 'Memberi informasi atau mencatat pengaduan', 10]] },
];

export function seedDefaultServices(w: WriteDb, ctx: Ctx): void {
  DEFAULT_SERVICES.forEach((s, i) =>
    writeService(w, ctx, undefined, {
      code: s.code,
      name: s.name,
      active: true,
      sort: i,
      steps: s.steps.map(([role, name, mutuBakuMin], j) => ({ seq: j + 1, role, name, mutuBakuMin })),
    }),
  );
}

type ServiceRow = Selectable<DB['services']>;
type ServiceStepRow = Selectable<DB['service_steps']>;
type CatalogEntry = Readonly<{ service: Readonly<ServiceRow>; steps: readonly Readonly<ServiceStepRow>[] }>;
/** The services and their steps: read on every ticket issued or moved, written only by writeService. */
const CATALOG = {};

/** Every service (active or not) in Admin's order, each with its SOP steps in order; kept in memory between calls. */
function catalog(db: ReadDb): readonly CatalogEntry[] {
  return db.memo(CATALOG, () => {
    const steps = db.all(qb.selectFrom('service_steps').selectAll().orderBy('seq'));
    return Object.freeze(
      db.all(qb.selectFrom('services').selectAll().orderBy('sort').orderBy('code')).map((service) =>
        Object.freeze({ service: Object.freeze(service), steps: Object.freeze(steps.filter((st) => st.service_id === service.id).map((st) => Object.freeze(st))) }),
      ),
    );
  });
}

/** A service and its steps, by its letter. */
export function serviceByCode(db: ReadDb, code: string): CatalogEntry | undefined {
  return catalog(db).find((e) => e.service.code === code);
}

function writeService(w: WriteDb, ctx: Ctx, id: string | undefined, s: { code: string; name: string; active: boolean; sort?: number; steps: ServiceStep[] }): string {
  w.forget(CATALOG);
  const now = iso(ctx.now());
  const serviceId = id ?? newId();
  if (id) {
    w.run(qb.updateTable('services').set({ code: s.code, name: s.name, active: s.active ? 1 : 0, updated_at: now }).where('id', '=', id));
    w.run(qb.deleteFrom('service_steps').where('service_id', '=', id));
  } else {
    w.run(
      qb.insertInto('services').values({
        id: serviceId, code: s.code, name: s.name, active: s.active ? 1 : 0, sort: s.sort ?? 99, created_at: now, updated_at: now,
      }),
    );
  }
  [...s.steps]
    .sort((a, b) => a.seq - b.seq)
    .forEach((step, i) =>
      w.run(
        qb.insertInto('service_steps').values({
          id: newId(), service_id: serviceId, seq: i + 1, name: step.name, role: step.role, mutu_baku_min: step.mutuBakuMin,
        }),
      ),
    );
  return serviceId;
}

export function listServices(deps: Deps): Service[] {
  return catalog(deps.store).map(({ service: s, steps }) => ({
    id: s.id,
    code: s.code,
    name: s.name,
    active: s.active === 1,
    steps: steps.map((st) => ({ seq: st.seq, name: st.name, role: st.role as ServiceStep['role'], mutuBakuMin: st.mutu_baku_min })),
  }));
}

export function saveService(ctx: Ctx, input: ParsedInput<'services.save'>): Service {
  const code = input.code.toUpperCase();
  const steps = input.steps;
  if (!steps.some((s) => s.role !== 'satpam'))
    throw new AppFailure('NO_SERVING_STEP', 'Layanan harus punya minimal satu langkah untuk resepsionis atau petugas.', { steps: 'Tambahkan langkah resepsionis/petugas.' });
  const id = ctx.store.tx((w) => {
    const clash = ctx.store.first(qb.selectFrom('services').select(['id', 'name']).where('code', '=', code));
    if (clash && clash.id !== input.id)
      throw new AppFailure('CODE_TAKEN', `Huruf ${code} sudah dipakai layanan "${clash.name}".`, { code: 'Sudah dipakai.' });
    if (input.id && !ctx.store.first(qb.selectFrom('services').select('id').where('id', '=', input.id)))
      throw new AppFailure('NOT_FOUND', 'Layanan tidak ditemukan.');
    const id = writeService(w, ctx, input.id, { code, name: input.name, active: input.active, steps });
    audit(w, ctx, 'services.save', 'service', id, { code, name: input.name, steps: steps.length });
    return id;
  });
  ctx.events.push({ type: 'services.changed' });
  return listServices(ctx).find((s) => s.id === id)!;
}

export const DEFAULT_PRIORITY_RATIO = 2;
const RATIO_KEY = 'queue.priorityRatio';

export function priorityRatio(deps: Deps): number {
  const value = readSetting(deps.store, RATIO_KEY);
  return value ? Number(value) : DEFAULT_PRIORITY_RATIO;
}

export function setQueueSettings(ctx: Ctx, input: ParsedInput<'settings.queue'>) {
  ctx.store.tx((w) => {
    writeSetting(w, RATIO_KEY, String(input.priorityRatio));
    audit(w, ctx, 'settings.queue', 'settings', null, input);
  });
  return { priorityRatio: priorityRatio(ctx) };
}
