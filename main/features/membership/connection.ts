// "Tes koneksi": one real request with the saved settings, and what its answer means.
import type { Ctx } from '../../platform/context';
import { requireActor } from '../../platform/context';
import { checkNikAtBpjs } from './bpjsClient';
import { bpjsDate } from './checks';
import { loadConfig } from './settings';

/** A NIK no one has (serial 0001 of a date that cannot be): any proper answer proves the link and the keys. */
const PROBE_NIK = '3171010101000001';

export async function testConnection(ctx: Ctx): Promise<{ ok: boolean; message: string }> {
  requireActor(ctx);
  const { config, missing } = loadConfig(ctx);
  if (!config) return { ok: false, message: missing! };
  const started = Date.now();
  const r = await checkNikAtBpjs(config, PROBE_NIK, { date: bpjsDate(ctx), attempts: 1 });
  const ms = Date.now() - started;
  if (r.kind === 'error') return { ok: false, message: `Koneksi gagal: ${r.reason}` };
  return { ok: true, message: `Terhubung ke ${config.service === 'vclaim' ? 'VClaim' : 'P-Care'}; tanda tangan dan kunci diterima (${ms} ms).` };
}
