// Queue tickets on an ESC/POS thermal printer over TCP (port 9100, "raw"/JetDirect). A small encoder
// instead of npm node-thermal-printer: a ticket needs a dozen commands (initialise, align, size,
// bold, QR, cut), the package brings printer-model tables, image and USB code (and its own
// dependencies) for features a queue ticket does not use, and the bytes here are easy to test by
// decoding them back. Text is sent as plain ASCII: every ESC/POS code page agrees on it.
import { connect } from 'node:net';

const ESC = 0x1b;
const GS = 0x1d;

export interface TicketLine {
  text: string;
  align?: 'left' | 'center';
  /** 1 = normal, 2 = double width and height, 3 = triple. */
  size?: 1 | 2 | 3;
  bold?: boolean;
}

/** Letters outside ASCII lose their accents (é → e); anything else becomes '?'. */
export const asciiOnly = (s: string): string => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^\x20-\x7e]/g, '?');

function qrBytes(data: string): number[] {
  const bytes = [...Buffer.from(asciiOnly(data), 'ascii')];
  const len = bytes.length + 3;
  return [
    GS, 0x28, 0x6b, 4, 0, 0x31, 0x41, 0x32, 0, // model 2
    GS, 0x28, 0x6b, 3, 0, 0x31, 0x43, 6, // module size 6 dots
    GS, 0x28, 0x6b, 3, 0, 0x31, 0x45, 0x31, // error correction M
    GS, 0x28, 0x6b, len & 0xff, len >> 8, 0x31, 0x50, 0x30, ...bytes, // store
    GS, 0x28, 0x6b, 3, 0, 0x31, 0x51, 0x30, // print
  ];
}

export function encodeTicket(lines: TicketLine[], qr: string | null): Buffer {
  const out: number[] = [ESC, 0x40];
  for (const l of lines) {
    const size = (l.size ?? 1) - 1;
    out.push(ESC, 0x61, l.align === 'left' ? 0 : 1, GS, 0x21, (size << 4) | size, ESC, 0x45, l.bold ? 1 : 0);
    out.push(...Buffer.from(asciiOnly(l.text), 'ascii'), 0x0a);
  }
  out.push(ESC, 0x61, 1, GS, 0x21, 0, ESC, 0x45, 0);
  if (qr) out.push(...qrBytes(qr), 0x0a);
  // feed 4 lines, then a partial cut
  out.push(ESC, 0x64, 4, GS, 0x56, 0x42, 0);
  return Buffer.from(out);
}

/** "host:port" (port 9100 when left out), or null when it does not read as one. */
export function parsePrinterAddress(addr: string): { host: string; port: number } | null {
  const m = /^([A-Za-z0-9.-]+)(?::(\d{1,5}))?$/.exec(addr.trim());
  if (!m) return null;
  const port = m[2] ? Number(m[2]) : 9100;
  return port > 0 && port < 65536 ? { host: m[1]!, port } : null;
}

export class EscPosError extends Error {}

/** Sends the bytes and resolves once the printer has taken them all and the connection closed. */
export function sendRaw(addr: { host: string; port: number }, bytes: Buffer, timeoutMs = 5_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: addr.host, port: addr.port });
    const fail = (why: string) => {
      socket.destroy();
      reject(new EscPosError(why));
    };
    socket.setTimeout(timeoutMs, () => fail(`printer struk ${addr.host}:${addr.port} tidak menjawab`));
    socket.once('error', (err: NodeJS.ErrnoException) =>
      fail(err.code === 'ECONNREFUSED' ? `printer struk ${addr.host}:${addr.port} menolak sambungan (mati atau alamat salah)` : `printer struk ${addr.host}:${addr.port} tidak dapat dihubungi (${err.code ?? err.message})`),
    );
    socket.once('connect', () => socket.end(bytes));
    socket.once('close', (hadError) => {
      if (!hadError) resolve();
    });
  });
}
