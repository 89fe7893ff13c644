// A private SANE setup for the device tests, modelled on ./cups.ts: a SANE_CONFIG_DIR of our own
// whose dll.conf lists only the `test` backend (the virtual frontend-tester scanner that ships
// with sane-backends), so scanimage finds test:0/test:1 and never probes the machine's real
// scanners. A fault wrapper stands in for scanimage: the real scanimage scans the first N pages,
// then the real test backend fails the next one with the SANE status asked for (jam, cover open,
// busy), exactly as a device would mid-batch.
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './host';

export interface PrivateSane {
  dir: string;
  env: { SANE_CONFIG_DIR: string };
  /** A scanimage stand-in that scans `pages` pages then fails with `status` (SANE_STATUS_JAMMED, …). */
  faultAfter(pages: number, status: string): string;
}

export interface SaneOptions {
  /** The test backend's picture: a black/white grid looks like a page of lines (default). */
  picture?: 'Grid' | 'Solid white' | 'Color pattern';
  /** Microseconds the backend waits after each buffer it hands over: a slower, real-speed scanner. */
  readDelayUs?: number;
}

export function privateSane(opts: SaneOptions = {}): PrivateSane {
  const dir = tempDir('loket-sane-');
  writeFileSync(join(dir, 'dll.conf'), 'test\n');
  // The test backend's shipped settings, with our picture and speed.
  let conf = readFileSync('/etc/sane.d/test.conf', 'utf8').replace(/^test-picture .*$/m, `test-picture "${opts.picture ?? 'Grid'}"`);
  if (opts.readDelayUs) conf = conf.replace(/^read-delay .*$/m, 'read-delay true').replace(/^read-delay-duration .*$/m, `read-delay-duration ${opts.readDelayUs}`);
  writeFileSync(join(dir, 'test.conf'), conf);
  return {
    dir,
    env: { SANE_CONFIG_DIR: dir },
    faultAfter(pages: number, status: string): string {
      const path = join(dir, `scanimage-fault-${pages}-${status}.sh`);
      writeFileSync(
        path,
        [
          '#!/bin/sh',
          '# Only scans (with --batch) are faulted; discovery and -A go straight through.',
          'case "$*" in *--batch=*) ;; *) exec scanimage "$@" ;; esac',
          `if [ ${pages} -gt 0 ]; then scanimage "$@" --batch-count=${pages} || exit $?; fi`,
          `exec scanimage "$@" --batch-start=${pages + 1} --batch-count=1 --read-return-value ${status}`,
          '',
        ].join('\n'),
      );
      chmodSync(path, 0o755);
      return path;
    },
  };
}
