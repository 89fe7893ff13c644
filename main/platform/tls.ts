// The host's own TLS certificate: made once on first start, kept in the data folder, reused after.
// Desks pin its SHA-256 fingerprint when they pair (the admin sees it with the pairing code), so no
// certificate authority is involved and the LAN address may change without a new certificate
// (the pin, not the name, is what a desk checks).
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const TLS_DIR_NAME = 'tls';
export const CERT_FILE_NAME = 'host-cert.pem';
export const KEY_FILE_NAME = 'host-key.pem';
const VALID_YEARS = 10;

export interface HostCertificate {
  key: string;
  cert: string;
  /** SHA-256 of the certificate, `AB:CD:…` (64 hex digits in pairs). */
  fingerprint: string;
  certFile: string;
  keyFile: string;
  /** Made on this start (false: read from the data folder). */
  created: boolean;
}

export function certificateFingerprint(certPem: string): string {
  return new X509Certificate(certPem).fingerprint256;
}

const pem = (label: string, der: ArrayBuffer): string => {
  const b64 = Buffer.from(der).toString('base64');
  return `-----BEGIN ${label}-----\n${b64.match(/.{1,64}/g)!.join('\n')}\n-----END ${label}-----\n`;
};

/** An ECDSA P-256 self-signed certificate for `commonName`, valid for the loopback names and `addresses`. */
export async function makeCertificate(commonName: string, addresses: readonly string[], now = new Date()): Promise<{ key: string; cert: string }> {
  // Loaded only on the first start: the library is large and every later start reuses the files.
  const x509 = await import('@peculiar/x509');
  const crypto = globalThis.crypto;
  x509.cryptoProvider.set(crypto);
  const alg = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
  const keys = await crypto.subtle.generateKey(alg, true, ['sign', 'verify']);
  const ips = [...new Set(['127.0.0.1', ...addresses])];
  const notAfter = new Date(now);
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + VALID_YEARS);
  // Commas, plus signs and the like would need escaping in a distinguished name; an office name
  // does not need them to be recognisable.
  const cn = commonName.replace(/[^\p{L}\p{N} ._()-]/gu, ' ').replace(/\s+/g, ' ').trim().slice(0, 64) || 'Loket';
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('hex').replace(/^[89a-f]/, '0'),
    name: `CN=${cn}`,
    notBefore: new Date(now.getTime() - 60_000),
    notAfter,
    signingAlgorithm: alg,
    keys,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension([
        { type: 'dns', value: 'localhost' },
        ...ips.map((value) => ({ type: 'ip' as const, value })),
      ]),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  const key = pem('PRIVATE KEY', await crypto.subtle.exportKey('pkcs8', keys.privateKey));
  return { key, cert: cert.toString('pem') + '\n' };
}

function writePrivate(file: string, text: string, mode: number): void {
  // Written beside and renamed, so a crash never leaves half a key; the mode is set at creation
  // (and again, in case the umask or an old file got in the way).
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, text, { mode });
  chmodSync(tmp, mode);
  renameSync(tmp, file);
}

/** The certificate in `dataDir/tls/`, made on the first call. */
export async function loadOrCreateCertificate(dataDir: string, commonName: () => string, addresses: () => readonly string[]): Promise<HostCertificate> {
  const dir = join(dataDir, TLS_DIR_NAME);
  const certFile = join(dir, CERT_FILE_NAME);
  const keyFile = join(dir, KEY_FILE_NAME);
  if (existsSync(certFile) && existsSync(keyFile)) {
    const key = readFileSync(keyFile, 'utf8');
    const cert = readFileSync(certFile, 'utf8');
    // A key that does not belong to the certificate would only fail at the first handshake.
    if (!new X509Certificate(cert).checkPrivateKey(createPrivateKey(key)))
      throw new Error(`kunci ${keyFile} tidak cocok dengan sertifikat ${certFile}`);
    return { key, cert, fingerprint: certificateFingerprint(cert), certFile, keyFile, created: false };
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const made = await makeCertificate(commonName(), addresses());
  writePrivate(keyFile, made.key, 0o600);
  writePrivate(certFile, made.cert, 0o644);
  return { ...made, fingerprint: certificateFingerprint(made.cert), certFile, keyFile, created: true };
}

