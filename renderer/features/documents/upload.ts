// A picture from a file, a drop or the camera goes to the host the way a desk's scanner pages do:
// documents.uploadStart/Chunk/Finish, checked by SHA-256 on the host. The image work then runs as
// a job there; the case screen hears of the new page by event.
import { DEFAULT_MAX_FILE_BYTES, megabytes, sniffImage, UPLOAD_CHUNK_BYTES, type DocType } from '../../../common/domain/documents';
import type { AppError, Result } from '../../../common/contract/index';
import { api } from '../../app/state/api';
import { t } from '../../i18n/id';

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as BufferSource);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function base64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

const refuse = (code: AppError['code'], message: string): Result<never> => ({ ok: false, error: { code, message } });

/** Answers the page job's id, or why the file was not sent (checked here first, and again on the host). */
export async function uploadImage(ticketId: string, docType: DocType, name: string, bytes: Uint8Array, origin: 'file' | 'camera'): Promise<Result<{ jobId: string }>> {
  if (!sniffImage(bytes.subarray(0, 16))) return refuse('NOT_AN_IMAGE', t.documents.notAnImage(name));
  if (bytes.length > DEFAULT_MAX_FILE_BYTES) return refuse('FILE_TOO_LARGE', t.documents.tooLarge(name, megabytes(bytes.length)));
  const sha256 = await sha256Hex(bytes);
  const start = await api('documents.uploadStart', { ticketId, docType, sha256, size: bytes.length, origin });
  if (!start.ok) return start;
  let offset = start.value.receivedBytes;
  while (offset < bytes.length) {
    const r = await api('documents.uploadChunk', { uploadId: start.value.uploadId, offset, base64: base64(bytes.subarray(offset, offset + UPLOAD_CHUNK_BYTES)) });
    if (!r.ok) {
      const at = Number(r.error.fields?.offset);
      if (r.error.code === 'INVALID_STATE' && Number.isInteger(at)) {
        offset = at;
        continue;
      }
      return r;
    }
    offset = r.value.receivedBytes;
  }
  return api('documents.uploadFinish', { uploadId: start.value.uploadId });
}
