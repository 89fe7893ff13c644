// Admin → Surat: the letterhead and page, the signing officials, who signs each letter type, and
// delegations with their period (a.n., u.b., Plt., Plh.).
import { useEffect, useState } from 'react';
import type { LetterSettings } from '../../../common/contract/index';
import { DELEGATION_KINDS, DELEGATION_LABELS, type DelegationKind } from '../../../common/domain/signature';
import { t } from '../../i18n/id';
import { useAction, useLoad } from '../../app/hooks';
import { api } from '../../app/state/api';
import { ErrorAlert, Notice } from '../../components/Alert';
import { Field } from '../../components/Field';
import { TemplatesAdmin } from './TemplatesAdmin';

/** A chosen image file as a data URL (the host checks type and size again). */
const readImage = (file: File) =>
  new Promise<string>((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result));
    r.onerror = () => reject(r.error);
    r.readAsDataURL(file);
  });

const ta = t.lettersAdmin;

export function LettersAdmin() {
  const setup = useLoad(() => api('letters.setup', {}));
  const users = useLoad(() => api('users.list', {}));
  const save = useAction();
  const [s, setS] = useState<LetterSettings | null>(null);
  const [saved, setSaved] = useState(false);
  const [off, setOff] = useState({ name: '', title: '', rank: '', nip: '', userId: '' });
  const [del, setDel] = useState({ kind: 'an' as DelegationKind, principalId: '', delegateId: '', viaId: '', validFrom: '', validTo: '' });
  useEffect(() => setS(setup.data?.settings ?? null), [setup.data]);
  const d = setup.data;
  const officials = d?.officials ?? [];
  const name = (id: string | null) => officials.find((o) => o.id === id)?.name ?? '—';
  const pick = (testId: string, value: string, onChange: (v: string) => void, list: { id: string; name: string }[]) => (
    <select data-testid={testId} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">—</option>
      {list.map((x) => <option key={x.id} value={x.id}>{x.name}</option>)}
    </select>
  );
  if (!d || !s) return <div data-testid="panel-letters" data-state="loading" />;
  const text = (k: keyof LetterSettings, label: string) => (
    <Field label={label} value={String(s[k] ?? '')} onChange={(v) => setS({ ...s, [k]: v })} testId={`kop-${k}`} error={save.error?.fields?.[k]} />
  );
  return (
    <div data-testid="panel-letters" data-state={setup.state} className="letters-admin">
      <ErrorAlert error={save.error} testId="letters-admin-error" />
      <section className="panel">
        <h2>{ta.kop}</h2>
        {text('government', ta.government)}
        {text('officeName', ta.officeName)}
        {text('address', ta.address)}
        {text('officePhone', ta.phone)}
        {text('email', ta.email)}
        {text('website', ta.website)}
        {text('closingLine', ta.closingLine)}
        {text('place', ta.place)}
        {text('verifyBaseUrl', ta.verifyBaseUrl)}
        <label className="field">{ta.paper}
          <select data-testid="kop-paper" value={s.paper} onChange={(e) => setS({ ...s, paper: e.target.value as LetterSettings['paper'] })}>
            <option value="A4">A4 (210 × 297 mm)</option>
            <option value="F4">F4 (215 × 330 mm)</option>
          </select>
        </label>
        <label className="field">{ta.font}
          <select data-testid="kop-font" value={s.font} onChange={(e) => setS({ ...s, font: e.target.value as LetterSettings['font'] })}>
            <option value="Helvetica">Helvetica</option>
            <option value="Times">Times</option>
          </select>
        </label>
        <label className="field">{ta.emblem}
          <input type="file" accept="image/png,image/jpeg" data-testid="kop-emblem" onChange={async (e) => {
            const file = e.target.files?.[0];
            if (file) setS({ ...s, emblem: await readImage(file) });
          }} />
        </label>
        {s.emblem ? (
          <p><img src={s.emblem} alt="" style={{ maxHeight: 64 }} /> <button type="button" className="btn btn-secondary" onClick={() => setS({ ...s, emblem: null })}>{ta.emblemRemove}</button></p>
        ) : null}
        <Field label={ta.fontSize} value={String(s.fontSize)} onChange={(v) => setS({ ...s, fontSize: Number(v) || 0 })} testId="kop-fontSize" inputMode="numeric" />
        <button type="button" className="btn btn-primary" data-testid="kop-save" disabled={save.pending} onClick={async () => {
          const r = await save.run(() => api('letters.saveSettings', s));
          setSaved(r.ok);
        }}>{t.app.save}</button>
        {saved ? <Notice testId="kop-saved">{ta.saved}</Notice> : null}
      </section>
      <section className="panel">
        <h2>{ta.officials}</h2>
        <ul data-testid="officials">{officials.map((o) => <li key={o.id}>{o.name} — {o.title} {o.nip ? `(NIP ${o.nip})` : ''}</li>)}</ul>
        <Field label={ta.officialName} value={off.name} onChange={(v) => setOff({ ...off, name: v })} testId="off-name" />
        <Field label={ta.officialTitle} value={off.title} onChange={(v) => setOff({ ...off, title: v })} testId="off-title" />
        <Field label={ta.rank} value={off.rank} onChange={(v) => setOff({ ...off, rank: v })} testId="off-rank" />
        <Field label={ta.nip} value={off.nip} onChange={(v) => setOff({ ...off, nip: v })} testId="off-nip" error={save.error?.fields?.nip} />
        <label className="field">{ta.user}{pick('off-user', off.userId, (v) => setOff({ ...off, userId: v }), (users.data ?? []).map((u) => ({ id: u.id, name: u.fullName })))}</label>
        <button type="button" className="btn btn-secondary" data-testid="off-add" disabled={save.pending} onClick={async () => {
          const r = await save.run(() => api('officials.save', { id: null, ...off, userId: off.userId || null, signatureImage: null, stampImage: null, active: true }));
          if (r.ok) (setOff({ name: '', title: '', rank: '', nip: '', userId: '' }), void setup.reload());
        }}>{ta.addOfficial}</button>
        {d.types.filter((x) => x.kind === 'rekomendasi').map((type) => (
          <label key={type.id} className="field">{`${ta.typeSigner}: ${type.name}`}
            {pick(`type-signer-${type.code}`, type.signerOfficialId ?? '', async (v) => {
              const r = await save.run(() => api('letterTypes.save', { ...type, signerOfficialId: v || null }));
              if (r.ok) void setup.reload();
            }, officials)}
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
