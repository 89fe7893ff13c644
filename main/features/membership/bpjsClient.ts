// The BPJS bridging client for P-Care and VClaim, as ../shared/bpjs-bridging.md says: signed
// headers, AES-256-CBC + LZ-String responses in a metaData/response envelope, a timeout per request
// and a few retries with the one backoff rule. Every outcome is a BpjsResult; nothing throws out.
// Secrets are used here and never put into a message or a log.
import { createDecipheriv, createHash, createHmac } from 'node:crypto';
import LZString from 'lz-string';

// lz-string is CommonJS: its default export works under Node's ESM loader, vitest and esbuild alike.
const { decompressFromEncodedURIComponent } = LZString;
import { backoffDelayMs } from '../../../common/domain/backoff';
import { BPJS_ATTEMPTS, BPJS_ATTEMPT_RETRY, type BpjsResult, type InactiveReason } from '../../../common/domain/membership';
import { maskNik } from '../../../common/domain/letterFlow';

export interface BpjsConfig {
  service: 'pcare' | 'vclaim';
  pcareUrl: string;
  vclaimUrl: string;
  consId: string;
  secret: string;
  userKey: string;
  pcareUser: string;
  pcarePassword: string;
  appCode: string;
  timeoutMs: number;
}

export const hmacBase64 = (key: string, message: string): string => createHmac('sha256', key).update(message, 'utf8').digest('base64');

/** X-signature: base64(HMAC-SHA256(secret, consId & timestamp)). */
export const bpjsSignature = (consId: string, timestamp: string, secret: string): string => hmacBase64(secret, `${consId}&${timestamp}`);

export function bpjsHeaders(config: BpjsConfig, timestamp: string): Record<string, string> {
  const headers: Record<string, string> = {
    'X-cons-id': config.consId,
    'X-timestamp': timestamp,
    'X-signature': bpjsSignature(config.consId, timestamp, config.secret),
    user_key: config.userKey,
    Accept: 'application/json',
  };
  if (config.service === 'pcare')
    headers['X-authorization'] = `Basic ${Buffer.from(`${config.pcareUser}:${config.pcarePassword}:${config.appCode}`).toString('base64')}`;
  return headers;
}

/** The response field: AES-256-CBC, key SHA-256(consId+secret+timestamp), IV its first 16 bytes, then LZ-String. */
export function decryptResponse(cipherText: string, consId: string, secret: string, timestamp: string): string | null {
  try {
    const key = createHash('sha256').update(consId + secret + timestamp, 'utf8').digest();
    const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16));
    const plain = Buffer.concat([decipher.update(Buffer.from(cipherText, 'base64')), decipher.final()]).toString('utf8');
    const json = decompressFromEncodedURIComponent(plain);
    return json ? json : null;
  } catch {
    return null;
  }
}

type Attempt = { result: BpjsResult; transient: boolean };
const error = (reason: string, transient = false): Attempt => ({ result: { kind: 'error', reason }, transient });

const DUPLICATE = /ganda|duplikat|lebih dari satu/i;
const AUTH = /unauthori[sz]ed|signature|cons[- ]?id|user[_ ]?key|kredensial|credential|authori[sz]ation|forbidden/i;

function inactiveReason(text: string, arrears: number): InactiveReason {
  if (/meninggal/i.test(text)) return 'deceased';
  if (/premi|tunggak|menunggak/i.test(text) || arrears > 0) return 'arrears';
  return 'other';
}

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (v && typeof v === 'object' ? (v as Json) : {});
const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

function pcareMember(m: Json, nik: string): Attempt {
  const ktp = str(m.noKTP);
  if (ktp && ktp !== nik) return error(`BPJS menjawab untuk NIK lain (${maskNik(ktp)}), bukan ${maskNik(nik)}; hasil tidak dipakai.`);
  if (!m.noKartu && m.aktif === undefined) return error('Jawaban BPJS tidak memuat data peserta yang dikenal.');
  const participant = obj(m.jnsPeserta);
  const base = { cardNo: str(m.noKartu), name: str(m.nama), participantName: str(participant.nama) };
  if (m.aktif === true)
    return {
      result: { kind: 'active', ...base, className: str(obj(m.jnsKelas).nama), participantCode: str(participant.kode), provider: str(obj(m.kdProviderPst).nmProvider) },
      transient: false,
    };
  const reason = str(m.ketAktif) || 'Tidak aktif';
  return { result: { kind: 'inactive', ...base, reasonCode: inactiveReason(reason, Number(m.tunggakan) || 0), reason }, transient: false };
}

function vclaimMember(r: Json, nik: string): Attempt {
  const p = obj(r.peserta);
  const theirs = str(p.nik);
  if (theirs && theirs !== nik) return error(`BPJS menjawab untuk NIK lain (${maskNik(theirs)}), bukan ${maskNik(nik)}; hasil tidak dipakai.`);
  const status = obj(p.statusPeserta);
  const kind = obj(p.jenisPeserta);
  const base = { cardNo: str(p.noKartu), name: str(p.nama), participantName: str(kind.keterangan) };
  const code = str(status.kode);
  if (code === '0')
    return {
      result: { kind: 'active', ...base, className: str(obj(p.hakKelas).keterangan), participantCode: str(kind.kode), provider: str(obj(p.provUmum).nmProvider) },
      transient: false,
    };
  if (!code) return error('Jawaban BPJS tidak memuat status peserta.');
  const reasonCode: InactiveReason = code === '9' ? 'arrears' : code === '2' ? 'deceased' : 'other';
  return { result: { kind: 'inactive', ...base, reasonCode, reason: str(status.keterangan) || 'Tidak aktif' }, transient: false };
}

