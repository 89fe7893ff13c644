// Messages out on the resepsionis's case screen: the statement form e-mailed to the BPJS branch
// (delivery state per e-mail, "Coba lagi" on a failure) and a WhatsApp text for the visitor, opened
// as a wa.me link in the system browser (no unofficial WhatsApp APIs).
import { useEffect, useState, type ChangeEvent } from 'react';
import type { CallInput, Message } from '../../../common/contract/index';
import { clockTime } from '../../app/format';
import { useAction, useLoad } from '../../app/hooks';
import { api } from '../../app/state/api';
import { ErrorAlert, Notice } from '../../components/Alert';
import { Field } from '../../components/Field';
import { messagesStrings as s } from './strings';
import './messages.css';

type Form = CallInput<'messages.emailBpjs'>['form'];
type Attachment = { name: string; contentBase64: string };
const FORMS: Form[] = ['peserta_baru', 'pengalihan', 'cetak_eid'];
/** The form the visit's first follow-up calls for. */
const FORM_OF: Record<string, Form> = { peserta_baru: 'peserta_baru', pengalihan: 'pengalihan', eid_print: 'cetak_eid' };

function toBase64(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

function EmailRow({ m, onRetry, pending }: { m: Message; onRetry(): void; pending: boolean }) {
  return (
    <li className={`message-row message-${m.status}`} data-testid="message-email" data-status={m.status}>
      <div>
        <strong>{m.subject}</strong> → {m.recipient}
        <small className="muted"> · {m.attachments.length} lampiran</small>
      </div>
      <div>
        <span className={`badge badge-${m.status === 'sent' ? 'ok' : m.status === 'failed' ? 'danger' : 'info'}`} data-testid="message-status">{s.panel.status[m.status]}</span>
        {m.status === 'sent' && m.sentAt ? <small className="muted"> {s.panel.sentAt(clockTime(m.sentAt))}</small> : null}
        {m.status === 'failed' ? <small className="muted"> · {s.panel.attempts(m.attempts)}{m.nextAttemptAt ? ` · ${s.panel.nextAttempt(clockTime(m.nextAttemptAt))}` : ''}</small> : null}
      </div>
      {m.status === 'failed' ? (
        <div className="message-failure">
          <span className="field-error" data-testid="message-error">{m.lastError}</span>{' '}
          <button type="button" className="btn btn-secondary btn-small" data-testid="message-retry" disabled={pending} onClick={onRetry}>{s.panel.retry}</button>
        </div>
      ) : null}
    </li>
  );
}

export function MessagesPanel({ ticketId, ticketLabel }: { ticketId: string; ticketLabel: string }) {
  const list = useLoad(() => api('messages.forTicket', { ticketId }));
  const [form, setForm] = useState<Form>('peserta_baru');
  const [files, setFiles] = useState<Attachment[]>([]);
  const [phone, setPhone] = useState('');
  const [text, setText] = useState('');
  const [link, setLink] = useState<string | null>(null);
  const send = useAction();
  const retry = useAction();
  const wa = useAction();

  // Defaults from the visit: the form its follow-ups call for, the visitor's phone and name.
  useEffect(() => {
    void (async () => {
      const [c, f] = await Promise.all([api('cases.get', { ticketId }), api('followups.forTicket', { ticketId })]);
      if (c.ok && c.value) {
        setPhone((p) => p || c.value!.phone);
        setText((x) => x || s.panel.defaultText(c.value!.name, ticketLabel));
      }
      const first = f.ok ? f.value.find((x) => FORM_OF[x.kind]) : undefined;
      if (first) setForm(FORM_OF[first.kind]!);
    })();
  }, [ticketId, ticketLabel]);
  // The host retries failed e-mails by itself: while one is owed, look again now and then.
  const owed = (list.data ?? []).some((m) => m.channel === 'email' && m.status !== 'sent' && m.nextAttemptAt);
  useEffect(() => {
    if (!owed) return;
    const id = window.setInterval(() => void list.reload(), 20_000);
    return () => window.clearInterval(id);
  }, [owed, list.reload]);

  async function pick(e: ChangeEvent<HTMLInputElement>) {
    const chosen = [...(e.target.files ?? [])];
    setFiles(await Promise.all(chosen.map(async (f) => ({ name: f.name, contentBase64: toBase64(new Uint8Array(await f.arrayBuffer())) }))));
  }

  async function emailBpjs() {
    const r = await send.run(() => api('messages.emailBpjs', { ticketId, form, attachments: files }));
    if (r.ok) setFiles([]);
    await list.reload();
  }

  async function again(id: string) {
    await retry.run(() => api('messages.retry', { messageId: id }));
    await list.reload();
  }

  async function prepareWhatsapp() {
    setLink(null);
    const r = await wa.run(() => api('messages.whatsapp', { ticketId, phone, text }));
    if (r.ok) setLink(r.value.link);
  }

  const emails = (list.data ?? []).filter((m) => m.channel === 'email');
  return (
    <section className="panel" data-testid="messages-panel" data-state={list.state === 'loading' || send.pending || retry.pending ? 'loading' : 'ready'}>
      <h2>{s.panel.title}</h2>
      <p className="muted">{s.panel.hint}</p>
      <div className="field">
        <label htmlFor="message-form">{s.panel.form}</label>
        <select id="message-form" data-testid="message-form" value={form} onChange={(e) => setForm(e.target.value as Form)}>
          {FORMS.map((f) => <option key={f} value={f}>{s.panel.forms[f]}</option>)}
        </select>
      </div>
      <div className="field">
        <label htmlFor="message-attachments">{s.panel.attachments}</label>
        <input id="message-attachments" type="file" multiple data-testid="message-attachments" onChange={(e) => void pick(e)} />
        {files.length ? <small className="muted" data-testid="message-attachments-count">{s.panel.attachmentsChosen(files.length)}</small> : null}
      </div>
      <button type="button" className="btn btn-primary" data-testid="message-email-bpjs" disabled={send.pending} onClick={() => void emailBpjs()}>
        {send.pending ? s.panel.sending : s.panel.emailBpjs}
      </button>
      <ErrorAlert error={send.error ?? retry.error ?? list.error} testId="messages-error" />
      <h3>{s.panel.emails}</h3>
      {emails.length === 0 ? <p className="muted" data-testid="messages-none">{s.panel.noEmails}</p> : (
        <ul className="message-list" data-testid="message-list">
          {emails.map((m) => <EmailRow key={m.id} m={m} pending={retry.pending} onRetry={() => void again(m.id)} />)}
        </ul>
      )}
      <h3>{s.panel.whatsapp}</h3>
      <Field label={s.panel.phone} testId="whatsapp-phone" inputMode="tel" value={phone} onChange={(v) => { setPhone(v); setLink(null); }} error={wa.error?.fields?.phone} />
      <Field label={s.panel.text} testId="whatsapp-text" multiline limit={2000} value={text} onChange={(v) => { setText(v); setLink(null); }} />
      <div className="form-actions">
        <button type="button" className="btn btn-secondary" data-testid="whatsapp-prepare" disabled={wa.pending} onClick={() => void prepareWhatsapp()}>{s.panel.prepare}</button>
        {link ? (
          <a className="btn btn-primary" href={link} target="_blank" rel="noopener" data-testid="whatsapp-send">{s.panel.send}</a>
        ) : null}
      </div>
      {link ? <Notice testId="whatsapp-prepared" tone="info">{s.panel.prepared}</Notice> : null}
      <ErrorAlert error={wa.error?.fields?.phone ? null : wa.error} testId="whatsapp-error" />
    </section>
  );
}
