// `npm run server [-- --port N] [--pg-port N] [--data-dir DIR]`: the central server. DATABASE_URL
// selects a real Postgres; without it an embedded one starts. The first stdout line is JSON.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startCentralServer } from './server';

const { values } = parseArgs({
  options: { port: { type: 'string' }, host: { type: 'string' }, 'pg-port': { type: 'string' }, 'data-dir': { type: 'string' } },
});
const port = Number(values.port ?? process.env.PORT ?? 4800);
const server = await startCentralServer({
  port,
  host: values.host ?? process.env.LOKET_SERVER_HOST ?? '127.0.0.1',
  databaseUrl: process.env.DATABASE_URL,
  dataDir: values['data-dir'] ?? process.env.LOKET_SERVER_DATA ?? join(tmpdir(), 'loket-server', 'pg'),
  pgPort: Number(values['pg-port'] ?? process.env.LOKET_SERVER_PG_PORT ?? 54329),
  adminPassword: process.env.LOKET_SERVER_ADMIN_PASSWORD,
});
process.stdout.write(`${JSON.stringify({ event: 'listening', url: server.url, port: server.port, database: server.embedded ? 'embedded' : 'DATABASE_URL' })}\n`);
process.stdout.write(`Server pusat Loket berjalan di ${server.url}\n`);
if (server.adminPassword) process.stdout.write(`Akun admin pertama: admin / ${server.adminPassword} (ganti segera)\n`);
let closing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    void server.close().finally(() => process.exit(0));
  });
