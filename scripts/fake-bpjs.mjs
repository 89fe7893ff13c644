#!/usr/bin/env node
// A faithful stand-in for BPJS Kesehatan's P-Care and VClaim bridging services (see
// ../shared/bpjs-bridging.md), for development, tests and benchmarks. It checks X-cons-id,
// X-signature, the timestamp's skew, user_key and (P-Care) X-authorization; it encrypts each
// response as BPJS does (LZ-String compressToEncodedURIComponent, then AES-256-CBC with key
// SHA-256(consId + secret + timestamp) and IV its first 16 bytes, base64). Written on its own,
// not with the client's code, so the client's decryption is tested against an independent encoder.
//
// Scenarios are chosen by the NIK's last four digits (the serial):
//   0001 active PBI APBN      0002 active PBI APBD       0003 active self-paying (mandiri)
//   0004 inactive, arrears    0005 deceased              0006 not found
//   0007 NIK duplicated       0008 slow (slowMs)         0009 server error 500
//   0010 HTML error page      0011 bad credentials       0012 garbage (not JSON)
//   0013 empty body           0014 answer for another NIK 0015 encrypted with a wrong key
//   anything else: active PBI APBN.
// `npm run fake-bpjs` listens on 127.0.0.1:4790 (FAKE_BPJS_PORT) and prints its address and
// credentials as one JSON line.
import { createCipheriv, createHash, createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import { pathToFileURL } from 'node:url';
import lz from 'lz-string';

export const FAKE_CREDENTIALS = {
  consId: '29381',
  secret: 'rahasia-simulator',
  userKey: 'userkey-simulator',
  pcareUser: 'puskesmas01',
  pcarePassword: 'Sandi#01',
  appCode: '095',
};

function encrypt(text, consId, secret, timestamp) {
  const key = createHash('sha256').update(`${consId}${secret}${timestamp}`).digest();
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16));
  return Buffer.concat([cipher.update(lz.compressToEncodedURIComponent(text), 'utf8'), cipher.final()]).toString('base64');
}

const ddmmyyyy = (nik) => {
  let dd = Number(nik.slice(6, 8));
  if (dd > 40) dd -= 40;
  const yy = Number(nik.slice(10, 12));
  return `${String(dd).padStart(2, '0')}-${nik.slice(8, 10)}-${yy > 30 ? 1900 + yy : 2000 + yy}`;
};

const PARTICIPANT = {
  pbiApbn: { kode: '21', nama: 'PBI (APBN)' },
  pbiApbd: { kode: '22', nama: 'PBI (APBD)' },
  mandiri: { kode: '14', nama: 'PEKERJA MANDIRI' },
};

function pcareMember(nik, kind, overrides = {}) {
  return {
    noKartu: `000${nik.slice(6, 16)}`,
    nama: `PESERTA ${nik.slice(-4)}`,
    hubunganKeluarga: 'Peserta',
    sex: Number(nik.slice(6, 8)) > 40 ? 'P' : 'L',
    tglLahir: ddmmyyyy(nik),
    tglMulaiAktif: '01-01-2020',
    tglAkhirBerlaku: '01-01-2030',
    kdProviderPst: { kdProvider: '0114U163', nmProvider: 'PUSKESMAS SIMULATOR' },
    kdProviderGigi: { kdProvider: null, nmProvider: null },
    jnsKelas: { nama: 'KELAS III', kode: '3' },
    jnsPeserta: PARTICIPANT[kind],
    golDarah: '0',
    noHP: '',
    noKTP: nik,
    pstProl: '',
    pstPrb: '',
    aktif: true,
    ketAktif: 'AKTIF',
    asuransi: { kdAsuransi: null, nmAsuransi: null, noAsuransi: null, cob: false },
    tunggakan: 0,
    ...overrides,
  };
}

/** P-Care's member as VClaim words it. */
function vclaimPeserta(m, statusKode, statusKet) {
  return {
    peserta: {
      noKartu: m.noKartu, nik: m.noKTP, nama: m.nama, sex: m.sex, tglLahir: m.tglLahir.split('-').reverse().join('-'),
      statusPeserta: { kode: statusKode, keterangan: statusKet },
      jenisPeserta: { kode: m.jnsPeserta.kode, keterangan: m.jnsPeserta.nama },
      hakKelas: { kode: m.jnsKelas.kode, keterangan: m.jnsKelas.nama },
      provUmum: { kdProvider: m.kdProviderPst.kdProvider, nmProvider: m.kdProviderPst.nmProvider },
    },
  };
}

/** What the scenario answers: { status, body } or { member, vclaim } to encrypt, or { notFound }. */
function scenario(nik) {
  switch (nik.slice(-4)) {
    case '0002': return { member: pcareMember(nik, 'pbiApbd'), v: ['0', 'AKTIF'] };
    case '0003': return { member: pcareMember(nik, 'mandiri'), v: ['0', 'AKTIF'] };
    case '0004': return { member: pcareMember(nik, 'mandiri', { aktif: false, ketAktif: 'NON AKTIF KARENA PREMI', tunggakan: 1850000 }), v: ['9', 'NON AKTIF KARNA PREMI'] };
    case '0005': return { member: pcareMember(nik, 'mandiri', { aktif: false, ketAktif: 'NON AKTIF KARENA MENINGGAL' }), v: ['2', 'NON AKTIF KARENA MENINGGAL'] };
    case '0006': return { notFound: 'Peserta tidak ditemukan' };
    case '0007': return { notFound: 'NIK ganda: terdaftar lebih dari satu peserta', code: 412 };
    case '0008': return { member: pcareMember(nik, 'pbiApbn'), v: ['0', 'AKTIF'], slow: true };
    case '0009': return { status: 500, json: { metaData: { code: 500, message: 'Internal Server Error' }, response: null } };
    case '0010': return { status: 502, type: 'text/html', body: '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>' };
    case '0011': return { badCredentials: true };
    case '0012': return { status: 200, type: 'application/json', body: '{"metaData": {"code": 200, "mess' };
    case '0013': return { status: 200, type: 'application/json', body: '' };
    case '0014': return { member: pcareMember(`${nik.slice(0, 12)}9999`, 'pbiApbn'), v: ['0', 'AKTIF'] };
    case '0015': return { member: pcareMember(nik, 'pbiApbn'), v: ['0', 'AKTIF'], wrongKey: true };
    default: return { member: pcareMember(nik, 'pbiApbn'), v: ['0', 'AKTIF'] };
  }
}

