// The job runner: status transitions, throttled progress events, cancelling, exclusive jobs.
import { describe, expect, it } from 'vitest';
import type { Job, ServerEvent } from '../../common/contract/index';
import { AppFailure } from '../../main/platform/context';
import { createJobRunner, JobCancelled } from '../../main/platform/jobs/runner';

const now = () => new Date('2026-11-25T01:00:00Z');
const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

function runner() {
  const events: Job[] = [];
  const jobs = createJobRunner({ now, publish: (e: ServerEvent) => e.type === 'job.changed' && events.push(e.job) });
  const settled = async (id: string) => {
    while (['queued', 'running'].includes(jobs.get(id)!.status)) await tick(1);
    return jobs.get(id)!;
  };
  return { jobs, events, settled };
}

describe('job runner', () => {
  it('goes queued → running → done and publishes progress at most ~10 times a second', async () => {
    const { jobs, events, settled } = runner();
    const job = jobs.start('test', async (ctx) => {
      for (let i = 0; i < 5000; i++) ctx.progress(i / 5000, `Langkah ${i}`);
      await tick(250);
      for (let i = 0; i < 5000; i++) ctx.progress(i / 5000, `Langkah ${i}`);
      return { name: 'x', path: '/tmp/x', sizeBytes: 1 };
    }, { startedBy: 'u1' });
    expect(job.status).toBe('queued');
    const done = await settled(job.id);
    expect(done).toMatchObject({ status: 'done', progress: 1, file: { name: 'x' }, endedAt: '2026-11-25T01:00:00.000Z' });
    expect(events.map((e) => e.status)[0]).toBe('queued');
    expect(events.at(-1)!.status).toBe('done');
    expect(events.filter((e) => e.status === 'running').length).toBeLessThanOrEqual(8);
    expect(jobs.startedBy(job.id)).toBe('u1');
    expect(jobs.list()[0]!.id).toBe(job.id);
  });

  it('fails with the AppFailure message and code, or a generic one', async () => {
    const { jobs, settled } = runner();
    const a = jobs.start('test', async () => {
      throw new AppFailure('BACKUP_FAILED', 'Diska penuh.');
    });
    expect(await settled(a.id)).toMatchObject({ status: 'failed', error: 'Diska penuh.', errorCode: 'BACKUP_FAILED' });
    const b = jobs.start('test', async () => {
      throw new Error('boom');
    });
    expect(await settled(b.id)).toMatchObject({ status: 'failed', errorCode: 'INTERNAL' });
  });

  it('cancels through the signal and keeps exclusive jobs apart until the work has stopped', async () => {
    const { jobs, settled } = runner();
    let release!: () => void;
    const stopped = new Promise<void>((r) => (release = r));
    const a = jobs.start('backup', async (ctx) => {
      await new Promise<void>((r) => ctx.signal.addEventListener('abort', () => r()));
      await stopped;
      throw new JobCancelled();
    }, { exclusive: true });
    await tick(5);
    expect(() => jobs.start('backup', async () => null, { exclusive: true })).toThrow(AppFailure);
    jobs.start('other', async () => null); // not exclusive: runs alongside
    expect(jobs.cancel(a.id)).toMatchObject({ status: 'running', message: 'Membatalkan…' });
    expect(() => jobs.start('backup', async () => null, { exclusive: true })).toThrow(/sedang berjalan/);
    release();
    expect(await settled(a.id)).toMatchObject({ status: 'cancelled' });
    await tick(1);
    const b = jobs.start('backup', async () => null, { exclusive: true });
    expect((await settled(b.id)).status).toBe('done');
    expect(jobs.cancel('nope')).toBeNull();
  });

  it('close() cancels what runs and waits for it', async () => {
    const { jobs } = runner();
    let ended = false;
    const a = jobs.start('long', async (ctx) => {
      await new Promise<void>((r) => ctx.signal.addEventListener('abort', () => r()));
      ended = true;
      throw new JobCancelled();
    });
    await tick(5);
    await jobs.close();
    expect(ended).toBe(true);
    expect(jobs.get(a.id)!.status).toBe('cancelled');
    expect(() => jobs.start('x', async () => null)).toThrow(AppFailure);
  });
});
