// pdfmake keeps its fonts on one module-wide instance: every paper the host makes (tickets, letters,
// forms, sheets) must share one set-up, or the last one set wins. A letter in Times after a
// ticket was the case that broke: the ticket's set-up had left Helvetica only.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ticketPdf } from '../../main/features/devices/ticketPdf';
import { letterPdf } from '../../main/features/letters/letterPdf';
import type { LetterSettings, Ticket } from '../../common/contract/index';

const settings: LetterSettings = {
  government: 'Pemerintah Kabupaten Musi Banyuasin', officeName: 'Dinas Kesehatan', address: 'Jl. Kolonel Wahid Udin No. 1, Sekayu',
  officePhone: '', email: '', website: '', closingLine: '', emblem: null, place: 'Sekayu', paper: 'A4', font: 'Times', fontSize: 12,
  marginsMm: { top: 20, right: 20, bottom: 20, left: 25 }, verifyBaseUrl: 'https://loket.example/v',
} as LetterSettings;

const ticket = { id: 't1', label: 'A-001', serviceCode: 'A', serviceName: 'Kepesertaan JKN', issuedAt: '2026-11-25T01:00:00.000Z' } as Ticket;

describe('one pdfmake set-up for every paper', () => {
  it('makes a letter in Times after a ticket in Helvetica, and the text reads back in Times', async () => {
    const letter = () => letterPdf(settings, {
      kind: 'rekomendasi', typeName: 'Surat Rekomendasi', number: '400.7/1/Dinkes/2026', placeAndDate: 'Sekayu, 25 November 2026', sifat: 'Biasa',
      lampiran: '-', subject: 'Rekomendasi', addressee: 'Direktur RSUD', city: 'Palembang', body: 'Isi surat.', tembusan: [], signature: null,
      signatureImage: null, stampImage: null, verifyUrl: null, verifyCode: null, madeAt: new Date('2026-11-25T02:00:00Z'), draft: true,
    });
    // A letter, then a ticket (another paper of the same host), then a letter again.
    await letter();
    await ticketPdf(ticket, { officeName: 'Dinas Kesehatan', timeZone: 'Asia/Jakarta', ahead: 0, waitMinutes: null } as never);
    const pdf = await letter();
    const file = join(mkdtempSync(join(tmpdir(), 'loket-pdf-')), 'letter.pdf');
    writeFileSync(file, pdf);
    expect(execFileSync('pdffonts', [file], { encoding: 'utf8' })).toMatch(/Times-Roman/);
  });
});
