// Admin → Surat: the letterhead and page (KopEditor), the signing officials (with their scanned
// signature and stamp), who signs each letter type, and delegations with their period (a.n., u.b.,
// Plt., Plh.); then letter types and hospitals (TemplatesAdmin).
import { useState } from 'react';
import type { Official } from '../../../common/contract/index';
import { IMAGE_MAX_CHARS, officialProblems } from '../../../common/contract/letters';
import { DELEGATION_KINDS, DELEGATION_LABELS, type DelegationKind } from '../../../common/domain/signature';
import { t } from '../../i18n/id';
import { useAction, useLoad } from '../../app/hooks';
import { api } from '../../app/state/api';
import { ErrorAlert, Notice } from '../../components/Alert';
import { Field } from '../../components/Field';
import { KopEditor } from './KopEditor';
import { problemsError, readImage } from './formProblems';
import { TemplatesAdmin } from './TemplatesAdmin';
import './letters.css';

const ta = t.lettersAdmin;

const EMPTY_OFFICIAL = { id: null as string | null, name: '', title: '', rank: '', nip: '', userId: '', signatureImage: null as string | null, stampImage: null as string | null, active: true };
const OFFICIAL_LABELS: Record<string, string> = { name: ta.officialName, title: ta.officialTitle, rank: ta.rank, nip: ta.nip, signatureImage: ta.signatureImage, stampImage: ta.stampImage };

