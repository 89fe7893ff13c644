// Register → Excel as a job: progress, cancel, and the file as its result.
import { createRequire } from 'node:module';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ParsedInput } from '../../../common/contract/index';
import { LETTER_STATUS_LABELS, LETTER_STEPS } from '../../../common/domain/letterFlow';
import { officeDay, officeTime } from '../../../common/domain/time';
import { audit, iso, requireActor, type Ctx, type Deps } from '../../platform/context';
import type { JobContext, JobFile } from '../../platform/jobs/types';
import { runInWorker, sqliteModulePaths } from '../../platform/jobs/worker';
import { officeTimeZone } from '../../platform/office';
import { EXPORT_WORKER_SOURCE } from './exportWorker';
import { buildRegisterQuery } from './query';

export const EXPORT_KIND = 'register.export';
const require = createRequire(import.meta.url);

export function exportFolder(deps: Pick<Deps, 'dataDir'>): string {
  return join(deps.dataDir, 'ekspor');
}

/** Runs the export into `dest`; a failed or cancelled export leaves no file behind. */
async function exportRegisterTo(deps: Deps, input: ParsedInput<'register.export'>, dest: string, jc: JobContext): Promise<{ rows: number }> {
  const q = buildRegisterQuery(input.filter, input.sort, null, null);
  const countSql = `SELECT count(*) FROM (${q.sql})`;
  mkdirSync(join(dest, '..'), { recursive: true });
  try {
    return await runInWorker<{ rows: number }>(
      EXPORT_WORKER_SOURCE,
      {
        sqlite: sqliteModulePaths(), exceljs: require.resolve('exceljs'), dbFile: deps.dbFile, sql: q.sql, countSql, params: q.params, dest,
        steps: LETTER_STEPS, statusLabels: LETTER_STATUS_LABELS, nowIso: iso(deps.now()),
      },
      jc,
    );
  } catch (err) {
    rmSync(dest, { force: true });
    throw err;
  }
}

export function startRegisterExport(ctx: Ctx, input: ParsedInput<'register.export'>) {
  const actor = requireActor(ctx);
  const now = ctx.now();
  const tz = officeTimeZone(ctx.store);
  const name = `register-${officeDay(now, tz)}-${officeTime(now, tz, true).replace(/[.:]/g, '')}.xlsx`;
  ctx.store.tx((w) => audit(w, ctx, 'register.export', 'register', null, input));
  return ctx.jobs.start(
    EXPORT_KIND,
    async (jc): Promise<JobFile> => {
      const dest = join(exportFolder(ctx), name);
      jc.progress(0, 'Menyiapkan ekspor…');
      const { rows } = await exportRegisterTo(ctx, input, dest, jc);
      jc.progress(1, `${rows.toLocaleString('id-ID')} baris diekspor.`);
      return { name, path: dest, sizeBytes: statSync(dest).size };
    },
    { startedBy: actor.user.id },
  );
}
