// `npm start`: build, then open the Electron app in host mode. Where Electron's binary cannot be
// obtained (no download possible, headless server), say so and run the same host in this terminal;
// open the printed URL in a browser on this PC or any PC of the office LAN.
import { spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import { HOST_NODE_FLAGS } from './hostFlags.mjs';

const passThrough = process.argv.slice(2);

const built = spawnSync(process.execPath, ['scripts/build.mjs', '--quiet'], { stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

function electronBinary() {
  try {
    // The electron package downloads its binary on first use; that fails without internet.
    const result = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
      encoding: 'utf8',
      timeout: 120_000,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return result.status === 0 && result.stdout ? result.stdout : null;
  } catch {
    return null;
  }
}

const binary = process.env.LOKET_NO_ELECTRON ? null : electronBinary();
const canShowWindow = process.platform === 'win32' || process.platform === 'darwin' || process.env.DISPLAY || process.env.WAYLAND_DISPLAY;

if (binary && canShowWindow) {
  // Electron's main process (the host) takes V8 flags only on its command line.
  const child = spawn(binary, [`--js-flags=${HOST_NODE_FLAGS.join(' ')}`, '.', ...passThrough], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(
    binary
      ? 'Tidak ada layar grafis (DISPLAY) di komputer ini: Loket berjalan sebagai host di terminal.'
      : 'Program Electron tidak dapat diunduh atau dijalankan di komputer ini: Loket berjalan sebagai host di terminal.',
  );
  const child = spawn(process.execPath, [...HOST_NODE_FLAGS, 'out/main/host.js', ...passThrough], { stdio: ['inherit', 'pipe', 'pipe'] });
  // The host's first stdout line and its error line are JSON for programs; the person at this
  // terminal gets the sentences that follow them, and the address from the JSON line if no
  // sentence came with it.
  const parsed = (line) => {
    try {
      const value = JSON.parse(line);
      return value && typeof value === 'object' && typeof value.event === 'string' ? value : null;
    } catch {
      return null;
    }
  };
  let first = true;
  createInterface({ input: child.stdout, crlfDelay: Infinity }).on('line', (line) => {
    const event = first ? parsed(line) : null;
    first = false;
    if (event?.event === 'listening') {
      if (!event.textLines) console.log(`Loket host listening on ${event.url}`);
      return;
    }
    console.log(line);
  });
  createInterface({ input: child.stderr, crlfDelay: Infinity }).on('line', (line) => {
    if (parsed(line)?.event !== 'error') console.error(line);
  });
  const forward = (sig) => child.kill(sig);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  // 'close': after the host's last line has been passed on.
  child.on('close', (code) => process.exit(code ?? 0));
}