function OfficialsEditor({ officials, users, onSaved }: { officials: Official[]; users: { id: string; name: string }[]; onSaved(): void }) {
  const save = useAction();
  const [off, setOff] = useState(EMPTY_OFFICIAL);
  const [ok, setOk] = useState(false);
  const err = (k: string) => save.error?.fields?.[k];
  const edit = (o: Official) => {
    setOff({ id: o.id, name: o.name, title: o.title, rank: o.rank, nip: o.nip, userId: o.userId ?? '', signatureImage: o.signatureImage, stampImage: o.stampImage, active: o.active });
    save.setError(null);
    setOk(false);
  };
  const image = (k: 'signatureImage' | 'stampImage') => async (file: File | undefined) => {
    if (!file) return;
    const url = await readImage(file);
    if (url.length > IMAGE_MAX_CHARS) save.setError(problemsError({ [k]: ta.imageTooBig }, OFFICIAL_LABELS));
    else setOff((o) => ({ ...o, [k]: url }));
  };
  const imageField = (k: 'signatureImage' | 'stampImage', testId: string) => (
    <div className={`field${err(k) ? ' field-invalid' : ''}`}>
      <label>{OFFICIAL_LABELS[k]}
        <input type="file" accept="image/png,image/jpeg" data-testid={testId} onChange={(e) => void image(k)(e.target.files?.[0])} />
      </label>
      {off[k] ? (
        <p><img src={off[k]} alt="" style={{ maxHeight: 48 }} /> <button type="button" className="btn btn-secondary" onClick={() => setOff({ ...off, [k]: null })}>{ta.imageRemove}</button></p>
      ) : null}
      {err(k) ? <small className="field-error" data-testid={`${testId}-error`}>{err(k)}</small> : null}
    </div>
  );
  async function submit() {
    setOk(false);
    const local = problemsError(officialProblems(off), OFFICIAL_LABELS);
    if (local) return save.setError(local);
    const r = await save.run(() => api('officials.save', { ...off, userId: off.userId || null }));
    if (r.ok) {
      setOff(EMPTY_OFFICIAL);
      setOk(true);
      onSaved();
    }
  }
  return (
    <>
      <ul data-testid="officials">
        {officials.map((o) => (
          <li key={o.id}>
            {o.name} — {o.title} {o.nip ? `(NIP ${o.nip})` : ''} {o.active ? '' : ta.inactive}{' '}
            <button type="button" className="btn btn-ghost" data-testid="off-edit" onClick={() => edit(o)}>{t.app.edit}</button>
          </li>
        ))}
      </ul>
      <h3>{off.id ? ta.editOfficial : ta.newOfficial}</h3>
      <Field label={ta.officialName} value={off.name} onChange={(v) => setOff({ ...off, name: v })} testId="off-name" error={err('name')} mandatory limit={200} />
      <Field label={ta.officialTitle} value={off.title} onChange={(v) => setOff({ ...off, title: v })} testId="off-title" error={err('title')} mandatory limit={200} />
      <Field label={ta.rank} value={off.rank} onChange={(v) => setOff({ ...off, rank: v })} testId="off-rank" error={err('rank')} limit={100} />
      <Field label={ta.nip} value={off.nip} onChange={(v) => setOff({ ...off, nip: v })} testId="off-nip" error={err('nip')} hint="19670401 200003 1 006" />
      <label className="field">{ta.user}
        <select data-testid="off-user" value={off.userId} onChange={(e) => setOff({ ...off, userId: e.target.value })}>
          <option value="">—</option>
          {users.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
        </select>
        {err('userId') ? <small className="field-error">{err('userId')}</small> : null}
      </label>
      {imageField('signatureImage', 'off-signature')}
      {imageField('stampImage', 'off-stamp')}
      <label className="check"><input type="checkbox" data-testid="off-active" checked={off.active} onChange={(e) => setOff({ ...off, active: e.target.checked })} /> {ta.active}</label>
      <ErrorAlert error={save.error} testId="off-error" />
      <button type="button" className="btn btn-secondary" data-testid="off-add" disabled={save.pending} onClick={() => void submit()}>{off.id ? t.app.save : ta.addOfficial}</button>
      {off.id ? <button type="button" className="btn btn-ghost" onClick={() => (setOff(EMPTY_OFFICIAL), save.setError(null))}>{ta.cancelEdit}</button> : null}
      {ok ? <Notice testId="off-saved">{ta.saved}</Notice> : null}
    </>
  );
}

export function LettersAdmin() {
  const setup = useLoad(() => api('letters.setup', {}));
  const users = useLoad(() => api('users.list', {}));
  const save = useAction();
  const [del, setDel] = useState({ kind: 'an' as DelegationKind, principalId: '', delegateId: '', viaId: '', validFrom: '', validTo: '' });
  const d = setup.data;
  const officials = d?.officials ?? [];
  const name = (id: string | null) => officials.find((o) => o.id === id)?.name ?? '—';
  const pick = (testId: string, value: string, onChange: (v: string) => void, list: { id: string; name: string }[]) => (
    <select data-testid={testId} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">—</option>
      {list.map((x) => <option key={x.id} value={x.id}>{x.name}</option>)}
    </select>
  );
  if (!d) return <div data-testid="panel-letters" data-state="loading" />;
  return (
    <div data-testid="panel-letters" data-state={setup.state} className="letters-admin">
      <KopEditor settings={d.settings} onSaved={() => void setup.reload()} />
      <section className="panel">
        <h2>{ta.officials}</h2>
        <OfficialsEditor officials={officials} users={(users.data ?? []).map((u) => ({ id: u.id, name: u.fullName }))} onSaved={() => void setup.reload()} />
        <ErrorAlert error={save.error} testId="letters-admin-error" />
        {d.types.filter((x) => x.kind === 'rekomendasi').map((type) => (
          <label key={type.id} className="field">{`${ta.typeSigner}: ${type.name}`}
            {pick(`type-signer-${type.code}`, type.signerOfficialId ?? '', async (v) => {
              const r = await save.run(() => api('letterTypes.save', { ...type, signerOfficialId: v || null }));
              if (r.ok) void setup.reload();
            }, officials.filter((o) => o.active || o.id === type.signerOfficialId))}
          </label>
        ))}
      </section>
      <section className="panel">
        <h2>{ta.delegations}</h2>
        <ul data-testid="delegations">
          {d.delegations.map((x) => (
            <li key={x.id}>
              {DELEGATION_LABELS[x.kind]}: {name(x.principalId)} → {name(x.delegateId)} ({x.validFrom} – {x.validTo ?? '…'}) {x.revokedAt ? ta.revoked : (
                <button type="button" className="btn btn-secondary" onClick={async () => { await save.run(() => api('delegations.revoke', { id: x.id })); void setup.reload(); }}>{ta.revoke}</button>
              )}
            </li>
          ))}
        </ul>
        <label className="field">{ta.kind}
          <select data-testid="del-kind" value={del.kind} onChange={(e) => setDel({ ...del, kind: e.target.value as DelegationKind })}>
            {DELEGATION_KINDS.map((k) => <option key={k} value={k}>{DELEGATION_LABELS[k]}</option>)}
          </select>
        </label>
        <label className="field">{ta.principal}{pick('del-principal', del.principalId, (v) => setDel({ ...del, principalId: v }), officials)}</label>
        <label className="field">{ta.delegate}{pick('del-delegate', del.delegateId, (v) => setDel({ ...del, delegateId: v }), officials)}</label>
        {del.kind === 'ub' ? <label className="field">{ta.via}{pick('del-via', del.viaId, (v) => setDel({ ...del, viaId: v }), officials)}</label> : null}
        <label className="field">{ta.from}<input type="date" data-testid="del-from" value={del.validFrom} onChange={(e) => setDel({ ...del, validFrom: e.target.value })} /></label>
        <label className="field">{ta.to}<input type="date" data-testid="del-to" value={del.validTo} onChange={(e) => setDel({ ...del, validTo: e.target.value })} /></label>
        <button type="button" className="btn btn-secondary" data-testid="del-add" disabled={save.pending} onClick={async () => {
          const r = await save.run(() => api('delegations.create', { ...del, viaId: del.viaId || null, validTo: del.validTo || null, note: '' }));
          if (r.ok) void setup.reload();
        }}>{ta.addDelegation}</button>
      </section>
      <TemplatesAdmin types={d.types} hospitals={d.hospitals} onSaved={() => void setup.reload()} />
    </div>
  );
}
