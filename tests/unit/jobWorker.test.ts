// A job's worker thread runs below the request thread's priority (Linux: a thread's own nice value),
// so an import or export on a two-core office PC does not slow the desks' calls.
import { getPriority } from 'node:os';
import { describe, expect, it } from 'vitest';
import { JOB_NICE, runInWorker } from '../../main/platform/jobs/worker';
import type { JobContext } from '../../main/platform/jobs/types';

const ctx = (): JobContext => ({ signal: new AbortController().signal, progress: () => {}, publish: () => {} });

describe('job worker threads', () => {
  it.runIf(process.platform === 'linux')('run niced, leaving the calling thread as it was', async () => {
    const before = getPriority();
    const seen = await runInWorker<number>(
      `require('node:worker_threads').parentPort.postMessage({ type: 'result', value: require('node:os').getPriority() });`,
      null,
      ctx(),
    );
    expect(seen).toBeGreaterThanOrEqual(JOB_NICE);
    expect(getPriority()).toBe(before);
  });
});
