// Queue tickets on an ESC/POS thermal printer over TCP: a real listener on 127.0.0.1 takes the bytes
// and the test decodes them back to text; a closed port gives the reprint path with the same number.
import { createServer, type Server } from 'node:net';
import { describe, expect, it } from 'vitest';
import { encodeTicket } from '../../main/features/devices/escpos';
import { inProcessHost } from '../helpers/inproc';
import { freePort } from '../helpers/host';

/** ESC/POS bytes back to { text lines, qr data, cut }: every command the encoder uses is understood. */
function decode(b: Buffer): { lines: string[]; qr: string | null; cut: boolean } {
  let text = '';
  let qr: string | null = null;
  let cut = false;
  for (let i = 0; i < b.length; ) {
    const c = b[i]!;
    if (c === 0x1b) {
      const op = b[i + 1];
      if (op === 0x40) i += 2;
      else if (op === 0x61 || op === 0x45 || op === 0x64) i += 3;
      else throw new Error(`unknown ESC ${op}`);
    } else if (c === 0x1d) {
      const op = b[i + 1];
      if (op === 0x21) i += 3;
      else if (op === 0x56) {
        cut = true;
        i += 4;
      } else if (op === 0x28 && b[i + 2] === 0x6b) {
        const len = b[i + 3]! + (b[i + 4]! << 8);
        if (b[i + 6] === 0x50) qr = b.subarray(i + 8, i + 5 + len).toString('ascii');
        i += 5 + len;
      } else throw new Error(`unknown GS ${op}`);
    } else {
      text += String.fromCharCode(c);
      i += 1;
    }
  }
  return { lines: text.split('\n').map((l) => l.trim()).filter(Boolean), qr, cut };
}

function listener(port: number): Promise<{ server: Server; received: Promise<Buffer> }> {
  return new Promise((resolve) => {
    let done: (b: Buffer) => void = () => {};
    const received = new Promise<Buffer>((r) => (done = r));
    const server = createServer((socket) => {
      const chunks: Buffer[] = [];
      socket.on('data', (d) => chunks.push(d));
      socket.on('end', () => {
        socket.end();
        done(Buffer.concat(chunks));
      });
    });
    server.listen(port, '127.0.0.1', () => resolve({ server, received }));
  });
}

describe('ESC/POS ticket printer over TCP', () => {
  it('encodes text, size, QR and cut that decode back', () => {
    const d = decode(encodeTicket([{ text: 'Dinas Kesehatan', bold: true }, { text: 'A-001', size: 3 }, { text: 'Pelayanan Café' }], 'http://x/v/abc'));
    expect(d).toEqual({ lines: ['Dinas Kesehatan', 'A-001', 'Pelayanan Cafe'], qr: 'http://x/v/abc', cut: true });
  });

  it('prints the ticket on the listener; a closed port reports the reprint path and the same number prints later', async () => {
    const h = inProcessHost(new Date());
    const { tokens } = await h.setup();
    const port = await freePort();
    await h.ok('settings.devices', { ticketPrinter: null, ticketPrinterTcp: `127.0.0.1:${port}` }, tokens.admin);

    // Nothing listens yet: refused, reported, the ticket stays valid.
    const t = await h.ok('queue.issue', { serviceCode: 'A', priority: null }, tokens.satpam1);
    const failed = await h.call('queue.printTicket', { ticketId: t.id }, tokens.satpam1);
    expect(failed).toMatchObject({ ok: false, error: { code: 'PRINTER_FAILED' } });
    if (!failed.ok) expect(failed.error.message).toMatch(new RegExp(`Tiket ${t.label} tidak tercetak: printer struk 127\\.0\\.0\\.1:${port} menolak sambungan.*Cetak ulang`));
    const board = await h.ok('queue.board', { stage: 'resepsionis' }, tokens.resep1);
    expect(board.waiting.map((x) => x.label)).toContain(t.label);

    // The printer is back: the reprint carries the same number.
    const { server, received } = await listener(port);
    try {
      const printed = await h.ok('queue.printTicket', { ticketId: t.id }, tokens.satpam1);
      expect(printed.printer).toBe(`127.0.0.1:${port}`);
      const d = decode(await received);
      expect(d.lines).toContain(t.label);
      expect(d.lines).toContain('NOMOR ANTREAN');
      expect(d.lines.join(' ')).toContain('Dinas Kesehatan Kabupaten Musi Banyuasin');
      expect(d.cut).toBe(true);
    } finally {
      server.close();
    }
  });
});
