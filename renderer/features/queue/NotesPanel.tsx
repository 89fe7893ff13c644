import { useEffect, useState, type FormEvent } from 'react';
import type { CallOutput } from '../../../common/contract/index';
import { t } from '../../i18n/id';
import { dateTime } from '../../app/format';
import { useAction } from '../../app/hooks';
import { api } from '../../app/state/api';
import { ErrorAlert } from '../../components/Alert';
import { Field } from '../../components/Field';

type Note = CallOutput<'queue.notes'>[number];

export function NotesPanel({ ticketId }: { ticketId: string }) {
  const [notes, setNotes] = useState<Note[] | null>(null);
  const [text, setText] = useState('');
  const load = useAction();
  const add = useAction();

  async function reload() {
    const r = await load.run(() => api('queue.notes', { ticketId }));
    if (r.ok) setNotes(r.value);
  }

  useEffect(() => {
    void reload();
  }, [ticketId]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await add.run(() => api('queue.addNote', { ticketId, text }));
    if (r.ok) {
      setText('');
      await reload();
    }
  }

  return (
    <section className="notes" data-testid="notes" data-state={notes ? 'ready' : 'loading'}>
      <h3>{t.notes.title}</h3>
      <ErrorAlert error={load.error} testId="notes-error" />
      {notes && notes.length === 0 ? <p className="muted">{t.notes.empty}</p> : null}
      <ul className="note-list">
        {(notes ?? []).map((n, i) => (
          <li key={`${n.at}-${i}`} data-testid="note-item">
            <span className="muted">
              {dateTime(n.at)} · {n.userName}
            </span>
            <p>{n.text}</p>
          </li>
        ))}
      </ul>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Field label={t.notes.text} testId="note-text" value={text} onChange={setText} multiline error={add.error?.fields?.text} />
        <ErrorAlert error={add.error} testId="note-error" />
        <button type="submit" className="btn btn-secondary" data-testid="note-add" disabled={add.pending || text.trim() === ''}>
          {t.notes.add}
        </button>
      </form>
    </section>
  );
}
