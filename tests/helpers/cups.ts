// A private cupsd (own config, spool and port on 127.0.0.1) with a cups-pdf queue: the real CUPS
// stack without touching the machine's own printers. cups-pdf writes into the job owner's ~/PDF.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { removeTempDir, tempDir } from './host';

export interface PrivateCups { server: string; queue: string; outDir: string; stop(): Promise<void> }

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });

export async function startPrivateCups(queue = 'loketpdf'): Promise<PrivateCups> {
  const dir = tempDir('loket-cups-');
  for (const sub of ['spool', 'cache', 'state', 'log', 'tmp']) mkdirSync(join(dir, sub));
  chmodSync(join(dir, 'tmp'), 0o1777);
  const port = await freePort();
  const allowAll = 'Order allow,deny\n  Allow all';
  writeFileSync(
    join(dir, 'cupsd.conf'),
    `Listen 127.0.0.1:${port}\nLogLevel warn\nWebInterface No\nBrowsing Off\nDefaultAuthType None\n` +
      `<Location />\n  ${allowAll}\n</Location>\n<Location /admin>\n  ${allowAll}\n</Location>\n` +
      `<Policy default>\n  <Limit All>\n    ${allowAll}\n  </Limit>\n</Policy>\n`,
  );
  writeFileSync(
    join(dir, 'cups-files.conf'),
    [
      `ServerRoot ${dir}`, `RequestRoot ${dir}/spool`, `CacheDir ${dir}/cache`, `StateDir ${dir}/state`, `TempDir ${dir}/tmp`,
      `ErrorLog ${dir}/log/error_log`, `AccessLog ${dir}/log/access_log`, `PageLog ${dir}/log/page_log`,
      'ServerBin /usr/lib/cups', 'DataDir /usr/share/cups', 'Sandboxing Relaxed',
    ].join('\n') + '\n',
  );
  const proc: ChildProcess = spawn('/usr/sbin/cupsd', ['-f', '-c', join(dir, 'cupsd.conf'), '-s', join(dir, 'cups-files.conf')], { stdio: 'ignore' });
  const server = `127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      execFileSync('lpstat', ['-r'], { env: { ...process.env, CUPS_SERVER: server }, stdio: 'pipe' });
      break;
    } catch (err) {
      if (Date.now() > deadline) throw new Error(`private cupsd did not start: ${(err as Error).message}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  // cupsd answers lpstat before it takes admin requests on a busy machine: retry the queue's creation.
  for (let attempt = 1; ; attempt++) {
    try {
      execFileSync('lpadmin', ['-h', server, '-p', queue, '-E', '-v', 'cups-pdf:/', '-P', '/usr/share/ppd/cups-pdf/CUPS-PDF_noopt.ppd'], { stdio: 'pipe' });
      break;
    } catch (err) {
      if (attempt >= 30) {
        // Leave no cupsd behind when the queue cannot be made.
        proc.kill('SIGTERM');
        removeTempDir(dir);
        throw err;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  return {
    server,
    queue,
    outDir: join(homedir(), 'PDF'),
    stop: async () => {
      if (proc.exitCode === null && proc.signalCode === null) {
        proc.kill('SIGTERM');
        await new Promise((r) => proc.once('exit', r));
      }
      removeTempDir(dir);
    },
  };
}
