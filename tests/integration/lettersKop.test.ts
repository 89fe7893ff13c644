// The letterhead (kop) and page settings from Admin → Surat reach the letter: every wrong field is
// named at once in Indonesian (and nothing is saved); a changed kop, paper, font and margins show in
// the signed letter's PDF, read back with poppler (pdftotext, pdfinfo, pdffonts, pdfimages).
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { hospitalProblems, letterSettingsProblems, letterTypeProblems, officialProblems, type LetterSettingsInput } from '../../common/contract/letters';
import { inProcessHost } from '../helpers/inproc';
import { draftedLetter, letterOffice } from '../helpers/letters';

const MM = 72 / 25.4;

describe('kop surat: checked in full, and printed as set', () => {
  it('names every wrong field at once, in Indonesian, and saves nothing', async () => {
    const h = inProcessHost(new Date('2026-11-20T02:00:00Z'));
    const { tokens } = await h.setup();
    const before = (await h.ok('letters.setup', {}, tokens.admin)).settings;
    expect(letterSettingsProblems(before)).toEqual({});
    const bad: LetterSettingsInput = {
      ...before,
      government: 'Kabupaten Musi Banyuasin',
      officeName: '  ',
      officePhone: 'telp kantor',
      email: 'dinkes@',
      website: 'bukan laman',
      emblem: 'data:image/gif;base64,R0lGODlh',
      place: '',
      paper: 'B5',
      font: 'Comic Sans',
      fontSize: 20,
      marginsMm: { top: 3, right: 20, bottom: 60, left: 25 },
      verifyBaseUrl: 'loket/verifikasi',
    };
    const r = await h.call('letters.saveSettings', bad, tokens.admin);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('VALIDATION');
    expect(r.error.fields).toEqual({
      government: 'Diawali kata PEMERINTAH, mis. PEMERINTAH KABUPATEN MUSI BANYUASIN.',
      officeName: 'Wajib diisi, mis. DINAS KESEHATAN.',
      officePhone: 'Tulis nomor telepon kantor dengan angka, mis. (0714) 321234.',
      email: 'Alamat pos-el tidak valid, mis. dinkes@mubakab.go.id.',
      website: 'Laman tidak valid, mis. dinkes.mubakab.go.id.',
      emblem: 'Lambang daerah harus berkas PNG atau JPEG.',
      place: 'Wajib diisi, mis. Sekayu.',
      paper: 'Pilih A4 atau F4.',
      font: 'Pilih Helvetica atau Times.',
      fontSize: 'Ukuran huruf 9 sampai 14 pt (bilangan bulat).',
      'marginsMm.top': 'Margin 5 sampai 50 mm.',
      'marginsMm.bottom': 'Margin 5 sampai 50 mm.',
      verifyBaseUrl: 'Tulis alamat lengkap yang diawali https://, mis. https://dinkes.mubakab.go.id/verifikasi.',
    });
    expect(r.error.message).toMatch(/^Kop surat belum disimpan: 13 isian belum benar\. Diawali kata PEMERINTAH/);
    // margins that leave no room for the letter, on F4
    expect(letterSettingsProblems({ ...before, paper: 'F4', marginsMm: { top: 50, right: 50, bottom: 50, left: 50 } })).toEqual({
      'marginsMm.right': 'Margin kiri dan kanan terlalu lebar: isi surat perlu paling sedikit 120 mm (kertas F4 lebarnya 215 mm).',
    });
    expect((await h.ok('letters.setup', {}, tokens.admin)).settings).toEqual(before);
    // signers, hospitals and wording are checked the same way
    const off = await h.call('officials.save', { id: null, userId: null, name: 'X', title: '', rank: '', nip: '123', signatureImage: null, stampImage: 'data:image/png;base64,AAAA', active: true }, tokens.admin);
    // (the contract's own check answers first there, with its general wording; the form shows the specific one)
    expect(Object.keys(off.ok ? {} : off.error.fields ?? {}).sort()).toEqual(['nip', 'title']);
    expect(officialProblems({ name: 'X', title: '', rank: '', nip: '123', signatureImage: null, stampImage: 'data:image/png;base64,AAAA' })).toEqual({
      title: 'Wajib diisi, mis. Kepala Dinas Kesehatan Kabupaten Musi Banyuasin.',
      nip: 'NIP 18 angka (boleh dengan spasi: 19670401 200003 1 006), atau kosong.',
    });
    expect(hospitalProblems({ name: '', addressee: '', city: 'Palembang', requiredDocs: Array(31).fill('KTP') })).toEqual({
      name: 'Wajib diisi, mis. RSUD Palembang BARI.',
      addressee: 'Wajib diisi, mis. Direktur RSUD Palembang BARI.',
      requiredDocs: 'Paling banyak 30 berkas.',
    });
    expect(Object.keys(letterTypeProblems({ name: 'Surat', numberPattern: '400/{urut}', subject: '', opening: 'x', closing: 'y', requiredDocs: [] }))).toEqual(['numberPattern', 'subject']);
  });

  it('a changed kop, F4 paper, Times and wider margins are what the signed letter prints', async () => {
    const h = inProcessHost(new Date('2026-11-20T02:00:00Z'));
    const { tokens, deskToken } = await h.setup();
    const o = await letterOffice(h.ok, tokens.admin!, deskToken);
    const emblem = await sharp({ create: { width: 120, height: 140, channels: 3, background: { r: 200, g: 20, b: 20 } } }).png().toBuffer();
    const settings = (await h.ok('letters.setup', {}, tokens.admin)).settings;
    const saved = await h.ok('letters.saveSettings', {
      ...settings,
      government: 'Pemerintah Kabupaten Ogan Komering Ulu',
      officeName: 'Dinas Kesehatan Daerah',
      address: 'Jalan Dr. Mohammad Hatta No. 7, Baturaja 32111',
      officePhone: '(0735) 320 123',
      email: 'dinkes@okukab.go.id',
      website: 'dinkes.okukab.go.id',
      closingLine: 'BATURAJA',
      emblem: `data:image/png;base64,${emblem.toString('base64')}`,
      place: 'Baturaja',
      paper: 'F4',
      font: 'Times',
      fontSize: 12,
      marginsMm: { top: 20, right: 20, bottom: 25, left: 30 },
      verifyBaseUrl: 'https://dinkes.okukab.go.id/verifikasi',
    }, tokens.admin);
    expect(saved.paper).toBe('F4');

    const id = await draftedLetter(h.ok, o.tim.token, 9301);
    const { number } = await h.ok('letters.approve', { id }, o.lead.token);
    await h.ok('letters.sign', { id }, o.head.token);
    const pdf = await h.ok('letters.pdf', { id }, o.tim.token);
    expect(pdf.archived).toBe(true);
    const file = join(h.dir, 'surat.pdf');
    writeFileSync(file, Buffer.from(pdf.base64, 'base64'));

    // (a long PEMERINTAH line wraps beside the emblem: compare with the lines joined)
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString().replace(/\s+/g, ' ');
    for (const s of [
      'PEMERINTAH KABUPATEN OGAN KOMERING ULU', 'DINAS KESEHATAN DAERAH', 'Jalan Dr. Mohammad Hatta No. 7, Baturaja 32111',
      'Telepon (0735) 320 123', 'Pos-el dinkes@okukab.go.id', 'Laman dinkes.okukab.go.id', 'BATURAJA', 'Baturaja, 20 November 2026', number!,
    ])
      expect(text, s).toContain(s);
    expect(text).not.toMatch(/PEMERINTAH KABUPATEN MUSI BANYUASIN|Jalan Merdeka/); // the seed's kop is gone
    const info = execFileSync('pdfinfo', [file]).toString();
    expect(info).toMatch(/Page size:\s+609\.4\d* x 935\.4\d* pts/); // F4, 215 × 330 mm
    const fonts = execFileSync('pdffonts', [file]).toString();
    expect(fonts).toContain('Times-Roman');
    expect(fonts).toContain('Times-Bold');
    expect(fonts).not.toContain('Helvetica');
    const images = execFileSync('pdfimages', ['-list', file]).toString().trim().split('\n').slice(2);
    expect(images).toHaveLength(1); // the emblem (the QR code is drawn, not an image)
    expect(images[0]).toMatch(/^\s*1\s+0\s+image\s+120\s+140\b/);
    // The text starts at the left margin (30 mm) and the kop line sits below the top margin (20 mm).
    const words = [...execFileSync('pdftotext', ['-bbox', file, '-']).toString().matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">([^<]*)<\/word>/g)]
      .map((m) => ({ x: Number(m[1]), y: Number(m[2]), w: m[3]! }));
    const left = Math.min(...words.map((w) => w.x));
    expect(left).toBeGreaterThanOrEqual(30 * MM - 1);
    expect(left).toBeLessThan(30 * MM + 3);
    expect(Math.min(...words.map((w) => w.y))).toBeGreaterThanOrEqual(20 * MM - 1);
    expect(words.find((w) => w.w === 'Nomor')!.x).toBeLessThan(30 * MM + 3);
  }, 60_000);
});
