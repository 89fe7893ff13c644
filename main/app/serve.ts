// Headless host: `npm run serve -- [--port 4700] [--tls-port 4701] [--data-dir DIR] [--bind 0.0.0.0]`.
// For a server-room PC, the display/kiosk browsers, the tests, and `npm start` without Electron.
// Without --port/--bind (or LOKET_PORT/LOKET_BIND) the host listens where the admin chose in
// Admin → Jaringan, else on 127.0.0.1:4700. HTTPS for desks goes on the HTTP port + 1 unless
// --tls-port (or LOKET_TLS_PORT) says otherwise.
import { parseArgs } from 'node:util';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultDataDir } from './paths';
import { startHost } from './start';
import { isLoopback } from '../../common/domain/network';

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    'tls-port': { type: 'string' },
    'data-dir': { type: 'string', default: process.env.LOKET_DATA_DIR },
    bind: { type: 'string' },
  },
});

const given = (flag: string | undefined, env: string | undefined): string | undefined => flag || env || undefined;
function portFrom(text: string | undefined): number | undefined {
  const port = text === undefined ? undefined : Number(text);
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) {
    console.error(`Loket host tidak dapat dijalankan: nomor port "${text}" tidak valid.`);
    process.exit(1);
  }
  return port;
}
const port = portFrom(given(values.port, process.env.LOKET_PORT));
const tlsPort = portFrom(given(values['tls-port'], process.env.LOKET_TLS_PORT));

const here = dirname(fileURLToPath(import.meta.url));
const dataDir = resolve(values['data-dir'] ?? defaultDataDir());

try {
  const host = await startHost({
    dataDir,
    port,
    tlsPort,
    bindAddress: given(values.bind, process.env.LOKET_BIND),
    rendererDir: resolve(here, '../renderer'),
  });
  // Tests and scripts read this first line: keep its form.
  console.log(`Loket host listening on ${host.url}`);
  console.log(`Loket host TLS on ${host.tlsUrl} fingerprint ${host.tlsFingerprint}`);
  if (!isLoopback(host.bindAddress))
    console.log(`Di jaringan kantor: ${host.lanUrls.length > 0 ? host.lanUrls.join(' ') : 'komputer ini belum tersambung ke jaringan'}`);
  if (host.warning) console.log(`Perhatian: ${host.warning}`);
  if (host.tlsWarning) console.log(`Perhatian: ${host.tlsWarning}`);
  console.log(`Sertifikat host: ${host.certFile}`);
  console.log(`Database: ${host.dbFile}`);
  console.log(`Buka ${host.url}/ di browser. Layar tunggu: ${host.url}/#/display`);
  const stop = () => void host.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (err) {
  console.error(`Loket host tidak dapat dijalankan: ${(err as Error).message}`);
  process.exit(1);
}
