// Where the database lives when no --data-dir / LOKET_DATA_DIR is given: the per-user app data
// folder, the same one Electron's app.getPath('userData') uses for an app named Loket.
import { homedir } from 'node:os';
import { join } from 'node:path';

export function defaultDataDir(): string {
  if (process.env.LOKET_DATA_DIR) return process.env.LOKET_DATA_DIR;
  if (process.platform === 'win32') return join(process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Loket');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Loket');
  return join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Loket');
}
