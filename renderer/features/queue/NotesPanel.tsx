// The ticket's notes: their count on the button, the latest one always open (what the resepsionis
// left for the petugas), and the whole list with the add form on demand.
import { useEffect, useState, type FormEvent } from 'react';
import type { CallOutput } from '../../../common/contract/index';
import { t } from '../../i18n/id';
import { dateTime } from '../../app/format';
import { useAction } from '../../app/hooks';
import { api } from '../../app/state/api';
import { ErrorAlert } from '../../components/Alert';
import { Field } from '../../components/Field';

type Note = CallOutput<'queue.notes'>[number];
const NOTE_LIMIT = 2000;

export function NotesPanel({ ticketId, noteCount }: { ticketId: string; noteCount: number }) {
  const [notes, setNotes] = useState<Note[] | null>(null);
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [tooLong, setTooLong] = useState<string | undefined>();
  const load = useAction();
  const add = useAction();

  async function reload() {
    const r = await load.run(() => api('queue.notes', { ticketId }));
    if (r.ok) setNotes(r.value);
  }

  // Notes are personal data: read only when there are some, or when the list is opened.
  useEffect(() => {
    if (noteCount > 0 || open) void reload();
  }, [ticketId, noteCount, open]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (text.trim().length > NOTE_LIMIT) {
      setTooLong(t.notes.tooLongOf(NOTE_LIMIT, text.trim().length));
      return;
    }
    setTooLong(undefined);
    const r = await add.run(() => api('queue.addNote', { ticketId, text }));
    if (r.ok) {
      setText('');
      await reload();
    }
  }

  const count = Math.max(noteCount, notes?.length ?? 0);
  const latest = notes && notes.length > 0 ? notes[notes.length - 1] : null;
  return (
    <section className="notes-box" aria-label={t.notes.title}>
      <div className="notes-head">
        <button
          type="button"
          className="btn btn-secondary btn-sm"
          data-testid="notes-open"
          aria-expanded={open}
          onClick={() => setOpen((o) => !o)}
        >
          {t.notes.count(count)}
        </button>
        {latest ? <span className="muted small">{t.notes.latest}</span> : null}
      </div>
      {latest && !open ? (
        <blockquote className="note-latest" data-testid="note-latest">
          <p>{latest.text}</p>
          <footer className="muted small">
            {dateTime(latest.at)} · {latest.userName}
          </footer>
        </blockquote>
      ) : null}
      {open ? (
        <div className="notes" data-testid="notes" data-state={notes ? 'ready' : 'loading'}>
          <ErrorAlert error={load.error} testId="notes-error" />
          {notes && notes.length === 0 ? <p className="muted">{t.notes.empty}</p> : null}
          <ul className="note-list">
            {(notes ?? []).map((n, i) => (
              <li key={`${n.at}-${i}`} data-testid="note-item">
                <span className="muted small">
                  {dateTime(n.at)} · {n.userName}
                </span>
                <p>{n.text}</p>
              </li>
            ))}
          </ul>
          <form onSubmit={(e) => void submit(e)} noValidate>
            <Field
              label={t.notes.text}
              testId="note-text"
              value={text}
              onChange={setText}
              multiline
              limit={NOTE_LIMIT}
              error={tooLong ?? add.error?.fields?.text}
            />
            <ErrorAlert error={add.error} testId="note-error" />
            <button type="submit" className="btn btn-secondary" data-testid="note-add" disabled={add.pending || text.trim() === ''}>
              {t.notes.add}
            </button>
          </form>
        </div>
      ) : null}
    </section>
  );
}
