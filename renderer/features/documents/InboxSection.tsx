// The desk's scan inbox (Kotak masuk pindaian) inside the case's documents panel: what the network
// scanner dropped into the desk's watched folder, each file with its page thumbnails; the
// resepsionis puts one into the chosen document type of the current case, or throws it away.
// Refused files (not a scan) are listed with why, until acknowledged.
import { useState } from 'react';
import type { CallOutput } from '../../../common/contract/index';
import { DOC_TYPES, type DocType } from '../../../common/domain/documents';
import { clockTime } from '../../app/format';
import { useAction, useLoad, useOnEventsOpened, useServerEvents } from '../../app/hooks';
import { useApp } from '../../app/state/app';
import { api } from '../../app/state/api';
import { ErrorAlert } from '../../components/Alert';
import { t } from '../../i18n/id';

type Inbox = CallOutput<'documents.inbox'>;

export function InboxSection({ ticketId, docType, onAssigned }: { ticketId: string; docType: DocType; onAssigned(message: string): void }) {
  const deskId = useApp((s) => s.desk?.id ?? null);
  const inbox = useLoad<Inbox>(() => api('documents.inbox', {}));
  const action = useAction();
  const [busyItem, setBusyItem] = useState<string | null>(null);

  useServerEvents((e) => {
    if (e.type === 'documents.inbox' && (deskId === null || e.deskId === deskId)) void inbox.reload();
  });
  // The desk's inbox, not the ticket's: useLoad reads it once, events keep it fresh.
  useOnEventsOpened(() => void inbox.reload());

  const data = inbox.data;
  // Shown only while something waits (files, refusals) or the folder cannot be read: it takes no
  // room from the checklist otherwise.
  if (!data || (data.items.length === 0 && data.refused.length === 0 && !data.problem)) return null;

  async function assign(itemId: string) {
    setBusyItem(itemId);
    const r = await action.run(() => api('documents.inboxAssign', { itemId, ticketId, docType }));
    setBusyItem(null);
    if (r.ok) onAssigned(t.documents.inboxAssigned(r.value.pages, DOC_TYPES[docType]));
    void inbox.reload();
  }

  async function discard(itemId: string, confirm: boolean) {
    if (confirm && !window.confirm(t.documents.inboxDiscardConfirm)) return;
    setBusyItem(itemId);
    await action.run(() => api('documents.inboxDiscard', { itemId }));
    setBusyItem(null);
    void inbox.reload();
  }

  return (
    <div className="docs-inbox" data-testid="inbox" data-count={data.items.length}>
      <div className="docs-inbox-head">
        <strong>{t.documents.inboxTitle}</strong>
        <span className={`badge ${data.items.length ? 'docs-inbox-new' : ''}`} data-testid="inbox-count">
          {data.items.length}
        </span>
      </div>
      {data.problem ? (
        <p className="docs-inbox-problem" role="alert" data-testid="inbox-problem">
          {data.problem}
        </p>
      ) : null}
      {data.items.length === 0 ? null : (
        <ol className="docs-inbox-items">
          {data.items.map((item) => (
            <li key={item.itemId} data-testid="inbox-item" data-file={item.fileName} title={item.fileName}>
              <div className="docs-inbox-thumbs">
                {item.pages.slice(0, 3).map((p) => (
                  <img key={p.seq} src={`data:image/jpeg;base64,${p.thumbBase64}`} alt={`${item.fileName} ${p.seq}`} />
                ))}
              </div>
              <span className="docs-inbox-meta">{t.documents.inboxArrived(clockTime(item.arrivedAt), item.pages.length)}</span>
              <span className="docs-inbox-actions">
                <button
                  type="button"
                  className="btn btn-primary btn-xs"
                  data-testid="inbox-assign"
                  title={t.documents.inboxAssignTitle(DOC_TYPES[docType])}
                  disabled={busyItem !== null}
                  onClick={() => void assign(item.itemId)}
                >
                  {t.documents.inboxAssign}
                </button>
                <button type="button" className="btn btn-ghost btn-xs btn-danger-text" data-testid="inbox-discard" disabled={busyItem !== null} onClick={() => void discard(item.itemId, true)}>
                  {t.documents.inboxDiscard}
                </button>
              </span>
            </li>
          ))}
        </ol>
      )}
      {data.items.length > 0 ? <p className="muted small docs-inbox-hint">{t.documents.inboxHint}</p> : null}
      {data.refused.map((r) => (
        <p key={r.itemId} className="docs-inbox-refused" data-testid="inbox-refused">
          <span title={r.message}>{r.message}</span>{' '}
          <button type="button" className="btn-link" disabled={busyItem === r.itemId} onClick={() => void discard(r.itemId, false)}>
            {t.documents.inboxRefusedOk}
          </button>
        </p>
      ))}
      <ErrorAlert error={action.error ?? inbox.error} testId="inbox-error" />
    </div>
  );
}
