// A second process issuing tickets. Two uses:
//  - `dbFile token count serviceCode`: straight into the same SQLite file (proves that two writers
//    never share or skip a number); prints the labels as one JSON array at the end.
//  - `--http url token serviceCode`: over HTTP to a running host, one call after another, until the
//    host is gone (connection refused or reset); prints one JSON line per answer as soon as it
//    arrives, `{"ack":"A-001"}` for an acknowledged ticket and `{"refused":"CODE"}` otherwise, so a
//    test can count acknowledged tickets while the burst is still running.
import { Store } from '../../main/platform/db';
import { composeDispatch } from '../../main/app/compose';
import { createJobRunner } from '../../main/platform/jobs/runner';
import { dirname } from 'node:path';
import { CupsPrinter } from '../../main/features/devices/printer';
import { inProcessHostInfo } from './factories';

async function overHttp(url: string, token: string, code: string): Promise<void> {
  for (;;) {
    let body: { ok: boolean; value?: { label: string }; error?: { code: string } };
    // A ref'd timer per call: a request whose connection vanished with the killed host without a
    // reset would otherwise leave nothing on the event loop, and Node would end the process with
    // exit code 13 (unsettled top-level await) instead of treating the host as gone.
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), 30_000);
    try {
      const res = await fetch(`${url}/api/queue.issue`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ serviceCode: code, priority: null }),
        signal: abort.signal,
      });
      body = (await res.json()) as typeof body;
    } catch {
      return; // the host is gone
    } finally {
      clearTimeout(timer);
    }
    process.stdout.write(`${JSON.stringify(body.ok ? { ack: body.value!.label } : { refused: body.error?.code ?? 'UNKNOWN' })}\n`);
  }
}

async function direct(dbFile: string, token: string, count: string, code: string): Promise<void> {
  const store = new Store(dbFile);
  const now = () => new Date();
  const jobs = createJobRunner({ now, publish: () => {} });
  const deps = { store, now, printer: new CupsPrinter(), host: inProcessHostInfo(), jobs, dataDir: dirname(dbFile), dbFile };
  const dispatch = composeDispatch(deps, () => {});
  const labels: string[] = [];
  for (let i = 0; i < Number(count); i++) {
    const r = await dispatch('queue.issue', token, { serviceCode: code, priority: null }, { remote: '127.0.0.1', secure: false });
    if (!r.ok) {
      console.error(JSON.stringify(r.error));
      process.exit(2);
    }
    labels.push((r.value as { label: string }).label);
  }
  await jobs.close();
  store.close();
  process.stdout.write(JSON.stringify(labels));
}

const args = process.argv.slice(2);
if (args[0] === '--http') await overHttp(args[1]!, args[2]!, args[3]!);
else await direct(args[0]!, args[1]!, args[2]!, args[3]!);
