// The documents feature's work that runs all the time on the komputer utama, started and stopped
// with it (main/app/start.ts): every desk's scan inbox folder watched, and the content store's
// orphan sweep. Timings may be shortened for tests with LOKET_INBOX_POLL_MS, LOKET_INBOX_STABLE_MS,
// LOKET_ORPHAN_GRACE_MS and LOKET_ORPHAN_FIRST_MS.
import type { ServerEvent } from '../../../common/contract/index';
import type { Deps } from '../../platform/context';
import { InboxWatcher, registerInboxWatcher, type InboxWatchOptions } from './inbox';
import { startOrphanSweep, type OrphanSweepOptions } from './orphans';

export interface DocumentsBackgroundOptions {
  inbox?: InboxWatchOptions;
  orphans?: OrphanSweepOptions;
}

const envMs = (name: string): number | undefined => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : undefined;
};

export function startDocumentsBackground(deps: Deps, publish: (e: ServerEvent) => void, opts: DocumentsBackgroundOptions = {}): { stop(): Promise<void> } {
  const watcher = new InboxWatcher(deps, publish, { pollMs: envMs('LOKET_INBOX_POLL_MS'), stableMs: envMs('LOKET_INBOX_STABLE_MS'), ...opts.inbox });
  registerInboxWatcher(deps.dataDir, watcher);
  watcher.start();
  const stopSweep = startOrphanSweep(deps, { graceMs: envMs('LOKET_ORPHAN_GRACE_MS'), firstMs: envMs('LOKET_ORPHAN_FIRST_MS'), ...opts.orphans });
  return {
    async stop() {
      stopSweep();
      await watcher.stop();
      registerInboxWatcher(deps.dataDir, null);
    },
  };
}