export async function startFakeBpjs(options = {}) {
  const creds = { ...FAKE_CREDENTIALS, ...(options.credentials ?? {}) };
  const state = { latencyMs: options.latencyMs ?? 0, slowMs: options.slowMs ?? 5_000, outage: false, skewSec: options.skewSec ?? 300 };
  const requests = [];
  const sockets = new Set();

  const send = (res, status, type, body) => {
    res.writeHead(status, { 'content-type': type });
    res.end(body);
  };
  const envelope = (res, service, status, code, message, response) =>
    send(res, status, 'application/json', JSON.stringify({ metaData: { code: service === 'vclaim' ? String(code) : code, message }, response }));

  function authorised(req, service) {
    const h = req.headers;
    const ts = String(h['x-timestamp'] ?? '');
    if (h['x-cons-id'] !== creds.consId || !/^\d+$/.test(ts)) return 'cons id atau timestamp salah';
    if (Math.abs(Date.now() / 1000 - Number(ts)) > state.skewSec) return 'timestamp kedaluwarsa';
    const expected = createHmac('sha256', creds.secret).update(`${creds.consId}&${ts}`).digest('base64');
    if (h['x-signature'] !== expected) return 'signature salah';
    if (h.user_key !== creds.userKey) return 'user_key salah';
    if (service === 'pcare') {
      const basic = `Basic ${Buffer.from(`${creds.pcareUser}:${creds.pcarePassword}:${creds.appCode}`).toString('base64')}`;
      if (h['x-authorization'] !== basic) return 'X-authorization salah';
    }
    return null;
  }

  async function handle(req, res) {
    const url = new URL(req.url, 'http://x');
    const pcare = /^\/pcare-rest(?:-dev)?\/peserta\/nik\/(\d+)$/.exec(url.pathname);
    const vclaim = /^\/vclaim-rest(?:-dev)?\/Peserta\/nik\/(\d+)\/tglSEP\/(\d{4}-\d{2}-\d{2})$/.exec(url.pathname);
    const service = pcare ? 'pcare' : vclaim ? 'vclaim' : null;
    const nik = (pcare ?? vclaim)?.[1] ?? '';
    requests.push({ service, nik, at: Date.now() });
    if (state.latencyMs) await new Promise((r) => setTimeout(r, state.latencyMs));
    if (!service) return send(res, 404, 'text/html', '<html><body>Not Found</body></html>');
    const refused = authorised(req, service);
    const sc = scenario(nik);
    if (refused || sc.badCredentials) return envelope(res, service, 401, 401, `Unauthorized: ${refused ?? 'kredensial tidak terdaftar'}`, null);
    if (sc.slow) await new Promise((r) => setTimeout(r, state.slowMs));
    if (sc.body !== undefined) return send(res, sc.status, sc.type, sc.body);
    if (sc.json) return send(res, sc.status, 'application/json', JSON.stringify(sc.json));
    if (sc.notFound)
      return service === 'vclaim'
        ? envelope(res, service, 200, sc.code ? 202 : 201, sc.notFound, null)
        : envelope(res, service, 200, sc.code ?? 204, sc.notFound, null);
    const payload = service === 'vclaim' ? vclaimPeserta(sc.member, ...sc.v) : sc.member;
    const ts = String(req.headers['x-timestamp']);
    const secret = sc.wrongKey ? `${creds.secret}-lain` : creds.secret;
    return envelope(res, service, 200, 200, 'OK', encrypt(JSON.stringify(payload), creds.consId, secret, ts));
  }

  const server = createServer((req, res) => {
    if (state.outage) {
      req.socket.destroy();
      return;
    }
    handle(req, res).catch((err) => send(res, 500, 'text/plain', String(err)));
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve);
  });
  const { port } = server.address();
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    port,
    pcareUrl: `${url}/pcare-rest/`,
    vclaimUrl: `${url}/vclaim-rest/`,
    credentials: creds,
    requests,
    setLatency: (ms) => (state.latencyMs = ms),
    setSlowMs: (ms) => (state.slowMs = ms),
    /** true: every connection is dropped at once, as when the office's link or BPJS is down. */
    setOutage: (down) => (state.outage = down),
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const sim = await startFakeBpjs({ port: Number(process.env.FAKE_BPJS_PORT ?? 4790), latencyMs: Number(process.env.FAKE_BPJS_LATENCY_MS ?? 0) });
  console.log(JSON.stringify({ pcareUrl: sim.pcareUrl, vclaimUrl: sim.vclaimUrl, ...sim.credentials }));
}
