// Letter numbers are gapless and never reused: 1,000 approvals from four processes, each with its
// own SQLite connection to the same file, give exactly 1..1000; a new office year starts at 1; a
// cancelled letter keeps its number; drafts carry none.
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inProcessHost } from '../helpers/inproc';
import { removeTempDirs } from '../helpers/host';
import { buildLetterWorker, draftedLetter, letterOffice, REKOM_TYPE } from '../helpers/letters';

const run = promisify(execFile);

describe('letter numbering', () => {
  let worker: string;
  beforeAll(async () => {
    worker = await buildLetterWorker();
  });
  afterAll(() => removeTempDirs());

  it('1,000 concurrent approvals from four connections give 1..1000, no gap, no duplicate', async () => {
    const h = inProcessHost(new Date('2026-11-25T03:00:00Z'));
    const { tokens, deskToken } = await h.setup();
    const office = await letterOffice(h.ok, tokens.admin!, deskToken);
    const ids: string[] = [];
    for (let i = 0; i < 1000; i++) ids.push(await draftedLetter(h.ok, office.tim.token, i));
    // A draft carries no number.
    expect((await h.ok('letters.get', { id: ids[0]! }, office.tim.token)).number).toBeNull();

    const shares = [0, 1, 2, 3].map((k) => ids.filter((_, i) => i % 4 === k));
    const results = await Promise.all(
      shares.map(async (share, k) => {
        const file = join(h.dir, `ids-${k}.json`);
        writeFileSync(file, JSON.stringify(share));
        const env = { ...process.env, LOKET_TEST_NOW: h.deps.now().toISOString() };
        const { stdout } = await run(process.execPath, [worker, h.deps.dbFile, office.lead.token, file], { maxBuffer: 10 << 20, env });
        return JSON.parse(stdout) as { id: string; number: string }[];
      }),
    );
    const answered = results.flat();
    expect(answered).toHaveLength(1000);
    const seqs = answered.map((a) => Number(/^400\.7\.3\.1\/(\d+)\/Dinkes\/2026$/.exec(a.number)![1])).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 1000 }, (_, i) => i + 1));

    const rows = h.store.sqlite.prepare('SELECT id, seq, number FROM letters WHERE seq IS NOT NULL ORDER BY seq').all() as { id: string; seq: number; number: string }[];
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 1000 }, (_, i) => i + 1));
    const byId = new Map(rows.map((r) => [r.id, r.number]));
    for (const a of answered) expect(byId.get(a.id)).toBe(a.number);
    const counter = h.store.sqlite.prepare('SELECT last_no FROM letter_counters WHERE letter_type_id = ? AND year = 2026').get(REKOM_TYPE) as { last_no: number };
    expect(counter.last_no).toBe(1000);
  }, 180_000);

  it('restarts at 1 in a new office year (WIB), and a cancelled letter keeps its number', async () => {
    // 31 December 2026, 23:50 WIB
    const h = inProcessHost(new Date('2026-12-31T16:50:00Z'));
    const { tokens, deskToken } = await h.setup();
    const office = await letterOffice(h.ok, tokens.admin!, deskToken);
    const a = await draftedLetter(h.ok, office.tim.token);
    const b = await draftedLetter(h.ok, office.tim.token);
    expect((await h.ok('letters.approve', { id: a }, office.lead.token)).number).toBe('400.7.3.1/1/Dinkes/2026');
    expect((await h.ok('letters.approve', { id: b }, office.lead.token)).number).toBe('400.7.3.1/2/Dinkes/2026');
    await h.ok('letters.cancel', { id: b, reason: 'Pasien meninggal dunia sebelum surat diserahkan' }, office.tim.token);
    const cancelled = await h.ok('letters.get', { id: b }, office.tim.token);
    expect(cancelled).toMatchObject({ status: 'batal', number: '400.7.3.1/2/Dinkes/2026', cancelReason: 'Pasien meninggal dunia sebelum surat diserahkan' });

    // 00:10 WIB on 1 January 2027 is still 31 December in UTC: the office's calendar decides.
    h.setTime(new Date('2026-12-31T17:10:00Z'));
    const c = await draftedLetter(h.ok, office.tim.token);
    const d = await draftedLetter(h.ok, office.tim.token);
    expect((await h.ok('letters.approve', { id: c }, office.lead.token)).number).toBe('400.7.3.1/1/Dinkes/2027');
    expect((await h.ok('letters.approve', { id: d }, office.lead.token)).number).toBe('400.7.3.1/2/Dinkes/2027');
    // The cancelled number is not given again.
    const numbers = (h.store.sqlite.prepare('SELECT number FROM letters WHERE number IS NOT NULL').all() as { number: string }[]).map((r) => r.number);
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it('refuses a number pattern without {seq} or {tahun} in Indonesian, keeping the old one', async () => {
    const h = inProcessHost();
    const { tokens } = await h.setup();
    const setup = await h.ok('letters.setup', {}, tokens.admin);
    const rekom = setup.types.find((t) => t.id === REKOM_TYPE)!;
    const r = await h.call('letterTypes.save', { ...rekom, numberPattern: '400.7.3.1/Dinkes/{tahunn}' }, tokens.admin);
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!r.ok) {
      expect(r.error.message).toContain('{tahunn}');
      expect(r.error.message).toContain('{seq}');
    }
    const after = (await h.ok('letters.setup', {}, tokens.admin)).types.find((t) => t.id === REKOM_TYPE)!;
    expect(after.numberPattern).toBe('400.7.3.1/{seq}/Dinkes/{tahun}');
    // A Roman month is allowed.
    const saved = await h.ok('letterTypes.save', { ...rekom, numberPattern: '445/{seq:3}/Dinkes/{bulan_romawi}/{tahun}' }, tokens.admin);
    expect(saved.numberPattern).toBe('445/{seq:3}/Dinkes/{bulan_romawi}/{tahun}');
  });
});
