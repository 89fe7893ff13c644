// One letter on the tim rujukan desk: its facts, the step clock against mutu baku, and the one
// action its status allows next.
import { useEffect, useState } from 'react';
import type { LetterDetail } from '../../../common/contract/index';
import { stepTimeText } from '../../../common/domain/letterFlow';
import { t } from '../../i18n/id';
import { useAction } from '../../app/hooks';
import { api } from '../../app/state/api';
import { objectUrlOf } from '../../app/blobs';
import { ErrorAlert, Notice } from '../../components/Alert';
import { Field } from '../../components/Field';

const tl = t.letters;

/** Opens the letter's PDF (the archived one once signed) as a download. */
export async function openPdf(id: string): Promise<void> {
  const r = await api('letters.pdf', { id });
  if (!r.ok) return;
  const url = objectUrlOf(r.value.base64);
  const a = document.createElement('a');
  a.href = url;
  a.download = r.value.fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function StepTimes({ letter }: { letter: LetterDetail }) {
  return (
    <table className="letter-steps" data-testid="letter-steps">
      <caption>{tl.steps}</caption>
      <tbody>
        {letter.steps.map((s) => (
          <tr key={s.key} className={s.overrun ? 'over' : ''}>
            <th>{s.label}</th>
            <td>{stepTimeText(s)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function LetterPanel({ letter, onChanged }: { letter: LetterDetail; onChanged(): void }) {
  const act = useAction();
  const [docs, setDocs] = useState<string[]>(letter.docsPresent);
  const [draft, setDraft] = useState({ sifat: letter.sifat, lampiran: letter.lampiran, subject: letter.subject, body: letter.body, diagnosis: letter.diagnosis, tembusan: letter.tembusan.join('\n') });
  const [hand, setHand] = useState({ receiverName: '', relation: '', idShown: '' });
  const [reason, setReason] = useState('');
  useEffect(() => {
    setDocs(letter.docsPresent);
    setDraft({ sifat: letter.sifat, lampiran: letter.lampiran, subject: letter.subject, body: letter.body, diagnosis: letter.diagnosis, tembusan: letter.tembusan.join('\n') });
  }, [letter.id, letter.status]); // eslint-disable-line react-hooks/exhaustive-deps

  async function go<T>(call: () => Promise<{ ok: boolean } & T>) {
    const r = await act.run(call as never);
    if ((r as { ok: boolean }).ok) onChanged();
  }
  const id = letter.id;
  const s = letter.status;
  return (
    <section className="letter-panel panel" data-testid="letter-panel" data-status={s}>
      <h2>
        {letter.patientName} <span className="muted">· {letter.typeName}</span>
      </h2>
      <dl className="letter-facts">
        <dt>{tl.status}</dt>
        <dd data-testid="letter-status">{letter.statusLabel}</dd>
        <dt>{tl.number}</dt>
        <dd data-testid="letter-number">{letter.number ?? '—'}</dd>
        <dt>{tl.hospital}</dt>
        <dd>{letter.hospitalName || tl.noHospital}</dd>
        <dt>{tl.nik}</dt>
        <dd>{letter.nik}</dd>
        {letter.signature ? (
          <>
            <dt>{tl.signature}</dt>
            <dd data-testid="letter-signature">{[...letter.signature.heading, letter.signature.name].join(' / ')}</dd>
          </>
        ) : null}
        {letter.shortCode ? (
          <>
            <dt>PDF</dt>
            <dd>{tl.archived(letter.shortCode)}</dd>
          </>
        ) : null}
        {letter.handedTo ? (
          <>
            <dt>{tl.handOver}</dt>
            <dd data-testid="letter-handed">{tl.handedTo(letter.handedTo.name, letter.handedTo.relation, letter.handedTo.idShown)}</dd>
          </>
        ) : null}
      </dl>
      <StepTimes letter={letter} />
      <ErrorAlert error={act.error} testId="letter-error" />

      {s === 'diterima' || s === 'dikembalikan' ? (
        <fieldset className="docs" data-testid="letter-docs">
          <legend>{tl.docs}</legend>
          {letter.requiredDocs.map((d, i) => (
            <label key={d} className="check">
              <input type="checkbox" data-testid={`doc-${i}`} checked={docs.includes(d)} onChange={(e) => setDocs(e.target.checked ? [...docs, d] : docs.filter((x) => x !== d))} /> {d}
            </label>
          ))}
          {s === 'dikembalikan' ? <Notice tone="warn" testId="letter-missing">{`${tl.missing} ${letter.docsMissing.join('; ')}`}</Notice> : null}
          <button type="button" className="btn btn-primary" data-testid="letter-check" disabled={act.pending} onClick={() => go(() => api('letters.check', { id, docsPresent: docs }))}>
            {tl.check}
          </button>
        </fieldset>
      ) : null}

      {s === 'lengkap' || s === 'draf' ? (
        <div className="draft" data-testid="letter-draft">
          <Field label={tl.sifat} value={draft.sifat} onChange={(v) => setDraft({ ...draft, sifat: v })} testId="draft-sifat" />
          <Field label={tl.lampiran} value={draft.lampiran} onChange={(v) => setDraft({ ...draft, lampiran: v })} testId="draft-lampiran" />
          <Field label={tl.subject} value={draft.subject} onChange={(v) => setDraft({ ...draft, subject: v })} testId="draft-subject" />
          <Field label={tl.body} value={draft.body} onChange={(v) => setDraft({ ...draft, body: v })} testId="draft-body" multiline />
          <Field label={tl.tembusan} value={draft.tembusan} onChange={(v) => setDraft({ ...draft, tembusan: v })} testId="draft-tembusan" multiline />
          <div className="actions">
            <button
              type="button"
              className="btn btn-primary"
              data-testid="letter-save-draft"
              disabled={act.pending}
              onClick={() => go(() => api('letters.draft', { id, ...draft, tembusan: draft.tembusan.split('\n').map((x) => x.trim()).filter(Boolean) }))}
            >
              {tl.saveDraft}
            </button>
            {s === 'draf' ? (
              <button type="button" className="btn btn-secondary" data-testid="letter-approve" disabled={act.pending} onClick={() => go(() => api('letters.approve', { id }))}>
                {tl.approve}
              </button>
            ) : null}
          </div>
        </div>
      ) : null}

      <div className="actions">
        {['ditandatangani', 'dicetak', 'diambil', 'diserahkan'].includes(s) ? (
          <button type="button" className={s === 'ditandatangani' ? 'btn btn-primary' : 'btn btn-secondary'} data-testid="letter-print" disabled={act.pending} onClick={() => go(() => api('letters.print', { id }))}>
            {s === 'ditandatangani' ? tl.print : tl.reprint}
          </button>
        ) : null}
        {s === 'dicetak' ? (
          <button type="button" className="btn btn-primary" data-testid="letter-collect" disabled={act.pending} onClick={() => go(() => api('letters.collect', { id }))}>
            {tl.collect}
          </button>
        ) : null}
        <button type="button" className="btn btn-secondary" data-testid="letter-pdf" onClick={() => void openPdf(id)}>
          {tl.pdf}
        </button>
      </div>

      {s === 'diambil' ? (
        <div className="handover" data-testid="letter-handover">
          <Field label={tl.receiverName} value={hand.receiverName} onChange={(v) => setHand({ ...hand, receiverName: v })} testId="hand-name" />
          <Field label={tl.relation} value={hand.relation} onChange={(v) => setHand({ ...hand, relation: v })} testId="hand-relation" />
          <Field label={tl.idShown} value={hand.idShown} onChange={(v) => setHand({ ...hand, idShown: v })} testId="hand-id" />
          <button type="button" className="btn btn-primary" data-testid="letter-handover-submit" disabled={act.pending} onClick={() => go(() => api('letters.handOver', { id, ...hand }))}>
            {tl.handOver}
          </button>
        </div>
      ) : null}

      {s !== 'diserahkan' && s !== 'batal' ? (
        <details className="cancel">
          <summary>{tl.cancel}</summary>
          <Field label={tl.cancelReason} value={reason} onChange={setReason} testId="cancel-reason" />
          <button type="button" className="btn btn-danger" data-testid="letter-cancel" disabled={act.pending} onClick={() => go(() => api('letters.cancel', { id, reason }))}>
            {tl.cancel}
          </button>
        </details>
      ) : null}
      {s === 'batal' ? <Notice tone="warn">{tl.cancelled(letter.cancelReason ?? '')}</Notice> : null}
    </section>
  );
}
