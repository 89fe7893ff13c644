// The host's use cases in-process against a real SQLite file, with a controllable clock.
import { join } from 'node:path';
import type { CallInput, CallName, CallOutput, Result, ServerEvent } from '../../common/contract/index';
import { Store } from '../../main/platform/db';
import { migrate } from '../../main/platform/db/migrate';
import { composeDispatch } from '../../main/app/compose';
import { createJobRunner } from '../../main/platform/jobs/runner';
import { CupsPrinter } from '../../main/features/devices/printer';
import { FIRST_RUN, PASSWORD, inProcessHostInfo } from './factories';
import { tempDir } from './host';

export function inProcessHost(start = new Date(2026, 10, 25, 8, 0, 0), cupsServer?: string) {
  const dir = tempDir('loket-int-');
  const store = new Store(join(dir, 'loket.sqlite'));
  migrate(store);
  let clock = start.getTime();
  const events: ServerEvent[] = [];
  const now = () => new Date(clock);
  const publish = (e: ServerEvent) => events.push(e);
  const deps = { store, now, printer: new CupsPrinter(cupsServer), host: inProcessHostInfo(), jobs: createJobRunner({ now, publish }), dataDir: dir, dbFile: join(dir, 'loket.sqlite') };
  const dispatch = composeDispatch(deps, publish);
  const call = async <N extends CallName>(name: N, input: CallInput<N>, token: string | null = null, remote = '127.0.0.1', secure = false) =>
    (await dispatch(name, token, input, { remote, secure })) as Result<CallOutput<N>>;
  const ok = async <N extends CallName>(name: N, input: CallInput<N>, token: string | null = null) => {
    const r = await call(name, input, token);
    if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
    return r.value;
  };
  return {
    dir, store, events, call, ok, deps,
    advance: (seconds: number) => (clock += seconds * 1000),
    setTime: (d: Date) => (clock = d.getTime()),
    async setup() {
      const first = await ok('setup.firstRun', FIRST_RUN);
      const admin = first.sessionToken;
      const desk2 = await ok('desks.create', { name: 'Loket 2', counterNo: 2 }, admin);
      const tokens: Record<string, string> = { admin };
      const users: [string, CallInput<'users.create'>['roles'], string][] = [
        ['satpam1', ['satpam'], first.deskToken], ['satpam2', ['satpam'], first.deskToken],
        ['resep1', ['resepsionis'], first.deskToken], ['resep2', ['resepsionis'], desk2.deskToken],
        ['petugas1', ['petugas'], desk2.deskToken], ['petugas2', ['petugas'], desk2.deskToken],
      ];
      const ids: Record<string, string> = {};
      for (const [username, roles, deskToken] of users) {
        ids[username] = (await ok('users.create', { username, fullName: username.toUpperCase(), roles, password: PASSWORD }, admin)).id;
        tokens[username] = (await ok('auth.login', { deskToken, username, password: PASSWORD })).sessionToken;
      }
      return { tokens, ids, deskToken: first.deskToken };
    },
  };
}
