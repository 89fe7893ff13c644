// A letter from the received file to the hand-over, signed "a.n." by a delegate; its PDF archived by
// hash and served as the same bytes; checks refuse what the SOP does not allow, in Indonesian.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inProcessHost } from '../helpers/inproc';
import { draftedLetter, letterOffice, patient, REKOM_DOCS } from '../helpers/letters';

const pdfText = (file: string) => execFileSync('pdftotext', ['-layout', file, '-']).toString();

describe('letters workflow', () => {
  it('returns an incomplete file with the list of what is missing, then goes on once complete', async () => {
    const h = inProcessHost(new Date('2026-11-25T02:00:00Z'));
    const { tokens, deskToken } = await h.setup();
    const { tim } = await letterOffice(h.ok, tokens.admin!, deskToken);
    const { id } = await h.ok('letters.receive', patient(), tim.token);
    const returned = await h.ok('letters.check', { id, docsPresent: REKOM_DOCS.slice(0, 3) }, tim.token);
    expect(returned.status).toBe('dikembalikan');
    const l = await h.ok('letters.get', { id }, tim.token);
    expect(l.docsMissing).toEqual(REKOM_DOCS.slice(3));
    // A draft before the file is complete is refused, saying why.
    const early = await h.call('letters.draft', { id, sifat: 'Biasa', lampiran: '-', subject: 'x', body: 'x', diagnosis: '', tembusan: [] }, tim.token);
    expect(early).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    if (!early.ok) expect(early.error.message).toMatch(/berkas dinyatakan lengkap.*Status sekarang: Berkas dikembalikan/);
    h.advance(600);
    expect((await h.ok('letters.check', { id, docsPresent: REKOM_DOCS }, tim.token)).status).toBe('lengkap');
    // A bad NIK is refused with a field message; nothing is stored.
    const bad = await h.call('letters.receive', { ...patient(), nik: '12345' }, tim.token);
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!bad.ok) expect(bad.error.fields?.nik).toBeTruthy();
    expect((h.store.sqlite.prepare('SELECT count(*) AS n FROM letters').get() as { n: number }).n).toBe(1);
  });

  it('complete file → handed over, signed a.n. by a delegate; the PDF is archived and never changes', async () => {
    const h = inProcessHost(new Date('2026-11-25T02:00:00Z'));
    const { tokens, deskToken } = await h.setup();
    const o = await letterOffice(h.ok, tokens.admin!, deskToken);
    const id = await draftedLetter(h.ok, o.tim.token);
    h.advance(300);
    const approved = await h.ok('letters.approve', { id }, o.lead.token);
    expect(approved.number).toBe('400.7.3.1/1/Dinkes/2026');

    // Without a delegation the secretary may not sign, and the queue stays empty for her.
    expect(await h.ok('letters.signQueue', {}, o.sekretaris.token)).toEqual([]);
    const refused = await h.call('letters.sign', { id }, o.sekretaris.token);
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    if (!refused.ok) expect(refused.error.message).toContain('pelimpahan wewenang');

    await h.ok('delegations.create', { kind: 'an', principalId: o.headOfficial.id, delegateId: o.secOfficial.id, viaId: null, validFrom: '2026-11-24', validTo: '2026-11-30', note: 'Kepala dinas dinas luar' }, tokens.admin);
    const queue = await h.ok('letters.signQueue', {}, o.sekretaris.token);
    expect(queue.map((q) => q.id)).toEqual([id]);
    expect(queue[0]!.signAs).toContain('a.n. KEPALA DINAS KESEHATAN');
    h.advance(120);
    await h.ok('letters.sign', { id }, o.sekretaris.token);
    const signed = await h.ok('letters.get', { id }, o.tim.token);
    expect(signed.signature).toMatchObject({ form: 'an', heading: ['a.n. KEPALA DINAS KESEHATAN KABUPATEN MUSI BANYUASIN', 'SEKRETARIS'], name: 'SRI WAHYUNI, S.K.M., M.Kes', nipLine: 'NIP. 19720315 200003 2 004' });
    expect(signed.delegationId).not.toBeNull();

    const pdf1 = await h.ok('letters.pdf', { id }, o.tim.token);
    const pdf2 = await h.ok('letters.pdf', { id }, o.tim.token);
    expect(pdf1.archived).toBe(true);
    expect(pdf2.base64).toBe(pdf1.base64);
    const bytes = Buffer.from(pdf1.base64, 'base64');
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(signed.pdfSha256);
    const out = join(process.cwd(), 'test-results', 'screens');
    mkdirSync(out, { recursive: true });
    const file = join(out, 'letter-an-integration.pdf');
    writeFileSync(file, bytes);
    const text = pdfText(file);
    for (const s of ['PEMERINTAH KABUPATEN MUSI BANYUASIN', 'Nomor', '400.7.3.1/1/Dinkes/2026', 'Hal', 'Yth. Direktur RSUD Palembang BARI', 'a.n. KEPALA DINAS KESEHATAN',
      'SEKRETARIS', 'SRI WAHYUNI', 'NIP. 19720315 200003 2 004', 'Tembusan', 'bukan tanda tangan elektronik', 'Kode verifikasi'])
      expect(text).toContain(s);
    expect(text).not.toMatch(/ditandatangani secara elektronik/i);
    execFileSync('pdftoppm', ['-png', '-r', '70', '-singlefile', file, join(out, 'letter-an-integration')]);

    // The verification page answers from the archived facts, without personal data.
    const code = /Kode verifikasi: ([A-Z0-9]+)/.exec(text)![1]!;
    const v = await h.ok('letters.verify', { code }, null);
    expect(v).toMatchObject({ found: true, number: '400.7.3.1/1/Dinkes/2026', pdfSha256: signed.pdfSha256, shortCode: signed.shortCode });
    expect(JSON.stringify(v)).not.toContain('Pasien');

    // Not printed yet: collecting is refused; hand-over needs the collected letter.
    const early = await h.call('letters.collect', { id }, o.tim.token);
    expect(early).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    // No desk printer chosen: a clear message, the letter stays "belum dicetak".
    const noPrinter = await h.call('letters.print', { id }, o.tim.token);
    expect(noPrinter).toMatchObject({ ok: false, error: { code: 'NO_PRINTER' } });
    expect((await h.ok('letters.get', { id }, o.tim.token)).status).toBe('ditandatangani');
  });

  it('signature forms: the official himself, u.b., Plt.', async () => {
    const { signatureBlock } = await import('../../common/domain/signature');
    const head = { name: 'dr. H', title: 'Kepala Dinas Kesehatan', rank: 'Pembina Utama Muda (IV/c)', nip: '196704012000031006' };
    const sek = { name: 'S', title: 'Sekretaris', rank: 'Pembina (IV/a)', nip: '' };
    const kabid = { name: 'K', title: 'Kepala Bidang Pelayanan Kesehatan', rank: 'Penata Tk. I (III/d)', nip: '198001012005011001' };
    expect(signatureBlock(head, head, 'sendiri').heading).toEqual(['KEPALA DINAS KESEHATAN']);
    expect(signatureBlock(head, kabid, 'ub', sek).heading).toEqual(['a.n. KEPALA DINAS KESEHATAN', 'SEKRETARIS', 'u.b.', 'KEPALA BIDANG PELAYANAN KESEHATAN']);
    expect(signatureBlock(head, sek, 'plt').heading).toEqual(['Plt. KEPALA DINAS KESEHATAN']);
    expect(signatureBlock(head, sek, 'plh').nipLine).toBe('');
  });
});
