// Decryption and envelope reading, against responses made by an encoder written here (openssl-style
// AES-256-CBC via node:crypto and lz-string's compressor), not by the client's code.
import { createCipheriv, createHash } from 'node:crypto';
import { compressToEncodedURIComponent } from 'lz-string';
import { describe, expect, it } from 'vitest';
import { decryptResponse, readEnvelope, type BpjsConfig } from '../../main/features/membership/bpjsClient';
import { nextAction } from '../../common/domain/membership';

const consId = '1234';
const secret = 'pwd';
const ts = '1764288000';
const NIK = '3171014101900001';

function encode(json: unknown, key = `${consId}${secret}${ts}`): string {
  const k = createHash('sha256').update(key).digest();
  const c = createCipheriv('aes-256-cbc', k, k.subarray(0, 16));
  return Buffer.concat([c.update(compressToEncodedURIComponent(JSON.stringify(json)), 'utf8'), c.final()]).toString('base64');
}

const pcare: BpjsConfig = { service: 'pcare', pcareUrl: '', vclaimUrl: '', consId, secret, userKey: 'u', pcareUser: '', pcarePassword: '', appCode: '095', timeoutMs: 1000 };
const vclaim: BpjsConfig = { ...pcare, service: 'vclaim' };
const member = (over: Record<string, unknown> = {}) => ({
  noKartu: '0001234567890', nama: 'SITI', noKTP: NIK, aktif: true, ketAktif: 'AKTIF', tunggakan: 0,
  jnsKelas: { kode: '3', nama: 'KELAS III' }, jnsPeserta: { kode: '21', nama: 'PBI (APBN)' }, kdProviderPst: { kdProvider: 'X', nmProvider: 'PKM X' }, ...over,
});
const env = (code: number | string, message: string, response: unknown) => JSON.stringify({ metaData: { code, message }, response });

describe('BPJS responses', () => {
  it('decrypts and decompresses with key SHA-256(consId+secret+timestamp)', () => {
    const text = decryptResponse(encode({ hello: 'dunia', n: [1, 2, 3] }), consId, secret, ts);
    expect(JSON.parse(text!)).toEqual({ hello: 'dunia', n: [1, 2, 3] });
    expect(decryptResponse(encode({ a: 1 }), consId, secret, '1764288001')).toBeNull();
  });

  it('reads an active PBI member from P-Care', () => {
    const r = readEnvelope(pcare, env(200, 'OK', encode(member())), NIK, ts).result;
    expect(r).toMatchObject({ kind: 'active', participantCode: '21', className: 'KELAS III', cardNo: '0001234567890' });
    expect(nextAction(r, { hasCard: false })).toBe('request_eid');
    expect(nextAction(r, { hasCard: true })).toBe('continue');
  });

  it('reads arrears and death as inactive with their reasons', () => {
    const arrears = readEnvelope(pcare, env(200, 'OK', encode(member({ aktif: false, ketAktif: 'NON AKTIF KARENA PREMI', jnsPeserta: { kode: '14', nama: 'PEKERJA MANDIRI' } }))), NIK, ts).result;
    expect(arrears).toMatchObject({ kind: 'inactive', reasonCode: 'arrears' });
    expect(nextAction(arrears, { hasCard: false })).toBe('form_transfer');
    const dead = readEnvelope(pcare, env(200, 'OK', encode(member({ aktif: false, ketAktif: 'NON AKTIF KARENA MENINGGAL' }))), NIK, ts).result;
    expect(dead).toMatchObject({ kind: 'inactive', reasonCode: 'deceased' });
    expect(nextAction(dead, { hasCard: false })).toBe('officer_decides');
  });

  it('reads VClaim string codes: 201 is not found, statusPeserta 9 is arrears', () => {
    expect(readEnvelope(vclaim, env('201', 'Peserta Tidak Ditemukan', null), NIK, ts).result).toMatchObject({ kind: 'not_found', duplicateNik: false });
    const peserta = { peserta: { noKartu: '1', nik: NIK, nama: 'A', statusPeserta: { kode: '9', keterangan: 'NON AKTIF KARNA PREMI' }, jenisPeserta: { kode: '14', keterangan: 'PBPU' } } };
    expect(readEnvelope(vclaim, env('200', 'OK', encode(peserta)), NIK, ts).result).toMatchObject({ kind: 'inactive', reasonCode: 'arrears' });
  });

  it('treats P-Care non-200 with a null response as not found, and a duplicate NIK as a Disdukcapil case', () => {
    const nf = readEnvelope(pcare, env(204, 'Peserta tidak ditemukan', null), NIK, ts).result;
    expect(nf).toMatchObject({ kind: 'not_found', duplicateNik: false });
    expect(nextAction(nf, { hasCard: false })).toBe('form_new_participant');
    const dup = readEnvelope(pcare, env(412, 'NIK ganda: terdaftar lebih dari satu peserta', null), NIK, ts).result;
    expect(nextAction(dup, { hasCard: false })).toBe('disdukcapil');
  });

  it.each([
    ['garbage', '{"metaData": {"co', 'bukan data JSON'],
    ['an HTML page', '<html><body>502 Bad Gateway</body></html>', 'HTML'],
    ['an empty body', '', 'kosong'],
    ['no envelope', '{"hello": 1}', 'metaData'],
    ['a wrong key', env(200, 'OK', encode(member(), `${consId}lain${ts}`)), 'kunci'],
    ['another NIK', env(200, 'OK', encode(member({ noKTP: '3171014101909999' }))), 'NIK lain'],
    ['bad credentials', env(401, 'Unauthorized', null), 'kredensial'],
  ])('answers %s with an Indonesian error', (_name, body, words) => {
    const r = readEnvelope(pcare, body, NIK, ts).result;
    expect(r.kind).toBe('error');
    expect(r.kind === 'error' && r.reason).toContain(words);
    expect(nextAction(r, { hasCard: false })).toBe('retry_or_manual');
  });
});
