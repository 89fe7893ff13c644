// The one parser of start-up flags and environment variables, for the Electron entry and the
// headless host alike. Flags win over environment variables; what neither gives is null.
import { parseArgs } from 'node:util';
import { normalizeFingerprint } from '../../common/domain/fingerprint';
import { isSafeExternalUrl } from './windowOptions';

export type LaunchMode = 'host' | 'desk';

export interface LaunchOptions {
  mode: LaunchMode;
  /** Desk mode: the host's address; host mode: null (the host's own address is known after start). */
  hostUrl: string | null;
  /**
   * Desk mode with an https host: SHA-256 of the host's certificate (`AB:CD:…`), shown to the admin
   * with the pairing code; the desk talks to nothing else. null for a desk on the host PC (http).
   */
  hostFingerprint: string | null;
  /** null: Electron's userData folder. */
  dataDir: string | null;
  /**
   * Host mode, from `--port`/`--bind` or LOKET_PORT/LOKET_BIND. null: not given, so the host uses
   * the admin's saved choice (Admin → Jaringan), else 127.0.0.1:4700.
   */
  port: number | null;
  bindAddress: string | null;
  /** Host mode, `--tls-port` or LOKET_TLS_PORT; null: the HTTP port + 1. */
  tlsPort: number | null;
  devTools: boolean;
}

export type LaunchResult = { ok: true; options: LaunchOptions } | { ok: false; message: string };

const DESK_USAGE = 'Contoh: --host-url https://192.168.1.10:4701 --host-fingerprint AB:CD:… (alamat dan sidik jari ada di Admin → Meja → Buat kode pemasangan → Detail teknis).';

/** The host PC itself: the only place a desk may use plain http, since nothing crosses the LAN. */
const isThisPc = (hostname: string): boolean => hostname === 'localhost' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);

/**
 * `--mode host|desk`, `--host-url URL` + `--host-fingerprint AB:CD:…` (desk), `--data-dir DIR` or
 * LOKET_DATA_DIR, `--port`, `--tls-port`, `--bind`, `--devtools`. Unknown switches are Chromium's or
 * Electron's and are left alone. Messages are for the person who started the app, in Indonesian.
 */
export function parseLaunchArgs(argv: readonly string[], env: Record<string, string | undefined>): LaunchResult {
  const { values } = parseArgs({
    args: argv.slice(1),
    strict: false,
    allowPositionals: true,
    options: {
      mode: { type: 'string' },
      'host-url': { type: 'string' },
      'host-fingerprint': { type: 'string' },
      'data-dir': { type: 'string' },
      port: { type: 'string' },
      'tls-port': { type: 'string' },
      bind: { type: 'string' },
      devtools: { type: 'boolean' },
    },
  });
  const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
  const mode = str(values.mode) ?? env.LOKET_MODE ?? 'host';
  if (mode !== 'host' && mode !== 'desk') return { ok: false, message: `Mode "${mode}" tidak dikenal. Gunakan --mode host atau --mode desk.` };
  const portOf = (text: string | undefined): number | null | undefined => {
    const port = text === undefined ? null : Number(text);
    return port !== null && (!Number.isInteger(port) || port < 0 || port > 65535) ? undefined : port;
  };
  const portText = str(values.port) ?? str(env.LOKET_PORT);
  const port = portOf(portText);
  if (port === undefined) return { ok: false, message: `nomor port "${portText}" tidak valid.` };
  const tlsText = str(values['tls-port']) ?? str(env.LOKET_TLS_PORT);
  const tlsPort = portOf(tlsText);
  if (tlsPort === undefined) return { ok: false, message: `nomor port HTTPS (--tls-port) "${tlsText}" tidak valid.` };
  let hostUrl: string | null = null;
  let hostFingerprint: string | null = null;
  if (mode === 'desk') {
    const raw = str(values['host-url']) ?? env.LOKET_HOST_URL;
    if (!raw) return { ok: false, message: `Mode desk memerlukan alamat komputer utama. ${DESK_USAGE}` };
    if (!isSafeExternalUrl(raw)) return { ok: false, message: `Alamat komputer utama "${raw}" tidak valid. ${DESK_USAGE}` };
    const url = new URL(raw);
    hostUrl = url.origin;
    const pin = str(values['host-fingerprint']) ?? str(env.LOKET_HOST_FINGERPRINT);
    if (url.protocol === 'http:') {
      if (!isThisPc(url.hostname))
        return {
          ok: false,
          message:
            `Meja tidak boleh tersambung ke komputer utama lewat http:// (${hostUrl}): data pribadi warga (NIK, KK, nama) ` +
            `akan melintasi jaringan kantor tanpa sandi dan dapat disadap. Gunakan alamat https:// komputer utama beserta sidik jari ` +
            `sertifikatnya. ${DESK_USAGE}`,
        };
    } else {
      if (!pin) return { ok: false, message: `Alamat https:// memerlukan sidik jari sertifikat komputer utama (--host-fingerprint). ${DESK_USAGE}` };
      hostFingerprint = normalizeFingerprint(pin);
      if (!hostFingerprint)
        return { ok: false, message: `Sidik jari sertifikat "${pin}" tidak valid: harus 32 pasang angka heksadesimal. ${DESK_USAGE}` };
    }
  }
  return {
    ok: true,
    options: {
      mode,
      hostUrl,
      hostFingerprint,
      dataDir: str(values['data-dir']) ?? env.LOKET_DATA_DIR ?? null,
      port,
      bindAddress: str(values.bind) ?? str(env.LOKET_BIND) ?? null,
      tlsPort,
      devTools: values.devtools === true,
    },
  };
}
