// Secrets at rest for a headless host: AES-256-GCM with a random key kept in a file in the data
// folder, created with mode 0600 so only the host's user can read it. Under Electron the composition
// root passes a safeStorage box instead (main/app/electron.ts).
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SecretBox } from './ports';

export const SECRET_KEY_FILE = 'secret.key';

function loadKey(dataDir: string): Buffer {
  const file = join(dataDir, SECRET_KEY_FILE);
  if (existsSync(file)) {
    const key = readFileSync(file);
    if (key.length !== 32) throw new Error(`kunci rahasia ${file} rusak (panjangnya bukan 32 byte)`);
    return key;
  }
  const key = randomBytes(32);
  // 'wx': never overwrite a key another process just made (the secrets sealed with it would be lost).
  writeFileSync(file, key, { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return key;
}

export function fileKeySecretBox(dataDir: string): SecretBox {
  let key: Buffer | null = null;
  const k = () => (key ??= loadKey(dataDir));
  return {
    kind: 'file-key',
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', k(), iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `v1:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
    },
    open(sealed) {
      if (!sealed.startsWith('v1:')) throw new Error('format rahasia tidak dikenal');
      const raw = Buffer.from(sealed.slice(3), 'base64');
      const decipher = createDecipheriv('aes-256-gcm', k(), raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}
