// Events pushed from host to screens (WebSocket, or IPC in the host's own window), and the
// transport's fixed names and messages.
import type { Stage, TicketStatus } from '../domain/words';
import type { Job } from './jobs';
import type { CallName } from './index';
import type { DisplayCall } from './stats';

export type ServerEvent =
  | { type: 'queue.changed'; ticketId: string; stage: Stage | null; status: TicketStatus }
  | { type: 'display.call'; call: DisplayCall }
  | { type: 'services.changed' }
  | { type: 'job.changed'; job: Job }
  /** A letter moved (no personal data): the team's desks and the signing queues reload. */
  | { type: 'letters.changed'; id: string; status: string }
  /** The sync state changed (ops queued or acknowledged, link lost or back): the indicator reloads. */
  | { type: 'sync.changed' }
  /**
   * A case's papers changed (a page arrived, was edited or removed, the document's PDF remade):
   * screens showing it reload. `pageId`: the page that arrived or replaced another, one per page.
   */
  | { type: 'documents.changed'; ticketId: string; docType: string; pageId?: string }
  /** A desk's scan inbox changed (a file arrived or was refused, assigned, thrown away): that desk's case screen reloads it. */
  | { type: 'documents.inbox'; deskId: string }
  /** A desk's scanner list changed (a PC reported; deskId null: the komputer utama's own): Admin → Dokumen reloads. */
  | { type: 'documents.scanners'; deskId: string | null }
  /** Admin → Dokumen pressed Cari ulang: the desk's own PC (desk mode) searches its scanners and reports. */
  | { type: 'documents.discover'; deskId: string }
  /** A case's membership checks changed (a check, a manual entry, a decision, the background retry). */
  | { type: 'membership.changed'; ticketId: string }
  /** A follow-up was opened, moved forward or reassigned: the board and the menu counts reload. */
  | { type: 'followups.changed' };

/**
 * On the preload bridge's event stream only (desk mode): the main process's event feed to the host
 * opened (`online: true`) or dropped. A browser sees the same thing as its own socket's open/close.
 */
export interface FeedStatusEvent {
  type: 'feed.status';
  online: boolean;
}
export const FEED_STATUS = 'feed.status';
/** What the preload's onEvent delivers. */
export type BridgeEvent = ServerEvent | FeedStatusEvent;

/**
 * The answer to any call that cannot reach the host (network down, host off, timeout), whether the
 * renderer called over HTTP itself or a desk's main process forwarded the call.
 */
export const UNREACHABLE_MESSAGE =
  'Tidak dapat terhubung ke komputer utama. Periksa jaringan atau minta admin menyalakan komputer utama, lalu coba lagi. Isian Anda tidak hilang.';

/**
 * A desk's answer when the host's certificate is not the one pinned at pairing: something else
 * answers at the host's address (or the host's certificate was remade), so nothing is sent to it.
 */
export const NOT_TRUSTED_MESSAGE =
  'Sertifikat komputer utama tidak cocok dengan yang dicatat saat meja ini dipasangkan, jadi Loket tidak mengirim apa pun ke sana. ' +
  'Bisa jadi komputer lain menjawab di alamat komputer utama. Minta admin memeriksa sidik jari sertifikat di Admin → Meja (Detail teknis), ' +
  'lalu pasangkan ulang meja ini dengan kode pemasangan baru bila sertifikat komputer utama memang diganti.';

/** HTTP path of a call on the host. */
export const callPath = (name: CallName): string => `/api/${name}`;
export const DISPLAY_WS_PATH = '/ws/display';
/** The display feed also carries `{ "type": "heartbeat" }` this often; silence for three beats means the host is gone. */
export const DISPLAY_HEARTBEAT_MS = 5_000;
export const EVENTS_WS_PATH = '/ws/events';
