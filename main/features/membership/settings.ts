// Admin → BPJS: where the bridging services are and the credentials, secrets sealed at rest.
// Secrets go in through settings.save and out only to the client; the screen sees "tersimpan".
import type { BpjsSettingsView, ParsedInput } from '../../../common/contract/index';
import { AppFailure, audit, type Ctx, type Deps } from '../../platform/context';
import { readSetting, writeSetting } from '../../platform/settings';
import { fileKeySecretBox } from '../../platform/secretBox';
import type { SecretBox } from '../../platform/ports';
import type { BpjsConfig } from './bpjsClient';

const PLAIN = 'bpjs.settings';
const SECRETS = { secret: 'bpjs.secret', userKey: 'bpjs.userKey', pcarePassword: 'bpjs.pcarePassword' } as const;
type SecretName = keyof typeof SECRETS;

type Plain = Omit<BpjsSettingsView, 'stored'>;
const DEFAULTS: Plain = { service: 'pcare', pcareUrl: '', vclaimUrl: '', consId: '', pcareUser: '', appCode: '095', timeoutMs: 10_000 };

const boxes = new Map<string, SecretBox>();
export function secretBox(deps: Deps): SecretBox {
  if (deps.secrets) return deps.secrets;
  let box = boxes.get(deps.dataDir);
  if (!box) boxes.set(deps.dataDir, (box = fileKeySecretBox(deps.dataDir)));
  return box;
}

function readPlain(deps: Deps): Plain {
  const raw = readSetting(deps.store, PLAIN);
  return raw ? { ...DEFAULTS, ...(JSON.parse(raw) as Partial<Plain>) } : DEFAULTS;
}

export function settingsView(deps: Deps): BpjsSettingsView {
  const plain = readPlain(deps);
  const has = (n: SecretName) => readSetting(deps.store, SECRETS[n]) !== null;
  return { ...plain, stored: { secret: has('secret'), userKey: has('userKey'), pcarePassword: has('pcarePassword') } };
}

/** The config the client needs, or null with what is missing (Indonesian). */
export function loadConfig(deps: Deps): { config: BpjsConfig | null; missing: string | null } {
  const plain = readPlain(deps);
  const open = (n: SecretName): string | null => {
    const sealed = readSetting(deps.store, SECRETS[n]);
    if (sealed === null) return null;
    try {
      return secretBox(deps).open(sealed);
    } catch {
      return null;
    }
  };
  const secret = open('secret');
  const userKey = open('userKey');
  const url = plain.service === 'vclaim' ? plain.vclaimUrl : plain.pcareUrl;
  if (!url || !plain.consId || secret === null || userKey === null)
    return { config: null, missing: 'Pengaturan BPJS belum lengkap (alamat layanan, consumer ID, secret, user key). Minta admin mengisinya di Admin → BPJS.' };
  return { config: { ...plain, secret, userKey, pcarePassword: open('pcarePassword') ?? '' }, missing: null };
}

function urlError(value: string): string | null {
  if (value === '') return null;
  try {
    const u = new URL(value);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return 'Alamat harus diawali http:// atau https://.';
    return null;
  } catch {
    return 'Alamat layanan tidak dapat dibaca; contoh: https://apijkn.bpjs-kesehatan.go.id/pcare-rest/';
  }
}

export function saveSettings(ctx: Ctx, input: ParsedInput<'membership.settings.save'>): BpjsSettingsView {
  const fields: Record<string, string> = {};
  for (const f of ['pcareUrl', 'vclaimUrl'] as const) {
    const e = urlError(input[f]);
    if (e) fields[f] = e;
  }
  if (input.service === 'pcare' && !input.pcareUrl) fields.pcareUrl = 'Alamat P-Care wajib diisi bila P-Care yang dipakai.';
  if (input.service === 'vclaim' && !input.vclaimUrl) fields.vclaimUrl = 'Alamat VClaim wajib diisi bila VClaim yang dipakai.';
  if (!input.consId) fields.consId = 'Consumer ID wajib diisi.';
  else if (!/^\d+$/.test(input.consId)) fields.consId = 'Consumer ID hanya angka.';
  if (Object.keys(fields).length) throw new AppFailure('VALIDATION', 'Periksa pengaturan BPJS yang ditandai. Belum disimpan.', fields);
  const box = secretBox(ctx);
  const plain: Plain = {
    service: input.service, pcareUrl: input.pcareUrl, vclaimUrl: input.vclaimUrl, consId: input.consId,
    pcareUser: input.pcareUser, appCode: input.appCode || '095', timeoutMs: input.timeoutMs,
  };
  ctx.store.tx((w) => {
    writeSetting(w, PLAIN, JSON.stringify(plain));
    const changed: string[] = [];
    for (const n of Object.keys(SECRETS) as SecretName[]) {
      const v = input[n];
      if (v) {
        writeSetting(w, SECRETS[n], box.seal(v));
        changed.push(n);
      }
    }
    // Which secrets were replaced, never their values.
    audit(w, ctx, 'membership.settings.save', 'settings', PLAIN, { ...plain, secretsReplaced: changed });
  });
  return settingsView(ctx);
}
