// A second process issuing tickets straight into the same SQLite file (used to prove that two
// writers never share or skip a number). Args: dbFile token count serviceCode
import { Store } from '../../main/platform/db';
import { dispatch } from '../../main/platform/transport/dispatch';
import { CupsPrinter } from '../../main/features/devices/printer';
import { inProcessHostInfo } from './factories';

const [dbFile, token, count, code] = process.argv.slice(2) as [string, string, string, string];
const store = new Store(dbFile);
const deps = { store, now: () => new Date(), printer: new CupsPrinter(), host: inProcessHostInfo() };
const labels: string[] = [];
for (let i = 0; i < Number(count); i++) {
  const r = await dispatch(deps, () => {}, 'queue.issue', token, { serviceCode: code, priority: null }, '127.0.0.1');
  if (!r.ok) {
    console.error(JSON.stringify(r.error));
    process.exit(2);
  }
  labels.push((r.value as { label: string }).label);
}
store.close();
process.stdout.write(JSON.stringify(labels));
