// Jobs: a started job's state, the list (admin) and cancelling. A non-admin sees and cancels only
// the jobs they started themselves; anyone else's answer as not found.
import type { Job } from '../../../common/contract/index';
import type { jobsContract } from '../../../common/contract/jobs';
import { AppFailure, hasRole, requireActor, type Ctx } from '../../platform/context';
import type { HandlersFor } from '../../platform/transport/handler';

const NOT_FOUND = 'Pekerjaan itu tidak ditemukan. Mungkin sudah lama selesai, atau Loket di komputer utama telah dimulai ulang.';

function visibleJob(ctx: Ctx, jobId: string): Job {
  const actor = requireActor(ctx);
  const job = ctx.jobs.get(jobId);
  if (!job || (!hasRole(actor, 'admin') && ctx.jobs.startedBy(jobId) !== actor.user.id)) throw new AppFailure('JOB_NOT_FOUND', NOT_FOUND);
  return job;
}

export const jobsHandlers = {
  'jobs.get': (ctx, { jobId }) => visibleJob(ctx, jobId),
  'jobs.list': (ctx) => {
    const actor = requireActor(ctx);
    return hasRole(actor, 'admin') ? ctx.jobs.list() : ctx.jobs.list().filter((j) => ctx.jobs.startedBy(j.id) === actor.user.id);
  },
  'jobs.cancel': (ctx, { jobId }) => {
    visibleJob(ctx, jobId);
    const job = ctx.jobs.cancel(jobId);
    if (!job) throw new AppFailure('JOB_NOT_FOUND', NOT_FOUND);
    return job;
  },
} satisfies HandlersFor<typeof jobsContract>;