/** One envelope, read as the service's own rules say. */
export function readEnvelope(config: BpjsConfig, body: string, nik: string, timestamp: string): Attempt {
  if (body.trim() === '') return error('BPJS mengirim jawaban kosong.', true);
  if (/^\s*</.test(body)) return error('BPJS mengirim halaman web (HTML), bukan data; layanan mungkin sedang gangguan.', true);
  let parsed: Json;
  try {
    parsed = obj(JSON.parse(body));
  } catch {
    return error('Jawaban BPJS tidak dapat dibaca (bukan data JSON).');
  }
  const meta = obj(parsed.metaData ?? parsed.metadata);
  if (meta.code === undefined) return error('Jawaban BPJS tidak memakai format metaData/response yang dikenal.');
  const code = str(meta.code);
  const message = str(meta.message);
  const response = parsed.response;
  if (code !== '200') {
    if (Number(code) >= 500) return error(`Layanan BPJS sedang gangguan (kode ${code}: ${message || 'tanpa keterangan'}).`, true);
    if (code === '401' || code === '403' || AUTH.test(message))
      return error(`BPJS menolak kredensial (${code}: ${message || 'tanpa keterangan'}). Periksa pengaturan BPJS di menu Admin.`);
    if (DUPLICATE.test(message)) return { result: { kind: 'not_found', duplicateNik: true, reason: message }, transient: false };
    if (config.service === 'vclaim' ? code === '201' : response === null || response === undefined)
      return { result: { kind: 'not_found', duplicateNik: false, reason: message || 'Peserta tidak ditemukan' }, transient: false };
    return error(`BPJS menjawab kode ${code}: ${message || 'tanpa keterangan'}.`);
  }
  let data: unknown = response;
  if (typeof response === 'string') {
    const json = decryptResponse(response, config.consId, config.secret, timestamp);
    if (json === null) return error('Jawaban BPJS tidak dapat dibuka dengan kunci yang tersimpan (periksa consumer ID dan secret).');
    try {
      data = JSON.parse(json);
    } catch {
      return error('Isi jawaban BPJS setelah dibuka tidak dapat dibaca.');
    }
  }
  if (!data || typeof data !== 'object') return error('Jawaban BPJS tidak memuat data peserta.');
  return config.service === 'vclaim' ? vclaimMember(obj(data), nik) : pcareMember(obj(data), nik);
}

export interface CheckOptions {
  /** yyyy-MM-dd (VClaim asks membership at a date: the office's today). */
  date: string;
  /** Seconds since 1970 for X-timestamp: BPJS's clock is the real one, not a test's. */
  clock?: () => number;
  sleep?: (ms: number) => Promise<void>;
  attempts?: number;
}

function endpoint(config: BpjsConfig, nik: string, date: string): string {
  const base = (config.service === 'vclaim' ? config.vclaimUrl : config.pcareUrl).replace(/\/+$/, '');
  return config.service === 'vclaim' ? `${base}/Peserta/nik/${nik}/tglSEP/${date}` : `${base}/peserta/nik/${nik}`;
}

async function attemptOnce(config: BpjsConfig, nik: string, opts: CheckOptions): Promise<Attempt> {
  const timestamp = String(Math.floor((opts.clock ?? Date.now)() / 1000));
  let res: Response;
  try {
    res = await fetch(endpoint(config, nik, opts.date), { headers: bpjsHeaders(config, timestamp), signal: AbortSignal.timeout(config.timeoutMs) });
  } catch (err) {
    const name = (err as Error).name;
    if (name === 'TimeoutError' || name === 'AbortError')
      return error(`BPJS tidak menjawab dalam ${Math.round(config.timeoutMs / 1000)} detik.`);
    return error('Layanan BPJS tidak dapat dihubungi (jaringan atau alamat layanan).', true);
  }
  let body: string;
  try {
    body = await res.text();
  } catch {
    return error(`Jawaban BPJS terputus atau melewati batas ${Math.round(config.timeoutMs / 1000)} detik.`);
  }
  if (res.status >= 500 && !/^\s*[{<]/.test(body)) return error(`Layanan BPJS sedang gangguan (HTTP ${res.status}).`, true);
  return readEnvelope(config, body, nik, timestamp);
}

/** Checks one NIK: bounded retries for transient failures, then the last answer. */
export async function checkNikAtBpjs(config: BpjsConfig, nik: string, opts: CheckOptions): Promise<BpjsResult> {
  const attempts = opts.attempts ?? BPJS_ATTEMPTS;
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  let last: Attempt = error('BPJS belum dicoba.');
  for (let i = 0; i < attempts; i++) {
    last = await attemptOnce(config, nik, opts);
    if (!last.transient) break;
    if (i + 1 < attempts) await sleep(backoffDelayMs(i, BPJS_ATTEMPT_RETRY));
  }
  return last.result;
}
