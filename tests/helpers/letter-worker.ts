// A separate process approving letters (each approval takes a number). Two modes:
//  - `direct dbFile token idsFile`: its own SQLite connection to the same file, calling the host's
//    dispatch; prints one JSON array of { id, number } at the end.
//  - `--http url token idsFile`: over HTTP to a running host, one approval after another, until the
//    ids run out or the host is gone; one JSON line per acknowledged approval, as it arrives.
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { composeDispatch } from '../../main/app/compose';
import { CupsPrinter } from '../../main/features/devices/printer';
import { Store } from '../../main/platform/db';
import { createJobRunner } from '../../main/platform/jobs/runner';
import { inProcessHostInfo } from './factories';

async function overHttp(url: string, token: string, ids: string[]): Promise<void> {
  for (const id of ids) {
    let body: { ok: boolean; value?: { number: string }; error?: { code: string } };
    try {
      const res = await fetch(`${url}/api/letters.approve`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ id }),
      });
      body = (await res.json()) as typeof body;
    } catch {
      return; // the host is gone
    }
    process.stdout.write(`${JSON.stringify(body.ok ? { ack: id, number: body.value!.number } : { refused: body.error?.code ?? 'UNKNOWN' })}\n`);
  }
}

async function direct(dbFile: string, token: string, ids: string[]): Promise<void> {
  const store = new Store(dbFile);
  // The test's clock (its sessions and numbering year), when it passes one.
  const fixed = process.env.LOKET_TEST_NOW;
  const now = () => (fixed ? new Date(fixed) : new Date());
  const jobs = createJobRunner({ now, publish: () => {} });
  const dispatch = composeDispatch({ store, now, printer: new CupsPrinter(), host: inProcessHostInfo(), jobs, dataDir: dirname(dbFile), dbFile }, () => {});
  const out: { id: string; number: string }[] = [];
  // All at once: the calls queue on this connection while the other processes write too.
  const results = await Promise.all(ids.map((id) => dispatch('letters.approve', token, { id }, { remote: '127.0.0.1', secure: false })));
  results.forEach((r, i) => {
    if (!r.ok) {
      console.error(JSON.stringify(r.error));
      process.exit(2);
    }
    out.push({ id: ids[i]!, number: (r.value as { number: string }).number });
  });
  await jobs.close();
  store.close();
  process.stdout.write(JSON.stringify(out));
}

const args = process.argv.slice(2);
if (args[0] === '--http') await overHttp(args[1]!, args[2]!, JSON.parse(readFileSync(args[3]!, 'utf8')) as string[]);
else await direct(args[0]!, args[1]!, JSON.parse(readFileSync(args[2]!, 'utf8')) as string[]);
