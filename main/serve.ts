// Headless host: `npm run serve -- --port 4700 --data-dir DIR [--bind 0.0.0.0]`.
// For a server-room PC, the display/kiosk browsers, the tests, and `npm start` without Electron.
import { parseArgs } from 'node:util';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultDataDir } from './host/paths';
import { startHost } from './host/start';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.LOKET_PORT ?? '4700' },
    'data-dir': { type: 'string', default: process.env.LOKET_DATA_DIR },
    bind: { type: 'string', default: process.env.LOKET_BIND ?? '127.0.0.1' },
  },
});

const here = dirname(fileURLToPath(import.meta.url));
const dataDir = resolve(values['data-dir'] ?? defaultDataDir());

try {
  const host = await startHost({
    dataDir,
    port: Number(values.port),
    bindAddress: values.bind!,
    rendererDir: resolve(here, '../renderer'),
  });
  console.log(`Loket host listening on ${host.url}`);
  console.log(`Database: ${host.dbFile}`);
  console.log(`Buka ${host.url}/ di browser. Layar tunggu: ${host.url}/#/display`);
  const stop = () => void host.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (err) {
  console.error(`Loket host tidak dapat dijalankan: ${(err as Error).message}`);
  process.exit(1);
}
