// A desk's own scanner, driven by the desk's main process (the scanner is plugged into this PC):
// scan a batch into a spool folder on this PC, and upload each page to the host as it arrives
// through the contract (documents.uploadStart/Chunk/Finish), resumable and checked by SHA-256.
// A page leaves the spool only once the host has it; a fault or a lost host leaves the rest there,
// and the next press sends those first and then scans on. The host's own window uses the same
// upload path from a file or the camera; the host's own scanner is driven by documents.scan.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { UPLOAD_CHUNK_BYTES, type DocType } from '../../../common/domain/documents';
import type { ErrorCode, Result, ScannerConfig } from '../../../common/contract/index';
import { sha256Of } from '../../platform/files';
import type { Scanner } from '../../platform/ports';
import { NO_SCANNER_MESSAGE, runBatch, scannerFor } from './scanning';

/** How the desk reaches the host: the desk forwarder's call (or a host's in-process dispatch). */
export type DeskCall = (name: string, token: string | null, input: unknown) => Promise<Result<unknown>>;

export interface DeskScanProgress {
  stage: 'sending' | 'scanning';
  /** Pages the host has taken in this press. */
  uploaded: number;
  /** Pages on this PC still waiting for the host. */
  pending: number;
}

export interface DeskScanOutcome {
  uploaded: number;
  pending: number;
  fault: { code: ErrorCode; message: string } | null;
}

export interface DeskScanOptions {
  call: DeskCall;
  token: string;
  ticketId: string;
  docType: DocType;
  /** This PC's spool: <spoolDir>/<ticketId>/<docType>/<batch>/pNNNN.png. */
  spoolDir: string;
  /** false: only send what is waiting, scan nothing. */
  scan?: boolean;
  /** The desk's settings and adapter; by default those the admin set for this desk on the host. */
  config?: Omit<ScannerConfig, 'inboxFolder'> & { inboxFolder?: string };
  scanner?: Scanner;
  signal?: AbortSignal;
  chunkBytes?: number;
  onProgress?(p: DeskScanProgress): void;
}

class UploadFailed extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path));
    else if (!name.endsWith('.part')) out.push(path);
  }
  return out;
}

async function must<T>(r: Promise<Result<unknown>>): Promise<T> {
  const res = await r;
  if (!res.ok) throw new UploadFailed(res.error.code, res.error.message);
  return res.value as T;
}

/** Sends one page file to the host, resuming where the host's copy ends; then removes it here. */
export async function uploadPage(call: DeskCall, token: string, ticketId: string, docType: DocType, path: string, chunkBytes = UPLOAD_CHUNK_BYTES, origin: 'file' | 'scanner' = 'scanner'): Promise<void> {
  const bytes = readFileSync(path);
  const sha256 = sha256Of(bytes);
  for (let attempt = 0; ; attempt++) {
    const started = await must<{ uploadId: string; receivedBytes: number }>(
      call('documents.uploadStart', token, { ticketId, docType, sha256, size: bytes.length, origin, requestId: uuidv7() }),
    );
    let offset = started.receivedBytes;
    while (offset < bytes.length) {
      const r = await call('documents.uploadChunk', token, { uploadId: started.uploadId, offset, base64: bytes.subarray(offset, offset + chunkBytes).toString('base64'), requestId: uuidv7() });
      if (!r.ok) {
        const at = Number(r.error.fields?.offset);
        if (r.error.code === 'INVALID_STATE' && Number.isInteger(at)) {
          offset = at;
          continue;
        }
        throw new UploadFailed(r.error.code, r.error.message);
      }
      offset = (r.value as { receivedBytes: number }).receivedBytes;
    }
    const done = await call('documents.uploadFinish', token, { uploadId: started.uploadId, requestId: uuidv7() });
    if (done.ok) break;
    // Bytes spoiled on the way: the host dropped its copy; send the page once more from the start.
    if (done.error.code === 'HASH_MISMATCH' && attempt === 0) continue;
    throw new UploadFailed(done.error.code, done.error.message);
  }
  rmSync(path, { force: true });
}

export async function scanToHost(opts: DeskScanOptions): Promise<DeskScanOutcome> {
  const dir = join(opts.spoolDir, opts.ticketId, opts.docType);
  let uploaded = 0;
  const pending = () => filesUnder(dir).length;
  const report = (stage: DeskScanProgress['stage']) => opts.onProgress?.({ stage, uploaded, pending: pending() });
  const failed = (err: unknown): DeskScanOutcome => {
    const e = err instanceof UploadFailed ? err : new UploadFailed('INTERNAL', (err as Error).message);
    const kept = pending();
    const note = kept > 0 ? ` ${kept} halaman menunggu di komputer ini dan akan dikirim saat Anda menekan Lanjutkan.` : '';
    return { uploaded, pending: kept, fault: { code: e.code, message: `${e.message}${note}` } };
  };
  // First whatever an earlier press left here (a fault, a lost host).
  for (const path of filesUnder(dir)) {
    try {
      report('sending');
      await uploadPage(opts.call, opts.token, opts.ticketId, opts.docType, path, opts.chunkBytes);
      uploaded++;
    } catch (err) {
      return failed(err);
    }
  }
  report('sending');
  if (opts.scan === false) return { uploaded, pending: pending(), fault: null };
  let config = opts.config;
  if (!config) {
    try {
      config = await must<ScannerConfig>(opts.call('documents.myScanner', opts.token, {}));
    } catch (err) {
      return failed(err);
    }
  }
  const scanner = opts.scanner ?? scannerFor(config);
  if (!scanner) return { uploaded, pending: pending(), fault: { code: 'SCANNER_NOT_FOUND', message: NO_SCANNER_MESSAGE } };
  const batchDir = join(dir, uuidv7());
  mkdirSync(batchDir, { recursive: true });
  report('scanning');
  const outcome = await runBatch(scanner, config, batchDir, opts.signal, async (page) => {
    await uploadPage(opts.call, opts.token, opts.ticketId, opts.docType, page.path, opts.chunkBytes);
    uploaded++;
    report('scanning');
  });
  if (existsSync(batchDir) && readdirSync(batchDir).length === 0) rmSync(batchDir, { recursive: true, force: true });
  if (outcome.sinkError) return failed(outcome.sinkError);
  if (outcome.fault) {
    const kept = pending();
    return { uploaded, pending: kept, fault: { code: outcome.fault.code as ErrorCode, message: `${uploaded} halaman terkirim. ${outcome.fault.message}` } };
  }
  return { uploaded, pending: pending(), fault: null };
}
