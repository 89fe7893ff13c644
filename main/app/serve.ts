// Headless host: `npm run serve -- [--port 4700] [--tls-port 4701] [--data-dir DIR] [--bind 0.0.0.0]`.
// For a server-room PC, the display/kiosk browsers, the tests, and `npm start` without Electron.
// Without --port/--bind (or LOKET_PORT/LOKET_BIND) the host listens where the admin chose in
// Admin → Jaringan, else on 127.0.0.1:4700. HTTPS for desks goes on the HTTP port + 1 unless
// --tls-port (or LOKET_TLS_PORT) says otherwise.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultDataDir } from './paths';
import { startHost } from './start';
import { parseLaunchArgs } from './launch';
import { isLoopback } from '../../common/domain/network';

/**
 * Start-up failed: one JSON line on stderr for tests and scripts (`{"event":"error",...}`), then the
 * sentence for people, then exit 1.
 */
function fail(message: string): never {
  process.stderr.write(`${JSON.stringify({ event: 'error', message })}\n`);
  console.error(`Loket di komputer utama tidak dapat dijalankan: ${message}`);
  process.exit(1);
}

// The same parser as the Electron entry's: flags, then environment variables.
const launch = parseLaunchArgs(process.argv.slice(1), process.env);
if (!launch.ok) fail(launch.message);
if (launch.options.mode !== 'host') fail('Loket tanpa layar hanya berjalan sebagai komputer utama (--mode host); meja memakai aplikasi Electron.');
const { port, tlsPort, bindAddress } = launch.options;

const here = dirname(fileURLToPath(import.meta.url));
const dataDir = resolve(launch.options.dataDir ?? defaultDataDir());

try {
  const host = await startHost({
    dataDir,
    port: port ?? undefined,
    tlsPort: tlsPort ?? undefined,
    bindAddress: bindAddress ?? undefined,
    rendererDir: resolve(here, '../renderer'),
  });
  // The sentences for people (the README quotes the first two).
  const text = [
    `Loket host listening on ${host.url}`,
    `Loket host TLS on ${host.tlsUrl} fingerprint ${host.tlsFingerprint}`,
  ];
  if (!isLoopback(host.bindAddress))
    text.push(`Di jaringan kantor: ${host.lanUrls.length > 0 ? host.lanUrls.join(' ') : 'komputer ini belum tersambung ke jaringan'}`);
  if (host.warning) text.push(`Perhatian: ${host.warning}`);
  if (host.tlsWarning) text.push(`Perhatian: ${host.tlsWarning}`);
  text.push(`Sertifikat komputer utama: ${host.certFile}`, `Database: ${host.dbFile}`, `Buka ${host.url}/ di browser. Layar tunggu: ${host.url}/#/display`);
  const sentences = text.join('\n');
  // Tests and scripts read the first stdout line: one JSON object, before the sentences. Keep it
  // first and keep its fields. `textLines` says how many sentence lines follow, so a reader that
  // checks or shows them knows when the start-up output is complete.
  const listening = {
    event: 'listening',
    url: host.url,
    tlsUrl: host.tlsUrl,
    fingerprint: host.tlsFingerprint,
    port: host.port,
    tlsPort: host.tlsPort,
    bindAddress: host.bindAddress,
    lanUrls: host.lanUrls,
    dataDir,
    dbFile: host.dbFile,
    certFile: host.certFile,
    warning: host.warning,
    tlsWarning: host.tlsWarning,
    textLines: sentences.split('\n').length,
  };
  process.stdout.write(`${JSON.stringify(listening)}\n${sentences}\n`);
  const stop = () => void host.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (err) {
  fail((err as Error).message);
}
