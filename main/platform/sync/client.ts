// HTTP to the central server: gzip bodies (a 256 kbit/s link carries ~8× more ops), a timeout on
// every request, and the server's refusals told apart from "try again later".
import { gzipSync } from 'node:zlib';
import { SyncRefusal } from '../../../common/sync/protocol';

export class SyncRefused extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface ServerCall {
  serverUrl: string;
  token: string | null;
  timeoutMs: number;
}

export async function callServer(call: ServerCall, method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-encoding': 'gzip' };
  if (call.token) headers.authorization = `Bearer ${call.token}`;
  let payload: Buffer | undefined;
  if (body !== undefined) {
    payload = gzipSync(JSON.stringify(body), { level: 6 });
    headers['content-type'] = 'application/json';
    headers['content-encoding'] = 'gzip';
  }
  const res = await fetch(new URL(path, call.serverUrl), { method, headers, body: payload, signal: AbortSignal.timeout(call.timeoutMs) });
  const text = await res.text();
  const json = text ? (JSON.parse(text) as unknown) : null;
  if (res.ok) return json;
  const refusal = SyncRefusal.safeParse(json);
  if ((res.status === 401 || res.status === 403 || res.status === 400) && refusal.success) throw new SyncRefused(refusal.data.code, refusal.data.message);
  throw new Error(`server pusat menjawab ${res.status}`);
}

/** Sends one file's bytes to `/sync/files/<sha256>` (the server checks the hash). */
export async function putFile(call: ServerCall, sha256: string, bytes: Buffer): Promise<void> {
  const res = await fetch(new URL(`/sync/files/${sha256}`, call.serverUrl), {
    method: 'PUT',
    headers: { authorization: `Bearer ${call.token}`, 'content-type': 'application/pdf' },
    body: bytes,
    signal: AbortSignal.timeout(call.timeoutMs),
  });
  await res.text();
  if (!res.ok) throw new Error(`server pusat menolak berkas ${sha256.slice(0, 12)}: ${res.status}`);
}
